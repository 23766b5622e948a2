/**
 * Finding 7 of the hardening review: NUL bytes split the backends. SQLite stored text with U+0000
 * and PostgreSQL refused it, so one such document made `export` → `import-store` abort, and a
 * query string with `%00` was an HTTP 500 on PostgreSQL. Documents now lose NUL and lone
 * surrogates before they are hashed, extracted and stored (every ingest path goes through
 * processDocuments); a request whose path or query holds one is a 400, and JSON bodies lose them.
 * GDELT files, the one import that bypasses documents, lose their NULs as they are read.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/extract-document.js';
import { importGdeltFile } from '../../src/ingest/gdelt/import-gdelt.js';
import { processDocuments } from '../../src/pipeline/process-documents.js';
import { exportStoreJsonl } from '../../src/report/export/export-jsonl.js';
import { importStoreJsonl } from '../../src/report/export/import-jsonl.js';
import { ROUTES } from '../../src/server/route-table.js';
import { listGdeltEvents } from '../../src/store/gdelt-repo.js';
import type { Store } from '../../src/store/open-store.js';
import { buildHarness, type Harness } from '../server/harness.js';
import { testBackends } from '../support/test-stores.js';

const backends = await testBackends();
const postgres = backends.find((b) => b.name === 'postgres')!;

const TEXT = 'North Korea fired a ballistic missile on Tuesday, Seoul said.';
/** TEXT with NULs, a lone high and a lone low surrogate in it; a real pair (an emoji) stays. */
const DIRTY = {
  id: 'nul-1',
  lang: 'en',
  published: '2024-11-12',
  title: 'Missile\u0000 launch \u{1F680}',
  outlet: 'Wire\u0000',
  text: `\u0000North Korea fired a ballistic\u0000 missile on Tue\uD800sday, Seoul said.\uDC00\u0000`,
};

const storedDocuments = (store: Store) =>
  store.db
    .selectFrom('documents')
    .select(['id', 'title', 'outlet', 'text'])
    .orderBy('id')
    .execute();

for (const backend of backends) {
  describe.skipIf(backend.skipReason !== null)(`NUL and lone surrogates on ${backend.name}`, () => {
    it('are removed from a document before it is stored; its mentions point into the clean text', async () => {
      const store = await backend.open();
      try {
        const result = await processDocuments(store, [{ line: 1, value: DIRTY }], {
          extract: (doc) => extractDocument(doc),
        });
        expect(result.failed).toEqual([]);
        expect(result.stored).toBe(1);
        expect(await storedDocuments(store)).toEqual([
          { id: 'nul-1', title: 'Missile launch \u{1F680}', outlet: 'Wire', text: TEXT },
        ]);
        const mentions = await store.db
          .selectFrom('mentions')
          .select(['span_start', 'span_end'])
          .execute();
        expect(mentions.length).toBeGreaterThan(0);
        for (const m of mentions) expect(TEXT.slice(m.span_start, m.span_end)).toContain('fired');
        // The same text without the bad characters is the same document.
        const again = await processDocuments(store, [
          { line: 1, value: { ...DIRTY, id: 'clean-copy', text: TEXT } },
        ]);
        expect(again.duplicates).toBe(1);
      } finally {
        await store.close();
      }
    });

    it('are removed from a GDELT file as it is read', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'vigie-gdelt-nul-'));
      const store = await backend.open();
      try {
        const sample = fileURLToPath(
          new URL('../fixtures/gdelt/v2-sample.export.CSV', import.meta.url),
        );
        const file = join(dir, 'nul.export.CSV');
        const rows = readFileSync(sample, 'utf8');
        writeFileSync(
          file,
          rows.replace('https://news.example/1001', 'https://news\u0000.example/1001'),
        );
        const result = await importGdeltFile(store, file);
        expect(result).toMatchObject({ rows: 8, inserted: 8, errorCount: 0 });
        const stored = await listGdeltEvents(store.db);
        expect(stored.find((e) => e.id === '1001')?.source_url).toBe('https://news.example/1001');
      } finally {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    describe('the API', () => {
      let h: Harness;
      beforeAll(async () => {
        h = await buildHarness({ store: await backend.open() });
      });
      afterAll(() => h.close());

      const getRoutes = ROUTES.filter((r) => r.method === 'GET');

      it.each(getRoutes.filter((r) => r.url.includes(':id')).map((r) => r.url))(
        'answers 400, never 500, to %s with %00 in the path',
        async (url) => {
          const res = await h.as('admin', { url: url.replace(':id', 'x%00y') });
          expect(res.statusCode, res.body).toBe(400);
          expect(res.json().error.code).toBe('VIGIE_INPUT_INVALID');
        },
      );

      const queried = getRoutes.flatMap((r) => {
        const shape = (r.query as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
        // A path parameter gets a valid value, so that the query string is what is refused.
        const path = r.url.replace(':id', 'x').replace(':code', 'PRK');
        return Object.keys(shape).map((key) => `${path}?${key}=a%00b`);
      });
      it('covers the query strings of the read routes', () => {
        expect(queried).toEqual(
          expect.arrayContaining([
            '/api/documents?q=a%00b',
            '/api/documents?outlet=a%00b',
            '/api/mentions?q=a%00b',
          ]),
        );
      });
      it.each(queried)('answers 400, never 500, to %s', async (url) => {
        const res = await h.as('admin', { url });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error).toMatchObject({
          code: 'VIGIE_INPUT_INVALID',
          message: expect.stringMatching(/NUL/),
        });
      });

      it('stores a posted source and document without the NULs', async () => {
        const source = await h.as('analyst', {
          method: 'POST',
          url: '/api/sources',
          payload: { name: 'Night\u0000 wire', kind: 'outlet' },
        });
        expect(source.statusCode, source.body).toBe(201);
        expect(source.json().name).toBe('Night wire');
        const posted = await h.as('analyst', {
          method: 'POST',
          url: '/api/documents',
          payload: { ...DIRTY, id: 'posted-nul' },
        });
        expect(posted.statusCode, posted.body).toBe(201);
        expect(posted.json()).toMatchObject({ stored: 1, failed: [] });
        const doc = await h.as('viewer', { url: '/api/documents/posted-nul' });
        expect(doc.json().text).toBe(TEXT);
      });
    });
  });
}

describe.skipIf(postgres.skipReason !== null)('SQLite → PostgreSQL', () => {
  it('export → import-store carries a document that came in with NUL bytes', async () => {
    const sqlite = await backends[0]!.open();
    const target = await postgres.open();
    try {
      await processDocuments(sqlite, [{ line: 1, value: DIRTY }], {
        extract: (doc) => extractDocument(doc),
      });
      const imported = await importStoreJsonl(target, exportStoreJsonl(sqlite));
      expect(imported.counts['documents']).toBe(1);
      expect(await storedDocuments(target)).toEqual(await storedDocuments(sqlite));
    } finally {
      await sqlite.close();
      await target.close();
    }
  });
});
