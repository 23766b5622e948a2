/**
 * `vigie source suggest-grades [--source ID] [--json]` and `vigie source grade ID GRADE [--note]`:
 * each source's track record with the Admiralty grade it suggests and why, and applying a grade
 * with its audit record (docs/source-grades.md). Suggestions never change a grade by themselves.
 * @module
 */
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import {
  gradeSource,
  readTrackRecords,
  type SourceTrackRecord,
} from '../../analyse/sources/source-track-records.js';
import { appendAll } from '../../domain/append-all.js';
import { NotFoundError } from '../../domain/errors.js';
import type { CliContext } from '../context.js';
import { formatTable } from '../format-rows.js';
import type { RunAction } from './command-module.js';

/** Sources read per store round: the read's own page bound. */
const PAGE = 50;

export function registerGradeCommands(source: Command, run: RunAction): void {
  source
    .command('suggest-grades')
    .description('each source’s track record and the reliability grade it suggests, with reasons')
    .option('--source <id>', 'one source (id or URL), with the claims behind its record')
    .option('--json', 'machine-readable output')
    .action((options: { source?: string; json?: boolean }) =>
      run((ctx) => suggest(ctx, options.source, options.json === true)),
    );
  source
    .command('grade <id> <grade>')
    .description('apply a reliability grade (A–F) to a source, with an audit record')
    .option('--note <text>', 'why, in a sentence')
    .action((id: string, grade: string, options: { note?: string }) =>
      run((ctx) => applyGradeFromCli(ctx, id, grade, options.note)),
    );
}

/** `set-reliability` is `grade` without a note: the same audited write. */
export async function applyGradeFromCli(
  ctx: CliContext,
  id: string,
  grade: string,
  note: string | undefined,
): Promise<void> {
  const { source, change } = await gradeSource(await ctx.store(), {
    source: id,
    grade,
    note: note ?? null,
    recordedBy: `cli:${userInfo().username}`,
  });
  const suggested = change.suggested === null ? '' : ` (suggested ${change.suggested})`;
  ctx.info(
    `source ${source.id} (${source.name}) is now graded ${change.after}, was ${change.before}${suggested}`,
  );
}

async function suggest(ctx: CliContext, sourceId: string | undefined, json: boolean) {
  const store = await ctx.store();
  const items: SourceTrackRecord[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await readTrackRecords(store, {
      ...(sourceId !== undefined ? { sourceId } : {}),
      limit: PAGE,
      offset,
    });
    appendAll(items, page.items);
    if (offset + PAGE >= page.total) break;
  }
  if (sourceId !== undefined && items.length === 0)
    throw new NotFoundError(`no source ${sourceId} (see \`vigie source list\`)`);
  if (json) {
    ctx.out(
      JSON.stringify(
        items.map((i) => (sourceId === undefined ? { ...i, claims: undefined } : i)),
        null,
        2,
      ),
    );
    return;
  }
  if (items.length === 0) {
    ctx.info('no sources yet: `vigie source add URL`');
    return;
  }
  ctx.out(
    formatTable(
      [
        { header: 'id', value: (r) => r.source.id, max: 24 },
        { header: 'source', value: (r) => r.source.name, max: 28 },
        { header: 'claims', value: (r) => r.record.claims },
        { header: 'confirmed', value: (r) => r.record.confirmed },
        { header: 'contradicted', value: (r) => r.record.contradicted },
        { header: 'open', value: (r) => r.record.open },
        { header: 'first', value: (r) => `${r.record.lead.first}/${r.record.lead.compared}` },
        { header: 'grade', value: (r) => r.source.reliability },
        {
          header: 'suggested',
          value: (r) => `${r.suggestion.suggested}${r.suggestion.change ? ' *' : ''}`,
        },
      ],
      items,
    ),
  );
  for (const r of items) {
    ctx.out(`\n${r.source.name} (${r.source.id}): ${r.suggestion.suggested}`);
    for (const reason of r.suggestion.reasons) ctx.out(`  ${reason}`);
    if (r.record.carried > 0)
      ctx.out(`  ${r.record.carried} document(s) carrying another origin’s report, not counted`);
    if (sourceId === undefined) continue;
    for (const c of r.claims)
      ctx.out(
        `  ${c.status.padEnd(12)} ${c.firstReported.slice(0, 10)}  ${c.eventId}  ${c.eventType}${c.hypothesisId ? `  ${c.hypothesisId}` : ''}${c.by === 'corroboration' ? '  (independent origin)' : ''}`,
      );
  }
  if (items.some((r) => r.suggestion.change))
    ctx.out('\n* differs from the current grade: apply it with `vigie source grade ID GRADE`');
}
