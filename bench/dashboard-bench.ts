/**
 * Dashboard benchmark: bundle sizes (raw and gzipped) of web/dist, and paint timings of the
 * overview, events, documents and calibration pages in headless Chromium on localhost, over a store of
 * 1,000,000 mentions and 100,000 events (test/support/big-store.ts, generated into a temporary
 * SQLite file) against the reference of the same pages over the small test seed, timed in the
 * same run. "First meaningful paint" is the first animation frame after the page's main content
 * (watchboard cards, event rows, document rows, resolved hypotheses) is in the DOM, measured from navigation start,
 * alongside the browser's first-contentful-paint and LCP, and the slowest API answer of the load.
 * The calibration page's reference is a small board scored and resolved over the seed
 * (test/browser/support/calibration-board.ts); over the big store, its generated board.
 * Run: npx tsx bench/dashboard-bench.ts [--runs 10] [--mentions 1000000] [--events 100000]
 *   [--pages calibration,events] (default: all)
 *   →  bench/results/dashboard.json
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { ConfigSchema } from '../src/config/schema.js';
import { createServer } from '../src/server/create-server.js';
import { addUser, createToken } from '../src/store/auth-repo.js';
import { openStore } from '../src/store/open-store.js';
import { generateBigStore } from '../test/support/big-store.js';
import {
  CHROMIUM_PATH,
  WEB_ROOT,
  ensureWebBuilt,
  hasChromium,
  launchChromium,
  serveSeeded,
} from '../test/browser/support/browser-harness.js';
import {
  CALIBRATION_BOARD,
  resolveCalibrationBoard,
} from '../test/browser/support/calibration-board.js';
import { gitCommit, loadAverage, machineRecord, writeResult } from './bench-record.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('--runs', 10);
const MENTIONS = arg('--mentions', 1_000_000);
const EVENTS = arg('--events', 100_000);

interface Asset {
  file: string;
  bytes: number;
  gzipBytes: number;
  initial: boolean;
}

function bundleSizes(): { assets: Asset[]; initialJsGzip: number; totalJsGzip: number } {
  const html = readFileSync(`${WEB_ROOT}/index.html`, 'utf8');
  const assets = readdirSync(`${WEB_ROOT}/assets`).map((f) => {
    const body = readFileSync(`${WEB_ROOT}/assets/${f}`);
    return {
      file: `assets/${f}`,
      bytes: statSync(`${WEB_ROOT}/assets/${f}`).size,
      gzipBytes: gzipSync(body, { level: 9 }).length,
      initial: html.includes(`/assets/${f}`),
    };
  });
  const js = assets.filter((a) => a.file.endsWith('.js'));
  return {
    assets,
    initialJsGzip: js.filter((a) => a.initial).reduce((s, a) => s + a.gzipBytes, 0),
    totalJsGzip: js.reduce((s, a) => s + a.gzipBytes, 0),
  };
}

// Runs in the page before its scripts: signs in and records when the page's content first paints.
const INIT = (token: string, selector: string) => `
  sessionStorage.setItem('vigie.token', ${JSON.stringify(token)});
  sessionStorage.setItem('vigie.role', 'viewer');
  window.__lcp = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp = e.startTime; })
    .observe({ type: 'largest-contentful-paint', buffered: true });
  const mo = new MutationObserver(() => {
    if (document.querySelector(${JSON.stringify(selector)})) {
      mo.disconnect();
      requestAnimationFrame(() => { window.__fmp = performance.now(); });
    }
  });
  document.addEventListener('DOMContentLoaded', () =>
    mo.observe(document.body, { childList: true, subtree: true }));
`;

const METRICS = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]));
  return {
    ttfb: nav.responseStart,
    domContentLoaded: nav.domContentLoadedEventEnd,
    load: nav.loadEventEnd,
    firstPaint: paint['first-paint'] ?? null,
    firstContentfulPaint: paint['first-contentful-paint'] ?? null,
    firstMeaningfulPaint: window.__fmp ?? null,
    largestContentfulPaint: window.__lcp || null,
  };
})()`;

type Metrics = Record<string, number | null>;

/** The pages timed (a hash per store's board), and what marks each one's meaningful paint. */
const ALL_PAGES = [
  { name: 'overview', hash: () => '#/', content: '[data-testid=hypothesis-card]' },
  { name: 'events', hash: () => '#/events', content: '[data-testid=event-row]' },
  { name: 'documents', hash: () => '#/documents', content: '[data-testid=document-row]' },
  {
    name: 'calibration',
    hash: (board: string) => `#/calibration/${board}`,
    content: '[data-testid=scored-hypothesis]',
  },
] as const;
type PageName = (typeof ALL_PAGES)[number]['name'];
const pagesArg = process.argv.indexOf('--pages');
const PAGES = ALL_PAGES.filter(
  (p) => pagesArg < 0 || process.argv[pagesArg + 1]!.split(',').includes(p.name),
);

