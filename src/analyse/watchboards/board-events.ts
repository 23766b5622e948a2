/**
 * Loads the events a set of boards could use, as BoardEvents (with sentences where keyword
 * criteria need them). Events are pre-filtered in SQL by type and actors.
 * @module
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { appendAll } from '../../domain/append-all.js';
import { SYMMETRIC_TYPES, type EventType } from '../../domain/ontology.js';
import { decodeCodes } from '../../store/schema.js';
import { chunks, type Db } from '../events/event-rows.js';
import type { Watchboard } from './board-schema.js';
import { matchesIndicator, type BoardEvent } from './match-indicator.js';

/** The event columns a board reads. */
export interface BoardEventRow {
  id: string;
  type: string;
  source_actor: string | null;
  target_actor: string | null;
  capabilities: string;
  modality: string;
  credibility: number;
  independent_sources: number;
  first_seen: string;
  date: string | null;
}

/** A board event from its row, before mentions and sentences are attached. */
export function boardEventOf(r: BoardEventRow): BoardEvent {
  return {
    id: r.id,
    type: r.type as EventType,
    source: r.source_actor,
    target: r.target_actor,
    capabilities: decodeCodes(r.capabilities),
    modality: r.modality,
    credibility: r.credibility,
    independentSources: r.independent_sources,
    day: r.first_seen.slice(0, 10),
    date: r.date,
    mentionIds: [],
    sentences: [],
  };
}

/**
 * `asOf` null: every event, whatever its day. `eventIds`: only these events (read in chunks).
 */
export async function loadBoardEvents(
  db: Db,
  boards: readonly Watchboard[],
  asOf: string | null,
  eventIds?: readonly string[],
): Promise<BoardEvent[]> {
  if (eventIds === undefined) return loadSome(db, boards, asOf, null);
  const out: BoardEvent[] = [];
  for (const ids of chunks([...new Set(eventIds)]))
    appendAll(out, await loadSome(db, boards, asOf, ids));
  return out;
}

async function loadSome(
  db: Db,
  boards: readonly Watchboard[],
  asOf: string | null,
  eventIds: readonly string[] | null,
): Promise<BoardEvent[]> {
  const indicators = boards.flatMap((b) => b.hypotheses.flatMap((h) => h.indicators));
  if (indicators.length === 0) return [];
  // One SQL condition per indicator (types, roles, capabilities); the union is loaded.
  let q = db
    .selectFrom('events')
    .select([
      'id',
      'type',
      'source_actor',
      'target_actor',
      'capabilities',
      'modality',
      'credibility',
      'independent_sources',
      'first_seen',
      'date',
    ])
    .where((eb) =>
      eb.or(
        indicators.map((i) => {
          const m = i.match;
          const parts: Expression<SqlBool>[] = [];
          if (m.types) parts.push(eb('type', 'in', m.types));
          const unordered = !m.types || m.types.some((t) => SYMMETRIC_TYPES.has(t));
          const roles = unordered ? [...(m.actors?.source ?? []), ...(m.actors?.target ?? [])] : [];
          if (unordered && roles.length > 0)
            parts.push(eb.or([eb('source_actor', 'in', roles), eb('target_actor', 'in', roles)]));
          if (!unordered && m.actors?.source) parts.push(eb('source_actor', 'in', m.actors.source));
          if (!unordered && m.actors?.target) parts.push(eb('target_actor', 'in', m.actors.target));
          if (m.actors?.either)
            parts.push(
              eb.or([
                eb('source_actor', 'in', m.actors.either),
                eb('target_actor', 'in', m.actors.either),
              ]),
            );
          if (m.capabilities)
            parts.push(eb.or(m.capabilities.map((c) => eb('capabilities', 'like', `%|${c}|%`))));
          return parts.length > 0 ? eb.and(parts) : sql<SqlBool>`1 = 1`;
        }),
      ),
    );
  if (asOf !== null) q = q.where('first_seen', '<', `${asOf}~`);
  if (eventIds !== null) q = q.where('id', 'in', eventIds);
  const rows = await q.execute();
  const candidates: BoardEvent[] = rows
    .map(boardEventOf)
    .filter((e) =>
      indicators.some((i) => matchesIndicator({ ...i.match, keywords: undefined }, e)),
    );
  // Sentences only where a keyword criterion could decide: events meeting the rest of a
  // keyword indicator's criteria. Cut in SQL so whole texts never leave the database.
  const keywordIndicators = indicators.filter((i) => i.match.keywords);
  const needText = candidates.filter((e) =>
    keywordIndicators.some((i) => matchesIndicator({ ...i.match, keywords: undefined }, e)),
  );
  const byId = new Map(needText.map((e) => [e.id, e]));
  for (const ids of chunks([...byId.keys()])) {
    const rows = await db
      .selectFrom('mentions')
      .innerJoin('documents', 'documents.id', 'mentions.document_id')
      .select([
        'mentions.event_id',
        sql<string>`substr(documents.text, mentions.span_start + 1, mentions.span_end - mentions.span_start)`.as(
          'sentence',
        ),
      ])
      .where('mentions.event_id', 'in', ids)
      .execute();
    for (const r of rows) {
      (byId.get(r.event_id!)!.sentences as string[]).push(r.sentence.toLowerCase());
    }
  }
  return candidates;
}
