/**
 * Scores watchboards against the store: writes the board definitions, recomputes every
 * hypothesis from its events (log-odds.ts), replaces its audit trail in `evidence`, and
 * returns the probability changes for the alert rules.
 * @module
 */
import type { HypothesisChange } from '../../domain/signals.js';
import type { Store } from '../../store/open-store.js';
import { chunks, type Db } from '../events/event-rows.js';
import type { HypothesisDefinition, Watchboard } from './board-schema.js';
import {
  hypothesisKey,
  indicatorKey,
  loadMatchedEvents,
  refreshBoardMatches,
  type MatchedEvents,
} from './board-matches.js';
import type { BoardEvent } from './match-indicator.js';
import {
  prepareHypothesis,
  probabilityAsOf,
  scorePrepared,
  type HypothesisOutcome,
  type PreparedHypothesis,
  type HypothesisScore,
  type ScoreStep,
} from './log-odds.js';
import { resolutionsInForce } from '../../store/resolutions-repo.js';
import { correctionsOfSteps } from './step-corrections.js';
import { syncBoards } from './sync-boards.js';

export interface ScoreBoardsOptions {
  /** YYYY-MM-DD; default: the latest publication day in the store (the news clock), else today. */
  readonly asOf?: string;
  readonly now?: string;
  /**
   * Events created, changed or deleted since the last scoring (from event resolution): only
   * their indicator matches are recomputed. Omitted: every match is recomputed from scratch.
   */
  readonly changedEventIds?: readonly string[];
}

export { hypothesisKey };

/** One evidence row per hypothesis, indicator and event (or the indicator's silence). */
export function evidenceId(key: string, step: Pick<ScoreStep, 'indicatorId' | 'eventId'>): string {
  return `${key}|${step.indicatorId}|${step.eventId ?? 'absence'}`;
}

/**
 * Scores a board's hypotheses from its matched events as of any day: events first reported
 * after that day are left out by the update rule, so one load serves every day up to its own.
 * Each hypothesis is handed only the events that meet one of its indicators, in the update
 * rule's order (day, then id), with their indicator ids: what the rule would skip or sort is
 * done once, not on every day a backtest scores.
 */
