/** Builders that write documents, sources and mentions straight into a test store. */
import { encodeCodes } from '../../src/store/schema.js';
import type { Store } from '../../src/store/open-store.js';

export interface DocFixture {
  id: string;
  published: string;
  text?: string;
  outlet?: string | null;
  story?: string | null;
  origin?: string | null;
  sourceId?: string | null;
  lang?: string;
}

export interface MentionFixture {
  doc: string;
  index?: number;
  type: string;
  source?: string | null;
  target?: string | null;
  modality?: string;
  capabilities?: string[];
  date?: string | null;
  start?: number;
  end?: number;
  mutual?: boolean;
  lang?: string;
}

const NOW = '2026-01-01T00:00:00.000Z';

export async function addSource(store: Store, id: string, reliability: string): Promise<void> {
  await store.db
    .insertInto('sources')
    .values({
      id,
      name: id,
      kind: 'outlet',
      url: null,
      reliability,
      lang: null,
      interval_seconds: 900,
      enabled: 1,
      etag: null,
      last_modified: null,
      last_fetched_at: null,
      next_fetch_at: null,
      error_count: 0,
      last_error: null,
      created_at: NOW,
      updated_at: NOW,
    })
    .execute();
}

export async function addDocuments(store: Store, docs: readonly DocFixture[]): Promise<void> {
  for (const d of docs) {
    await store.db
      .insertInto('documents')
      .values({
        id: d.id,
        source_id: d.sourceId ?? null,
        outlet: d.outlet === undefined ? `outlet-${d.id}` : d.outlet,
        url: null,
        title: null,
        text: d.text ?? `Text of ${d.id}. Second sentence.`,
        lang: d.lang ?? 'en',
        published: d.published,
        ingested_at: NOW,
        content_hash: `hash-${d.id}`,
        fingerprint: null,
        story_id: d.story ?? null,
        origin: d.origin ?? null,
        meta: null,
        extracted_at: NOW,
      })
      .execute();
  }
}

export async function addMentions(
  store: Store,
  mentions: readonly MentionFixture[],
): Promise<string[]> {
  const counters = new Map<string, number>();
  const ids: string[] = [];
  for (const m of mentions) {
    const doc = await store.db
      .selectFrom('documents')
      .select(['published', 'text'])
      .where('id', '=', m.doc)
      .executeTakeFirstOrThrow();
    const index = m.index ?? counters.get(m.doc) ?? 0;
    counters.set(m.doc, index + 1);
    const id = `${m.doc}#${index}`;
    ids.push(id);
    await store.db
      .insertInto('mentions')
      .values({
        id,
        document_id: m.doc,
        type: m.type,
        source_actor: m.source ?? null,
        target_actor: m.target ?? null,
        modality: m.modality ?? 'ASSERTED',
        capabilities: encodeCodes(m.capabilities ?? []),
        date: m.date ?? null,
        span_start: m.start ?? 0,
        span_end: m.end ?? Math.min(doc.text.length, (m.start ?? 0) + 20),
        trigger_start: null,
        trigger_end: null,
        mutual: m.mutual ? 1 : 0,
        lang: m.lang ?? 'en',
        published: doc.published,
        rules: '[]',
        cues: '[]',
        confidence: 1,
        event_id: null,
        created_at: NOW,
      })
      .execute();
  }
  return ids;
}

/** mention id → event id, and the event rows without their update time. */
export async function snapshotEvents(
  store: Store,
): Promise<{ assignments: Record<string, string | null>; events: unknown[] }> {
  const mentions = await store.db
    .selectFrom('mentions')
    .select(['id', 'event_id'])
    .orderBy('id')
    .execute();
  const events = await store.db
    .selectFrom('events')
    .select([
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
      'explanation',
    ])
    .orderBy('id')
    .execute();
  return { assignments: Object.fromEntries(mentions.map((m) => [m.id, m.event_id])), events };
}
