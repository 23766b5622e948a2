/**
 * Watchboards as the API shows them, read from the evidence trail: each hypothesis with its
 * probability, a daily trajectory, its last change and why, indicators with their contributions,
 * and the full explanation (every step with its event and the mentions behind it).
 * @module
 */
import { wordedDescription, wordedTitle, type BoardLanguage } from '../../domain/board-wording.js';
import { silenceText, silentDaysOf } from '../../domain/silence.js';
import { countPendingDocuments } from '../pending-documents.js';
import { listResolutions, type Resolution } from '../resolutions-repo.js';
import type { Kysely } from 'kysely';
import { readEventOrigins, type EventOrigins } from '../../domain/event-origins.js';
import type { Database, EvidenceRow } from '../schema.js';
import { getApiEventsByIds, type ApiEvent } from './event-queries.js';
import { mentionsInContext, type MentionInContext } from './mention-queries.js';

export interface TrajectoryPoint {
  day: string;
  probability: number;
}

export interface ApiChange {
  evidenceId: string;
  at: string;
  before: number;
  after: number;
  deltaLogOdds: number;
  indicatorId: string;
  indicatorTitle: string | null;
  eventId: string | null;
  /** One line for people: which indicator moved it, on which event. */
  reason: string;
}

export interface ApiHypothesisCard {
  id: string;
  boardId: string;
  title: string;
  prior: number;
  horizonDays: number | null;
  probability: number;
  updatedAt: string;
  trajectory: TrajectoryPoint[];
  lastChange: ApiChange | null;
}

export interface ApiBoardSummary {
  id: string;
  title: string;
  description: string | null;
  updatedAt: string;
  hypotheses: { id: string; title: string; probability: number }[];
}

export interface ApiBoard extends Omit<ApiBoardSummary, 'hypotheses'> {
  /** The last day of the trajectories (the newest evidence, or today when there is none). */
  asOf: string;
  hypotheses: ApiHypothesisCard[];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { raw: text };
  }
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