export function boardScorer(
  board: Watchboard,
  matched: MatchedEvents,
  firstDay: string | null,
  resolutions: ReadonlyMap<string, HypothesisOutcome>,
): ((h: HypothesisDefinition, asOf: string) => HypothesisScore) & {
  /** The probability alone (a trajectory's point), without the steps. */
  readonly probability: (h: HypothesisDefinition, asOf: string) => number;
} {
  const ordered = [...matched.events].sort((a, b) =>
    a.day < b.day ? -1 : a.day > b.day ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const prepared = new Map<HypothesisDefinition, PreparedHypothesis>();
  const prepare = (h: HypothesisDefinition): PreparedHypothesis => {
    let p = prepared.get(h);
    if (!p) {
      const { events, met } = hypothesisInput(board, h, ordered, matched);
      p = prepareHypothesis(h, events, (i, e) => met.get(e.id)?.has(i.id) ?? false);
      prepared.set(h, p);
    }
    return p;
  };
  const options = (h: HypothesisDefinition, asOf: string) => ({
    asOf,
    halfLifeDays: board.halfLifeDays,
    observationStart: board.start ?? firstDay,
    resolution: resolutions.get(hypothesisKey(board.id, h.id)) ?? null,
  });
  const score = (h: HypothesisDefinition, asOf: string) =>
    scorePrepared(prepare(h), options(h, asOf));
  return Object.assign(score, {
    probability: (h: HypothesisDefinition, asOf: string) =>
      probabilityAsOf(prepare(h), options(h, asOf)),
  });
}

interface HypothesisInput {
  readonly events: readonly BoardEvent[];
  /** Event id → ids of the hypothesis's indicators it meets. */
  readonly met: ReadonlyMap<string, ReadonlySet<string>>;
}

function hypothesisInput(
  board: Watchboard,
  h: HypothesisDefinition,
  ordered: readonly BoardEvent[],
  matched: MatchedEvents,
): HypothesisInput {
  const keys = h.indicators.map((i) => [i.id, indicatorKey(board.id, h.id, i.id)] as const);
  const met = new Map<string, Set<string>>();
  const events: BoardEvent[] = [];
  for (const e of ordered) {
    const all = matched.matches.get(e.id);
    if (!all) continue;
    const mine = new Set(keys.filter(([, key]) => all.has(key)).map(([id]) => id));
    if (mine.size === 0) continue;
    met.set(e.id, mine);
    events.push(e);
  }
  return { events, met };
}

/**
 * The change a rescore made to a hypothesis, for the alert rules, or null when it moved by no
 * more than rounding. It names the evidence rows the rescore added (all of them when none is new).
 */
export function hypothesisChange(
  board: Watchboard,
  h: HypothesisDefinition,
  move: { readonly before: number; readonly after: number; readonly asOf: string },
  ids: readonly string[],
  oldIds: ReadonlySet<string>,
): HypothesisChange | null {
  if (!(Math.abs(move.after - move.before) > 1e-12)) return null;
  const fresh = ids.filter((id) => !oldIds.has(id));
  return {
    boardId: board.id,
    hypothesisId: hypothesisKey(board.id, h.id),
    title: h.title,
    before: move.before,
    after: move.after,
    at: move.asOf,
    evidenceIds: fresh.length > 0 ? fresh : ids,
  };
}

export async function scoreBoards(
  store: Store,
  boards: readonly Watchboard[],
  options: ScoreBoardsOptions = {},
): Promise<HypothesisChange[]> {
  return store.db.transaction().execute((trx) => scoreBoardsIn(trx, boards, options));
}

export async function scoreBoardsIn(
  db: Db,
  boards: readonly Watchboard[],
  options: ScoreBoardsOptions,
): Promise<HypothesisChange[]> {
  const now = options.now ?? new Date().toISOString();
  const news = await newsDays(db);
  const asOf = options.asOf ?? news.last ?? now.slice(0, 10);
  const firstDay = news.first;
  await syncBoards(db, boards, now);
  const inForce = await boardResolutions(db, boards);
  const touched = await refreshBoardMatches(db, boards, options.changedEventIds, now);
  const changes: HypothesisChange[] = [];
  const scored = [];
  for (const board of boards) {
    // A hypothesis is rescored unless the board, the scoring day and the first day are those of
    // the last scoring and none of its indicators gained, lost or kept a changed event: then a
    // rescore would reproduce its stored probability and evidence exactly, so it is left as is.
    const { file: _file, ...definition } = board;
    const stateKey = `board-score/${board.id}`;
    const resolutions = board.hypotheses.map((h) => inForce.get(hypothesisKey(board.id, h.id)));
    const state = JSON.stringify({ definition, asOf, firstDay, resolutions });
    const previous = await db
      .selectFrom('analysis_state')
      .select('value')
      .where('key', '=', stateKey)
      .executeTakeFirst();
    const dirty = touched.get(board.id) ?? null;
    const stale = board.hypotheses.filter(
      (h) =>
        previous?.value !== state ||
        dirty === null ||
        h.indicators.some((i) => dirty.has(indicatorKey(board.id, h.id, i.id))),
    );
    await db
      .insertInto('analysis_state')
      .values({ key: stateKey, value: state, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: state, updated_at: now }))
      .execute();
    if (stale.length === 0) continue;
    const score = boardScorer(
      board,
      await loadMatchedEvents(db, board.id, asOf),
      firstDay,
      inForce,
    );
    scored.push({ board, scores: stale.map((h) => ({ h, score: score(h, asOf) })) });
  }
  const stepEvents = scored.flatMap((b) =>
    b.scores.flatMap((s) => s.score.steps.map((x) => x.eventId)),
  );
  const mentionIds = await mentionsOfEvents(db, stepEvents);
  const corrections = await correctionsOfSteps(db, stepEvents);
  for (const { board, scores } of scored) {
    const keys = scores.map(({ h }) => hypothesisKey(board.id, h.id));
    const stored = await storedScores(db, keys);
    for (const part of chunks(keys))
      await db.deleteFrom('evidence').where('hypothesis_id', 'in', part).execute();
    const rowsOf = scores.map(({ score }, n) =>
      score.steps.map((s) => ({
        id: evidenceId(keys[n]!, s),
        hypothesis_id: keys[n]!,
        indicator_id: `${keys[n]!}/${s.indicatorId}`,
        event_id: s.eventId,
        at: s.at,
        delta_log_odds: s.delta,
        probability_before: s.before,
        probability_after: s.after,
        explanation: JSON.stringify({
          ...s.factors,
          mentionIds: s.eventId ? (mentionIds.get(s.eventId) ?? []) : [],
          asOf,
          // Only when an analyst corrected the step's mentions: the trail says why it changed.
          ...(s.eventId && corrections.has(s.eventId)
            ? { corrections: corrections.get(s.eventId) }
            : {}),
        }),
        created_at: now,
      })),
    );
    for (const part of chunks(rowsOf.flat(), 200))
      await db.insertInto('evidence').values(part).execute();
    for (const [n, { h, score }] of scores.entries()) {
      const key = keys[n]!;
      await db
        .updateTable('hypotheses')
        .set({ probability: score.probability, updated_at: now })
        .where('id', '=', key)
        .execute();
      const change = hypothesisChange(
        board,
        h,
        { before: stored.probability.get(key) ?? h.prior, after: score.probability, asOf },
        rowsOf[n]!.map((r) => r.id),
        stored.evidence.get(key) ?? new Set(),
      );
      if (change) changes.push(change);
    }
  }
  return changes;
}

