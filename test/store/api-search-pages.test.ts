/**
 * Full-text pages of documents and mentions read in date-ordered batches (match-batches.ts):
 * paging through every match, with many documents per day, equal timestamps, undated documents
 * and Korean text, must give exactly the newest-first order of a plain sort, on both backends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listApiDocuments } from '../../src/store/api-queries/document-queries.js';
import { listApiMentions } from '../../src/store/api-queries/mention-queries.js';
import { compareNewestFirst } from '../../src/store/api-queries/keyset.js';
import type { Store } from '../../src/store/open-store.js';
import type { NewDocument, NewMention } from '../../src/store/schema.js';
import { testBackends } from '../support/test-stores.js';

const backends = await testBackends();

interface Doc {
  id: string;
  published: string | null;
  lang: string;
  text: string;
}

/** 400 documents over 12 days, 0–3 mentions each; deterministic. */
function corpus(): { docs: Doc[]; mentions: NewMention[] } {
  const docs: Doc[] = [];
  const mentions: NewMention[] = [];
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 0; i < 400; i++) {
    const day = 1 + Math.floor(rand() * 12);
    // A few share one exact timestamp; a few have no date at all.
    const published =
      i % 37 === 0
        ? null
        : i % 11 === 0
          ? `2024-03-${String(day).padStart(2, '0')}T12:00:00Z`
          : `2024-03-${String(day).padStart(2, '0')}T${String(Math.floor(rand() * 24)).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}:00Z`;
    const words = [
      rand() < 0.4 ? 'Hwasong launch reported' : 'routine report',
      rand() < 0.3 ? '북한이 탄도미사일을 발사했다' : '',
      rand() < 0.5 ? 'satellite imagery' : 'talks',
    ];
    const id = `d-${String(i).padStart(3, '0')}`;
    docs.push({ id, published, lang: i % 3 === 0 ? 'ko' : 'en', text: words.join('. ') });
    const n = Math.floor(rand() * 4);
    for (let m = 0; m < n; m++) {
      mentions.push({
        id: `${id}#${m}`,
        document_id: id,
        type: m % 2 === 0 ? 'MISSILE_TEST' : 'ARMS_TRANSFER',
        source_actor: 'PRK',
        target_actor: null,
        modality: 'ASSERTED',
        capabilities: '',
        date: null,
        span_start: 0,
        span_end: 5,
        trigger_start: null,
        trigger_end: null,
        mutual: 0,
        lang: docs[i]!.lang,
        published,
        rules: '[]',
        cues: '[]',
        confidence: 0.5,
        event_id: null,
        created_at: '2024-04-01T00:00:00Z',
      });
    }
  }
  return { docs, mentions };
}

const order = (a: { published: string | null; id: string }, b: typeof a) =>
  compareNewestFirst([a.published, a.id], [b.published, b.id]);

for (const backend of backends) {
  describe.skipIf(backend.skipReason !== null)(`search pages on ${backend.name}`, () => {
    let store: Store;
    const { docs, mentions } = corpus();

    beforeAll(async () => {
      store = await backend.open();
      const rows: NewDocument[] = docs.map((d) => ({
        id: d.id,
        source_id: null,
        outlet: 'Test',
        url: null,
        title: null,
        text: d.text,
        lang: d.lang,
        published: d.published,
        ingested_at: '2024-04-01T00:00:00Z',
        content_hash: `h-${d.id}`,
      }));
      for (let i = 0; i < rows.length; i += 100) {
        await store.db
          .insertInto('documents')
          .values(rows.slice(i, i + 100))
          .execute();
      }
      for (let i = 0; i < mentions.length; i += 100) {
        await store.db
          .insertInto('mentions')
          .values(mentions.slice(i, i + 100))
          .execute();
      }
    });
    afterAll(async () => store.close());

    async function allDocumentIds(filters: { q: string; lang?: string }, limit: number) {
      const ids: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 500; pages++) {
        const page = await listApiDocuments(store, filters, { limit, cursor });
        ids.push(...page.items.map((d) => d.id));
        if (!page.next) return ids;
        cursor = page.next;
      }
      throw new Error('paging did not end');
    }

    async function allMentionIds(filters: { q: string; type?: string }, limit: number) {
      const ids: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 500; pages++) {
        const page = await listApiMentions(store, filters, { limit, cursor });
        ids.push(...page.items.map((m) => m.id));
        if (!page.next) return ids;
        cursor = page.next;
      }
      throw new Error('paging did not end');
    }

    const matching = (needle: string, lang?: string) =>
      docs.filter((d) => d.text.toLowerCase().includes(needle) && (!lang || d.lang === lang));

    it('pages through every matching document newest first, undated last', async () => {
      const expected = matching('hwasong').sort(order);
      expect(expected.length).toBeGreaterThan(100);
      for (const limit of [1, 7, 50, 500]) {
        expect(await allDocumentIds({ q: 'Hwasong' }, limit)).toEqual(expected.map((d) => d.id));
      }
    });

    it('applies the other filters and finds Korean words', async () => {
      const ko = matching('satellite', 'ko').sort(order);
      expect(await allDocumentIds({ q: 'satellite', lang: 'ko' }, 9)).toEqual(ko.map((d) => d.id));
      const missiles = matching('탄도미사일').sort(order);
      expect(missiles.length).toBeGreaterThan(20);
      expect(await allDocumentIds({ q: '탄도미사일' }, 13)).toEqual(missiles.map((d) => d.id));
      const both = matching('hwasong').filter((d) => d.text.includes('satellite'));
      expect(await allDocumentIds({ q: 'satellite Hwasong' }, 8)).toEqual(
        both.sort(order).map((d) => d.id),
      );
    });

    it('pages through the mentions of matching documents in mention order', async () => {
      const docIds = new Set(matching('hwasong').map((d) => d.id));
      const expected = mentions
        .filter((m) => docIds.has(m.document_id))
        .sort((a, b) => compareNewestFirst([a.published!, a.id], [b.published!, b.id]));
      expect(expected.length).toBeGreaterThan(100);
      for (const limit of [1, 6, 50]) {
        expect(await allMentionIds({ q: 'Hwasong' }, limit)).toEqual(expected.map((m) => m.id));
      }
      const tests = expected.filter((m) => m.type === 'ARMS_TRANSFER');
      expect(await allMentionIds({ q: 'Hwasong', type: 'ARMS_TRANSFER' }, 4)).toEqual(
        tests.map((m) => m.id),
      );
    });

    it('keeps the index in step with deleted and redated documents', async () => {
      const [first, second] = matching('hwasong').sort(order);
      await store.db.deleteFrom('mentions').where('document_id', '=', first!.id).execute();
      await store.db.deleteFrom('documents').where('id', '=', first!.id).execute();
      await store.db
        .updateTable('documents')
        .set({ published: '2023-01-01T00:00:00Z' })
        .where('id', '=', second!.id)
        .execute();
      const ids = await allDocumentIds({ q: 'Hwasong' }, 20);
      expect(ids).not.toContain(first!.id);
      const undated = ids.findIndex((id) => docs.find((d) => d.id === id)!.published === null);
      expect(ids.indexOf(second!.id)).toBe(undated - 1);
    });
  });
}