function addDays(isoDay: string, n: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Probability at the end of each of `days` days ending `asOf`, from steps sorted by `at`. */
export function dailyTrajectory(
  prior: number,
  steps: readonly Pick<EvidenceRow, 'at' | 'probability_after'>[],
  asOf: string,
  days: number,
): TrajectoryPoint[] {
  const first = addDays(asOf, -(days - 1));
  let p = prior;
  let i = 0;
  while (i < steps.length && day(steps[i]!.at) < first) p = steps[i++]!.probability_after;
  const points: TrajectoryPoint[] = [];
  for (let k = 0; k < days; k++) {
    const d = addDays(first, k);
    while (i < steps.length && day(steps[i]!.at) <= d) p = steps[i++]!.probability_after;
    points.push({ day: d, probability: p });
  }
  return points;
}

/** `reason` is English (the API's text fields are); `indicatorTitle` is in the asked language. */
function describeChange(
  e: EvidenceRow,
  titles: IndicatorTitles | undefined,
  event: ApiEvent | undefined,
): ApiChange {
  const what = event
    ? `${event.type} ${[event.source, event.target].filter(Boolean).join(' → ')}${event.date ? ` (${event.date})` : ''}`
    : silenceText(silentDaysOf(e.explanation) ?? 0);
  const arrow = e.probability_after >= e.probability_before ? 'raised' : 'lowered';
  return {
    evidenceId: e.id,
    at: e.at,
    before: e.probability_before,
    after: e.probability_after,
    deltaLogOdds: e.delta_log_odds,
    indicatorId: e.indicator_id,
    indicatorTitle: titles?.worded ?? null,
    eventId: e.event_id,
    reason: `${titles?.english ?? e.indicator_id}: ${what} ${arrow} it from ${fromTo(e.probability_before, e.probability_after)}`,
  };
}

function pct(p: number, decimals: number): string {
  const f = 10 ** decimals;
  return `${Math.round(p * 100 * f) / f}%`;
}

/** "8% to 8.4%": as many decimals (up to 3) as it takes for a real change not to read "8% to 8%". */
export function fromTo(before: number, after: number): string {
  let d = 1;
  while (d < 3 && pct(before, d) === pct(after, d)) d++;
  return `${pct(before, d)} to ${pct(after, d)}`;
}

/** Titles and descriptions in `lang` (src/domain/board-wording.ts); English when left out. */
export async function listApiBoards(
  db: Kysely<Database>,
  lang: BoardLanguage = 'en',
): Promise<ApiBoardSummary[]> {
  const [boards, hypotheses] = await Promise.all([
    db
      .selectFrom('watchboards')
      .select(['id', 'title', 'description', 'updated_at', 'wording'])
      .orderBy('id')
      .execute(),
    db
      .selectFrom('hypotheses')
      .select(['id', 'board_id', 'title', 'probability', 'wording'])
      .orderBy('id')
      .execute(),
  ]);
  return boards.map((b) => ({
    id: b.id,
    title: wordedTitle(b, lang),
    description: wordedDescription(b, lang),
    updatedAt: b.updated_at,
    hypotheses: hypotheses
      .filter((h) => h.board_id === b.id)
      .map((h) => ({ id: h.id, title: wordedTitle(h, lang), probability: h.probability })),
  }));
}

/** Every board with its hypothesis cards, or one board when `boardId` is given. */
export async function getApiBoards(
  db: Kysely<Database>,
  options: { boardId?: string; days: number; now?: Date; lang?: BoardLanguage },
): Promise<ApiBoard[]> {
  const lang = options.lang ?? 'en';
  let bq = db
    .selectFrom('watchboards')
    .select(['id', 'title', 'description', 'updated_at', 'wording']);
  if (options.boardId) bq = bq.where('id', '=', options.boardId);
  const boards = await bq.orderBy('id').execute();
  if (boards.length === 0) return [];
  const ids = boards.map((b) => b.id);
  const hypotheses = await db
    .selectFrom('hypotheses')
    .selectAll()
    .where('board_id', 'in', ids)
    .orderBy('id')
    .execute();
  const hIds = hypotheses.map((h) => h.id);
  const evidence =
    hIds.length === 0
      ? []
      : await db
          .selectFrom('evidence')
          .selectAll()
          .where('hypothesis_id', 'in', hIds)
          .orderBy('at')
          .orderBy('created_at')
          .orderBy('id')
          .execute();
  const indicatorTitles = await titlesOfIndicators(db, evidence, lang);
  const lastByHypothesis = new Map<string, EvidenceRow>();
  for (const e of evidence) lastByHypothesis.set(e.hypothesis_id, e);
  const events = await getApiEventsByIds(
    db,
    [...lastByHypothesis.values()].map((e) => e.event_id).filter((x): x is string => x !== null),
  );
  return boards.map((b) => {
    const own = hypotheses.filter((h) => h.board_id === b.id);
    const ownEvidence = evidence.filter((e) => own.some((h) => h.id === e.hypothesis_id));
    const newest = ownEvidence.reduce<string | null>(
      (m, e) => (m === null || e.at > m ? e.at : m),
      null,
    );
    const asOf = day(newest ?? (options.now ?? new Date()).toISOString());
    return {
      id: b.id,
      title: wordedTitle(b, lang),
      description: wordedDescription(b, lang),
      updatedAt: b.updated_at,
      asOf,
      hypotheses: own.map((h) => {
        const steps = ownEvidence.filter((e) => e.hypothesis_id === h.id);
        const last = lastByHypothesis.get(h.id);
        return {
          id: h.id,
          boardId: h.board_id,
          title: wordedTitle(h, lang),
          prior: h.prior,
          horizonDays: h.horizon_days,
          probability: h.probability,
          updatedAt: h.updated_at,
          trajectory: dailyTrajectory(h.prior, steps, asOf, options.days),
          lastChange: last
            ? describeChange(
                last,
                indicatorTitles.get(last.indicator_id),
                last.event_id ? events.get(last.event_id) : undefined,
              )
            : null,
        };
      }),
    };
  });
}

/** Each indicator's title: English beside the one in `lang` (the same when `lang` is en). */
async function titlesOfIndicators(
  db: Kysely<Database>,
  evidence: readonly EvidenceRow[],
  lang: BoardLanguage,
): Promise<Map<string, IndicatorTitles>> {
  const ids = [...new Set(evidence.map((e) => e.indicator_id))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('indicators')
    .select(['id', 'title', 'wording'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, indicatorTitles(r, lang)]));
}

interface IndicatorTitles {
  readonly english: string;
  readonly worded: string;
}

function indicatorTitles(
  row: { title: string; wording?: string | null },
  lang: BoardLanguage,
): IndicatorTitles {
  return { english: row.title, worded: wordedTitle(row, lang) };
}

export interface ApiEvidenceItem {
  id: string;
  at: string;
  indicatorId: string;
  indicatorTitle: string | null;
  eventId: string | null;
  event: ApiEvent | null;
  deltaLogOdds: number;
  before: number;
  after: number;
  explanation: unknown;
}

export interface ApiHypothesis extends ApiHypothesisCard {
  boardTitle: string | null;
  /** Every step: probability after it, in order. */
  history: { at: string; probability: number; evidenceId: string }[];
  indicators: {
    id: string;
    title: string;
    lrPresent: number;
    lrAbsent: number | null;
    criteria: unknown;
    /** Sum of the log-odds steps it made, and how many. */
    contribution: number;
    steps: number;
  }[];
  /** Newest first. */
  evidence: ApiEvidenceItem[];
  /** The resolution in force, if the question is settled. */
  resolution: Resolution | null;
  /** Stored documents not analysed yet: the probability does not reflect them. */
  pendingDocuments: number;
}

async function loadSteps(db: Kysely<Database>, hypothesisId: string): Promise<EvidenceRow[]> {
  return db
    .selectFrom('evidence')
    .selectAll()
    .where('hypothesis_id', '=', hypothesisId)
    .orderBy('at')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function getApiHypothesis(
  db: Kysely<Database>,
  id: string,
  options: { days: number; evidenceLimit: number; now?: Date; lang?: BoardLanguage },
): Promise<ApiHypothesis | null> {
  const lang = options.lang ?? 'en';
  const h = await db.selectFrom('hypotheses').selectAll().where('id', '=', id).executeTakeFirst();
  if (!h) return null;
  const [board, indicators, steps, resolutions, pendingDocuments] = await Promise.all([
    db
      .selectFrom('watchboards')
      .select(['title', 'wording'])
      .where('id', '=', h.board_id)
      .executeTakeFirst(),
    db.selectFrom('indicators').selectAll().where('hypothesis_id', '=', id).orderBy('id').execute(),
    loadSteps(db, id),
    listResolutions(db, { hypothesisId: id }),
    countPendingDocuments(db),
  ]);
  const titles = new Map(indicators.map((i) => [i.id, indicatorTitles(i, lang)]));
  const newestSteps = steps.slice(-options.evidenceLimit).reverse();
  const events = await getApiEventsByIds(
    db,
    newestSteps.map((e) => e.event_id).filter((x): x is string => x !== null),
  );
  const last = steps[steps.length - 1];
  const asOf = day(last?.at ?? (options.now ?? new Date()).toISOString());
  return {
    id: h.id,
    boardId: h.board_id,
    boardTitle: board ? wordedTitle(board, lang) : null,
    title: wordedTitle(h, lang),
    prior: h.prior,
    horizonDays: h.horizon_days,
    probability: h.probability,
    updatedAt: h.updated_at,
    trajectory: dailyTrajectory(h.prior, steps, asOf, options.days),
    lastChange: last
      ? describeChange(
          last,
          titles.get(last.indicator_id),
          last.event_id ? events.get(last.event_id) : undefined,
        )
      : null,
    history: steps.map((e) => ({ at: e.at, probability: e.probability_after, evidenceId: e.id })),
    indicators: indicators.map((i) => {
      const own = steps.filter((e) => e.indicator_id === i.id);
      return {
        id: i.id,
        title: wordedTitle(i, lang),
        lrPresent: i.lr_present,
        lrAbsent: i.lr_absent,
        criteria: parseJson(i.criteria),
        contribution: own.reduce((s, e) => s + e.delta_log_odds, 0),
        steps: own.length,
      };
    }),
    evidence: newestSteps.map((e) => ({
      id: e.id,
      at: e.at,
      indicatorId: e.indicator_id,
      indicatorTitle: titles.get(e.indicator_id)?.worded ?? null,
      eventId: e.event_id,
      event: e.event_id ? (events.get(e.event_id) ?? null) : null,
      deltaLogOdds: e.delta_log_odds,
      before: e.probability_before,
      after: e.probability_after,
      explanation: parseJson(e.explanation),
    })),
    resolution: resolutions[resolutions.length - 1] ?? null,
    pendingDocuments,
  };
}

export interface ApiExplanationStep extends ApiEvidenceItem {
  /** The log-odds weight of the step (same as deltaLogOdds). */
  weight: number;
  /** The event's independent origins, with the outlets that carried each. */
  origins: EventOrigins | null;
  mentions: MentionInContext[];
}

export interface ApiExplanation {
  hypothesisId: string;
  title: string;
  prior: number;
  probability: number;
  steps: ApiExplanationStep[];
  /** More steps exist before the oldest one returned. */
  truncated: boolean;
}

/** Every step that moved the hypothesis, oldest first, with the event and mentions behind it. */
export async function explainApiHypothesis(
  db: Kysely<Database>,
  id: string,
  options: { limit: number; lang?: BoardLanguage },
): Promise<ApiExplanation | null> {
  const lang = options.lang ?? 'en';
  const h = await db.selectFrom('hypotheses').selectAll().where('id', '=', id).executeTakeFirst();
  if (!h) return null;
  const all = await loadSteps(db, id);
  const steps = all.slice(-options.limit);
  const eventIds = [
    ...new Set(steps.map((e) => e.event_id).filter((x): x is string => x !== null)),
  ];
  const [events, indicators, mentions, explanations] = await Promise.all([
    getApiEventsByIds(db, eventIds),
    db
      .selectFrom('indicators')
      .select(['id', 'title', 'wording'])
      .where('hypothesis_id', '=', id)
      .execute(),
    mentionsInContext(db, { eventIds }, 5000),
    eventIds.length === 0
      ? []
      : db.selectFrom('events').select(['id', 'explanation']).where('id', 'in', eventIds).execute(),
  ]);
  const origins = new Map(explanations.map((e) => [e.id, readEventOrigins(e.explanation)]));
  const titles = new Map(indicators.map((i) => [i.id, wordedTitle(i, lang)]));
  return {
    hypothesisId: h.id,
    title: wordedTitle(h, lang),
    prior: h.prior,
    probability: h.probability,
    truncated: all.length > steps.length,
    steps: steps.map((e) => ({
      id: e.id,
      at: e.at,
      indicatorId: e.indicator_id,
      indicatorTitle: titles.get(e.indicator_id) ?? null,
      eventId: e.event_id,
      event: e.event_id ? (events.get(e.event_id) ?? null) : null,
      deltaLogOdds: e.delta_log_odds,
      weight: e.delta_log_odds,
      origins: e.event_id ? (origins.get(e.event_id) ?? null) : null,
      before: e.probability_before,
      after: e.probability_after,
      explanation: parseJson(e.explanation),
      mentions: e.event_id ? mentions.filter((m) => m.eventId === e.event_id) : [],
    })),
  };
}
