import { sql } from 'kysely';
import { partlyMigratedStore } from '../../test/support/partly-migrated-store.js';
import { describe, expect, it } from 'vitest';
import { testBackends } from '../../test/support/test-stores.js';
import { migrateStore, type Store } from './open-store.js';
import { indexStoryDocument } from './stories-repo.js';
import { findStoryCandidates } from './story-candidates-repo.js';

/** Indexes a clustered document with `bands`; its document row too unless `unstored`. */
async function index(
  store: Store,
  id: string,
  published: string | null,
  bands: string[],
  options: { signatures?: string[]; unstored?: boolean } = {},
) {
  if (!options.unstored) {
    await store.db
      .insertInto('documents')
      .values({
        id,
        text: `text of ${id}`,
        published,
        content_hash: `hash-${id}`,
        ingested_at: '2026-03-01T00:00:00.000Z',
      })
      .execute();
  }
  await indexStoryDocument(store.db, {
    documentId: id,
    storyId: 'story-1',
    lang: 'en',
    published,
    signatures: options.signatures ?? [],
    actors: [],
    numbers: [],
    details: [],
    sentences: 1,
    bands,
    source: null,
    names: [],
    keys: [],
    reason: id === 'd00' ? 'new-story' : 'near-duplicate',
    matchedDocumentId: null,
    evidence: null,
    newStory: id === 'd00',
    now: '2026-03-01T00:00:00.000Z',
  });
}

