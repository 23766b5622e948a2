import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loopbackOnly,
  startFixtureServer,
  type FixtureServer,
} from '../../../test/ingest/support/fixture-server.js';
import { SafeFetcher } from '../fetch/safe-fetch.js';
import { readItemPages } from './read-item-pages.js';

let server: FixtureServer;
let fetcher: SafeFetcher;
const active = { now: 0, peak: 0 };

const page = (n: number) =>
  `<html><head><title>Story ${n}</title></head><body><article><p>Story ${n}: the defence ministry ` +
  `confirmed that a second round of talks on the export controls would open next week.</p></article></body></html>`;

beforeAll(async () => {
  server = await startFixtureServer();
  for (let n = 0; n < 6; n++)
    server.route(`/slow/${n}.html`, (_req, res) => {
      active.peak = Math.max(active.peak, ++active.now);
      setTimeout(() => {
        active.now -= 1;
        res.writeHead(200, { 'content-type': 'text/html' }).end(page(n));
      }, 150);
    });
  server.route('/hang.html', () => undefined);
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
  await fetcher.close();
  await server.close();
});

describe('readItemPages', () => {
  it('reads pages a few at a time under the per-host limit; a failed page is listed with its reason', async () => {
    const urls = [0, 1, 2, 3, 4, 5].map((n) => `${server.origin}/slow/${n}.html`);
    const missing = `${server.origin}/missing.html`;
    const pages = await readItemPages([...urls, missing], { fetcher, concurrency: 4 });
    expect([...pages.articles.keys()].sort()).toEqual([...urls].sort());
    expect(pages.articles.get(urls[2]!)?.text).toMatch(/^Story 2: the defence ministry/);
    expect(pages.failures.get(missing)).toEqual({
      code: 'VIGIE_FETCH_FAILED',
      message: 'HTTP 404',
    });
    expect(pages).toMatchObject({ unread: 0, stoppedBy: null });
    // Four workers, but this host takes two at a time.
    expect(active.peak).toBe(2);
  });

  it('stops when the budget aborts: pages in flight and not yet asked for are unread', async () => {
    const budget = new AbortController();
    const reason = new Error('budget spent');
    setTimeout(() => budget.abort(reason), 100);
    const urls = Array.from({ length: 5 }, (_, n) => `${server.origin}/hang.html?${n}`);
    const pages = await readItemPages(urls, { fetcher, concurrency: 2, signal: budget.signal });
    expect(pages).toMatchObject({ unread: 5, stoppedBy: reason });
    expect(pages.articles.size + pages.failures.size).toBe(0);
  });
});
