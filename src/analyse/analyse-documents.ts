/**
 * The incremental analysis entry point, called after documents and their mentions are stored:
 * resolve events → credibility → trend counts and spikes → watchboards → alert signals.
 * @module
 */
import type { EventType, Modality } from '../domain/ontology.js';
import { SYMMETRIC_TYPES } from '../domain/ontology.js';
import type { AlertSignals, MentionSignal, NewEventSignal } from '../domain/signals.js';
import type { Store } from '../store/open-store.js';
import { decodeCodes } from '../store/schema.js';
import { chunks, type Db } from './events/event-rows.js';
import type { ResolutionOptions } from './events/event-state.js';
import { resolveEvents } from './events/resolve-events.js';
import { daysOfEvents, refreshTrendCounts } from './trends/trend-counts.js';
import { detectSpikesIn, type SpikeOptions } from './trends/compute-trends.js';
import type { Watchboard } from './watchboards/board-schema.js';
import { scoreBoards } from './watchboards/score-boards.js';

export interface AnalyseOptions {
  /** Scoring date (YYYY-MM-DD); default: the latest publication day in the store. */
  readonly asOf?: string;
  readonly now?: string;
  readonly resolution?: ResolutionOptions;
  readonly spikes?: Omit<SpikeOptions, 'days' | 'pair'>;
  /** Receives the milliseconds each phase took (for benchmarks and logs). */
  readonly onPhase?: (phase: string, ms: number) => void;
  /** Events changed before this pass (a correction refitted them): their board matches are redone too. */
  readonly changedEventIds?: readonly string[];
}

export async function analyseDocuments(
  store: Store,
  documentIds: readonly string[],
  boards: readonly Watchboard[],
  options: AnalyseOptions = {},
): Promise<AlertSignals> {
  const now = options.now ?? new Date().toISOString();
  let t = performance.now();
  const phase = (name: string) => {
    const next = performance.now();
    options.onPhase?.(name, next - t);
    t = next;
  };
  const resolved = await resolveEvents(store, {
    documentIds,
    now,
    ...(options.resolution ? { resolution: options.resolution } : {}),
  });
  phase('resolve+credibility');
  const mentions = await loadMentionSignals(store.db, documentIds);
  phase('mention-signals');
  const newDays = [...new Set(mentions.map((m) => m.day).filter((d): d is string => d !== null))];
  const spikes = await store.db.transaction().execute(async (trx) => {
    await refreshTrendCounts(trx, await daysOfEvents(trx, resolved.touchedEventIds));
    return detectSpikesIn(trx, { ...options.spikes, days: newDays });
  });
  phase('trends+spikes');
  const hypothesisChanges = await scoreBoards(store, boards, {
    now,
    changedEventIds: [
      ...resolved.touchedEventIds,
      ...resolved.deletedEventIds,
      ...(options.changedEventIds ?? []),
    ],
    ...(options.asOf ? { asOf: options.asOf } : {}),
  });
  phase('boards');
  const newEvents = await loadNewEventSignals(store.db, resolved.createdEventIds);
  phase('new-event-signals');
  return {
    hypothesisChanges,
    newEvents,
    spikes,
    newMentions: mentions.map((m) => m.signal),
  };
}

async function loadMentionSignals(
  db: Db,
  documentIds: readonly string[],
): Promise<{ signal: MentionSignal; day: string | null }[]> {
  const out: { signal: MentionSignal; day: string | null }[] = [];
  for (const ids of chunks([...new Set(documentIds)])) {
    const rows = await db
      .selectFrom('mentions')
      .innerJoin('documents', 'documents.id', 'mentions.document_id')
      .select([
        'mentions.id',
        'mentions.document_id',
        'mentions.type',
        'mentions.source_actor',
        'mentions.target_actor',
        'mentions.capabilities',
        'mentions.modality',
        'mentions.span_start',
        'mentions.span_end',
        'mentions.published',
        'documents.text',
      ])
      .where('mentions.document_id', 'in', ids)
      .orderBy('mentions.document_id')
      .orderBy('mentions.span_start')
      .orderBy('mentions.id')
      .execute();
    for (const r of rows) {
      out.push({
        day: r.published ? r.published.slice(0, 10) : null,
        signal: {
          mentionId: r.id,
          documentId: r.document_id,
          type: r.type as EventType,
          source: r.source_actor,
          target: r.target_actor,
          capabilities: decodeCodes(r.capabilities) as MentionSignal['capabilities'],
          modality: r.modality as Modality,
          sentence: r.text.slice(r.span_start, r.span_end),
        },
      });
    }
  }
  return out;
}

