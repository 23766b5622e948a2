import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/open-store.js';
import { PAGE_BYTES, scanTable, scanTablePages } from '../../src/report/scan-table.js';
import { testBackends } from '../support/test-stores.js';

const backends = await testBackends();
const DOCS = 60;
const TEXT_CHARS = 200_000;
const documents = { name: 'documents', key: ['id'] } as const;

for (const backend of backends) {
  describe.skipIf(backend.skipReason !== null)(`table scan pages (${backend.name})`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await backend.open();
      // 60 documents of 200,000 characters: 12 M characters, three times a page's budget.
      const rows = Array.from({ length: DOCS }, (_, i) => {
        const id = `doc-${String(i).padStart(3, '0')}`;
        return {
          id,
          url: `https://news.example/${id}`,
          title: id,
          text: `${id} `.repeat(TEXT_CHARS / 8),
          lang: 'en',
          published: '2024-11-01T00:00:00Z',
          ingested_at: '2024-11-01T00:00:00Z',
          content_hash: `hash-${id}`,
        };
      });
      for (let i = 0; i < rows.length; i += 10)
        await store.db
          .insertInto('documents')
          .values(rows.slice(i, i + 10))
          .execute();
    });
    afterAll(async () => store?.close());

    it('sizes pages by bytes, so long documents never fill a 2000-row page', async () => {
      const pages: { rows: number; chars: number }[] = [];
      const ids: string[] = [];
      for await (const page of scanTablePages(store, documents)) {
        const id = page.columns.indexOf('id');
        const text = page.columns.indexOf('text');
        ids.push(...page.rows.map((r) => String(r[id])));
        pages.push({
          rows: page.rows.length,
          chars: page.rows.reduce((n, r) => n + String(r[text]).length, 0),
        });
      }
      expect(ids).toEqual([...ids].sort());
      expect(new Set(ids).size).toBe(DOCS);
      expect(pages.length).toBeGreaterThanOrEqual(3);
      for (const p of pages) expect(p.chars).toBeLessThanOrEqual(PAGE_BYTES + TEXT_CHARS);
    });

    it('reads every row once in key order through the object scan too', async () => {
      const ids: string[] = [];
      for await (const row of scanTable(store, documents, { pageSize: 7 }))
        ids.push(String(row.id));
      expect(ids).toHaveLength(DOCS);
      expect(ids).toEqual([...ids].sort());
      expect(new Set(ids).size).toBe(DOCS);
    });
  });
}
