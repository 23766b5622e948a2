/**
 * `vigie run` throughput end to end (issue #15 finding 10; target ≥ 500 documents/s on a
 * 2-core machine): a local HTTP server serves 4 RSS feeds of 500 items of ~3 KB each (full text
 * in content:encoded), and one scheduler cycle wired as `vigie run` wires it (declareConfigSources,
 * startAnalysis, createIngestionScheduler with onBatch → analysis) fetches, extracts, enriches,
 * stores, analyses and records alerts (a watch rule with a file notifier). Reference, timed in
 * the same run: the same 4 feeds fetched and parsed only (SafeFetcher + parseFeed).
 * Writes bench/results/run-throughput.json. Usage: npx tsx bench/run-throughput.ts
 * Env: VIGIE_BENCH_FEEDS (4), VIGIE_BENCH_ITEMS (500).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createContext } from '../src/cli/context.js';
import {
  createIngestionScheduler,
  declareConfigSources,
} from '../src/cli/commands/ingestion-setup.js';
import { startAnalysis } from '../src/cli/commands/run-analysis.js';
import { parseFeed } from '../src/ingest/feeds/parse-feed.js';
import { ExtractPool } from '../src/pipeline/extract-pool.js';
import { gitCommit, loadAverage, machineRecord, writeResult } from './bench-record.js';
import { SafeFetcher } from '../src/ingest/fetch/safe-fetch.js';

const FEEDS = Number(process.env['VIGIE_BENCH_FEEDS'] ?? 4);
const ITEMS = Number(process.env['VIGIE_BENCH_ITEMS'] ?? 500);
const TARGET_DOCS_PER_S = 500;

const ACTORS = ['Russia', 'North Korea', 'Iran', 'China', 'Pakistan', 'Syria'];
const EVENTS = [
  (a: string, b: string, d: number) =>
    `${a} delivered ballistic missile components to ${b} on ${d} March, officials said.`,
  (a: string, b: string, d: number) =>
    `${a} test-fired a new intermediate-range missile on ${d} March, ${b} said.`,
  (a: string, b: string, d: number) =>
    `Officials from ${a} and ${b} met on ${d} March to discuss nuclear cooperation.`,
];
const FILLER = [
  'The statement was released by the ministry and reported by several news agencies later that day.',
  'Analysts said the move was consistent with a pattern observed over the previous months.',
  'The government did not respond to a request for comment on the report.',
  'Satellite imagery reviewed by independent researchers showed new construction at the site.',
  'Diplomats at the United Nations said the issue would be raised at the next council meeting.',
  'Markets in the region were little changed after the announcement on Tuesday afternoon.',
];

/** ~3 KB of news text: one or two event sentences among filler, unique per item. */
function itemText(feed: number, n: number): string {
  const a = ACTORS[(feed + n) % ACTORS.length]!;
  const b = ACTORS[(feed + n + 1 + (n % 4)) % ACTORS.length]!;
  const parts = [EVENTS[n % EVENTS.length]!(a, b, 1 + (n % 28))];
  let i = n;
  while (parts.join(' ').length < 2900) parts.push(FILLER[i++ % FILLER.length]!);
  parts.push(`Report ${feed}-${n} of the bench series.`);
  return parts.join(' ');
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function feedXml(base: string, feed: number): string {
  const items: string[] = [];
  for (let n = 0; n < ITEMS; n += 1) {
    const day = new Date(Date.UTC(2026, 2, 1 + (n % 28), n % 24, n % 60));
    items.push(
      `<item><title>Wire ${feed}-${n}</title><link>${base}/a/${feed}/${n}.html</link>` +
        `<guid isPermaLink="false">bench-${feed}-${n}</guid><pubDate>${day.toUTCString()}</pubDate>` +
        `<description>Wire ${feed}-${n}</description>` +
        `<content:encoded><![CDATA[<p>${escapeXml(itemText(feed, n))}</p>]]></content:encoded></item>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>` +
    `<title>Bench ${feed}</title><link>${base}/</link><description>bench</description><language>en</language>` +
    `${items.join('')}</channel></rss>`
  );
}

async function main(): Promise<void> {
  const loadBefore = loadAverage();
  const dir = mkdtempSync(join(tmpdir(), 'vigie-run-throughput-'));
  const bodies = new Map<string, string>();
  const server = createServer((req, res) => {
    const body = bodies.get(req.url ?? '');
    if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (let f = 0; f < FEEDS; f += 1) bodies.set(`/feed-${f}.xml`, feedXml(base, f));
  const feedBytes = [...bodies.values()].reduce((sum, b) => sum + Buffer.byteLength(b), 0);

  const configFile = join(dir, 'vigie.yaml');
  writeFileSync(
    configFile,
    [
      `database:`,
      `  url: ${JSON.stringify(join(dir, 'vigie.db'))}`,
      `fetch:`,
      `  allowPrivate: ['127.0.0.1']`,
      `  maxBytes: 67108864`,
      `sources:`,
      ...[...bodies.keys()].flatMap((path, f) => [
        `  - url: ${base}${path}`,
        `    name: Bench ${f}`,
        `    lang: en`,
        `    interval: 3600`,
      ]),
      `alerts:`,
      `  notifiers:`,
      `    - id: file`,
      `      type: file`,
      `      path: ${JSON.stringify(join(dir, 'alerts.jsonl'))}`,
      `  rules:`,
      `    - id: transfers`,
      `      kind: watch`,
      `      types: [ARMS_TRANSFER, MISSILE_TEST]`,
      `      notify: [file]`,
      ``,
    ].join('\n'),
  );

  const logs: string[] = [];
  const ctx = { ...createContext({ config: configFile }), info: (m: string) => logs.push(m) };

  // Reference: the same feeds fetched and parsed, nothing else.
  const refFetcher = new SafeFetcher(ctx.config.fetch);
  const refStarted = performance.now();
  let refItems = 0;
  for (const path of bodies.keys()) {
    const res = await refFetcher.fetch({ url: base + path });
    refItems += parseFeed(Buffer.from(res.body).toString('utf8'), base + path).items.length;
  }
  const refSeconds = (performance.now() - refStarted) / 1000;
  await refFetcher.close();

  const store = await ctx.store('server');
  await declareConfigSources(ctx, store);
  const fetcher = new SafeFetcher(ctx.config.fetch);
  const stop = new AbortController();
  const analysis = startAnalysis(ctx, store, stop.signal);
  // VIGIE_BENCH_POOL=1: extraction in the worker-thread pool (to compare; `vigie run` decides).
  const pool = process.env['VIGIE_BENCH_POOL'] === '1' ? new ExtractPool() : undefined;
  const scheduler = createIngestionScheduler(
    ctx,
    store,
    fetcher,
    { concurrency: 4, onBatch: (result) => analysis.analyse(result.documentIds) },
    pool,
  );
  await analysis.catchUp();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const summary = await scheduler.runOnce(stop.signal);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const counts = async (table: 'documents' | 'alerts' | 'events') =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const documents = await counts('documents');
  const alerts = await counts('alerts');
  const events = await counts('events');
  const pending = Number(
    (
      await store.db
        .selectFrom('documents')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('analysed_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );

  stop.abort();
  await pool?.close();
  await analysis.close();
  await fetcher.close();
  await ctx.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });

  const docsPerSecond = Math.round((documents / seconds) * 10) / 10;
  const result = {
    benchmark: 'run-throughput',
    target: `vigie run ≥ ${TARGET_DOCS_PER_S} documents/s end to end (feed → analysed → alert recorded)`,
    path: 'SafeFetcher → parseFeed → processDocuments(extract, enrich) → onBatch analyseAndAlert (watch rule) → alerts',
    backend: 'sqlite',
    extraction: pool ? `worker-thread pool (${pool.size})` : 'inline',
    feeds: FEEDS,
    itemsPerFeed: ITEMS,
    feedBytes,
    documentsStored: documents,
    documentsNotAnalysed: pending,
    events,
    alertsRecorded: alerts,
    cycle: summary,
    wallSeconds: Math.round(seconds * 100) / 100,
    cpuSeconds: Math.round(((cpu.user + cpu.system) / 1e6) * 100) / 100,
    docsPerSecond,
    targetMet: docsPerSecond >= TARGET_DOCS_PER_S && pending === 0,
    reference: {
      what: 'the same feeds fetched and parsed (SafeFetcher + parseFeed), nothing stored',
      items: refItems,
      wallSeconds: Math.round(refSeconds * 1000) / 1000,
      itemsPerSecond: Math.round(refItems / refSeconds),
    },
    ratioToReference: Math.round((seconds / refSeconds) * 10) / 10,
    machine: machineRecord(loadBefore),
    commit: gitCommit(),
    measuredAt: new Date().toISOString(),
  };
  for (const line of logs.filter((l) => /warning|failed/.test(l))) console.error(line);
  writeResult('run-throughput', result);
  console.log(JSON.stringify(result, null, 2));
}

await main();