async function loadNewEventSignals(db: Db, eventIds: readonly string[]): Promise<NewEventSignal[]> {
  const out: NewEventSignal[] = [];
  for (const ids of chunks(eventIds)) {
    const events = await db
      .selectFrom('events')
      .selectAll()
      .where('id', 'in', ids)
      .orderBy('first_seen')
      .orderBy('id')
      .execute();
    const earliest = await earliestByPair(db, events);
    const members = await db
      .selectFrom('mentions')
      .select(['id', 'event_id'])
      .where('event_id', 'in', ids)
      .orderBy('id')
      .execute();
    for (const e of events) {
      out.push({
        eventId: e.id,
        type: e.type as EventType,
        source: e.source_actor,
        target: e.target_actor,
        capabilities: decodeCodes(e.capabilities) as NewEventSignal['capabilities'],
        modality: e.modality as Modality,
        date: e.date,
        firstSeen: e.first_seen,
        credibility: e.credibility,
        firstForPair: await isFirstForPair(db, e, earliest),
        mentionIds: members.filter((m) => m.event_id === e.id).map((m) => m.id),
      });
    }
  }
  return out;
}

type PairEvent = {
  id: string;
  type: string;
  source_actor: string | null;
  target_actor: string | null;
  first_seen: string;
};

function pairOrders(e: PairEvent): [string, string][] {
  if (e.source_actor === null || e.target_actor === null) return [];
  const orders: [string, string][] = [[e.source_actor, e.target_actor]];
  if (SYMMETRIC_TYPES.has(e.type as EventType) && e.source_actor !== e.target_actor)
    orders.push([e.target_actor, e.source_actor]);
  return orders;
}

/** Earliest first_seen per type|source|target among the keys these events need (one query). */
async function earliestByPair(db: Db, events: readonly PairEvent[]): Promise<Map<string, string>> {
  const types = [...new Set(events.map((e) => e.type))];
  const actors = [...new Set(events.flatMap((e) => pairOrders(e).flat()))];
  const out = new Map<string, string>();
  if (types.length === 0 || actors.length === 0) return out;
  const rows = await db
    .selectFrom('events')
    .select(['type', 'source_actor', 'target_actor'])
    .select((eb) => eb.fn.min('first_seen').as('first'))
    .where('type', 'in', types)
    .where('source_actor', 'in', actors)
    .where('target_actor', 'in', actors)
    .groupBy(['type', 'source_actor', 'target_actor'])
    .execute();
  for (const r of rows) out.set(`${r.type}|${r.source_actor}|${r.target_actor}`, String(r.first));
  return out;
}

/** No earlier event of this type for this pair (unordered for symmetric types); needs both roles. */
async function isFirstForPair(
  db: Db,
  e: PairEvent,
  earliest: ReadonlyMap<string, string>,
): Promise<boolean> {
  const orders = pairOrders(e);
  if (orders.length === 0) return false;
  // Cheap exit: an earlier first_seen exists for one of the orders.
  for (const [s, t] of orders) {
    const first = earliest.get(`${e.type}|${s}|${t}`);
    if (first !== undefined && first < e.first_seen) return false;
  }
  // Same first_seen (usually the event itself): settle ties by id.
  for (const [s, t] of orders) {
    const earlier = await db
      .selectFrom('events')
      .select('id')
      .where('type', '=', e.type)
      .where('source_actor', '=', s)
      .where('target_actor', '=', t)
      .where('id', '!=', e.id)
      .where((eb) =>
        eb.or([
          eb('first_seen', '<', e.first_seen),
          eb.and([eb('first_seen', '=', e.first_seen), eb('id', '<', e.id)]),
        ]),
      )
      .limit(1)
      .executeTakeFirst();
    if (earlier) return false;
  }
  return true;
}
