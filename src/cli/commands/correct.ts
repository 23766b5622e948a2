/**
 * `vigie correct MENTION --modality HEDGED …` and `vigie corrections list|revoke`: an analyst's
 * corrections from the command line, through the same repository and rescoring as the API
 * (pipeline/correct-mentions, docs/corrections.md).
 * @module
 */
import type { Command } from 'commander';
import type { z } from 'zod';
import { InputError } from '../../domain/errors.js';
import {
  ActorCodeSchema,
  EventTypeSchema,
  ModalitySchema,
  PartialDateSchema,
} from '../../domain/ontology.js';
import { loadAnalysisSetup } from '../../pipeline/analysis-pipeline.js';
import {
  correctMention,
  revokeMentionCorrection,
  type RescoredCorrection,
} from '../../pipeline/correct-mentions.js';
import {
  listCorrections,
  type CorrectedFields,
  type Correction,
} from '../../store/corrections-repo.js';
import type { CliContext } from '../context.js';
import type { CommandModule } from './command-module.js';

interface CorrectOptions {
  type?: string;
  source?: string;
  target?: string;
  modality?: string;
  date?: string;
  reject?: boolean;
  note?: string;
  by: string;
  json?: boolean;
}

const CLEAR = 'none';

function checked<T>(schema: z.ZodType<T>, value: string, flag: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new InputError(
      `${flag}: ${parsed.error.issues[0]?.message ?? 'invalid'}, got "${value}"`,
      flag,
    );
  }
  return parsed.data;
}

/** The new values the options give; `none` clears an actor or the date. */
export function changesOf(o: CorrectOptions): Partial<CorrectedFields> {
  const changes: { -readonly [K in keyof CorrectedFields]?: CorrectedFields[K] } = {};
  if (o.type !== undefined) changes.type = checked(EventTypeSchema, o.type, '--type');
  if (o.modality !== undefined)
    changes.modality = checked(ModalitySchema, o.modality, '--modality');
  for (const role of ['source', 'target'] as const) {
    const v = o[role];
    if (v !== undefined)
      changes[role] = v === CLEAR ? null : checked(ActorCodeSchema, v, `--${role}`);
  }
  if (o.date !== undefined)
    changes.date = o.date === CLEAR ? null : checked(PartialDateSchema, o.date, '--date');
  const given = Object.keys(changes).length > 0;
  if (o.reject && given) throw new InputError('--reject takes no new values', '--reject');
  if (!o.reject && !given) {
    throw new InputError(
      'give --reject or at least one of --type --source --target --modality --date',
      'MENTION',
    );
  }
  return changes;
}

function fields(f: CorrectedFields | null): string {
  if (!f) return 'rejected';
  return `${f.type} ${f.source ?? '?'}→${f.target ?? '?'} ${f.modality} ${f.date ?? 'undated'}`;
}

export function describeCorrection(c: Correction): string {
  const revoked = c.revokedAt ? `  revoked by ${c.revokedBy} ${c.revokedAt}` : '';
  const note = c.note ? `  "${c.note}"` : '';
  return `${c.id}  ${c.createdAt}  ${c.createdBy}  ${c.mentionId}  ${fields(c.before)} ⇒ ${fields(c.after)}${note}${revoked}`;
}

function report(ctx: CliContext, result: RescoredCorrection, json?: boolean): void {
  if (json) {
    ctx.out(JSON.stringify(result, null, 2));
    return;
  }
  ctx.out(describeCorrection(result.correction));
  ctx.out(
    result.mentionId
      ? `mention ${result.mentionId} is now in event ${result.eventId ?? '(none)'}`
      : 'the mention is rejected: it counts nowhere',
  );
  for (const h of result.hypothesisChanges) {
    ctx.out(`${h.hypothesisId}: ${(h.before * 100).toFixed(1)}% → ${(h.after * 100).toFixed(1)}%`);
  }
  if (result.alertsRecorded > 0) ctx.out(`${result.alertsRecorded} alert(s) recorded`);
}

function setupOf(ctx: CliContext) {
  const setup = loadAnalysisSetup(ctx.config);
  for (const problem of setup.problems) ctx.info(`vigie: warning: ${problem}`);
  return setup;
}

export const correctCommand: CommandModule = {
  register(program: Command, run) {
    program
      .command('correct')
      .description(
        'correct a mention (reject it, or change its type, actors, modality or date) and rescore',
      )
      .argument('<mention>', 'mention id, as `vigie events` and the API show it (doc-id#N)')
      .option('--type <type>', 'event type (ontology code, e.g. TECH_TRANSFER)')
      .option('--source <actor>', `source actor code (e.g. PRK), or ${CLEAR}`)
      .option('--target <actor>', `target actor code, or ${CLEAR}`)
      .option('--modality <modality>', 'ASSERTED, HEDGED, NEGATED, HYPOTHETICAL or PLANNED')
      .option('--date <date>', `YYYY, YYYY-MM or YYYY-MM-DD, or ${CLEAR}`)
      .option('--reject', 'mark the mention wrong: it counts nowhere')
      .option('--note <text>', 'why (kept in the audit trail)')
      .option('--by <name>', 'who corrects (audit trail)', 'cli')
      .option('--json', 'machine-readable output')
      .action((mention: string, options: CorrectOptions) =>
        run(async (ctx) => {
          const changes = changesOf(options);
          const store = await ctx.store();
          const result = await correctMention(store, setupOf(ctx), {
            mentionId: mention,
            ...(options.reject ? { reject: true } : { changes }),
            note: options.note ?? null,
            by: options.by,
          });
          report(ctx, result, options.json);
        }),
      );
  },
};

export const correctionsCommand: CommandModule = {
  register(program: Command, run) {
    const corrections = program
      .command('corrections')
      .description("list analysts' corrections of mentions, or revoke one");
    corrections
      .command('list')
      .description('corrections, newest first')
      .option('--document <id>', 'only the corrections of this document')
      .option('--live', 'only corrections in force (not revoked)')
      .option('--by <name>', 'only corrections made by this name')
      .option('--limit <n>', 'corrections listed at most', '50')
      .option('--json', 'machine-readable output')
      .action(
        (o: { document?: string; live?: boolean; by?: string; limit: string; json?: boolean }) =>
          run(async (ctx) => {
            const limit = Number(o.limit);
            if (!Number.isInteger(limit) || limit < 1)
              throw new InputError(
                `--limit: expected a positive integer, got "${o.limit}"`,
                '--limit',
              );
            const store = await ctx.store();
            const items = await listCorrections(
              store.db,
              {
                ...(o.document ? { documentId: o.document } : {}),
                ...(o.live ? { live: true } : {}),
                ...(o.by ? { by: o.by } : {}),
              },
              { limit },
            );
            if (o.json) ctx.out(JSON.stringify(items, null, 2));
            else
              ctx.out(
                items.length === 0 ? 'no corrections' : items.map(describeCorrection).join('\n'),
              );
          }),
      );
    corrections
      .command('revoke')
      .description('revoke a correction (audited) and rescore from the mention as it was')
      .argument('<id>', 'correction id (cor-…)')
      .option('--note <text>', 'why (kept in the audit trail)')
      .option('--by <name>', 'who revokes (audit trail)', 'cli')
      .option('--json', 'machine-readable output')
      .action((id: string, o: { note?: string; by: string; json?: boolean }) =>
        run(async (ctx) => {
          const store = await ctx.store();
          const result = await revokeMentionCorrection(store, setupOf(ctx), {
            id,
            by: o.by,
            note: o.note ?? null,
          });
          report(ctx, result, o.json);
        }),
      );
  },
};
