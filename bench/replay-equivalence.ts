/**
 * Proof that the fast replay changes no result: the same corpus replayed twice, once with runs of
 * quiet days scored in memory (the default) and once with every quiet day scored in the store as
 * before (`quietDaysInStore`), each into its own scratch file. Every output must be byte-identical:
 * the trajectory, each document day's signals, the alerts, the backtest scores, and the analysis
 * tables left in the store. Used by `bench/backtest-check.ts` on the backtest corpus and by
 * test/analyse/replay-equivalence.test.ts on a fixture.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { scoreBacktest, type BacktestScores } from '../src/analyse/scoring/backtest-scores.js';
import type { FileResolution, Watchboard } from '../src/analyse/watchboards/board-schema.js';
import { runReplay, type RunReplayResult } from '../src/cli/commands/replay.js';
import type { ExtractFn } from '../src/pipeline/process-documents.js';

/** What analysis leaves in the store (mentions: only their events; ingest stamps them with the clock). */
const ANALYSIS_TABLES: readonly (readonly [string, string])[] = [
  ['events', 'SELECT * FROM events ORDER BY id'],
  ['mention events', 'SELECT id, event_id FROM mentions ORDER BY id'],
  ['board_matches', 'SELECT * FROM board_matches ORDER BY id'],
  ['watchboards', 'SELECT * FROM watchboards ORDER BY id'],
  ['hypotheses', 'SELECT * FROM hypotheses ORDER BY id'],
  ['indicators', 'SELECT * FROM indicators ORDER BY id'],
  ['evidence', 'SELECT * FROM evidence ORDER BY id'],
  ['analysis_state', 'SELECT * FROM analysis_state ORDER BY key'],
  ['trend_counts', 'SELECT * FROM trend_counts ORDER BY id'],
];

/**
 * Story ids are random UUIDs (and keys listing several are sorted by them): all read as one, so
 * two replays compare.
 */
function withoutStoryIds(text: string): string {
  return text.replace(
    /story-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
    'story-*',
  );
}

export interface ReplayRun {
  readonly replay: RunReplayResult;
  readonly scores: BacktestScores;
  /** Canonical JSON of each output, compared byte for byte. */
  readonly outputs: ReadonlyMap<string, string>;
}

export interface Equivalence {
  readonly fast: ReplayRun;
  readonly differences: readonly string[];
  /** sha256 of each output of the fast run (the same as the reference's when no difference). */
  readonly digests: Readonly<Record<string, string>>;
}

export interface EquivalenceOptions {
  readonly corpus: string;
  readonly board: Watchboard;
  readonly resolutions: readonly FileResolution[];
  readonly heldFrom?: string;
  readonly until?: string;
  readonly extract?: ExtractFn;
}

export async function compareReplays(options: EquivalenceOptions): Promise<Equivalence> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-replay-equivalence-'));
  try {
    const fast = await replayOnce(options, join(dir, 'fast.db'), false);
    const reference = await replayOnce(options, join(dir, 'reference.db'), true);
    const differences = [...fast.outputs.keys()].filter(
      (k) => fast.outputs.get(k) !== reference.outputs.get(k),
    );
    const digests = Object.fromEntries(
      [...fast.outputs].map(([k, v]) => [k, createHash('sha256').update(v).digest('hex')]),
    );
    return { fast, differences, digests };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function replayOnce(
  options: EquivalenceOptions,
  scratch: string,
  quietDaysInStore: boolean,
): Promise<ReplayRun> {
  const replay = await runReplay({
    corpus: options.corpus,
    board: options.board,
    scratch,
    everyDay: options.until ? { until: options.until } : {},
    quietDaysInStore,
    ...(options.extract ? { extract: options.extract } : {}),
  });
  const scores = scoreBacktest(
    options.board,
    replay.trajectory,
    options.resolutions,
    options.heldFrom,
  );
  const outputs = new Map<string, string>([
    ['trajectory', JSON.stringify(replay.trajectory)],
    ['days', withoutStoryIds(JSON.stringify(replay.days))],
    ['alerts', JSON.stringify(replay.alerts)],
    ['scores', JSON.stringify(scores)],
  ]);
  const sqlite = new SqliteDatabase(scratch, { readonly: true });
  try {
    for (const [table, query] of ANALYSIS_TABLES)
      outputs.set(
        `table ${table}`,
        withoutStoryIds(JSON.stringify(sqlite.prepare(query).raw().all())),
      );
  } finally {
    sqlite.close();
  }
  return { replay, scores, outputs };
}