const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}T12:00:00.000Z`;

/** A store migrated up to, not including, 0130; `close` drops it. */
function storeBefore0130(name: 'sqlite' | 'postgres'): Promise<Store> {
  return partlyMigratedStore(name, (m) => m < '0130');
}

const backends = await testBackends();

describe.each(backends)('story candidates on $name', (backend) => {
  it.skipIf(backend.skipReason !== null)(
    'a band shared by many documents: only its latest members of the window, and the undated',
    async () => {
      const store = await backend.open();
      try {
        // 30 documents of days 1–30 share band b; three more have no date.
        for (let d = 1; d <= 30; d += 1)
          await index(store, `d${String(d - 1).padStart(2, '0')}`, day(d), ['b']);
        for (const id of ['u1', 'u2', 'u3']) await index(store, id, null, ['b']);
        const found = await findStoryCandidates(store.db, {
          bands: ['b', 'other'],
          signatures: [],
          from: '2026-03-10',
          to: '2026-03-20\uffff',
          excludeDocumentId: 'new',
          limit: 2,
        });
        // Per key: the 2 latest of the window (days 20 and 19) and 2 undated (by id, last first).
        expect(found.map((r) => r.document_id).sort()).toEqual(['d18', 'd19', 'u2', 'u3']);
        expect(found.find((r) => r.document_id === 'd19')).toMatchObject({
          published: day(20),
          content_hash: 'hash-d19',
          story_id: 'story-1',
        });
      } finally {
        await store.close();
      }
    },
  );

  it.skipIf(backend.skipReason !== null)(
    'every document sharing a band or a signature in the window, when no key is crowded',
    async () => {
      const store = await backend.open();
      try {
        await index(store, 'd00', day(5), ['b1']);
        await index(store, 'd01', day(5), ['b1', 'b2', 'b3']);
        await index(store, 'd02', day(6), ['b2']);
        await index(store, 'd03', day(7), ['x'], { signatures: ['MEETING|KP|RU'] });
        await index(store, 'd04', day(8), ['b3'], { unstored: true });
        await index(store, 'd05', day(25), ['b1', 'b2', 'b3']);
        const query = {
          bands: ['b1', 'b2', 'b3'],
          signatures: ['MEETING|KP|RU'],
          excludeDocumentId: 'd01',
        };
        const found = await findStoryCandidates(store.db, {
          ...query,
          from: '2026-03-01',
          to: '2026-03-09\uffff',
        });
        expect(found.map((r) => r.document_id).sort()).toEqual(['d00', 'd02', 'd03', 'd04']);
        // The document row of d04 is not stored yet: no text to compare.
        expect(found.find((r) => r.document_id === 'd04')?.content_hash).toBeNull();
        // Without a publication date, every dated document is a candidate.
        const undated = await findStoryCandidates(store.db, { ...query, from: null, to: null });
        expect(undated.map((r) => r.document_id).sort()).toEqual([
          'd00',
          'd02',
          'd03',
          'd04',
          'd05',
        ]);
      } finally {
        await store.close();
      }
    },
  );

  it.skipIf(backend.skipReason !== null)(
    'crowded keys and tied counts: the ranking and cut of the documented rule',
    async () => {
      const store = await backend.open();
      try {
        // 48 documents on 6 bands, a quarter undated, ids in mixed case (BINARY order: 'B' < 'a').
        let seed = 7;
        const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
        const docs = Array.from({ length: 48 }, (_, i) => ({
          id: `${'aBcD'[i % 4]}${String(i).padStart(2, '0')}`,
          published: random() < 0.25 ? null : day(1 + Math.floor(random() * 20)),
          bands: ['k0', 'k1', 'k2', 'k3', 'k4', 'k5'].filter(() => random() < 0.5),
        }));
        for (const d of docs) await index(store, d.id, d.published, d.bands);
        const query = {
          bands: ['k0', 'k1', 'k2', 'k3', 'k4', 'k5'],
          signatures: [],
          from: '2026-03-05',
          to: '2026-03-15\uffff',
          excludeDocumentId: docs[3]!.id,
          limit: 3,
        };
        // The rule: per key its 3 latest members of the window (then by id, last first) and its 3
        // latest undated ones; the 12 documents counted most, ties by id (code point order).
        const hits = new Map<string, number>();
        for (const key of query.bands) {
          const members = docs
            .filter((d) => d.bands.includes(key) && d.id !== query.excludeDocumentId)
            .sort(
              (a, b) =>
                (a.published ?? '').localeCompare(b.published ?? '') || (a.id < b.id ? -1 : 1),
            )
            .reverse();
          const inWindow = members.filter(
            (d) => d.published !== null && d.published >= query.from && d.published <= query.to,
          );
          for (const d of [
            ...inWindow.slice(0, 3),
            ...members.filter((m) => m.published === null).slice(0, 3),
          ])
            hits.set(d.id, (hits.get(d.id) ?? 0) + 1);
        }
        const expected = [...hits]
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
          .slice(0, 12)
          .map(([id]) => id)
          .sort();
        const found = await findStoryCandidates(store.db, query);
        expect(found.map((r) => r.document_id).sort()).toEqual(expected);
      } finally {
        await store.close();
      }
    },
  );

  it.skipIf(backend.skipReason !== null)(
    'migration 0130 dates the band and signature rows of an existing store',
    async () => {
      const store = await storeBefore0130(backend.name);
      try {
        await sql`INSERT INTO story_documents (document_id, story_id, published, reason, created_at)
          VALUES ('a', 's', ${day(3)}, 'new-story', 'now'), ('b', 's', NULL, 'rewrite', 'now')`.execute(
          store.db,
        );
        await sql`INSERT INTO story_bands (band, document_id) VALUES ('b1', 'a'), ('b1', 'b')`.execute(
          store.db,
        );
        await sql`INSERT INTO story_signatures (signature, document_id) VALUES ('s1', 'a')`.execute(
          store.db,
        );
        await migrateStore(store);
        const bands = await store.db
          .selectFrom('story_bands')
          .select(['document_id', 'published'])
          .orderBy('document_id')
          .execute();
        expect(bands).toEqual([
          { document_id: 'a', published: day(3) },
          { document_id: 'b', published: null },
        ]);
        const signatures = await store.db
          .selectFrom('story_signatures')
          .select(['document_id', 'published'])
          .execute();
        expect(signatures).toEqual([{ document_id: 'a', published: day(3) }]);
      } finally {
        await store.close();
      }
    },
  );
});