function stats(values: number[]): { median: number; p95: number; max: number } {
  const v = [...values].sort((a, b) => a - b);
  const at = (q: number) => v[Math.min(v.length - 1, Math.ceil(q * v.length) - 1)]!;
  return { median: round(at(0.5)), p95: round(at(0.95)), max: round(v[v.length - 1]!) };
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Loads each page RUNS times in a fresh context (run 0 warms the server's caches and Chromium's
 * disk cache and is dropped); besides the paint metrics, the slowest API answer of each load.
 */
async function timePages(
  browser: Browser,
  baseUrl: string,
  token: string,
  board: string,
): Promise<Record<PageName, Record<string, ReturnType<typeof stats>>>> {
  const out = {} as Record<PageName, Record<string, ReturnType<typeof stats>>>;
  for (const p of PAGES) {
    const runs: Metrics[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(INIT(token, p.content));
      const page = await context.newPage();
      let slowestApi = 0;
      page.on('requestfinished', (r) => {
        const t = r.timing();
        if (r.url().includes('/api/') && t.responseEnd > 0)
          slowestApi = Math.max(slowestApi, t.responseEnd - t.requestStart);
      });
      await page.goto(`${baseUrl}/${p.hash(board)}`, { waitUntil: 'load' });
      await page.waitForSelector(p.content, { timeout: 60_000 });
      while ((await page.evaluate('window.__fmp === undefined')) === true) {
        await page.waitForTimeout(10);
      }
      await page.waitForTimeout(100);
      const m = (await page.evaluate(METRICS)) as Metrics;
      if (i > 0) runs.push({ ...m, slowestApiAnswer: slowestApi });
      await context.close();
    }
    const keys = Object.keys(runs[0] ?? {});
    out[p.name] = Object.fromEntries(
      keys.map((k) => [k, stats(runs.map((r) => r[k]).filter((v): v is number => v !== null))]),
    );
  }
  return out;
}

/** A store of MENTIONS mentions in a temporary SQLite file, served like `vigie serve`. */
async function serveBigStore(dir: string) {
  const store = await openStore({ url: join(dir, 'big.db') });
  const t0 = performance.now();
  const big = await generateBigStore(store, { events: EVENTS, mentions: MENTIONS });
  const seconds = round((performance.now() - t0) / 1000);
  await addUser(store.db, { name: 'bench-viewer', role: 'viewer' });
  const { token } = await createToken(store.db, { user: 'bench-viewer' });
  const config = ConfigSchema.parse({ server: { rateLimitPerMinute: 100_000 } });
  const now = new Date(`${big.lastDay}T23:00:00Z`);
  const app = await createServer({ store, config, webRoot: WEB_ROOT, now: () => now });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    token,
    board: big.ids.board,
    counts: big.counts,
    seconds,
    fileBytes: statSync(join(dir, 'big.db')).size,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

async function main(): Promise<void> {
  if (!hasChromium) {
    console.error(`dashboard bench needs ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    process.exitCode = 1;
    return;
  }
  const before = loadAverage();
  await ensureWebBuilt(true);
  const sizes = bundleSizes();
  const browser = await launchChromium();
  const dir = mkdtempSync(join(tmpdir(), 'vigie-dashboard-bench-'));
  let seedMs, bigMs, big;
  try {
    const served = await serveSeeded();
    try {
      await resolveCalibrationBoard(served.store);
      seedMs = await timePages(
        browser,
        served.baseUrl,
        served.seed.tokens.viewer,
        CALIBRATION_BOARD.id,
      );
    } finally {
      await served.close();
    }
    big = await serveBigStore(dir);
    console.log(`generated ${JSON.stringify(big.counts)} in ${big.seconds} s`);
    try {
      bigMs = await timePages(browser, big.baseUrl, big.token, big.board);
    } finally {
      await big.close();
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const fmp = (ms: typeof seedMs, p: PageName) => ms[p]['firstMeaningfulPaint']!.median;
  const ratios = Object.fromEntries(
    PAGES.map((p) => [p.name, round(fmp(bigMs, p.name) / fmp(seedMs, p.name))]),
  );
  const worst = Math.max(...PAGES.map((p) => fmp(bigMs, p.name)));
  writeResult('dashboard', {
    benchmark: 'dashboard',
    date: new Date().toISOString(),
    commit: gitCommit(),
    machine: { ...machineRecord(before), chromium: CHROMIUM_PATH },
    bundle: {
      initialJsGzipBytes: sizes.initialJsGzip,
      totalJsGzipBytes: sizes.totalJsGzip,
      targetInitialJsGzipBytes: 150 * 1024,
      assets: sizes.assets,
    },
    runsPerPage: RUNS,
    server: 'createServer on 127.0.0.1; Chromium headless, 1280×800, a fresh context per load',
    reference: {
      what: 'the same pages over the small seed (test/server/seed.ts + extra events, in-memory SQLite), timed in the same run',
      ms: seedMs,
    },
    bigStore: {
      what: 'test/support/big-store.ts in a temporary SQLite file (deleted after the run)',
      counts: big.counts,
      generatedSeconds: big.seconds,
      fileBytes: big.fileBytes,
      ms: bigMs,
    },
    firstMeaningfulPaintRatioToReference: ratios,
    targetFirstMeaningfulPaintMs: 1000,
    targetMet: worst < 1000,
  });
  console.log(
    `JS gzipped: ${(sizes.initialJsGzip / 1024).toFixed(1)} KB initial, ${(sizes.totalJsGzip / 1024).toFixed(1)} KB total`,
  );
  for (const p of PAGES) {
    console.log(
      `${p.name}: first meaningful paint median ${fmp(seedMs, p.name)} ms (seed), ${fmp(bigMs, p.name)} ms (${big.counts.mentions} mentions): ×${ratios[p.name]}`,
    );
  }
}

await main();
