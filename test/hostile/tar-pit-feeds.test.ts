/**
 * Finding 5 of the hardening review: one hostile feed stalled all polling. A feed of 30 items
 * whose pages hang kept a 10-second source from being polled for 60 s (about 10 min per cycle
 * with the default 20 s time-out): item pages were read one after another, and each cycle waited
 * for its slowest source. Now a source is read within a time budget (fetch.sourceBudgetMs), item
 * pages are fetched a few at a time under the per-host limit, and `vigie run` starts each source
 * when it is due, whatever the others are doing. Past its budget a feed keeps its items (their
 * summaries go through the pipeline) and records why; `vigie ingest URL` reads under the same
 * budget.
 * Scaled down: a 1-second healthy source, a 1.5-second budget, requests that would time out
 * only after 20 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SafeFetcher } from '../../src/ingest/fetch/safe-fetch.js';
import { readTargets } from '../../src/ingest/files/read-targets.js';
import { Scheduler } from '../../src/ingest/scheduler/scheduler.js';
import { processDocuments } from '../../src/pipeline/process-documents.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import {
  addSource,
  countDocumentsBySource,
  getSource,
  listSourceErrors,
} from '../../src/store/sources-repo.js';
import { loopbackOnly } from '../ingest/support/fixture-server.js';
import { startTarPit, type TarPit } from './support/tar-pit.js';

const BUDGET_MS = 1500;
const ITEMS = 30;

/** An RSS feed of summary-only items (their pages are fetched) or full items. */
function rss(items: { guid: string; link: string; text: string; full?: boolean }[]): string {
  const body = items
    .map(
      (i) => `<item><title>${i.guid}</title><link>${i.link}</link><guid>${i.guid}</guid>
  ${i.full ? `<content:encoded><![CDATA[<p>${i.text}</p>]]></content:encoded>` : `<description>${i.text}</description>`}
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Test wire</title><link>/</link><language>en</language>
${body}
</channel></rss>`;
}

let pit: TarPit;
let hungFeedHost: TarPit;
let healthyHost: TarPit;
let store: Store;
let fetcher: SafeFetcher;
/** When each source's batch was committed. */
const committed = new Map<string, number>();
/** The scheduler's run, awaited after the servers close in case it is stuck (as it was). */
let running: Promise<void> = Promise.resolve();
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  pit = await startTarPit();
  hungFeedHost = await startTarPit();
  healthyHost = await startTarPit();
  // Even pages trickle a byte at a time, odd pages are accepted and never answered.
  const items = Array.from({ length: ITEMS }, (_, i) => ({
    guid: `pit-${i}`,
    link: `${pit.origin}/${i % 2 === 0 ? 'trickle' : 'hang'}/story-${i}.html`,
    text: `Summary ${i}: officials said a missile test took place near the coast.`,
  }));
  pit.route('/feed.xml', (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(items)),
  );
  pit.trickle('/trickle/');
  pit.hang('/hang/');
  hungFeedHost.hang('/feed.xml');
  let polls = 0;
  healthyHost.route('/feed.xml', (_req, res) => {
    polls += 1;
    const item = {
      guid: `healthy-${polls}`,
      link: `${healthyHost.origin}/story-${polls}.html`,
      text: `Report ${polls}: the ministry announced a new round of talks.`,
      full: true,
    };
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([item]));
  });
  store = await openStore({ url: ':memory:' });
  fetcher = new SafeFetcher(
    {
      timeoutMs: 20_000,
      maxBytes: 1024 * 1024,
      maxRedirects: 0,
      userAgent: 'vigie-test',
      allowPrivate: ['127.0.0.1'],
      perHostConcurrency: 2,
      perHostDelayMs: 0,
    },
    { resolver: loopbackOnly },
  );
});

afterAll(async () => {
  await Promise.all([pit.close(), hungFeedHost.close(), healthyHost.close()]);
  await Promise.race([running, delay(5000)]);
  await fetcher.close();
  await store.close();
});

