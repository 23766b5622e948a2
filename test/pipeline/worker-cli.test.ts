/**
 * End to end: two `vigie worker` processes (the built CLI in dist/) share one PostgreSQL database
 * and a local HTTP server's RSS feeds. Every item is stored exactly once and analysed, each feed
 * is fetched once, both workers take jobs, and `vigie status --json` ends with an empty queue.
 * Needs an up-to-date dist/ (`npx tsc -p tsconfig.json`).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rss2 } from '../fixtures/ingest/feeds.js';
import { articlePage } from '../fixtures/ingest/pages.js';
import { SAMPLES } from '../fixtures/ingest/samples.js';
import { startFixtureServer, type FixtureServer } from '../ingest/support/fixture-server.js';
import { createPostgresDatabase } from '../support/test-stores.js';

const exec = promisify(execFile);
const CLI = join(process.cwd(), 'dist/cli/main.js');
const skip = process.env['VIGIE_TEST_POSTGRES_SKIP'] ?? null;
const FEEDS = SAMPLES.slice(0, 4);

let server: FixtureServer;
let database: { url: string; drop: () => Promise<void> };
let dir: string;
let config: string;
/** Feed requests in flight; the first one is held until a second arrives (from the other worker). */
let inFlight = 0;
let maxInFlight = 0;
const held: (() => void)[] = [];

const cli = (...args: string[]) =>
  exec(process.execPath, [CLI, '--config', config, ...args], {
    env: { ...process.env, VIGIE_CONFIG: '' },
  });
const spawnWorker = (): { child: ChildProcess; stderr: () => string } => {
  const child = spawn(process.execPath, [CLI, '--config', config, 'worker', '--concurrency', '1'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, VIGIE_CONFIG: '' },
  });
  let text = '';
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { child, stderr: () => text };
};
const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  if (skip) return;
  if (!existsSync(join(process.cwd(), 'dist/pipeline/jobs/run-worker.js')))
    throw new Error('dist/ has no `vigie worker`: build it first (npx tsc -p tsconfig.json)');
  server = await startFixtureServer();
  for (const sample of FEEDS) {
    const body = iconv.encode(rss2(sample, { base: server.origin }), sample.charset);
    server.route(`/feeds/${sample.lang}.xml`, (_req, res) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const send = () => {
        inFlight -= 1;
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
      };
      if (maxInFlight >= 2) {
        send();
        while (held.length > 0) held.shift()!();
      } else held.push(send);
    });
    const page = iconv.encode(
      articlePage({ ...sample, text: `${sample.title}. ${sample.text}` }),
      sample.charset,
    );
    server.route(`/pages/${sample.lang}-${sample.charset}-2.html`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    });
  }
  database = await createPostgresDatabase();
  dir = await mkdtemp(join(tmpdir(), 'vigie-worker-'));
  config = join(dir, 'vigie.yaml');
  const sources = FEEDS.map(
    (s) =>
      `  - { url: "${server.origin}/feeds/${s.lang}.xml", name: "Wire ${s.lang}", reliability: B, interval: 600 }`,
  );
  await writeFile(
    config,
    `database:\n  url: ${database.url}\nfetch:\n  allowPrivate: ["127.0.0.1"]\n  perHostDelayMs: 0\n  timeoutMs: 60000\nsources:\n${sources.join('\n')}\n`,
  );
  // Migrate once, so the two workers do not both create the schema.
  await cli('migrate');
}, 120_000);

afterAll(async () => {
  while (held.length > 0) held.shift()!();
  await server?.close();
  await database?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('vigie worker ×2 on PostgreSQL', () => {
  it.skipIf(skip !== null)(
    'stores every item exactly once, analyses it, and leaves an empty queue',
    async () => {
      const workers = [spawnWorker(), spawnWorker()];
      const expected = FEEDS.length * 2;
      let settled = false;
      for (let i = 0; i < 600 && !settled; i += 1) {
        await new Promise((r) => setTimeout(r, 500));
        const [row] = await query(
          `select (select count(*) from documents) as docs,
                  (select count(*) from documents where analysed_at is null) as unanalysed,
                  (select count(*) from jobs where state <> 'done') as open`,
        );
        settled =
          Number(row!['docs']) === expected &&
          Number(row!['unanalysed']) === 0 &&
          Number(row!['open']) === 0;
        if (workers.some((w) => w.child.exitCode !== null)) break;
      }
      for (const w of workers) w.child.kill('SIGTERM');
      const codes = await Promise.all(workers.map((w) => exited(w.child)));
      const logs = workers.map((w) => w.stderr());
      expect(codes, logs.join('\n---\n')).toEqual([0, 0]);
      expect(settled, logs.join('\n---\n')).toBe(true);

      // Two fetches were in flight at once: with --concurrency 1 each, both workers fetched.
      expect(maxInFlight).toBeGreaterThanOrEqual(2);
      for (const log of logs) {
        expect(log).toMatch(/fetch-source src_\w+ \(attempt 1\/5\) done in \d+ ms: Wire \w+: ok/);
        expect(log).toMatch(/SIGTERM received, finishing the jobs in flight/);
        expect(log).toMatch(/stopped cleanly/);
      }
      for (const s of FEEDS) expect(server.hits.get(`/feeds/${s.lang}.xml`)).toBe(1);

      const [counts] = await query(
        `select count(*) as docs, count(distinct id) as ids, count(distinct content_hash) as hashes,
                count(*) filter (where analysed_at is not null) as analysed from documents`,
      );
      expect(counts).toEqual({
        docs: String(expected),
        ids: String(expected),
        hashes: String(expected),
        analysed: String(expected),
      });
      const [jobs] = await query(
        `select count(*) filter (where kind = 'fetch-source') as fetches,
                count(*) filter (where attempts > 1) as retried from jobs`,
      );
      expect(jobs).toEqual({ fetches: String(FEEDS.length), retried: '0' });

      const status = JSON.parse((await cli('status', '--json')).stdout) as {
        documents: number;
        queue: Record<string, number>;
      };
      expect(status.documents).toBe(expected);
      expect(status.queue).toMatchObject({ pending: 0, running: 0, failed: 0, dead: 0 });
    },
    600_000,
  );
});
