/**
 * Loads the events a set of boards could use, as BoardEvents (with mention ids, and sentences
 * where keyword criteria need them). Events are pre-filtered in SQL by type and actors.
 * @module
 */
import type { EventType } from '../../domain/ontology.js';
import { decodeCodes } from '../../store/schema.js';
import { chunks, type Db } from '../events/event-rows.js';
import type { Watchboard } from './board-schema.js';
import { matchesIndicator, type BoardEvent } from './match-indicator.js';

export async function loadBoardEvents(
  db: Db,
  boards: readonly Watchboard[],
  asOf: string,
): Promise<BoardEvent[]> {
  const indicators = boards.flatMap((b) => b.hypotheses.flatMap((h) => h.indicators));
  if (indicators.length === 0) return [];
  const types = indicators.every((i) => i.match.types)
    ? [...new Set(indicators.flatMap((i) => i.match.types!))]
    : null;
  const actors = indicators.every((i) => i.match.actors)
    ? [
        ...new Set(
          indicators.flatMap((i) => [
            ...(i.match.actors!.source ?? []),
            ...(i.match.actors!.target ?? []),
            ...(i.match.actors!.either ?? []),
          ]),
        ),
      ]
    : null;
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
    .where('first_seen', '<', `${asOf}~`);
  if (types) q = q.where('type', 'in', types);
  if (actors && actors.length > 0)
    q = q.where((eb) =>
      eb.or([eb('source_actor', 'in', actors), eb('target_actor', 'in', actors)]),
    );
  const rows = await q.execute();
  const candidates: BoardEvent[] = rows
    .map((r) => ({
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
      mentionIds: [] as string[],
      sentences: [] as string[],
    }))
    .filter((e) =>
      indicators.some((i) => matchesIndicator({ ...i.match, keywords: undefined }, e)),
    );
  const needText = indicators.some((i) => i.match.keywords);
  const byId = new Map(candidates.map((e) => [e.id, e]));
  for (const ids of chunks([...byId.keys()])) {
    const mentions = await db
      .selectFrom('mentions')
      .select(['id', 'event_id', 'document_id', 'span_start', 'span_end'])
      .where('event_id', 'in', ids)
      .orderBy('id')
      .execute();
    const texts = new Map<string, string>();
    if (needText) {
      const docIds = [...new Set(mentions.map((m) => m.document_id))];
      for (const part of chunks(docIds)) {
        for (const d of await db
          .selectFrom('documents')
          .select(['id', 'text'])
          .where('id', 'in', part)
          .execute())
          texts.set(d.id, d.text);
      }
    }
    for (const m of mentions) {
      const e = byId.get(m.event_id!)!;
      (e.mentionIds as string[]).push(m.id);
      const text = texts.get(m.document_id);
      if (text !== undefined)
        (e.sentences as string[]).push(text.slice(m.span_start, m.span_end).toLowerCase());
    }
  }
  return candidates;
}
