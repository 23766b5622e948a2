import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import SqliteDatabase from 'better-sqlite3';
import { rss2 } from '../fixtures/ingest/feeds.js';
import { articlePage } from '../fixtures/ingest/pages.js';
import { SAMPLES } from '../fixtures/ingest/samples.js';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.js';

// Each CLI call starts a fresh process (tsx): slow on a loaded machine, hence the long time-outs.
const exec = promisify(execFile);
let server: FixtureServer;
let dir: string;
let config: string;
let db: string;
/** Requests to /slow.xml wait until released; `slowSeen` resolves when one arrives. */
let release: () => void = () => undefined;
let slowSeen: Promise<void>;
let markSlowSeen: () => void = () => undefined;
const resetSlow = () => {
  slowSeen = new Promise((resolve) => (markSlowSeen = resolve));
};

const cli = (...args: string[]) =>
  exec(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--config', config, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, VIGIE_CONFIG: '' },
  });
const spawnRun = (): ChildProcess =>
  spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', '--config', config, 'run', '--concurrency', '2'],
    { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
const count = (sql: string): number => {
  const sqlite = new SqliteDatabase(db, { readonly: true });
  try {
    return (sqlite.prepare(sql).get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
};

beforeAll(async () => {
  server = await startFixtureServer();
  resetSlow();
  for (const sample of SAMPLES.slice(0, 4)) {
    server.route(`/feeds/${sample.lang}-${sample.charset}.xml`, (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(iconv.encode(rss2(sample, { base: server.origin }), sample.charset));
    });
  }
  // Full pages of the summary-only items, so every item has its own text.
  for (const sample of SAMPLES) {
    const page = iconv.encode(
      articlePage({ ...sample, text: `${sample.title}. ${sample.text}` }),
      sample.charset,
    );
    server.route(`/pages/${sample.lang}-${sample.charset}-2.html`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    });
  }
  const zh = SAMPLES.find((s) => s.lang === 'zh')!;
  server.route('/slow.xml', (_req, res) => {
    markSlowSeen();
    release = () => {
      if (!res.headersSent && !res.destroyed)
        res
          .writeHead(200, { 'content-type': 'application/rss+xml; charset=gb18030' })
          .end(iconv.encode(rss2(zh, { base: server.origin, declare: false }), 'gb18030'));
    };
  });
  dir = await mkdtemp(join(tmpdir(), 'vigie-run-'));
  db = join(dir, 'vigie.db');
  config = join(dir, 'vigie.yaml');
  const sources = SAMPLES.slice(0, 3).map(
    (s) =>
      `  - { url: "${server.origin}/feeds/${s.lang}-${s.charset}.xml", name: "Wire ${s.lang}", reliability: B, interval: 600 }`,
  );
  await writeFile(
    config,
    `database:\n  url: ${db}\nfetch:\n  allowPrivate: ["127.0.0.1"]\n  perHostDelayMs: 0\n  timeoutMs: 20000\nsources:\n${sources.join('\n')}\n`,
  );
}, 30_000);

afterAll(async () => {
  release();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('vigie source / run / status', () => {
  it('adds, lists and grades sources; runs a cycle; reports status', async () => {
    const ru = SAMPLES[3]!;
    const added = await cli(
      'source',
      'add',
      `${server.origin}/feeds/${ru.lang}-${ru.charset}.xml`,
      '--name',
      'Wire ru',
      '--lang',
      'ru',
      '--interval',
      '300',
    );
    const id = added.stdout.trim();
    expect(id).toMatch(/^src_[0-9a-f]{12}$/);
    await expect(
      cli('source', 'add', `${server.origin}/feeds/${ru.lang}-${ru.charset}.xml`),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('already exists') });
    await expect(cli('source', 'set-reliability', id, 'G')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('A, B, C, D, E, F'),
    });
    await cli('source', 'set-reliability', id, 'c');

    const once = await cli('run', '--once');
    expect(once.stderr).toMatch(
      /4 source\(s\) polled — 4 ok \(0 not modified\), 0 failed; 8 stored/,
    );

    const listed = JSON.parse((await cli('source', 'list', '--json')).stdout) as {
      id: string;
      reliability: string;
      name: string;
      lastFetchedAt: string | null;
    }[];
    expect(listed).toHaveLength(4);
    expect(listed.find((s) => s.id === id)).toMatchObject({ reliability: 'C', name: 'Wire ru' });
    expect(listed.filter((s) => s.reliability === 'B')).toHaveLength(3);
    expect(listed.every((s) => s.lastFetchedAt !== null)).toBe(true);

    const status = JSON.parse((await cli('status', '--json')).stdout) as {
      documents: number;
      failing: number;
      sources: { documents: number }[];
    };
    expect(status).toMatchObject({ documents: 8, failing: 0 });
    expect(status.sources.map((s) => s.documents)).toEqual([2, 2, 2, 2]);

    await cli('source', 'remove', id);
  }, 600_000);

  it('survives kill -9 mid-fetch without loss or duplicates, and stops cleanly on SIGTERM', async () => {
    await cli('source', 'add', `${server.origin}/slow.xml`, '--name', 'Slow wire');
    const before = count('select count(*) as n from documents');

    const first = spawnRun();
    await slowSeen;
    first.kill('SIGKILL');
    await exited(first);
    expect(count('select count(*) as n from documents')).toBe(before);

    // Restart, stopped by SIGTERM mid-fetch: the fetch is aborted, nothing is recorded.
    resetSlow();
    const second = spawnRun();
    let stderr = '';
    second.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await slowSeen;
    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);
    expect(stderr).toMatch(
      /SIGTERM received: fetches in flight aborted; what already answered is stored/,
    );
    expect(stderr).toMatch(/Slow wire .* stopped before its batch was complete/);
    expect(stderr).toMatch(/stopped cleanly/);
    expect(count('select count(*) as n from documents')).toBe(before);

    // The slow source is still due (its fetch state was never recorded): the next start reads it.
    resetSlow();
    const third = spawnRun();
    stderr = '';
    third.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await slowSeen;
    release();
    for (let i = 0; i < 600 && !/1 source\(s\) polled/.test(stderr); i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    third.kill('SIGTERM');
    expect(await exited(third)).toBe(0);
    expect(stderr).toMatch(/1 source\(s\) polled — 1 ok .* 2 stored/);
    expect(count('select count(*) as n from documents')).toBe(before + 2);
    expect(
      count(
        'select count(*) as n from (select content_hash from documents group by content_hash having count(*) > 1)',
      ),
    ).toBe(0);

    // Nothing is due any more: a new cycle stores nothing.
    const idle = await cli('run', '--once');
    expect(idle.stderr).toMatch(/no source is due/);
    expect(count('select count(*) as n from documents')).toBe(before + 2);
  }, 600_000);
});
