/**
 * Soak finding of the hardening review (#15): SIGTERM did not abort in-flight source work. `vigie
 * run` and `vigie worker` waited for every source in flight: pages that never answer (up to the
 * 120 s source budget), a feed that trickles, a batch being extracted. A service manager then
 * kills the process. Now the stop aborts the fetches, records nothing for the interrupted
 * sources (they stay due), hands a worker's job back to the queue, and exits 0 within seconds;
 * the next start stores what is missing, once.
 * A feed that had already answered is still stored, within `fetch.stopDrainMs` (the soak lost
 * items of two feeds that answered as the final SIGTERM came, when a feed's batch was cut at once);
 * past the drain its batch stops at a safe point (between documents while extracting, between
 * write transactions).
 * Real child processes against a tar-pit server on loopback.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTarPit, type TarPit } from './support/tar-pit.js';
import { writerDocument } from './support/writer-documents.js';

/** Items of the feed whose batch is being extracted when the stop comes. */
const BIG_ITEMS = 150;
/** Summary-only items whose pages hang until the server turns healthy. */
const PAGE_ITEMS = 6;
/** Requests held open while the stop comes: 4 item pages at a time (fetch.pageConcurrency), the slow feed. */
const HELD = 4 + 1;
/** Items of the feed that trickles until the server turns healthy. */
const SLOW_ITEMS = 3;
/** The bound on a clean stop, past the drain. */
const STOP_WITHIN_MS = 5_000;
/** The drain of the run that stores the big feed it had received (ample on a loaded machine). */
const DRAIN_MS = 60_000;

const dir = mkdtempSync(join(tmpdir(), 'vigie-stop-'));
const clean = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.startsWith('VIGIE_')),
);
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Item {
  readonly guid: string;
  readonly link: string;
  readonly text?: string;
  readonly summary?: string;
}

