/**
 * Replays a corpus day by day into a (scratch) store: documents are taken in publication order,
 * each day's documents are stored by the injected `ingest` (extraction included), analysed, and
 * the board's probabilities recorded, so a user sees when a warning would have come.
 * @module
 */
import { appendAll } from '../../domain/append-all.js';
import type { InputDocument } from '../../domain/document.js';
import type { AlertSignals } from '../../domain/signals.js';
import type { Store } from '../../store/open-store.js';
import { analyseDocuments, type AnalyseOptions } from '../analyse-documents.js';
import type { Watchboard } from '../watchboards/board-schema.js';
import { dayNumber, dayString } from '../dates.js';
import { hypothesisKey } from '../watchboards/score-boards.js';
import { endOfDay, scoreQuietDays, storedProbabilities, type ScoredDay } from './quiet-days.js';

export interface ReplayPoint {
  readonly boardId: string;
  readonly hypothesisId: string;
  readonly title: string;
  /** YYYY-MM-DD */
  readonly at: string;
  readonly probability: number;
  readonly evidenceIds: readonly string[];
}

export interface ReplayDay {
  readonly day: string;
  readonly documentIds: readonly string[];
  readonly signals: AlertSignals;
}

export interface ReplayResult {
  readonly trajectory: readonly ReplayPoint[];
  readonly days: readonly ReplayDay[];
  readonly documents: number;
  /** Documents without a publication date: replayed on the last day. */
  readonly undated: number;
}

export interface ReplayOptions {
  readonly board: Watchboard;
  /** Stores one day's documents (with their mentions) and returns the ids stored. */
  readonly ingest: (documents: readonly InputDocument[]) => Promise<readonly string[]>;
  /**
   * Analyses one day's stored documents as of that day (default: analyseDocuments on the board
   * alone); the CLI passes the pipeline's analysis, which also marks them analysed.
   */
  readonly analyse?: (
    documentIds: readonly string[],
    options: AnalyseOptions,
  ) => Promise<AlertSignals>;
  readonly onDay?: (day: ReplayDay) => void;
  /**
   * Also score the days without documents (so decay and silence show day by day, as a backtest
   * needs), through `until` (YYYY-MM-DD) when it is later than the last document.
   */
  readonly everyDay?: { readonly until?: string };
  /**
   * Score every quiet day in the store, one at a time, instead of runs of them in memory
   * (quiet-days.ts): slower, with the same results; what the equivalence checks compare with.
   */
  readonly quietDaysInStore?: boolean;
}

/** Groups documents by publication day, in order; undated ones join the last day. */
export function groupByDay(documents: readonly InputDocument[]): [string, InputDocument[]][] {
  const dated = documents
    .filter((d) => d.published)
    .map((d, i) => ({ d, i }))
    .sort((a, b) =>
      a.d.published! < b.d.published! ? -1 : a.d.published! > b.d.published! ? 1 : a.i - b.i,
    );
  const days = new Map<string, InputDocument[]>();
  for (const { d } of dated) {
    const day = d.published!.slice(0, 10);
    const list = days.get(day) ?? [];
    list.push(d);
    days.set(day, list);
  }
  const out = [...days.entries()];
  const undated = documents.filter((d) => !d.published);
  if (undated.length > 0) {
    if (out.length === 0) out.push([new Date().toISOString().slice(0, 10), []]);
    appendAll(out[out.length - 1]![1], undated);
  }
  return out;
}

export async function replayCorpus(
  store: Store,
  documents: readonly InputDocument[],
  options: ReplayOptions,
): Promise<ReplayResult> {
  const { board } = options;
  const groups = groupByDay(documents);
  const trajectory: ReplayPoint[] = [];
  const days: ReplayDay[] = [];
  if (groups.length > 0) {
    for (const h of board.hypotheses) {
      trajectory.push({
        boardId: board.id,
        hypothesisId: hypothesisKey(board.id, h.id),
        title: h.title,
        at: groups[0]![0],
        probability: h.prior,
        evidenceIds: [],
      });
    }
  }
  const record = (day: string, scored: Omit<ScoredDay, 'day'>) => {
    const changes = new Map(scored.changes.map((c) => [c.hypothesisId, c]));
    for (const h of board.hypotheses) {
      const key = hypothesisKey(board.id, h.id);
      trajectory.push({
        boardId: board.id,
        hypothesisId: key,
        title: h.title,
        at: day,
        probability: scored.probabilities.get(key) ?? h.prior,
        evidenceIds: changes.get(key)?.evidenceIds ?? [],
      });
    }
  };
  let stored = 0;
  const schedule = withQuietDays(groups, options.everyDay);
  for (let i = 0; i < schedule.length; i++) {
    const [day, docs] = schedule[i]!;
    if (!docs) {
      // A run of quiet days: nothing new, but the board is rescored as of each day.
      const quiet = [day];
      while (!options.quietDaysInStore && i + 1 < schedule.length && !schedule[i + 1]![1])
        quiet.push(schedule[++i]![0]);
      for (const scored of await scoreQuietDays(store, board, quiet)) record(scored.day, scored);
      continue;
    }
    const ids = await options.ingest(docs);
    stored += ids.length;
    const asOf = { asOf: day, now: endOfDay(day) };
    const signals = options.analyse
      ? await options.analyse(ids, asOf)
      : await analyseDocuments(store, ids, [board], asOf);
    record(day, {
      probabilities: await storedProbabilities(store.db, board),
      changes: signals.hypothesisChanges,
    });
    const dayRecord = { day, documentIds: ids, signals };
    days.push(dayRecord);
    options.onDay?.(dayRecord);
  }
  return {
    trajectory,
    days,
    documents: stored,
    undated: documents.filter((d) => !d.published).length,
  };
}

/** The document days, with every day between them (and up to `until`) when asked: null = quiet. */
function withQuietDays(
  groups: readonly [string, InputDocument[]][],
  everyDay: ReplayOptions['everyDay'],
): [string, InputDocument[] | null][] {
  if (!everyDay || groups.length === 0) return [...groups];
  const byDay = new Map(groups);
  const lastDoc = groups[groups.length - 1]![0];
  const last = everyDay.until && everyDay.until > lastDoc ? everyDay.until : lastDoc;
  const out: [string, InputDocument[] | null][] = [];
  for (let d = dayNumber(groups[0]![0])!; d <= dayNumber(last)!; d++) {
    const day = dayString(d);
    out.push([day, byDay.get(day) ?? null]);
  }
  return out;
}

/** The trajectory as CSV: date,board,hypothesis,probability. */
export function trajectoryCsv(points: readonly ReplayPoint[]): string {
  const lines = ['date,board,hypothesis,probability'];
  for (const p of points)
    lines.push(`${p.at},${p.boardId},${p.hypothesisId},${p.probability.toFixed(6)}`);
  return `${lines.join('\n')}\n`;
}
