/**
 * End to end: two `vigie worker` processes (the built CLI in dist/) share one PostgreSQL database
 * and a local HTTP server's RSS feeds. Every item is stored exactly once and analysed, each feed
 * is fetched once, both workers take jobs, and `vigie status --json` ends with an empty queue.
 * Then a worker killed with `kill -9` mid-fetch: its lease runs out and another worker finishes
 * the job. Needs an up-to-date dist/ (`npx tsc -p tsconfig.json`).
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
let crashDatabase: { url: string; drop: () => Promise<void> } | undefined;
let dir: string;
let config: string;
/** Feed requests in flight; the first one is held until a second arrives (from the other worker). */
let inFlight = 0;
let maxInFlight = 0;
const held: (() => void)[] = [];
/** /slow.xml: the first request is never answered (its worker gets killed), later ones are. */
let slowHits = 0;
let slowSeen: () => void = () => undefined;

const cli = (...args: string[]) =>
  exec(process.execPath, [CLI, '--config', config, ...args], {
    env: { ...process.env, VIGIE_CONFIG: '' },
  });
const spawnWorker = (...extra: string[]): { child: ChildProcess; stderr: () => string } => {
  const args = [CLI, '--config', config, 'worker', '--concurrency', '1', ...extra];
  const child = spawn(process.execPath, args, {
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

async function query(sql: string, url = database.url): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
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
  const slowBody = rss2(FEEDS[0]!, { base: server.origin });
  server.route('/slow.xml', (_req, res) => {
    slowHits += 1;
    slowSeen();
    if (slowHits > 1) res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(slowBody);
  });
  dir = await mkdtemp(join(tmpdir(), 'vigie-worker-'));
  const sources = FEEDS.map(
    (s) =>
      `  - { url: "${server.origin}/feeds/${s.lang}.xml", name: "Wire ${s.lang}", reliability: B, interval: 600 }`,
  );
  database = await useDatabase('feeds', sources);
}, 120_000);

/** A fresh database and a config naming it and these sources (`config` points at it), migrated once. */
async function useDatabase(name: string, sources: string[]) {
  const created = await createPostgresDatabase();
  config = join(dir, `${name}.yaml`);
  await writeFile(
    config,
    `database:\n  url: ${created.url}\nfetch:\n  allowPrivate: ["127.0.0.1"]\n  perHostDelayMs: 0\n  timeoutMs: 60000\nsources:\n${sources.join('\n')}\n`,
  );
  // Migrate once, so the two workers do not both create the schema.
  await cli('migrate');
  return created;
}

afterAll(async () => {
  while (held.length > 0) held.shift()!();
  await server?.close();
  await database?.drop();
  await crashDatabase?.drop();
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
        expect(log).toMatch(/SIGTERM received, stopping the jobs in flight at a safe point/);
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

  it.skipIf(skip !== null)(
    'hands the job of a worker killed with kill -9 to another once its lease runs out',
    async () => {
      crashDatabase = await useDatabase('crash', [
        `  - { url: "${server.origin}/slow.xml", name: "Slow wire", reliability: C, interval: 600 }`,
      ]);
      const url = crashDatabase.url;
      const first = new Promise<void>((resolve) => (slowSeen = resolve));
      const doomed = spawnWorker('--lease-seconds', '3');
      await first;
      doomed.child.kill('SIGKILL');
      await exited(doomed.child);
      const [held] = await query(
        `select state, attempts from jobs where kind = 'fetch-source'`,
        url,
      );
      expect(held).toEqual({ state: 'running', attempts: 1 });

      const heir = spawnWorker('--lease-seconds', '3');
      let settled = false;
      for (let i = 0; i < 600 && !settled; i += 1) {
        await new Promise((r) => setTimeout(r, 500));
        const [row] = await query(
          `select (select count(*) from documents where analysed_at is not null) as analysed,
                  (select count(*) from jobs where state <> 'done') as open`,
          url,
        );
        settled = Number(row!['analysed']) === 2 && Number(row!['open']) === 0;
        if (heir.child.exitCode !== null) break;
      }
      heir.child.kill('SIGTERM');
      expect(await exited(heir.child), heir.stderr()).toBe(0);
      expect(settled, heir.stderr()).toBe(true);
      expect(heir.stderr()).toMatch(
        /fetch-source src_\w+ \(attempt 2\/5\) done .*Slow wire: ok, 2 stored/,
      );
      expect(slowHits).toBe(2);
      const [counts] = await query(
        `select count(*) as docs, count(distinct content_hash) as hashes from documents`,
        url,
      );
      expect(counts).toEqual({ docs: '2', hashes: '2' });
      const [job] = await query(
        `select state, attempts, last_error from jobs where kind = 'fetch-source'`,
        url,
      );
      expect(job).toMatchObject({ state: 'done', attempts: 2 });
      expect(String(job!['last_error'])).toMatch(/lease expired/);
    },
    600_000,
  );
});