function rss(items: readonly Item[]): string {
  const body = items
    .map(
      (i) => `<item><title>${i.guid}</title><link>${i.link}</link><guid>${i.guid}</guid>
${i.text ? `<content:encoded><![CDATA[<p>${i.text}</p>]]></content:encoded>` : `<description>${i.summary}</description>`}
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Stop wire</title><link>/</link><language>en</language>
${body}
</channel></rss>`;
}

let pit: TarPit;
/** False: pages hang and the slow feed trickles. True: everything answers. */
let healthy = false;
/** Called when the big feed's body was sent. */
let onBigSent: () => void = () => undefined;

beforeAll(async () => {
  pit = await startTarPit();
  const big = rss(
    Array.from({ length: BIG_ITEMS }, (_, i) => ({
      guid: `big-${i}`,
      link: `${pit.origin}/big/${i}.html`,
      // 150 × 10,000 characters: three extraction batches of 512 Ki characters, so that the
      // stop, sent once the first batch is stored, finds the rest still in flight on any machine.
      text: writerDocument('big', i, 10_000).text,
    })),
  );
  pit.route('/big.xml', (_req, res) => {
    const send = () =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(big, () => onBigSent());
    if (healthy) return void send();
    // The big feed is served once the item pages and the slow feed are held, so that the stop
    // finds all of them in flight however the machine schedules the three sources.
    const started = Date.now();
    const poll = setInterval(() => {
      if (pit.held.now < HELD && Date.now() - started < 30_000) return;
      clearInterval(poll);
      send();
    }, 10);
  });
  const pages = Array.from({ length: PAGE_ITEMS }, (_, i) => ({
    guid: `page-${i}`,
    link: `${pit.origin}/page/${i}.html`,
    summary: `Summary ${i}: officials said a launch took place.`,
  }));
  pit.route('/pages.xml', (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(pages)),
  );
  for (let i = 0; i < PAGE_ITEMS; i++)
    pit.route(`/page/${i}.html`, (_req, res) => {
      if (!healthy) return pit.hold(res); // never answered
      const text = writerDocument('page', i, 1_500).text;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<html><head><title>Page ${i}</title></head><body><article><h1>Page ${i}</h1>
<p>Full page ${i}. ${text}</p></article></body></html>`);
    });
  const slow = rss(
    Array.from({ length: SLOW_ITEMS }, (_, i) => ({
      guid: `slow-${i}`,
      link: `${pit.origin}/slow/${i}.html`,
      text: writerDocument('slow', i, 1_000).text,
    })),
  );
  pit.route('/slow.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    if (healthy) return void res.end(slow);
    // The start of a feed, then a byte every 200 ms for ever.
    pit.hold(res);
    res.write(slow.slice(0, 200));
    const timer = setInterval(() => res.write(' '), 200);
    res.once('close', () => clearInterval(timer));
  });
});

afterAll(async () => {
  await pit.close();
  rmSync(dir, { recursive: true, force: true });
});

function writeConfig(name: string, stopDrainMs: number): { config: string; db: string } {
  const db = join(dir, `${name}.db`);
  const config = join(dir, `${name}.yaml`);
  writeFileSync(
    config,
    [
      `database:`,
      `  url: ${JSON.stringify(db)}`,
      `fetch:`,
      `  allowPrivate: ['127.0.0.0/8']`,
      `  perHostConcurrency: 8`,
      `  stopDrainMs: ${stopDrainMs}`,
      `sources:`,
      `  list:`,
      ...['big', 'pages', 'slow'].map(
        (s) =>
          `    - { id: ${s}, name: ${s}, url: "${pit.origin}/${s}.xml", kind: feed, lang: en }`,
      ),
      ``,
    ].join('\n'),
  );
  return { config, db };
}

interface Child {
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  readonly stderr: () => string;
  kill(signal: NodeJS.Signals): void;
}

function vigie(config: string, args: readonly string[]): Child {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', '--config', config, ...args],
    { cwd: process.cwd(), env: clean, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>(
    (resolve) => child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return { exited, stderr: () => err, kill: (signal) => void child.kill(signal) };
}

/**
 * Starts `vigie ARGS`, waits until the big feed was sent (its batch is being extracted), the
 * item pages are held and the slow feed trickles, then sends SIGTERM; returns how long the stop
 * took (SIGKILL past `killAfterMs`) and the exit.
 */
async function stopMidWork(config: string, args: readonly string[], killAfterMs = 15_000) {
  const bigSent = new Promise<void>((resolve) => (onBigSent = resolve));
  const child = vigie(config, args);
  await bigSent;
  // The stop comes once the big feed's first batch is stored: mid-batch, whatever the speed.
  const db = config.replace(/\.yaml$/, '.db');
  for (let i = 0; i < 1500 && storedSoFar(db, 'big') === 0; i++) await delay(10);
  const heldAtStop = pit.held.now;
  const sentAt = Date.now();
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  const exit = await child.exited;
  clearTimeout(killer);
  return { ...exit, tookMs: exit.at - sentAt, heldAtStop, stderr: child.stderr() };
}

function readStore(db: string) {
  const sqlite = new SqliteDatabase(db, { readonly: true });
  try {
    return {
      perSource: sqlite
        .prepare(
          `SELECT source_id AS source, COUNT(*) AS n, COUNT(DISTINCT url) AS urls,
             SUM(analysed_at IS NULL) AS unanalysed
           FROM documents GROUP BY source_id ORDER BY source_id`,
        )
        .all(),
      pageTexts: sqlite.prepare(`SELECT text FROM documents WHERE source_id = 'pages'`).all() as {
        text: string;
      }[],
      sources: sqlite
        .prepare(`SELECT id, last_fetched_at, error_count FROM sources ORDER BY id`)
        .all(),
      errors: sqlite.prepare(`SELECT source_id, message FROM source_errors`).all(),
      jobs: sqlite
        .prepare(`SELECT kind, key, state, attempts FROM jobs ORDER BY kind, key`)
        .all() as { kind: string; key: string; state: string; attempts: number }[],
    };
  } finally {
    sqlite.close();
  }
}

/** Documents of `source` committed so far (0 while the file or its tables are not there yet). */
function storedSoFar(db: string, source: string): number {
  try {
    const sqlite = new SqliteDatabase(db, { readonly: true, fileMustExist: true });
    try {
      const row = sqlite
        .prepare(`SELECT COUNT(*) AS n FROM documents WHERE source_id = ?`)
        .get(source) as { n: number };
      return row.n;
    } finally {
      sqlite.close();
    }
  } catch {
    return 0;
  }
}

function storedFrom(read: ReturnType<typeof readStore>, source: string): number {
  return (
    (read.perSource as { source: string; n: number }[]).find((r) => r.source === source)?.n ?? 0
  );
}

const complete = [
  { source: 'big', n: BIG_ITEMS, urls: BIG_ITEMS, unanalysed: 0 },
  { source: 'pages', n: PAGE_ITEMS, urls: PAGE_ITEMS, unanalysed: 0 },
  { source: 'slow', n: SLOW_ITEMS, urls: SLOW_ITEMS, unanalysed: 0 },
];

/** With every source healthy, `vigie run --once` stores what is missing: each item once, no error. */
async function expectNextRunCompletes(config: string, db: string): Promise<void> {
  healthy = true;
  const next = vigie(config, ['run', '--once']);
  expect((await next.exited).code, next.stderr()).toBe(0);
  const done = readStore(db);
  expect(done.perSource).toEqual(complete);
  expect(done.pageTexts.every((p) => p.text.includes('Full page'))).toBe(true);
  expect(done.errors).toEqual([]);
}

describe('SIGTERM with source work in flight', () => {
  it('vigie run stores the feed that had answered, aborts the rest, and the next start completes it', async () => {
    healthy = false;
    const { config, db } = writeConfig('drain', DRAIN_MS);
    const stop = await stopMidWork(config, ['run'], DRAIN_MS + 15_000);
    expect(stop.heldAtStop).toBe(HELD);
    expect(stop, stop.stderr).toMatchObject({ code: 0, signal: null });
    expect(stop.tookMs).toBeLessThan(DRAIN_MS);
    await delay(200);
    expect(pit.held.now).toBe(0);

    // The big feed had answered: every item stored, and its fetch recorded (not read again).
    const after = readStore(db);
    expect(after.errors).toEqual([]);
    expect(storedFrom(after, 'big')).toBe(BIG_ITEMS);
    const sources = after.sources as { id: string; last_fetched_at: string | null }[];
    expect(sources.find((s) => s.id === 'big')?.last_fetched_at).not.toBeNull();
    // The pages and the slow feed had not answered: nothing stored, still due.
    expect(after.pageTexts).toEqual([]);
    for (const s of sources)
      if (s.id !== 'big') expect(s).toMatchObject({ last_fetched_at: null, error_count: 0 });
    expect(stop.stderr).toMatch(/pages \(pages\) stopped before its batch was complete/);

    await expectNextRunCompletes(config, db);
  }, 360_000);

  it('vigie run without a drain cuts the batch, exits 0 within 5 s, and the next start stores the rest once', async () => {
    healthy = false;
    const { config, db } = writeConfig('run', 0);
    const stop = await stopMidWork(config, ['run']);
    expect(stop.heldAtStop).toBe(HELD);
    expect(stop, stop.stderr).toMatchObject({ code: 0, signal: null });
    expect(stop.tookMs).toBeLessThan(STOP_WITHIN_MS);
    expect(stop.stderr).toMatch(/stopped before its batch was complete/);
    // Every held request was let go.
    await delay(200);
    expect(pit.held.now).toBe(0);

    // The interrupted sources recorded neither a fetch nor a failure: they are still due.
    const after = readStore(db);
    expect(after.errors).toEqual([]);
    for (const s of after.sources as { id: string; last_fetched_at: string | null }[])
      if (s.id !== 'big') expect(s).toMatchObject({ last_fetched_at: null, error_count: 0 });
    // No summary was stored in place of a page that was never read, and the big batch was cut.
    expect(after.pageTexts).toEqual([]);
    expect(storedFrom(after, 'big')).toBeLessThan(BIG_ITEMS);

    await expectNextRunCompletes(config, db);
  }, 180_000);

  it('vigie worker aborts it, hands its jobs back uncounted, exits 0 within 5 s', async () => {
    healthy = false;
    const { config, db } = writeConfig('worker', 0);
    const stop = await stopMidWork(config, ['worker', '--concurrency', '3']);
    expect(stop.heldAtStop).toBe(HELD);
    expect(stop, stop.stderr).toMatchObject({ code: 0, signal: null });
    expect(stop.tookMs).toBeLessThan(STOP_WITHIN_MS);
    await delay(200);
    expect(pit.held.now).toBe(0);

    const after = readStore(db);
    expect(after.errors).toEqual([]);
    expect(storedFrom(after, 'big')).toBeLessThan(BIG_ITEMS);
    // Each interrupted fetch is waiting again, its attempt not counted; none failed or running.
    const fetches = after.jobs.filter((j) => j.kind === 'fetch-source' && j.state !== 'done');
    expect(fetches.map((j) => j.key)).toEqual(['big', 'pages', 'slow']);
    for (const j of fetches) expect(j).toMatchObject({ state: 'pending', attempts: 0 });
    expect(after.jobs.filter((j) => j.state === 'failed' || j.state === 'dead')).toEqual([]);

    healthy = true;
    const next = vigie(config, ['worker', '--once']);
    expect((await next.exited).code, next.stderr()).toBe(0);
    const done = readStore(db);
    expect(done.perSource).toEqual(complete);
    expect(done.pageTexts.every((p) => p.text.includes('Full page'))).toBe(true);
    expect(done.errors).toEqual([]);
    expect(done.jobs.filter((j) => j.state !== 'done')).toEqual([]);
  }, 180_000);
});
