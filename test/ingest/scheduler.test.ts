import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { processDocuments } from '../../src/pipeline/process-documents.js';
import { SafeFetcher } from '../../src/ingest/fetch/safe-fetch.js';
import { Scheduler, type SchedulerOptions } from '../../src/ingest/scheduler/scheduler.js';
import {
  addSource,
  getSource,
  listSourceErrors,
  countDocumentsBySource,
} from '../../src/store/sources-repo.js';
import type { Store } from '../../src/store/open-store.js';
import { testBackends } from '../support/test-stores.js';
import { BILLION_LAUGHS, TRUNCATED, ATOM, rss2 } from '../fixtures/ingest/feeds.js';
import { articlePage } from '../fixtures/ingest/pages.js';
import { SAMPLES } from '../fixtures/ingest/samples.js';
import {
  endless,
  loopbackOnly,
  serve,
  startFixtureServer,
  type FixtureServer,
} from './support/fixture-server.js';

let server: FixtureServer;
let fetcher: SafeFetcher;
const feedHits = { cond: 0 };

beforeAll(async () => {
  server = await startFixtureServer();
  fetcher = new SafeFetcher(
    {
      timeoutMs: 2000,
      maxBytes: 512 * 1024,
      maxRedirects: 3,
      userAgent: 'vigie-test',
      allowPrivate: ['127.0.0.1'],
    },
    { resolver: loopbackOnly },
  );
  // One feed per legacy charset, each with one full item and one summary-only item.
  for (const sample of SAMPLES) {
    const xml = rss2(sample, { base: server.origin });
    server.route(`/feeds/${sample.lang}-${sample.charset}.xml`, (req, res) => {
      if (sample.lang === 'en') feedHits.cond += 1;
      if (req.headers['if-none-match'] === `"${sample.charset}"`)
        return void res.writeHead(304).end();
      res
        .writeHead(200, { 'content-type': 'application/rss+xml', etag: `"${sample.charset}"` })
        .end(iconv.encode(xml, sample.charset));
    });
    server.route(
      `/pages/${sample.lang}-${sample.charset}-2.html`,
      serve(
        iconv.encode(
          articlePage(
            { ...sample, text: `${sample.text} ${sample.title}` },
            { date: 'json-ld', declare: 'none' },
          ),
          sample.charset,
        ),
        { 'content-type': 'text/html' },
      ),
    );
  }
  server.route('/atom.xml', serve(ATOM, { 'content-type': 'application/atom+xml' }));
  server.route(
    '/page-koi8.html',
    serve(
      iconv.encode(
        articlePage(
          SAMPLES.find((s) => s.charset === 'koi8-r')!,
          { declare: 'none', date: 'time' },
        ),
        'koi8-r',
      ),
      { 'content-type': 'text/html' },
    ),
  );
  server.route('/bad/laughs.xml', serve(BILLION_LAUGHS, { 'content-type': 'application/rss+xml' }));
  server.route('/bad/truncated.xml', serve(TRUNCATED, { 'content-type': 'application/rss+xml' }));
  server.route('/bad/huge.xml', endless());
  server.route('/bad/loop', serve('', { location: '/bad/loop2' }, 302));
  server.route('/bad/loop2', serve('', { location: '/bad/loop' }, 302));
});

