/**
 * The SQLite full-text index stays in few segments: a batch stored in feed order (newest first)
 * is written as one run, and tidySearchIndex merges what batches leave, without changing what a
 * search finds.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { processDocuments, type InputLine } from '../../src/pipeline/process-documents.js';
import { listApiDocuments } from '../../src/store/api-queries/document-queries.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { tidySearchIndex } from '../../src/store/search-index-upkeep.js';
import { inSearchKeyOrder } from '../../src/store/search-key.js';

function segments(store: Store): number {
  return store
    .sqlite!.prepare('SELECT count(DISTINCT segid) FROM documents_fts_idx')
    .pluck()
    .get() as number;
}

/** `n` documents as a feed lists them: newest first, a few a day, some undated. */
function feed(prefix: string, n: number): InputLine[] {
  return Array.from({ length: n }, (_, i) => {
    const day = 28 - Math.floor(i / 12);
    return {
      line: i + 1,
      value: {
        id: `${prefix}-${i}`,
        text: `${i % 3 === 0 ? 'Hwasong launch' : 'Routine report'} number ${prefix} ${i} on day ${day}.`,
        ...(i % 25 === 7 ? {} : { published: `2024-03-${String(day).padStart(2, '0')}T10:00:00Z` }),
      },
    };
  });
}

async function searchIds(store: Store, q: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listApiDocuments(store, { q }, { limit: 40, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((d) => d.id));
    cursor = page.next ?? undefined;
  } while (cursor);
  return ids;
}

describe('search index upkeep (SQLite)', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore({ url: ':memory:' });
  });
  afterEach(async () => {
    await store.close();
  });

  it('writes a batch given newest first as one run, not a segment per document', async () => {
    const before = segments(store);
    const result = await processDocuments(store, feed('a', 300), { batchSize: 300 });
    expect(result.stored).toBe(300);
    // Input order is what the result reports, whatever order the rows went in.
    expect(result.documentIds.slice(0, 3)).toEqual(['a-0', 'a-1', 'a-2']);
    expect(segments(store) - before).toBeLessThanOrEqual(1);
  });

  it('merges the segments batches leave and finds the same documents after', async () => {
    for (let b = 0; b < 6; b++) await processDocuments(store, feed(`b${b}`, 40));
    const found = await searchIds(store, 'Hwasong');
    expect(found).toHaveLength(6 * 14);
    const before = segments(store);
    expect(before).toBeGreaterThanOrEqual(3);
    const upkeep = await tidySearchIndex(store);
    expect(upkeep.settled).toBe(true);
    expect(upkeep.steps).toBeGreaterThan(0);
    expect(segments(store)).toBeLessThan(before);
    expect(await searchIds(store, 'Hwasong')).toEqual(found);
    // Nothing left to merge: a second pass does no work.
    expect(await tidySearchIndex(store)).toEqual({ steps: 0, settled: true });
  });
});

describe('inSearchKeyOrder', () => {
  it('puts undated items first, then days in order, keeping input order within a day', () => {
    const items = [
      { id: 'new', p: '2024-03-02T09:00:00Z' },
      { id: 'undated', p: null },
      { id: 'old-a', p: '2024-03-01T23:00:00Z' },
      { id: 'new-b', p: '2024-03-02T01:00:00Z' },
      { id: 'old-b', p: '2024-03-01T01:00:00Z' },
      { id: 'odd', p: 'March 2024' },
    ];
    expect(inSearchKeyOrder(items, (x) => x.p).map((x) => x.id)).toEqual([
      'undated',
      'odd',
      'old-a',
      'old-b',
      'new',
      'new-b',
    ]);
  });
});
