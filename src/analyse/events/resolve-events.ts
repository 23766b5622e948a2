/**
 * Event resolution against the store: incremental (`resolveEvents`) and from scratch
 * (`rebuildEvents`). Both run the same ordered clustering (event-clusterer.ts), so they agree.
 *
 * Incremental: per type, when every new mention sorts after the mentions already resolved, the
 * new ones are appended against candidate events loaded from the store (same type, time windows).
 * When a late document sorts before resolved mentions, the suffix from that point is re-resolved:
 * the events it touched are cut back to their earlier members and the suffix is replayed.
 * @module
 */
import { sql } from 'kysely';
import { appendAll } from '../../domain/append-all.js';
import type { Store } from '../../store/open-store.js';
import {
  canonicalKey,
  candidateWindows,
  DEFAULT_RESOLUTION,
  newEventState,
  absorb,
  type EventState,
  type MentionInput,
  type ResolutionOptions,
} from './event-state.js';
import { EventClusterer } from './event-clusterer.js';
import {
  chunks,
  loadCandidateEvents,
  MENTION_COLUMNS,
  toMentionInput,
  writeEventStates,
  type Db,
} from './event-rows.js';
import { assessEvents } from '../credibility/assess-events.js';
import { invalidateBoardMatches } from '../watchboards/board-matches.js';

export interface ResolveEventsOptions {
  readonly documentIds: readonly string[];
  readonly resolution?: ResolutionOptions;
  readonly now?: string;
}

export interface ResolveEventsResult {
  readonly mentionsResolved: number;
  /** Events created or changed (credibility recomputed for all of them). */
  readonly touchedEventIds: readonly string[];
  /** Events that did not exist before this run. */
  readonly createdEventIds: readonly string[];
  /** Events removed because a re-resolution left them without mentions. */
  readonly deletedEventIds: readonly string[];
  /** Mention ids newly assigned in this run, by event. */
  readonly assigned: ReadonlyMap<string, readonly string[]>;
  /** Types whose later mentions were re-resolved because of a late document. */
  readonly reresolvedTypes: readonly string[];
}

export async function resolveEvents(
  store: Store,
  options: ResolveEventsOptions,
): Promise<ResolveEventsResult> {
  const resolution = options.resolution ?? DEFAULT_RESOLUTION;
  const now = options.now ?? new Date().toISOString();
  return store.db.transaction().execute(async (trx) => {
    const fresh: MentionInput[] = [];
    for (const ids of chunks([...new Set(options.documentIds)])) {
      const rows = await trx
        .selectFrom('mentions')
        .select(MENTION_COLUMNS)
        .where('document_id', 'in', ids)
        .where('event_id', 'is', null)
        .execute();
      appendAll(fresh, rows.map(toMentionInput));
    }
    const result = await resolveMentions(trx, fresh, resolution, now);
    await assessEvents(trx, result.touchedEventIds, now);
    return result;
  });
}

/** Drops every event and resolves all mentions again, in canonical order. */
export async function rebuildEvents(
  store: Store,
  options: { resolution?: ResolutionOptions; now?: string } = {},
): Promise<ResolveEventsResult> {
  const resolution = options.resolution ?? DEFAULT_RESOLUTION;
  const now = options.now ?? new Date().toISOString();
  return store.db.transaction().execute(async (trx) => {
    await trx.updateTable('mentions').set({ event_id: null }).execute();
    await trx.deleteFrom('events').execute();
    const rows = await trx.selectFrom('mentions').select(MENTION_COLUMNS).execute();
    const result = await resolveMentions(trx, rows.map(toMentionInput), resolution, now);
    await assessEvents(trx, result.touchedEventIds, now);
    // Every event was replaced: the watchboard match table is rebuilt at the next scoring.
    await invalidateBoardMatches(trx);
    return result;
  });
}

