import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testBackends } from '../../../test/support/test-stores.js';
import type { ExtractionResult } from '../../domain/mention.js';
import type { Capability, EventType } from '../../domain/ontology.js';
import type { Store } from '../../store/open-store.js';
import { getStory, listStoryDocumentIds } from '../../store/stories-repo.js';
import { assignStory } from './assign-story.js';
import { enrichDocument } from './enrich-document.js';
import { contentHash } from './normalise-text.js';

interface FixtureDoc {
  id: string;
  lang: string;
  published: string;
  text: string;
  events?: [EventType, string | null, string | null, Capability[]][];
}
const fixtures = new Map(
  readFileSync(new URL('../../../test/fixtures/dedup/stories.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as FixtureDoc)
    .map((d) => [d.id, d]),
);
const doc = (id: string) => fixtures.get(id)!;

function extraction(d: FixtureDoc): ExtractionResult | undefined {
  if (!d.events) return undefined;
  return {
    lang: d.lang,
    origins: [],
    mentions: d.events.map(([type, source, target, capabilities]) => ({
      type,
      source,
      target,
      capabilities,
      modality: 'ASSERTED',
      date: null,
      start: 0,
      end: 1,
      rules: [],
      cues: [],
      confidence: 1,
    })),
  };
}

/** Enriches then stores a document, as the ingest pipeline does. */
async function ingest(store: Store, d: FixtureDoc, id = d.id, text = d.text) {
  const row = {
    id,
    text,
    lang: d.lang,
    published: d.published,
    ingested_at: '2025-01-01T00:00:00.000Z',
    content_hash: contentHash(text),
  };
  const extra = await enrichDocument(store.db, row, extraction(d));
  await store.db
    .insertInto('documents')
    .values({ ...row, ...extra })
    .execute();
  return extra;
}

const backends = await testBackends();

describe.each(backends)('stories on $name', (backend) => {
  it.skipIf(backend.skipReason !== null)(
    'clusters copies and translations, keeps other reports apart, counts documents',
    async () => {
      const store = await backend.open();
      try {
        const a = await ingest(store, doc('en-s1-a'));
        expect(a.fingerprint).toMatch(/^[0-9a-f]{16}$/);
        expect(a.origin).toBeNull();
        const copy = await ingest(store, doc('en-s1-copy'));
        expect(copy.story_id).toBe(a.story_id);
        expect(copy.origin).toBe('Yonhap');
        const joined = await store.db
          .selectFrom('story_documents')
          .select('evidence')
          .where('document_id', '=', 'en-s1-copy')
          .executeTakeFirstOrThrow();
        expect(JSON.parse(joined.evidence!)).toMatchObject({
          stage: 'near-duplicate',
          measures: { copy: expect.any(Number) as number },
        });
        const other = await ingest(store, doc('en-n1'));
        expect(other.story_id).not.toBe(a.story_id);
        const rewrite = await ingest(store, doc('en-s1-rewrite'));
        expect(rewrite.story_id).toBe(a.story_id);

        const en = await ingest(store, doc('tr-en'));
        const de = await ingest(store, doc('tr-de'));
        const fr = await ingest(store, doc('tr-n-fr'));
        expect(de.story_id).toBe(en.story_id);
        expect(fr.story_id).not.toBe(en.story_id);

        expect(await getStory(store.db, a.story_id!)).toMatchObject({
          first_document_id: 'en-s1-a',
          document_count: 3,
        });
        expect(await listStoryDocumentIds(store.db, a.story_id!)).toEqual([
          'en-s1-a',
          'en-s1-copy',
          'en-s1-rewrite',
        ]);
        const stored = await store.db.selectFrom('documents').select(['id', 'story_id']).execute();
        expect(new Set(stored.map((r) => r.story_id)).size).toBe(4);

        // Idempotent per document id: no second count.
        const again = await assignStory(store.db, doc('en-s1-copy'));
        expect(again).toMatchObject({ storyId: a.story_id, reason: 'already-assigned' });
        expect((await getStory(store.db, a.story_id!))?.document_count).toBe(3);

        // An exact duplicate under another id joins the story of its twin.
        const twin = doc('en-s1-a');
        const dup = await assignStory(store.db, {
          id: 'en-s1-a-again',
          text: `  ${twin.text.toUpperCase()} `,
          lang: 'en',
          published: twin.published,
        });
        expect(dup).toMatchObject({
          storyId: a.story_id,
          reason: 'exact-duplicate',
          matchedDocumentId: 'en-s1-a',
        });
      } finally {
        await store.close();
      }
    },
  );

  it.skipIf(backend.skipReason !== null)(
    'sets documents.story_id of a document stored before its story was assigned',
    async () => {
      const store = await backend.open();
      try {
        const d = doc('ko-s5-a');
        await store.db
          .insertInto('documents')
          .values({
            id: d.id,
            text: d.text,
            lang: d.lang,
            published: d.published,
            ingested_at: '2025-01-01T00:00:00.000Z',
            content_hash: contentHash(d.text),
          })
          .execute();
        const assigned = await assignStory(store.db, {
          id: d.id,
          text: d.text,
          lang: d.lang,
          published: d.published,
        });
        expect(assigned.reason).toBe('new-story');
        const row = await store.db
          .selectFrom('documents')
          .select('story_id')
          .where('id', '=', d.id)
          .executeTakeFirstOrThrow();
        expect(row.story_id).toBe(assigned.storyId);
        const copy = await ingest(store, doc('ko-s5-copy'));
        expect(copy.story_id).toBe(assigned.storyId);
      } finally {
        await store.close();
      }
    },
  );

  it.skipIf(backend.skipReason !== null)(
    'joins rewrites of one announcement on shared evidence and records why',
    async () => {
      const store = await backend.open();
      const shipment: FixtureDoc['events'] = [['ARMS_TRANSFER', 'PRK', 'RUS', []]];
      const made = (id: string, lang: string, published: string, text: string): FixtureDoc => ({
        id,
        lang,
        published,
        text,
        events: shipment,
      });
      try {
        const en = await ingest(
          store,
          made(
            'ev-en',
            'en',
            '2031-03-05',
            'North Korea has sent about 2,300 containers of shells to Russia since August, ' +
              'South Korea’s National Intelligence Service said on Wednesday, citing 640 rail trips.',
          ),
        );
        const ko = await ingest(
          store,
          made(
            'ev-ko',
            'ko',
            '2031-03-05',
            '국정원은 5일 북한이 8월 이후 포탄 컨테이너 약 2천300개를 러시아로 보냈다고 밝혔다. ' +
              '철도 운송은 640회라고 덧붙였다.',
          ),
        );
        const ministry = await ingest(
          store,
          made(
            'ev-mnd',
            'en',
            '2031-03-05',
            'South Korea’s defence ministry said on Wednesday that the North had moved shells ' +
              'to Russia by rail, about 2,300 containers in all.',
          ),
        );
        expect(ko.story_id).toBe(en.story_id);
        expect(ministry.story_id).not.toBe(en.story_id);

        const row = await store.db
          .selectFrom('story_documents')
          .select(['reason', 'matched_document_id', 'source', 'names', 'evidence'])
          .where('document_id', '=', 'ev-ko')
          .executeTakeFirstOrThrow();
        expect(row).toMatchObject({
          reason: 'evidence',
          matched_document_id: 'ev-en',
          source: 'kor-nis',
          names: '|kor-nis|',
        });
        expect(JSON.parse(row.evidence!)).toMatchObject({
          stage: 'evidence',
          source: 'same',
          sourceId: 'kor-nis',
          figures: ['2300', '640'],
          events: ['ARMS_TRANSFER/PRK/RUS'],
        });
        const keys = await store.db
          .selectFrom('story_keys')
          .select('key')
          .where('document_id', '=', 'ev-en')
          .orderBy('key')
          .execute();
        expect(keys.map((k) => k.key)).toEqual([
          'e:ARMS_TRANSFER/PRK/RUS',
          'n:2300',
          'n:640',
          's:kor-nis',
        ]);
      } finally {
        await store.close();
      }
    },
  );
});
