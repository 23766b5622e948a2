import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { ingestPaths } from '../../src/pipeline/ingest-paths.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { SafeFetcher } from '../../src/ingest/fetch/safe-fetch.js';
import { createIngestReader } from '../../src/ingest/files/ingest-reader.js';
import { ATOM } from '../fixtures/ingest/feeds.js';
import { articlePage } from '../fixtures/ingest/pages.js';
import { makePdf } from '../fixtures/ingest/make-pdf.js';
import { SAMPLES } from '../fixtures/ingest/samples.js';
import {
  loopbackOnly,
  serve,
  startFixtureServer,
  type FixtureServer,
} from './support/fixture-server.js';

let server: FixtureServer;
let fetcher: SafeFetcher;
let store: Store;
let dir: string;

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/atom.xml', serve(ATOM, { 'content-type': 'application/atom+xml' }));
  const ja = SAMPLES.find((s) => s.lang === 'ja')!;
  server.route(
    '/ja.html',
    serve(iconv.encode(articlePage(ja), 'shift_jis'), {
      'content-type': 'text/html; charset=Shift_JIS',
    }),
  );
  fetcher = new SafeFetcher(
    {
      timeoutMs: 3000,
      maxBytes: 1 << 20,
      maxRedirects: 2,
      userAgent: 'vigie-test',
      allowPrivate: ['127.0.0.1'],
    },
    { resolver: loopbackOnly },
  );
  store = await openStore({ url: ':memory:' });
  dir = await mkdtemp(join(tmpdir(), 'vigie-ingest-'));
  await writeFile(
    join(dir, 'report.pdf'),
    makePdf(['Panel of experts report on missile transfers.']),
  );
  await writeFile(join(dir, 'scan.pdf'), makePdf(null));
  await writeFile(join(dir, 'notes.md'), `# Notes\n\n${SAMPLES[1]!.text}\n`);
  await writeFile(
    join(dir, 'corpus.jsonl'),
    `${JSON.stringify({ id: 'c1', text: SAMPLES[0]!.text, lang: 'en' })}\n{bad json\n`,
  );
  await writeFile(join(dir, 'photo.jpg'), 'x');
});

afterAll(async () => {
  await fetcher.close();
  await server.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('vigie ingest readers', () => {
  it('ingests a mixed folder, a feed URL and a page URL through processDocuments', async () => {
    const unsupported: string[] = [];
    const reader = createIngestReader({ fetcher, onUnsupported: (p) => unsupported.push(p) });
    const result = await ingestPaths(
      store,
      [dir, `${server.origin}/atom.xml`, `${server.origin}/ja.html`, 'http://10.0.0.1/x'],
      { readers: [reader] },
    );
    expect(unsupported).toEqual([join(dir, 'photo.jpg')]);
    // corpus c1, notes.md, report.pdf, 2 Atom entries, 1 page.
    expect(result.stored).toBe(6);
    expect(result.failed.map((f) => f.reason)).toEqual([
      expect.stringMatching(/JSON|json|Unexpected|Expected/),
      expect.stringContaining('no text layer'),
      expect.stringMatching(/10\.0\.0\.1.*private/),
    ]);
    const page = await store.db
      .selectFrom('documents')
      .selectAll()
      .where('url', '=', `${server.origin}/ja.html`)
      .executeTakeFirstOrThrow();
    expect(page).toMatchObject({ lang: 'ja', published: '2024-11-11T23:30:00.000Z' });
    expect(page.text).toContain(SAMPLES.find((s) => s.lang === 'ja')!.text);

    const again = await ingestPaths(store, [dir, `${server.origin}/atom.xml`], {
      readers: [reader],
    });
    expect(again).toMatchObject({ stored: 0, duplicates: 5 });
  });
});
