import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/support/test-stores.js';
import type { Store } from '../store/open-store.js';
import type { ExtractionResult } from '../domain/mention.js';
import { countDocuments, getDocument } from '../store/documents-repo.js';
import { countMentions, listMentions } from '../store/mentions-repo.js';
import { processDocuments, type InputLine } from './process-documents.js';

const backends = await testBackends();

const lines: InputLine[] = [
  {
    line: 1,
    value: {
      id: 'd1',
      lang: 'en',
      published: '2024-06-19',
      text: 'Russia and North Korea signed a treaty.',
    },
  },
  { line: 2, error: 'invalid JSON: Unexpected token' },
  { line: 3, value: { id: 'd2', text: 42 } },
  { line: 4, value: { text: 'A document without an id, about Kursk.' } },
  { line: 5, value: { id: 'd1-copy', text: 'Russia and  North Korea SIGNED a treaty.' } },
  { line: 6, value: { id: 'boom', text: 'This one makes the extractor throw.' } },
  { line: 7, value: { id: 'd3', lang: 'ko', published: '2024-10-18', text: '북한군 파병' } },
];

function fakeExtract(doc: { id: string; text: string; lang?: string }): ExtractionResult {
  if (doc.id === 'boom') throw new Error('extractor exploded');
  return {
    lang: doc.lang ?? 'en',
    origins: [],
    mentions: [
      {
        type: 'MEETING',
        source: 'RUS',
        target: 'PRK',
        modality: 'ASSERTED',
        capabilities: [],
        date: null,
        start: 0,
        end: doc.text.length,
        rules: ['fake'],
        cues: [],
        confidence: 1,
      },
    ],
  };
}

describe.each(backends)('processDocuments on $name', (backend) => {
  let store: Store;
  beforeEach(async () => {
    if (!backend.skipReason) store = await backend.open();
  });
  afterEach(async () => {
    if (!backend.skipReason) await store.close();
  });
  const run = it.skipIf(backend.skipReason !== null);

  for (const batchSize of [1, 3, 500]) {
    run(`stores good lines, skips duplicates, reports bad ones (batch ${batchSize})`, async () => {
      const progress: number[] = [];
      const result = await processDocuments(store, lines, {
        extract: fakeExtract,
        batchSize,
        sourceId: 'src-1',
        onProgress: (p) => progress.push(p.processed),
      });
      expect(result.stored).toBe(3);
      expect(result.duplicates).toBe(1);
      expect(result.failed.map((f) => f.line)).toEqual([2, 3, 6]);
      expect(result.failed[1]!.reason).toMatch(/text/);
      expect(result.failed[2]).toMatchObject({
        id: 'boom',
        reason: expect.stringMatching(/exploded/),
      });
      expect(result.mentions).toBe(3);
      expect(result.documentIds).toEqual(['d1', expect.stringMatching(/^doc-[0-9a-f]{16}$/), 'd3']);
      expect(progress[progress.length - 1]).toBe(lines.length);
      expect(await countDocuments(store.db, {})).toBe(3);
      expect(await getDocument(store.db, 'boom')).toBeUndefined();
      const d1 = await getDocument(store.db, 'd1');
      expect(d1?.source_id).toBe('src-1');
      expect(d1?.extracted_at).not.toBeNull();
      const m = await listMentions(store.db, { documentId: 'd3' }, { limit: 10 });
      expect(m.items.map((x) => [x.id, x.lang, x.published])).toEqual([
        ['d3#0', 'ko', '2024-10-18'],
      ]);

      const again = await processDocuments(store, lines, { extract: fakeExtract, batchSize });
      expect(again.stored).toBe(0);
      expect(again.duplicates).toBe(4);
      expect(await countMentions(store.db, {})).toBe(3);
    });
  }

  run('accepts an async iterable and works without extraction', async () => {
    async function* gen() {
      for (let i = 0; i < 25; i++)
        yield { line: i + 1, value: { id: `g${i}`, text: `generated text ${i}` } };
    }
    const result = await processDocuments(store, gen(), { batchSize: 10 });
    expect(result.stored).toBe(25);
    expect(await countMentions(store.db, {})).toBe(0);
    expect((await getDocument(store.db, 'g7'))?.extracted_at).toBeNull();
  });

  run(
    'calls enrich inside the transaction, undated and oldest first, and keeps its fields',
    async () => {
      const seen: string[] = [];
      const result = await processDocuments(store, lines.slice(0, 1).concat(lines.slice(3, 4)), {
        enrich: async (db, doc) => {
          seen.push(doc.id);
          const before = await countDocuments(db, {});
          return { story_id: `story-${before}`, fingerprint: '0123456789abcdef' };
        },
      });
      expect(result.stored).toBe(2);
      // Stored in search-key order (the undated copy before d1 of 2024-06-19), reported in input order.
      expect(result.documentIds[0]).toBe('d1');
      expect(seen).toEqual([result.documentIds[1], 'd1']);
      expect((await getDocument(store.db, result.documentIds[1]!))?.story_id).toBe('story-0');
      expect((await getDocument(store.db, 'd1'))?.story_id).toBe('story-1');
    },
  );

  run('rolls back a document whose enrichment fails and goes on', async () => {
    const result = await processDocuments(store, lines.slice(0, 1).concat(lines.slice(6)), {
      enrich: async (db, doc) => {
        await db
          .insertInto('stories')
          .values({
            id: `s-${doc.id}`,
            first_document_id: doc.id,
            first_published: null,
            document_count: 1,
            created_at: 'x',
            updated_at: 'x',
          })
          .execute();
        if (doc.id === 'd1') throw new Error('no story');
        return { story_id: `s-${doc.id}` };
      },
    });
    expect(result.stored).toBe(1);
    expect(result.failed).toEqual([
      { line: 1, id: 'd1', reason: expect.stringMatching(/no story/) },
    ]);
    const stories = await store.db.selectFrom('stories').select('id').execute();
    expect(stories.map((s) => s.id)).toEqual(['s-d3']);
  });
});