afterAll(async () => {
  await fetcher.close();
  await server.close();
});

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason !== null)(`scheduler on ${backend.name}`, () => {
    let store: Store;
    let clock: Date;
    const logs: string[] = [];
    beforeEach(async () => {
      store = await backend.open();
      clock = new Date('2024-11-12T10:00:00Z');
      logs.length = 0;
    });
    afterEach(() => store.close());

    const scheduler = (extra: Partial<SchedulerOptions> = {}) =>
      new Scheduler({
        store,
        fetcher,
        process: (lines, source) => processDocuments(store, lines, { sourceId: source.id }),
        log: (line) => logs.push(line),
        now: () => clock,
        random: () => 0.5,
        ...extra,
      });

    it('polls feeds in every charset, pages and bad sources; errors stay with their source', async () => {
      const good = [];
      for (const s of SAMPLES)
        good.push(
          await addSource(store.db, {
            url: `${server.origin}/feeds/${s.lang}-${s.charset}.xml`,
            name: `wire ${s.lang} ${s.charset}`,
          }),
        );
      const page = await addSource(store.db, {
        url: `${server.origin}/page-koi8.html`,
        lang: 'ru',
      });
      const bad = {
        laughs: await addSource(store.db, { url: `${server.origin}/bad/laughs.xml` }),
        truncated: await addSource(store.db, { url: `${server.origin}/bad/truncated.xml` }),
        huge: await addSource(store.db, { url: `${server.origin}/bad/huge.xml` }),
        loop: await addSource(store.db, { url: `${server.origin}/bad/loop` }),
        unreachable: await addSource(store.db, { url: 'http://127.0.0.1:9/feed.xml' }),
        metadata: await addSource(store.db, { url: 'http://169.254.169.254/latest/meta-data/' }),
      };
      const summary = await scheduler().runOnce();
      expect(summary).toMatchObject({
        sources: 14,
        ok: 8,
        failed: 6,
        stored: 15,
        failedDocuments: 0,
      });

      const counts = await countDocumentsBySource(store.db);
      for (const s of good) expect(counts.get(s.id)).toBe(2);
      expect(counts.get(page.id)).toBe(1);

      const ko = SAMPLES.find((s) => s.lang === 'ko')!;
      const docs = await store.db
        .selectFrom('documents')
        .selectAll()
        .where('source_id', '=', good[SAMPLES.indexOf(ko)]!.id)
        .orderBy('url')
        .execute();
      expect(docs[0]).toMatchObject({
        title: ko.title,
        text: ko.text,
        lang: 'ko',
        outlet: 'Wire ko',
        published: '2024-11-12T08:30:00.000Z',
      });
      // The summary-only item got its full page (undeclared EUC-KR, sniffed).
      expect(docs[1]!.text).toContain(ko.text);
      expect(docs[1]!.published).toBe('2024-11-11T23:30:00.000Z');
      const koi8 = SAMPLES.find((s) => s.charset === 'koi8-r')!;
      const pageDoc = await store.db
        .selectFrom('documents')
        .selectAll()
        .where('source_id', '=', page.id)
        .executeTakeFirstOrThrow();
      expect(pageDoc.text).toContain(koi8.text);

      const expectations: [keyof typeof bad, RegExp][] = [
        ['laughs', /VIGIE_PARSE_FAILED: .*entities/],
        ['truncated', /VIGIE_PARSE_FAILED: invalid XML at line/],
        ['huge', /VIGIE_FETCH_FAILED: .*cap/],
        ['loop', /VIGIE_FETCH_FAILED: redirect loop/],
        ['unreachable', /VIGIE_FETCH_FAILED: cannot fetch: ECONNREFUSED/],
        ['metadata', /VIGIE_FETCH_REFUSED: .*169\.254\.169\.254/],
      ];
      for (const [name, pattern] of expectations) {
        const row = await getSource(store.db, bad[name].id);
        expect(row.last_error, name).toMatch(pattern);
        expect(row.error_count).toBe(1);
        // Backoff: 60 s × jitter 0.75 after the first failure.
        expect(row.next_fetch_at).toBe('2024-11-12T10:00:45.000Z');
        expect((await listSourceErrors(store.db, { sourceId: row.id }))[0]!.message).toMatch(
          pattern.source.split(': ').slice(1).join(': ')
            ? new RegExp(pattern.source.split(': ').slice(1).join(': '))
            : /./,
        );
      }
      expect(logs.at(-1)).toMatch(
        /14 source\(s\) polled — 8 ok \(0 not modified\), 6 failed; 15 stored/,
      );

      // Failing sources retry with a growing delay; good ones wait for their interval.
      clock = new Date('2024-11-12T10:01:00Z');
      const retry = await scheduler().runOnce();
      expect(retry).toMatchObject({ sources: 6, failed: 6 });
      expect((await getSource(store.db, bad.loop.id)).next_fetch_at).toBe(
        '2024-11-12T10:02:30.000Z',
      );

      // After the interval: conditional GET answers 304 for the feeds, nothing is stored twice.
      clock = new Date('2024-11-12T10:20:00Z');
      const again = await scheduler().runOnce();
      expect(again).toMatchObject({ ok: 8, notModified: 7, stored: 0, duplicates: 1 });
      const total = await store.db
        .selectFrom('documents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(total.n)).toBe(15);
    });

    it('after a crash between storing and recording the fetch, the refetch stores nothing twice', async () => {
      const atom = await addSource(store.db, { url: `${server.origin}/atom.xml` });
      let crash = true;
      const crashing = scheduler({
        process: async (lines, source) => {
          const result = await processDocuments(store, lines, { sourceId: source.id });
          if (crash) throw new Error('killed after commit');
          return result;
        },
      });
      expect(await crashing.runOnce()).toMatchObject({ failed: 1 });
      expect((await getSource(store.db, atom.id)).last_fetched_at).toBeNull();
      crash = false;
      clock = new Date('2024-11-12T11:00:00Z');
      const resumed = await crashing.runOnce();
      // The summary-only entry (its URL already stored) is not even re-read.
      expect(resumed).toMatchObject({ ok: 1, stored: 0, duplicates: 1 });
      expect((await countDocumentsBySource(store.db)).get(atom.id)).toBe(2);
      expect(await getSource(store.db, atom.id)).toMatchObject({
        error_count: 0,
        last_error: null,
        kind: 'feed',
      });
    });

    it('stops between sources when asked to shut down and calls onBatch per committed source', async () => {
      for (const s of SAMPLES.slice(0, 3))
        await addSource(store.db, { url: `${server.origin}/feeds/${s.lang}-${s.charset}.xml` });
      const stop = new AbortController();
      const batches: number[] = [];
      const run = scheduler({
        concurrency: 1,
        onBatch: (result) => {
          batches.push(result.stored);
          stop.abort();
        },
      }).run(stop.signal);
      await run;
      expect(batches).toEqual([2]);
      const counts = [...(await countDocumentsBySource(store.db)).values()];
      expect(counts).toEqual([2]);
    });
  });
}
