/**
 * Alert delivery latency: from the commit of a firing (recordFirings in a transaction, then
 * loop.wake()) to a signed webhook received and verified by a local HTTP server, through the
 * delivery loop `vigie run` uses. This is the alert leg of the "feed item → delivered webhook
 * within 2 s (p95)" target; fetching, extraction and analysis come before it.
 * Writes bench/results/alert-delivery.json. Usage: npx tsx bench/alert-delivery-bench.ts [postgres-url]
 */
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDeliveryLoop } from '../src/alert/delivery-loop.js';
import { recordFirings } from '../src/alert/outbox.js';
import { createWebhookNotifier } from '../src/alert/webhook-notifier.js';
import { openStore } from '../src/store/open-store.js';
import type { AlertFiring } from '../src/alert/alert-firing.js';

const COUNT = Number(process.env['VIGIE_BENCH_ALERTS'] ?? 300);
const SECRET = 'bench-secret';
const TARGET_P95_MS = 2000;

const firing = (n: number): AlertFiring => ({
  ruleId: 'bench',
  kind: 'first-event',
  dedupKey: `bench:${n}`,
  title: `Bench alert ${n}`,
  payload: {
    rule: 'bench',
    kind: 'first-event',
    summary: `bench ${n}`,
    at: '2026-01-01',
    evidenceIds: [],
    eventIds: [`evt-${n}`],
    mentionIds: [`doc-${n}#0`],
    documentIds: [`doc-${n}`],
  },
});

async function main(): Promise<void> {
  const pgUrl = process.argv[2];
  const dir = mkdtempSync(join(tmpdir(), 'vigie-alert-bench-'));
  const store = await openStore({ url: pgUrl ?? join(dir, 'bench.db') });
  const waiting = new Map<string, () => void>();
  let badSignatures = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const expected = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
      if (req.headers['x-vigie-signature'] !== expected) badSignatures += 1;
      const { alert } = JSON.parse(body.toString('utf8')) as { alert: { dedupKey: string } };
      res.writeHead(204).end();
      waiting.get(alert.dedupKey)?.();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const controller = new AbortController();
  const loop = startDeliveryLoop(
    store,
    [createWebhookNotifier({ id: 'hook', url, secret: SECRET })],
    {
      intervalMs: 1000,
      signal: controller.signal,
    },
  );

  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  for (let i = 0; i < COUNT; i += 1) {
    const f = firing(i);
    const received = new Promise<void>((resolve) => waiting.set(f.dedupKey, resolve));
    const t0 = process.hrtime.bigint();
    await store.db.transaction().execute((trx) => recordFirings(trx, [f], { bench: ['hook'] }));
    loop.wake();
    await received;
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  controller.abort();
  await loop.stopped;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await store.close();
  rmSync(dir, { recursive: true, force: true });

  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 10) / 10;
  const result = {
    benchmark: 'alert-delivery',
    backend: pgUrl ? 'postgres' : 'sqlite',
    path: 'commit firing → loop.wake() → claim → signed POST → receiver verified',
    alerts: COUNT,
    latencyMs: { p50: pct(0.5), p95: pct(0.95), p99: pct(0.99), max: pct(1) },
    alertsPerSecondSequential: Math.round(COUNT / seconds),
    badSignatures,
    target: { p95Ms: TARGET_P95_MS, met: pct(0.95) < TARGET_P95_MS },
    machine: {
      cpus: cpus().length,
      node: process.version,
      loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    },
    measuredAt: new Date().toISOString(),
  };
  mkdirSync('bench/results', { recursive: true });
  const name = pgUrl ? 'alert-delivery-postgres.json' : 'alert-delivery.json';
  writeFileSync(join('bench/results', name), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}

await main();
