/**
 * `vigie replay CORPUS.jsonl --board ID [--out traj.csv]`: replays a corpus in publication order
 * into a scratch store, day by day (extraction + analysis), writes each hypothesis's trajectory
 * and lists every alert that would have fired, with its date.
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  detectThresholdCrossings,
  evaluateAlertRules,
  type AlertRule,
} from '../../alert/evaluate-rules.js';
import type { AlertFiring } from '../../alert/alert-firing.js';
import {
  replayCorpus,
  trajectoryCsv,
  type ReplayResult,
} from '../../analyse/replay/replay-corpus.js';
import type { Watchboard } from '../../analyse/watchboards/board-schema.js';
import { InputDocumentSchema, type InputDocument } from '../../domain/document.js';
import { InputError, NotFoundError, formatIssues } from '../../domain/errors.js';
import { analyseAndAlert } from '../../pipeline/analysis-pipeline.js';
import { ingestStages } from '../../pipeline/ingest-stages.js';
import { processDocuments, type ExtractFn } from '../../pipeline/process-documents.js';
import { openStore } from '../../store/open-store.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { CommandModule } from './command-module.js';
import { loadConfiguredBoards } from './board-loading.js';

interface ReplayCliOptions {
  board: string;
  out?: string;
  scratch?: string;
  json?: boolean;
}

export const replayCommand: CommandModule = {
  register(program: Command, run) {
    program
      .command('replay <corpus>')
      .description('replay a JSONL corpus day by day into a scratch store: trajectories and alerts')
      .requiredOption('--board <id>', 'watchboard to score')
      .option('--out <file>', 'write the trajectory as CSV (date,board,hypothesis,probability)')
      .option('--scratch <file>', 'scratch SQLite file (default: in memory)')
      .option('--json', 'machine-readable output')
      .action((corpus: string, options: ReplayCliOptions) =>
        run((ctx) => runReplayCommand(ctx, corpus, options)),
      );
  },
};

/** A rule every replay reports: the hypothesis crossing 50 % either way. */
export const HALF_WAY_RULE: AlertRule = {
  id: 'replay-50',
  kind: 'threshold',
  above: 0.5,
  below: 0.5,
  notify: [],
};

export interface ReplayAlert {
  readonly at: string;
  readonly ruleId: string;
  readonly kind: string;
  readonly title: string;
}

export interface RunReplayResult extends ReplayResult {
  readonly alerts: readonly ReplayAlert[];
  readonly skipped: readonly string[];
}

/** The replay itself, with the extractor injectable (tests pass pre-extracted mentions). */
export async function runReplay(options: {
  corpus: string;
  board: Watchboard;
  rules?: readonly AlertRule[];
  extract?: ExtractFn;
  scratch?: string;
  onDay?: (day: string, documents: number) => void;
  /** Score the quiet days too (through `until`): a daily trajectory for backtests. */
  everyDay?: { until?: string };
  /** Each quiet day scored in the store (the slow reference; see replay-corpus.ts). */
  quietDaysInStore?: boolean;
}): Promise<RunReplayResult> {
  const { documents, skipped } = readCorpus(options.corpus);
  const store = await openStore({ url: options.scratch ?? ':memory:' });
  try {
    // The stages and analysis of every other way in (one pipeline), day by day.
    const stages = ingestStages(options.extract);
    const result = await replayCorpus(store, documents, {
      board: options.board,
      ingest: async (docs) => {
        const processed = await processDocuments(
          store,
          docs.map((value, i) => ({ line: i + 1, file: options.corpus, value })),
          stages,
        );
        return processed.documentIds;
      },
      // Alerts are listed from each day's signals below; none are recorded in the scratch store.
      analyse: async (ids, asOf) =>
        (await analyseAndAlert(store, ids, { boards: [options.board], rules: [] }, asOf)).signals,
      ...(options.onDay ? { onDay: (d) => options.onDay!(d.day, d.documentIds.length) } : {}),
      ...(options.everyDay ? { everyDay: options.everyDay } : {}),
      ...(options.quietDaysInStore ? { quietDaysInStore: true } : {}),
    });
    const rules = [HALF_WAY_RULE, ...(options.rules ?? [])];
    const firings: { at: string; firing: AlertFiring }[] = detectThresholdCrossings(
      result.trajectory,
      rules.filter((r) => r.kind === 'threshold'),
    ).map((firing) => ({ at: firing.payload.at, firing }));
    const others = rules.filter((r) => r.kind !== 'threshold');
    for (const day of result.days) {
      for (const firing of evaluateAlertRules(others, day.signals, { now: day.day })) {
        firings.push({ at: day.day, firing });
      }
    }
    const alerts = firings
      .map(({ at, firing }) => ({
        at: at.slice(0, 10),
        ruleId: firing.ruleId,
        kind: firing.kind,
        title: firing.title,
      }))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    return { ...result, alerts, skipped };
  } finally {
    await store.close();
  }
}

async function runReplayCommand(
  ctx: CliContext,
  corpus: string,
  options: ReplayCliOptions,
): Promise<number> {
  const boards = loadConfiguredBoards(ctx);
  const board = boards.find((b) => b.id === options.board);
  if (!board)
    throw new NotFoundError(
      `no watchboard "${options.board}" (known: ${boards.map((b) => b.id).join(', ') || 'none'})`,
    );
  const result = await runReplay({
    corpus,
    board,
    rules: ctx.config.alerts.rules,
    ...(options.scratch ? { scratch: options.scratch } : {}),
    onDay: (day, n) => ctx.info(`replay: ${day}: ${n} document(s)`),
  });
  for (const s of result.skipped) ctx.info(`vigie: replay skipped ${s}`);
  if (options.out) writeFileSync(options.out, trajectoryCsv(result.trajectory));
  if (options.json) {
    ctx.out(
      JSON.stringify(
        {
          documents: result.documents,
          days: result.days.length,
          trajectory: result.trajectory,
          alerts: result.alerts,
        },
        null,
        2,
      ),
    );
  } else {
    ctx.out(
      `replayed ${result.documents} document(s) over ${result.days.length} day(s) on board ${board.id}`,
    );
    const last = new Map(result.trajectory.map((p) => [p.hypothesisId, p]));
    for (const h of board.hypotheses) {
      const p = [...last.values()].find((x) => x.hypothesisId.endsWith(`/${h.id}`));
      ctx.out(
        `  ${h.id}: ${(h.prior * 100).toFixed(1)}% → ${((p?.probability ?? h.prior) * 100).toFixed(1)}%`,
      );
    }
    ctx.out(
      result.alerts.length === 0
        ? 'no alert would have fired'
        : `${result.alerts.length} alert(s) would have fired:`,
    );
    for (const a of result.alerts) ctx.out(`  ${a.at}  ${a.ruleId}  ${a.title}`);
    if (options.out) ctx.out(`trajectory written to ${options.out}`);
  }
  return result.skipped.length > 0 ? EXIT.partial : EXIT.ok;
}

function readCorpus(file: string): { documents: InputDocument[]; skipped: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read corpus ${file}: ${(error as Error).message}`, file);
  }
  const documents: InputDocument[] = [];
  const skipped: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      skipped.push(`${file}:${i + 1}: invalid JSON (${(error as Error).message})`);
      return;
    }
    const parsed = InputDocumentSchema.safeParse(value);
    if (parsed.success) documents.push(parsed.data);
    else skipped.push(`${file}:${i + 1}: ${formatIssues(parsed.error.issues)}`);
  });
  return { documents, skipped };
}
