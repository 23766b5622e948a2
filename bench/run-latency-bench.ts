/**
 * End-to-end latency inside `vigie run` (issue 5 target: "a new feed item becomes a delivered
 * webhook alert within 2 s (p95) of being fetched"). Builds the CliContext from a temp vigie.yaml
 * and wires the same pieces `vigie run` wires (declareConfigSources, startAnalysis,
 * createIngestionScheduler with onBatch → analysis), then per round: adds one item to a local
 * RSS 2.0 feed, makes the source due, runs one scheduler cycle, and waits for the webhook.
 * Latency = webhook arrival at the receiver − moment the feed server received the feed request.
 * Two phases: items carrying their full text (content:encoded), and summary-only items whose
 * article page is fetched from the same host (default fetch config: 1 s per-host delay applies).
 * Writes bench/results/run-latency.json. Usage: npx tsx bench/run-latency-bench.ts
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createContext } from '../src/cli/context.js';
import {
  createIngestionScheduler,
  declareConfigSources,
} from '../src/cli/commands/ingestion-setup.js';
import { startAnalysis } from '../src/cli/commands/run-analysis.js';
import { extractDocument } from '../src/extract/extract-document.js';
import { SafeFetcher } from '../src/ingest/fetch/safe-fetch.js';

const FULL_ROUNDS = Number(process.env['VIGIE_BENCH_ROUNDS'] ?? 30);
const PAGE_ROUNDS = Number(process.env['VIGIE_BENCH_PAGE_ROUNDS'] ?? 10);
const TARGET_P95_MS = 2000;
const WAIT_MS = 15_000;

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SENTENCES = [
  (d: string) =>
    `Russia delivered ballistic missile components to North Korea on ${d}, officials said.`,
  (d: string) =>
    `North Korea shipped artillery shells to Russia on ${d}, according to South Korean intelligence.`,
  (d: string) => `Iran transferred drone technology to Russia on ${d}, Western officials said.`,
  (d: string) =>
    `China supplied machine tools for weapons production to Russia on ${d}, officials said.`,
];

interface Item {
  guid: string;
  title: string;
  text: string;
  pubDate: string;
  full: boolean;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function sentenceFor(n: number): { text: string; pubDate: string } {
  const day = new Date(Date.UTC(2026, 10, 1 + (n % 24), 9, n % 60));
  const text = `${SENTENCES[n % SENTENCES.length]!(DAYS[day.getUTCDay() === 0 ? 6 : day.getUTCDay() - 1]!)} Report number ${n + 1} of the series.`;
  return { text, pubDate: day.toUTCString() };
}

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 10) / 10;
}

function summarise(latencies: number[], missed: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    samples: latencies.length,
    missed,
    latencyMs: { p50: pct(sorted, 0.5), p95: pct(sorted, 0.95), max: pct(sorted, 1) },
    targetMet: missed === 0 && sorted.length > 0 && pct(sorted, 0.95) < TARGET_P95_MS,
  };
}

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-run-latency-'));
  const items: Item[] = [];
  let feedServedAt = 0;
  let feedUrl = '';

  const feed = await listen((req, res) => {
    const path = req.url ?? '/';
    if (path === '/feed.xml') {
      feedServedAt = performance.now();
      const body =
        `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>` +
        `<title>Bench Wire</title><link>${feedUrl}/</link><description>bench</description><language>en</language>` +
        items
          .map(
            (i) =>
              `<item><title>${escapeXml(i.title)}</title><link>${feedUrl}/a/${i.guid}.html</link>` +
              `<guid isPermaLink="false">${i.guid}</guid><pubDate>${i.pubDate}</pubDate>` +
              (i.full
                ? `<description>${escapeXml(i.title)}</description><content:encoded><![CDATA[<p>${escapeXml(i.text)}</p>]]></content:encoded>`
                : `<description>${escapeXml(i.title)}</description>`) +
              `</item>`,
          )
          .join('') +
        `</channel></rss>`;
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
      return;
    }
    const m = /^\/a\/(.+)\.html$/.exec(path);
    const item = m ? items.find((i) => i.guid === m[1]) : undefined;
    if (!item) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html lang="en"><head><title>${escapeXml(item.title)}</title></head><body><article>` +
          `<h1>${escapeXml(item.title)}</h1><p>${escapeXml(item.text)}</p>` +
          `<p>The statement was released by the ministry and reported by several news agencies later that day.</p>` +
          `</article></body></html>`,
      );
  });
  feedUrl = feed.url;

  let onAlert: ((at: number, docs: string[]) => void) | null = null;
  let webhooks = 0;
  const hook = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      webhooks += 1;
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        alert: { payload?: { documentIds?: string[] } };
      };
      res.writeHead(204).end();
      onAlert?.(at, body.alert.payload?.documentIds ?? []);
    });
  });

  const configFile = join(dir, 'vigie.yaml');
  writeFileSync(
    configFile,
    [
      `database:`,
      `  url: ${JSON.stringify(join(dir, 'vigie.db'))}`,
      `fetch:`,
      `  allowPrivate: ['127.0.0.1']`,
      `sources:`,
      `  - url: ${feed.url}/feed.xml`,
      `    name: Bench Wire`,
      `    lang: en`,
      `    interval: 10`,
      `alerts:`,
      `  notifiers:`,
      `    - id: hook`,
      `      type: webhook`,
      `      url: ${hook.url}/hook`,
      `  rules:`,
      `    - id: transfers`,
      `      kind: watch`,
      `      types: [ARMS_TRANSFER, TECH_TRANSFER]`,
      `      notify: [hook]`,
      ``,
    ].join('\n'),
  );

  // Each sentence must yield an event the rule watches, or the round would never alert.
  for (let n = 0; n < SENTENCES.length; n += 1) {
    const { text } = sentenceFor(n);
    const types = extractDocument({ id: `check-${n}`, text, lang: 'en' }).mentions.map(
      (m) => m.type,
    );
    if (!types.some((t) => t === 'ARMS_TRANSFER' || t === 'TECH_TRANSFER'))
      throw new Error(`bench sentence yields no transfer event: "${text}" → [${types.join(', ')}]`);
  }

  const logs: string[] = [];
  const ctx = { ...createContext({ config: configFile }), info: (m: string) => logs.push(m) };
  const store = await ctx.store();
  await declareConfigSources(ctx, store);
  const fetcher = new SafeFetcher(ctx.config.fetch);
  const stop = new AbortController();
  const analysis = startAnalysis(ctx, store, stop.signal);
  const scheduler = createIngestionScheduler(ctx, store, fetcher, {
    onBatch: (result) => analysis.analyse(result.documentIds),
  });
  await analysis.catchUp();

  const runPhase = async (rounds: number, full: boolean, offset: number) => {
    const latencies: number[] = [];
    let missed = 0;
    for (let r = 0; r < rounds; r += 1) {
      const n = offset + r;
      const { text, pubDate } = sentenceFor(n);
      items.unshift({
        guid: `bench-${n}`,
        title: full ? `Wire report ${n + 1}` : text,
        text,
        pubDate,
        full,
      });
      // Make the source due now (as when its interval has elapsed).
      await store.db
        .updateTable('sources')
        .set({ next_fetch_at: new Date(Date.now() - 1000).toISOString() })
        .execute();
      const arrived = new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), WAIT_MS);
        onAlert = (at) => {
          clearTimeout(timer);
          resolve(at);
        };
      });
      const summary = await scheduler.runOnce(stop.signal);
      if (summary.stored !== 1)
        logs.push(`round ${n}: stored ${summary.stored} (expected 1), failed ${summary.failed}`);
      const at = await arrived;
      onAlert = null;
      if (at === null) missed += 1;
      else latencies.push(at - feedServedAt);
    }
    return { latencies, missed };
  };

  const started = performance.now();
  const fullPhase = await runPhase(FULL_ROUNDS, true, 0);
  const pagePhase = await runPhase(PAGE_ROUNDS, false, FULL_ROUNDS);
  const seconds = (performance.now() - started) / 1000;

  stop.abort();
  await analysis.close();
  await fetcher.close();
  await ctx.close();
  await feed.close();
  await hook.close();
  rmSync(dir, { recursive: true, force: true });

  const fullSummary = summarise(fullPhase.latencies, fullPhase.missed);
  const result = {
    benchmark: 'run-latency',
    target: 'new feed item → delivered webhook alert within 2 s (p95) of being fetched',
    path:
      'feed request served → SafeFetcher → parseFeed → processDocuments(extractDocument, enrichDocument) → ' +
      'onBatch analyseAndAlert (watch rule) → delivery loop wake → webhook POST received',
    backend: 'sqlite',
    ...fullSummary,
    summaryOnlyItems: {
      note: 'RSS items with a summary only: the article page is fetched from the same host, after the default 1 s per-host delay',
      ...summarise(pagePhase.latencies, pagePhase.missed),
    },
    webhooksReceived: webhooks,
    wallSeconds: Math.round(seconds * 10) / 10,
    machine: {
      cpus: cpus().length,
      node: process.version,
      loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    },
    measuredAt: new Date().toISOString(),
  };
  for (const line of logs.filter((l) =>
    /^round |warning|analysis failed|delivery pass failed/.test(l),
  ))
    console.error(line);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/run-latency.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}

await main();
