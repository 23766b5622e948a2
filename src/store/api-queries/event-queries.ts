/**
 * Events as the API shows them: filtered newest-first pages (by last sighting) and one event with
 * its mentions, their sentences and documents, and how its credibility was computed.
 * @module
 */
import type { Kysely } from 'kysely';
import { wordedTitle, type BoardLanguage } from '../../domain/board-wording.js';
import { readCredibilityReasonMessages } from '../../domain/credibility-reasons.js';
import { englishText } from '../../domain/english-messages.js';
import type { Message } from '../../domain/messages.js';
import { readEventOrigins, type EventOrigins } from '../../domain/event-origins.js';
import { decodeCodes, type Database, type EventRow } from '../schema.js';
import type { StoreReader } from '../read-rows.js';
import { anyBranch, eventCondition, type EventFilters } from './event-filter.js';
import { mentionsInContext, type MentionInContext } from './mention-queries.js';
import {
  readKeysetPage,
  type CursorPage,
  type KeysetColumns,
  type PageRequest,
} from './paged-list.js';

export interface ApiEvent {
  id: string;
  type: string;
  source: string | null;
  target: string | null;
  capabilities: string[];
  date: string | null;
  firstSeen: string;
  lastSeen: string;
  modality: string;
  mentionCount: number;
  independentSources: number;
  credibility: number;
  updatedAt: string;
}

export function toApiEvent(r: Omit<EventRow, 'explanation'>): ApiEvent {
  return {
    id: r.id,
    type: r.type,
    source: r.source_actor,
    target: r.target_actor,
    capabilities: decodeCodes(r.capabilities),
    date: r.date,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    modality: r.modality,
    mentionCount: r.mention_count,
    independentSources: r.independent_sources,
    credibility: r.credibility,
    updatedAt: r.updated_at,
  };
}

/** Every column but the stored explanation, which only the event page shows. */
const LIST_COLUMNS = [
  'id',
  'type',
  'source_actor',
  'target_actor',
  'capabilities',
  'date',
  'first_seen',
  'last_seen',
  'modality',
  'mention_count',
  'independent_sources',
  'credibility',
  'updated_at',
] as const;

type ListRow = Omit<EventRow, 'explanation'>;

const ORDER: KeysetColumns<ListRow> = {
  key: 'events.last_seen',
  id: 'events.id',
  of: (r) => [r.last_seen, r.id],
};

/**
 * A page of events, most recently seen first, filtered by the events filter (event-filter.ts).
 * An actor matches either role: two index-ordered reads, merged.
 */
export async function listApiEvents(
  store: StoreReader,
  f: EventFilters,
  page: PageRequest,
): Promise<CursorPage<ApiEvent>> {
  const { where, branches } = eventCondition(store.dialect, f);
  const query = store.db.selectFrom('events').select([...LIST_COLUMNS]);
  const cut = await readKeysetPage(store, query, where, ORDER, page, branches);
  return { items: cut.items.map(toApiEvent), next: cut.next };
}

export interface ApiEventDetail extends ApiEvent {
  /** Independent origins with the outlets that carried each, in words (from the explanation). */
  origins: EventOrigins | null;
  /** Why the event has its credibility, in words (from the explanation). */
  credibilityReasons: string[];
  /** The same reasons as messages (src/domain/messages.ts), to word in another language. */
  credibilityReasonMessages: Message[];
  /** How support and credibility were computed (the analysis module's JSON, as stored). */
  explanation: unknown;
  mentions: MentionInContext[];
  /** Every step this event made on a hypothesis, oldest first (from the evidence table). */
  hypotheses: ApiEventStep[];
}

export interface ApiEventStep {
  evidenceId: string;
  hypothesisId: string;
  hypothesisTitle: string;
  indicatorId: string;
  at: string;
  before: number;
  after: number;
  deltaLogOdds: number;
}

/**
 * The steps an event made on hypotheses (titles in `lang`); bounded, since one event moves a few
 * hypotheses.
 */
async function stepsOfEvent(
  db: Kysely<Database>,
  id: string,
  lang: BoardLanguage,
): Promise<ApiEventStep[]> {
  const rows = await db
    .selectFrom('evidence')
    .innerJoin('hypotheses', 'hypotheses.id', 'evidence.hypothesis_id')
    .select([
      'evidence.id',
      'evidence.hypothesis_id',
      'hypotheses.title',
      'hypotheses.wording',
      'evidence.indicator_id',
      'evidence.at',
      'evidence.probability_before',
      'evidence.probability_after',
      'evidence.delta_log_odds',
    ])
    .where('evidence.event_id', '=', id)
    .orderBy('evidence.at')
    .orderBy('evidence.id')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    evidenceId: r.id,
    hypothesisId: r.hypothesis_id,
    hypothesisTitle: wordedTitle(r, lang),
    indicatorId: r.indicator_id,
    at: r.at,
    before: r.probability_before,
    after: r.probability_after,
    deltaLogOdds: r.delta_log_odds,
  }));
}

/** An event with its mentions, origins and the hypotheses it moved (their titles in `lang`). */
export async function getApiEvent(
  db: Kysely<Database>,
  id: string,
  lang: BoardLanguage = 'en',
): Promise<ApiEventDetail | null> {
  const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const [mentions, hypotheses] = await Promise.all([
    mentionsInContext(db, { eventIds: [id] }),
    stepsOfEvent(db, id, lang),
  ]);
  let explanation: unknown = null;
  try {
    explanation = JSON.parse(row.explanation) as unknown;
  } catch {
    explanation = { raw: row.explanation };
  }
  const reasons = readCredibilityReasonMessages(explanation);
  return {
    ...toApiEvent(row),
    origins: readEventOrigins(explanation),
    credibilityReasons: reasons.map(englishText),
    credibilityReasonMessages: reasons,
    explanation,
    mentions,
    hypotheses,
  };
}

/** How many events the filter keeps (for `vigie events --resolved`'s "20 of 1 234"). */
export async function countApiEvents(store: StoreReader, f: EventFilters): Promise<number> {
  const { where, branches } = eventCondition(store.dialect, f);
  const either = anyBranch(branches);
  let q = store.db.selectFrom('events').select((eb) => eb.fn.countAll<number | string>().as('n'));
  for (const c of either ? [...where, either] : where) q = q.where(c);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function getApiEventsByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, ApiEvent>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, toApiEvent(r)]));
}