describe('a tar-pit feed next to a healthy one', () => {
  it('never holds back the healthy source; past its budget it keeps its items and says why', async () => {
    const tarPitFeed = await addSource(store.db, { url: `${pit.origin}/feed.xml`, name: 'pit' });
    const hungFeed = await addSource(store.db, {
      url: `${hungFeedHost.origin}/feed.xml`,
      name: 'hung',
    });
    const healthy = await addSource(store.db, {
      url: `${healthyHost.origin}/feed.xml`,
      name: 'healthy',
      intervalSeconds: 1,
    });
    const stop = new AbortController();
    const scheduler = new Scheduler({
      store,
      fetcher,
      process: (lines, source) => processDocuments(store, lines, { sourceId: source.id }),
      onBatch: (_result, source) => void committed.set(source.id, Date.now()),
      sourceBudgetMs: BUDGET_MS,
      concurrency: 4,
      idleMs: 500,
      random: () => 0.5,
    });
    running = scheduler.run(stop.signal);
    await delay(5000);
    stop.abort();
    // The polls in flight finish within their budget.
    const finished = await Promise.race([running.then(() => true), delay(BUDGET_MS + 1000)]);

    // The healthy source was polled about once a second all along: before the tar-pit feed's
    // batch was committed, and at least four times in 5 s. (Before: once, then not for minutes.)
    const healthyPolls = healthyHost.hits.get('/feed.xml') ?? [];
    expect(healthyPolls.length).toBeGreaterThanOrEqual(4);
    const pitDone = committed.get(tarPitFeed.id);
    expect(pitDone).toBeDefined();
    expect(healthyPolls.filter((at) => at < pitDone!).length).toBeGreaterThanOrEqual(2);
    expect((await countDocumentsBySource(store.db)).get(healthy.id)).toBe(healthyPolls.length);

    // Pages were fetched two at a time (the per-host limit), not one after another.
    expect(pit.held.peak).toBe(2);
    // The tar-pit feed's 30 items were stored with their summaries, and the cut is recorded.
    expect((await countDocumentsBySource(store.db)).get(tarPitFeed.id)).toBe(ITEMS);
    const texts = await store.db
      .selectFrom('documents')
      .select('text')
      .where('source_id', '=', tarPitFeed.id)
      .execute();
    expect(texts.every((t) => /^Summary \d+: officials said/.test(t.text))).toBe(true);
    const pitErrors = await listSourceErrors(store.db, { sourceId: tarPitFeed.id });
    expect(pitErrors.map((e) => e.message)).toEqual([
      `the source's time budget of ${BUDGET_MS} ms ran out (fetch.sourceBudgetMs in vigie.yaml): ` +
        `${ITEMS} of ${ITEMS} item pages not read, their summaries kept`,
    ]);
    expect(await getSource(store.db, tarPitFeed.id)).toMatchObject({ error_count: 0 });

    // A feed that never answers fails at its budget and backs off like any failed fetch.
    expect(await getSource(store.db, hungFeed.id)).toMatchObject({
      error_count: 1,
      last_error: expect.stringMatching(
        /^VIGIE_FETCH_FAILED: the source's time budget of 1500 ms ran out/,
      ) as unknown,
    });
    expect(finished).toBe(true);
    // Every held request was let go.
    await delay(100);
    expect(pit.held.now).toBe(0);
    expect(hungFeedHost.held.now).toBe(0);
  }, 20_000);

  it('vigie ingest URL reads the tar-pit feed within the same budget, keeping its items', async () => {
    const warnings: string[] = [];
    const lines = [];
    for await (const line of readTargets([`${pit.origin}/feed.xml`], {
      fetcher,
      sourceBudgetMs: 1000,
      onWarning: (_url, message) => warnings.push(message),
    }))
      lines.push(line);
    expect(lines).toHaveLength(ITEMS);
    expect(lines.every((l) => l.error === undefined)).toBe(true);
    expect(warnings).toEqual([
      `the source's time budget of 1000 ms ran out (fetch.sourceBudgetMs in vigie.yaml): ` +
        `${ITEMS} of ${ITEMS} item pages not read, their summaries kept`,
    ]);
  });
});
