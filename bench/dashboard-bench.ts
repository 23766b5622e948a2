/**
 * Dashboard benchmark: bundle sizes (raw and gzipped) of web/dist, and paint timings of the
 * overview in headless Chromium against the seeded server on localhost. "First meaningful paint"
 * is the first animation frame after the watchboard cards are in the DOM (the page's main content),
 * measured from navigation start, alongside the browser's first-contentful-paint and LCP.
 * Run: npx tsx bench/dashboard-bench.ts [--runs 10]  →  bench/results/dashboard.json
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { gzipSync } from 'node:zlib';
import {
  CHROMIUM_PATH,
  WEB_ROOT,
  ensureWebBuilt,
  hasChromium,
  launchChromium,
  serveSeeded,
} from '../test/browser/support/browser-harness.js';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 10;

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

// Runs in the page before its scripts: signs in and records when the cards first paint.
const INIT = (token: string) => `
  sessionStorage.setItem('vigie.token', ${JSON.stringify(token)});
  sessionStorage.setItem('vigie.role', 'viewer');
  window.__lcp = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp = e.startTime; })
    .observe({ type: 'largest-contentful-paint', buffered: true });
  const mo = new MutationObserver(() => {
    if (document.querySelector('[data-testid=hypothesis-card]')) {
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

function stats(values: number[]): { median: number; p95: number; max: number } {
  const v = [...values].sort((a, b) => a - b);
  const at = (q: number) => v[Math.min(v.length - 1, Math.ceil(q * v.length) - 1)]!;
  return { median: round(at(0.5)), p95: round(at(0.95)), max: round(v[v.length - 1]!) };
}

const round = (n: number) => Math.round(n * 10) / 10;

async function main(): Promise<void> {
  if (!hasChromium) {
    console.error(`dashboard bench needs ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    process.exitCode = 1;
    return;
  }
  await ensureWebBuilt(true);
  const sizes = bundleSizes();
  const served = await serveSeeded();
  const browser = await launchChromium();
  const runs: Metrics[] = [];
  try {
    for (let i = 0; i <= RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(INIT(served.seed.tokens.viewer));
      const page = await context.newPage();
      await page.goto(`${served.baseUrl}/`, { waitUntil: 'load' });
      await page.waitForSelector('[data-testid=hypothesis-card]');
      while ((await page.evaluate('window.__fmp === undefined')) === true) {
        await page.waitForTimeout(10);
      }
      await page.waitForTimeout(100);
      const m = (await page.evaluate(METRICS)) as Metrics;
      if (i > 0) runs.push(m); // run 0 warms the server's caches and Chromium's disk cache
      await context.close();
    }
  } finally {
    await browser.close();
    await served.close();
  }
  const keys = Object.keys(runs[0] ?? {});
  const summary = Object.fromEntries(
    keys.map((k) => [k, stats(runs.map((r) => r[k]).filter((v): v is number => v !== null))]),
  );
  const result = {
    benchmark: 'dashboard',
    date: new Date().toISOString(),
    environment: {
      chromium: CHROMIUM_PATH,
      node: process.version,
      cpus: cpus().length,
      loadAverage1m: round(loadavg()[0] ?? 0),
      server: 'createServer on 127.0.0.1, in-memory SQLite, test/server/seed.ts + extra events',
    },
    bundle: {
      initialJsGzipBytes: sizes.initialJsGzip,
      totalJsGzipBytes: sizes.totalJsGzip,
      targetJsGzipBytes: 500 * 1024,
      assets: sizes.assets,
    },
    overviewMs: { runs: runs.length, ...summary },
    targetFirstMeaningfulPaintMs: 1000,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/dashboard.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `JS gzipped: ${(sizes.initialJsGzip / 1024).toFixed(1)} KB initial, ${(sizes.totalJsGzip / 1024).toFixed(1)} KB total`,
  );
  for (const [k, s] of Object.entries(summary)) {
    console.log(`${k}: median ${s.median} ms, p95 ${s.p95} ms`);
  }
}

await main();
