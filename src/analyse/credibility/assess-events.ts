/**
 * Recomputes support, credibility and modality of events from their mentions, documents and
 * sources, and stores the result with its explanation on the event row.
 * @module
 */
import { readAttribution } from '../../domain/attribution.js';
import type { Modality } from '../../domain/ontology.js';
import { chunks, type Db } from '../events/event-rows.js';
import { assessCredibility } from './credibility-rules.js';

export async function assessEvents(
  db: Db,
  eventIds: readonly string[],
  now: string,
): Promise<void> {
  for (const ids of chunks(eventIds, 300)) {
    const events = await db.selectFrom('events').selectAll().where('id', 'in', ids).execute();
    const updated: typeof events = [];
    const mentions = await db
      .selectFrom('mentions')
      .select(['id', 'document_id', 'modality', 'event_id', 'attribution'])
      .where('event_id', 'in', ids)
      .execute();
    const docIds = [...new Set(mentions.map((m) => m.document_id))];
    const docs = new Map<
      string,
      {
        id: string;
        storyId: string | null;
        origin: string | null;
        outlet: string | null;
        published: string | null;
        reliability: string;
      }
    >();
    const rejections: {
      id: string;
      document_id: string;
      source_actor: string | null;
      attribution: string | null;
    }[] = [];
    for (const part of chunks(docIds)) {
      const rows = await db
        .selectFrom('documents')
        .leftJoin('sources', 'sources.id', 'documents.source_id')
        .select([
          'documents.id',
          'documents.story_id',
          'documents.origin',
          'documents.outlet',
          'documents.published',
          'sources.reliability',
        ])
        .where('documents.id', 'in', part)
        .execute();
      for (const r of rows) {
        docs.set(r.id, {
          id: r.id,
          storyId: r.story_id,
          origin: r.origin,
          outlet: r.outlet,
          published: r.published,
          reliability: r.reliability ?? 'F',
        });
      }
      // By document only (the document index), REJECTION kept in JS: a type filter would tempt
      // the planner into scanning every REJECTION mention.
      for (const r of await db
        .selectFrom('mentions')
        .select(['id', 'document_id', 'source_actor', 'type', 'attribution'])
        .where('document_id', 'in', part)
        .execute()) {
        if (r.type === 'REJECTION') rejections.push(r);
      }
    }
    const byEvent = new Map<string, typeof mentions>();
    for (const m of mentions) {
      const list = byEvent.get(m.event_id!) ?? [];
      list.push(m);
      byEvent.set(m.event_id!, list);
    }
    for (const e of events) {
      const own = byEvent.get(e.id) ?? [];
      const ownDocs = new Set(own.map((m) => m.document_id));
      const ownIds = new Set(own.map((m) => m.id));
      const actors = new Set([e.source_actor, e.target_actor].filter((a) => a !== null));
      const denying = rejections.filter(
        (r) =>
          ownDocs.has(r.document_id) &&
          !ownIds.has(r.id) &&
          (r.source_actor === null || actors.has(r.source_actor)),
      );
      const explanation = assessCredibility({
        mentions: own.map((m) => ({
          id: m.id,
          documentId: m.document_id,
          modality: m.modality as Modality,
          attribution: readAttribution(m.attribution),
        })),
        rejections: denying.map((r) => ({
          id: r.id,
          documentId: r.document_id,
          attribution: readAttribution(r.attribution),
        })),
        documents: [...ownDocs].map(
          (id) =>
            docs.get(id) ?? {
              id,
              storyId: null,
              origin: null,
              outlet: null,
              published: null,
              reliability: 'F',
            },
        ),
      });
      updated.push({
        ...e,
        modality: explanation.modality,
        mention_count: explanation.mentionCount,
        independent_sources: explanation.independentSources,
        credibility: explanation.credibility,
        explanation: JSON.stringify(explanation),
        updated_at: now,
      });
    }
    for (const part of chunks(updated, 100)) {
      await db
        .insertInto('events')
        .values(part)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            modality: eb.ref('excluded.modality'),
            mention_count: eb.ref('excluded.mention_count'),
            independent_sources: eb.ref('excluded.independent_sources'),
            credibility: eb.ref('excluded.credibility'),
            explanation: eb.ref('excluded.explanation'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
  }
}
