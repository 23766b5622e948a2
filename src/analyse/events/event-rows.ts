/**
 * Reading mentions and events from the store into resolution shapes, and writing events back.
 * @module
 */
import type { Kysely, Transaction } from 'kysely';
import type { EventType } from '../../domain/ontology.js';
import { decodeCodes, encodeCodes, type Database, type MentionRow } from '../../store/schema.js';
import { dayString, mergeRanges, type DayRange } from '../dates.js';
import type { EventState, MentionInput } from './event-state.js';

export type Db = Kysely<Database> | Transaction<Database>;

export const CHUNK = 500;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export const MENTION_COLUMNS = [
  'id',
  'document_id',
  'type',
  'source_actor',
  'target_actor',
  'modality',
  'capabilities',
  'date',
  'published',
  'span_start',
  'mutual',
  'event_id',
] as const;

export type MentionCore = Pick<MentionRow, (typeof MENTION_COLUMNS)[number]>;

export function toMentionInput(r: MentionCore): MentionInput {
  return {
    id: r.id,
    documentId: r.document_id,
    type: r.type as EventType,
    source: r.source_actor,
    target: r.target_actor,
    modality: r.modality,
    capabilities: decodeCodes(r.capabilities),
    date: r.date,
    published: r.published,
    spanStart: r.span_start,
    mutual: r.mutual === 1,
  };
}

export function toEventState(r: {
  id: string;
  type: string;
  source_actor: string | null;
  target_actor: string | null;
  capabilities: string;
  date: string | null;
  first_seen: string;
  last_seen: string;
}): EventState {
  return {
    id: r.id,
    type: r.type as EventType,
    source: r.source_actor,
    target: r.target_actor,
    capabilities: new Set(decodeCodes(r.capabilities)),
    date: r.date,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    added: [],
  };
}

const EVENT_STATE_COLUMNS = [
  'id',
  'type',
  'source_actor',
  'target_actor',
  'capabilities',
  'date',
  'first_seen',
  'last_seen',
] as const;

/** Events of one type that could absorb a mention in the given windows (a superset). */
export async function loadCandidateEvents(
  db: Db,
  type: string,
  windows: { anchor: DayRange[]; undatedAnchor: DayRange[]; dated: DayRange[] },
): Promise<EventState[]> {
  const rows = new Map<string, EventState>();
  const add = (list: Parameters<typeof toEventState>[0][]) => {
    for (const r of list) if (!rows.has(r.id)) rows.set(r.id, toEventState(r));
  };
  for (const r of mergeRanges(windows.anchor)) {
    add(
      await db
        .selectFrom('events')
        .select(EVENT_STATE_COLUMNS)
        .where('type', '=', type)
        .where('first_seen', '>=', dayString(r.start))
        .where('first_seen', '<', dayString(r.end + 1))
        .execute(),
    );
  }
  for (const r of mergeRanges(windows.undatedAnchor)) {
    add(
      await db
        .selectFrom('events')
        .select(EVENT_STATE_COLUMNS)
        .where('type', '=', type)
        .where('date', 'is', null)
        .where('first_seen', '>=', dayString(r.start))
        .where('first_seen', '<', dayString(r.end + 1))
        .execute(),
    );
  }
  for (const r of mergeRanges(windows.dated)) {
    const first = dayString(r.start);
    const last = dayString(r.end);
    const coarse = coarseKeys(first, last);
    // Two range look-ups on (type, date): an OR of both made SQLite scan every event of the type.
    add(
      await db
        .selectFrom('events')
        .select(EVENT_STATE_COLUMNS)
        .where('type', '=', type)
        .where('date', 'in', coarse)
        .execute(),
    );
    add(
      await db
        .selectFrom('events')
        .select(EVENT_STATE_COLUMNS)
        .where('type', '=', type)
        .where('date', '>=', first)
        .where('date', '<=', last)
        .execute(),
    );
  }
  return [...rows.values()];
}

/** Year and month strings overlapping [first, last] (day strings). */
function coarseKeys(first: string, last: string): string[] {
  const keys: string[] = [];
  for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y++) {
    keys.push(String(y));
    for (let m = 1; m <= 12; m++) {
      const key = `${y}-${String(m).padStart(2, '0')}`;
      if (key >= first.slice(0, 7) && key <= last.slice(0, 7)) keys.push(key);
    }
  }
  return keys;
}

/** Inserts or updates the resolution columns of events; credibility columns are set later. */
export async function writeEventStates(
  db: Db,
  events: readonly EventState[],
  now: string,
): Promise<void> {
  for (const group of chunks(events, 200)) {
    if (group.length === 0) continue;
    await db
      .insertInto('events')
      .values(
        group.map((e) => ({
          id: e.id,
          type: e.type,
          source_actor: e.source,
          target_actor: e.target,
          capabilities: encodeCodes([...e.capabilities]),
          date: e.date,
          first_seen: e.firstSeen,
          last_seen: e.lastSeen,
          modality: 'ASSERTED',
          mention_count: 0,
          independent_sources: 0,
          credibility: 6,
          explanation: '{}',
          updated_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          source_actor: eb.ref('excluded.source_actor'),
          target_actor: eb.ref('excluded.target_actor'),
          capabilities: eb.ref('excluded.capabilities'),
          date: eb.ref('excluded.date'),
          first_seen: eb.ref('excluded.first_seen'),
          last_seen: eb.ref('excluded.last_seen'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}