async function resolveMentions(
  db: Db,
  fresh: readonly MentionInput[],
  resolution: ResolutionOptions,
  now: string,
): Promise<ResolveEventsResult> {
  const byType = new Map<string, MentionInput[]>();
  for (const m of fresh) {
    const list = byType.get(m.type);
    if (list) list.push(m);
    else byType.set(m.type, [m]);
  }
  const touched = new Set<string>();
  const created = new Set<string>();
  const deleted = new Set<string>();
  const assigned = new Map<string, string[]>();
  const reresolved: string[] = [];
  let count = 0;
  for (const type of [...byType.keys()].sort()) {
    const mentions = sortCanonical(byType.get(type)!);
    const clusterer = new EventClusterer(resolution);
    const first = mentions[0]!;
    const firstKey = canonicalKey(first);
    const suffix = (await loadSuffix(db, type, first.published)).filter(
      (m) => canonicalKey(m) > firstKey,
    );
    const gone = new Set<string>();
    if (suffix.length > 0) {
      reresolved.push(type);
      const cut = await cutBack(db, suffix, firstKey);
      for (const e of cut.kept) clusterer.load(e, true);
      for (const id of cut.emptied) gone.add(id);
    }
    const toAssign = sortCanonical([...mentions, ...suffix]);
    const windows = { anchor: [], undatedAnchor: [], dated: [] } as ReturnType<
      typeof candidateWindows
    >;
    for (const m of toAssign) {
      const w = candidateWindows(m, resolution);
      appendAll(windows.anchor, w.anchor);
      appendAll(windows.undatedAnchor, w.undatedAnchor);
      appendAll(windows.dated, w.dated);
    }
    const existing = new Set<string>();
    for (const e of await loadCandidateEvents(db, type, windows)) {
      existing.add(e.id);
      if (!gone.has(e.id)) clusterer.load(e);
    }
    for (const m of toAssign) {
      const eventId = clusterer.assign(m);
      const list = assigned.get(eventId);
      if (list) list.push(m.id);
      else assigned.set(eventId, [m.id]);
      count++;
    }
    const states = [...clusterer.touched].map((id) => clusterer.events.get(id)!);
    for (const id of clusterer.touched) {
      touched.add(id);
      if (!existing.has(id) && !gone.has(id)) created.add(id);
    }
    for (const id of gone) if (!clusterer.touched.has(id)) deleted.add(id);
    await writeEventStates(db, states, now);
    for (const ids of chunks([...gone].filter((id) => !clusterer.touched.has(id)))) {
      await db.deleteFrom('events').where('id', 'in', ids).execute();
    }
    await setMentionEvents(
      db,
      states.flatMap((e) => e.added.map((m) => [m, e.id] as const)),
    );
  }
  return {
    mentionsResolved: count,
    touchedEventIds: [...touched].sort(),
    createdEventIds: [...created].sort(),
    deletedEventIds: [...deleted].sort(),
    assigned,
    reresolvedTypes: reresolved,
  };
}

/** Sets mentions.event_id in batches (one CASE statement per 300 mentions; portable SQL). */
async function setMentionEvents(
  db: Db,
  pairs: readonly (readonly [string, string])[],
): Promise<void> {
  for (const part of chunks(pairs, 300)) {
    const cases = sql.join(
      part.map(([m, e]) => sql`when ${m} then ${e}`),
      sql` `,
    );
    await db
      .updateTable('mentions')
      .set({ event_id: sql<string>`case id ${cases} end` })
      .where(
        'id',
        'in',
        part.map(([m]) => m),
      )
      .execute();
  }
}

function sortCanonical(list: readonly MentionInput[]): MentionInput[] {
  return list
    .map((m) => ({ m, k: canonicalKey(m) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map((x) => x.m);
}

/** Resolved mentions of a type published at or after `published` (all of them when unknown). */
async function loadSuffix(db: Db, type: string, published: string | null): Promise<MentionInput[]> {
  // Filtered on (type, published) only, so the planner keeps the mentions_type_published index;
  // unresolved mentions are dropped here.
  let q = db.selectFrom('mentions').select(MENTION_COLUMNS).where('type', '=', type);
  if (published !== null) q = q.where('published', '>=', published);
  return (await q.execute()).filter((r) => r.event_id !== null).map(toMentionInput);
}

/**
 * The events holding suffix mentions, rebuilt from their members that sort before `key`;
 * events left with no earlier member are reported as emptied.
 */
async function cutBack(
  db: Db,
  suffix: readonly MentionInput[],
  key: string,
): Promise<{ kept: EventState[]; emptied: string[] }> {
  const eventIds = new Set<string>();
  for (const ids of chunks(suffix.map((m) => m.id))) {
    const rows = await db
      .selectFrom('mentions')
      .select(['event_id'])
      .where('id', 'in', ids)
      .execute();
    for (const r of rows) if (r.event_id) eventIds.add(r.event_id);
  }
  const kept: EventState[] = [];
  const emptied: string[] = [];
  for (const ids of chunks([...eventIds].sort())) {
    const members = (
      await db.selectFrom('mentions').select(MENTION_COLUMNS).where('event_id', 'in', ids).execute()
    ).map((r) => ({ input: toMentionInput(r), eventId: r.event_id! }));
    for (const id of ids) {
      const prefix = sortCanonical(
        members.filter((x) => x.eventId === id).map((x) => x.input),
      ).filter((m) => canonicalKey(m) < key);
      if (prefix.length === 0) {
        emptied.push(id);
        continue;
      }
      const state = newEventState(id, prefix[0]!);
      for (const m of prefix.slice(1)) absorb(state, m);
      state.added.length = 0;
      kept.push(state);
    }
  }
  return { kept, emptied };
}