/** The stored probability and evidence row ids of these hypotheses (keys), before a rescore. */
export async function storedScores(
  db: Db,
  keys: readonly string[],
): Promise<{ probability: Map<string, number>; evidence: Map<string, Set<string>> }> {
  const probability = new Map<string, number>();
  const evidence = new Map<string, Set<string>>();
  for (const part of chunks(keys)) {
    const rows = await db
      .selectFrom('hypotheses')
      .select(['id', 'probability'])
      .where('id', 'in', part)
      .execute();
    for (const r of rows) probability.set(r.id, r.probability);
    const steps = await db
      .selectFrom('evidence')
      .select(['id', 'hypothesis_id'])
      .where('hypothesis_id', 'in', part)
      .execute();
    for (const r of steps) {
      const ids = evidence.get(r.hypothesis_id) ?? new Set<string>();
      ids.add(r.id);
      evidence.set(r.hypothesis_id, ids);
    }
  }
  return { probability, evidence };
}

/** The first and the latest publication day in the store (the news clock), or null when empty. */
export async function newsDays(db: Db): Promise<{ first: string | null; last: string | null }> {
  // Two queries: each is one index probe, while min and max together scan every document.
  const last = await db
    .selectFrom('documents')
    .select((eb) => eb.fn.max('published').as('last'))
    .executeTakeFirst();
  const first = await db
    .selectFrom('documents')
    .select((eb) => eb.fn.min('published').as('first'))
    .executeTakeFirst();
  return { first: first?.first?.slice(0, 10) ?? null, last: last?.last?.slice(0, 10) ?? null };
}

/**
 * The resolution in force per hypothesis (`board/hypothesis`): those shipped beside the board
 * file, overridden by those recorded in the store.
 */
export async function boardResolutions(
  db: Db,
  boards: readonly Watchboard[],
): Promise<Map<string, HypothesisOutcome>> {
  const out = new Map<string, HypothesisOutcome>();
  for (const b of boards)
    for (const r of b.resolutions ?? [])
      out.set(hypothesisKey(b.id, r.hypothesis), { outcome: r.outcome, date: r.date });
  const stored = await resolutionsInForce(
    db,
    boards.map((b) => b.id),
  );
  for (const [key, r] of stored) out.set(key, { outcome: r.outcome, date: r.date });
  return out;
}

async function mentionsOfEvents(
  db: Db,
  eventIds: readonly (string | null)[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const ids = [...new Set(eventIds.filter((e): e is string => e !== null))];
  for (const part of chunks(ids)) {
    const rows = await db
      .selectFrom('mentions')
      .select(['id', 'event_id'])
      .where('event_id', 'in', part)
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const list = out.get(r.event_id!) ?? [];
      list.push(r.id);
      out.set(r.event_id!, list);
    }
  }
  return out;
}
