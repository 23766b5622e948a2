/**
 * Finding 8 of the hardening review: garbage stored as documents. A gzip body served without its
 * encoding undone became a few characters of symbols, and a random-bytes `.eml` a document of
 * noise. Text whose characters (spaces aside) are more than 5% (MAX_UNREADABLE_SHARE) control or
 * replacement characters is now refused: a failed line with its reason, never a crash, and the
 * rest of the batch is stored. Real text in legacy charsets still goes through.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/schema.js';
import { extractDocument } from '../../src/extract/extract-document.js';
import { SafeFetcher } from '../../src/ingest/fetch/safe-fetch.js';
import { createIngestReader } from '../../src/ingest/files/ingest-reader.js';
import { ingestPaths } from '../../src/pipeline/ingest-paths.js';
import { defaultServices } from '../../src/server/default-services.js';
import { SAMPLES } from '../fixtures/ingest/samples.js';
import { buildHarness } from '../server/harness.js';
import { testBackends } from '../support/test-stores.js';

const backends = await testBackends();

/** Deterministic bytes (a linear congruential generator), so every run reads the same noise. */
function noise(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

/** A 2 KB article, gzipped: what a server sends when it ignores `Accept-Encoding: identity`. */
const ARTICLE = `<!doctype html><html lang="en"><head><title>Launch</title></head><body><article><p>${'North Korea fired a ballistic missile on Tuesday, the defence ministry in Seoul said. '.repeat(24)}</p></article></body></html>`;
const GZIPPED = gzipSync(Buffer.from(ARTICLE));

const REASON = /not readable: [\d.]+% of its characters are control characters or U\+FFFD/;

let dir: string;
let inbox: string;
let server: Server;
let base = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-unreadable-'));
  inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  writeFileSync(join(inbox, 'noise.eml'), noise(64 * 1024, 1));
  writeFileSync(join(inbox, 'noise.txt'), noise(4 * 1024, 2));
  writeFileSync(join(inbox, 'archive.txt'), GZIPPED);
  SAMPLES.forEach((s, i) =>
    writeFileSync(join(inbox, `sample-${i}-${s.charset}.txt`), iconv.encode(s.text, s.charset)),
  );
  server = createServer((req, res) => {
    // `/declared`: says UTF-8, so the bytes decode to U+FFFD; `/sniffed`: no charset, so a
    // single-byte charset turns every byte into some character.
    const charset = req.url === '/declared' ? '; charset=utf-8' : '';
    res.writeHead(200, { 'content-type': `text/html${charset}`, 'content-encoding': 'gzip' });
    res.end(GZIPPED);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await new Promise((resolve) => server.close(resolve));
});

for (const backend of backends) {
  describe.skipIf(backend.skipReason !== null)(`unreadable documents on ${backend.name}`, () => {
    it('are failed lines with a reason; readable ones in the same batch are stored', async () => {
      const store = await backend.open();
      const fetcher = new SafeFetcher({
        timeoutMs: 10_000,
        maxBytes: 1024 * 1024,
        maxRedirects: 0,
        userAgent: 'vigie-test',
        allowPrivate: ['127.0.0.1'],
      });
      try {
        const result = await ingestPaths(store, [inbox, `${base}/declared`, `${base}/sniffed`], {
          readers: [createIngestReader({ fetcher })],
          extract: (doc) => extractDocument(doc),
        });
        const refused = result.failed.map((f) => [f.file ?? '', f.reason] as const);
        expect(refused).toHaveLength(5);
        for (const [, reason] of refused) expect(reason).toMatch(REASON);
        expect(refused.map(([file]) => file.replace(inbox, 'inbox').replace(base, ''))).toEqual([
          'inbox/archive.txt',
          'inbox/noise.eml',
          'inbox/noise.txt',
          '/declared',
          '/sniffed',
        ]);
        expect(result.stored).toBe(SAMPLES.length);
        const texts = await store.db.selectFrom('documents').select('text').execute();
        expect(texts.map((t) => t.text).sort()).toEqual(SAMPLES.map((s) => s.text).sort());
      } finally {
        await fetcher.close();
        await store.close();
      }
    });
  });
}

describe('POST /api/ingest-url of a gzip body served as HTML', () => {
  it('answers with the refusal in `failed`, and stores nothing', async () => {
    const services = defaultServices(
      ConfigSchema.parse({ fetch: { allowPrivate: ['127.0.0.1'] } }),
    );
    const h = await buildHarness({ services });
    try {
      const before = await h.store.db.selectFrom('documents').select('id').execute();
      const res = await h.as('analyst', {
        method: 'POST',
        url: '/api/ingest-url',
        payload: { url: `${base}/declared` },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        stored: 0,
        failed: [{ index: 0, reason: expect.stringMatching(REASON) }],
      });
      expect(await h.store.db.selectFrom('documents').select('id').execute()).toEqual(before);
    } finally {
      await h.close();
      await services.close();
    }
  });
});
