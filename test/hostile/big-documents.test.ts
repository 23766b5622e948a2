/**
 * Finding 3 of the hardening review: a big document must be stored, not fail with "Maximum call
 * stack size exceeded". A multi-megabyte JSON Lines document of one repeated event sentence made
 * more mentions than V8 accepts as call arguments (`rows.push(...mentionRows(…))`). Mentions per
 * document are now capped, and the cut is reported as a warning in the ingest result.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/extract-document.js';
import { ingestPaths } from '../../src/pipeline/ingest-paths.js';
import { MAX_MENTIONS_PER_DOCUMENT } from '../../src/pipeline/process-documents.js';
import { testBackends } from '../support/test-stores.js';

const backends = await testBackends();

/** 150,000 sentences, one MISSILE_TEST mention each (3.4 MB): past the old overflow at ~120,000. */
const SENTENCES = 150_000;
let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-big-'));
  file = join(dir, 'big.jsonl');
  const text = 'Iran tested a missile. '.repeat(SENTENCES);
  const small = 'North Korea fired a ballistic missile on Tuesday, Seoul said.';
  writeFileSync(
    file,
    `${JSON.stringify({ id: 'big', lang: 'en', published: '2024-11-12', text })}\n` +
      `${JSON.stringify({ id: 'small', lang: 'en', published: '2024-11-12', text: small })}\n`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

for (const backend of backends) {
  describe.skipIf(backend.skipReason !== null)(`a big document on ${backend.name}`, () => {
    it('is stored with at most the capped mentions, and the cut is a warning', async () => {
      const store = await backend.open();
      try {
        const result = await ingestPaths(store, [file], { extract: (doc) => extractDocument(doc) });
        expect(result.failed).toEqual([]);
        expect(result.stored).toBe(2);
        expect(result.warnings).toEqual([
          {
            line: 1,
            file,
            id: 'big',
            reason: expect.stringMatching(
              new RegExp(`${SENTENCES} mentions found, the first ${MAX_MENTIONS_PER_DOCUMENT}`),
            ),
          },
        ]);
        const perDocument = await store.db
          .selectFrom('mentions')
          .select(['document_id', (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy('document_id')
          .orderBy('document_id')
          .execute();
        expect(perDocument.map((r) => [r.document_id, Number(r.n)])).toEqual([
          ['big', MAX_MENTIONS_PER_DOCUMENT],
          ['small', 1],
        ]);
        expect(result.mentions).toBe(MAX_MENTIONS_PER_DOCUMENT + 1);
      } finally {
        await store.close();
      }
    }, 120_000);
  });
}
