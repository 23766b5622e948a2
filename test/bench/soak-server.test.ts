/**
 * The soak feed server, started as the benchmark starts it (a child process with IPC): healthy
 * feeds answer and honour conditional GET, and each hostile feed does what the benchmark says it
 * does, or its figures would describe the wrong attack.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/ingest/feeds/parse-feed.js';
import {
  DEFAULT_PLAN,
  buildPlan,
  type FeedSpec,
  type HostileKind,
} from '../../bench/soak/feed-plan.js';
import { readRequestLog } from '../../bench/soak/request-log.js';

const dir = mkdtempSync(join(tmpdir(), 'soak-server-test-'));
const planOptions = { ...DEFAULT_PLAN, seed: 15, startMs: Date.now(), minutes: 3 };
const plan = buildPlan(planOptions);
const logFile = join(dir, 'requests.jsonl');
let server: ChildProcess;
let ports: number[] = [];

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The body ended before the deadline. */
  ended: boolean;
}

/** GET with a deadline: what arrived by then (a tar-pit never ends). */
function get(
  url: string,
  headers: Record<string, string> = {},
  deadlineMs = 3000,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let answer: Omit<Answer, 'body' | 'ended'> = { status: 0, headers: {} };
    const req = httpRequest(url, { headers: { 'user-agent': 'Vigie/test', ...headers } }, (res) => {
      answer = { status: res.statusCode ?? 0, headers: res.headers };
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        // Enough of a huge body to know it is huge.
        if (Buffer.concat(chunks).length > 3 * 2 ** 20) finish(false);
      });
      res.on('end', () => finish(true));
    });
    const timer = setTimeout(() => finish(false), deadlineMs);
    function finish(ended: boolean): void {
      clearTimeout(timer);
      req.destroy();
      resolve({ ...answer, body: Buffer.concat(chunks), ended });
    }
    req.on('error', (e) => (answer.status ? undefined : reject(e)));
    req.end();
  });
}

const hostileFeed = (kind: HostileKind): FeedSpec => plan.feeds.find((f) => f.hostile === kind)!;
const urlOf = (feed: FeedSpec, path = feed.path) => `http://127.0.0.1:${ports[feed.host]}${path}`;

beforeAll(async () => {
  writeFileSync(join(dir, 'server.json'), JSON.stringify({ plan: planOptions, logFile }));
  server = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/soak/feed-server.ts', join(dir, 'server.json')],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  ports = await new Promise<number[]>((resolve) =>
    server.on('message', (m: { type: string; ports?: number[] }) => {
      if (m.type === 'ready') resolve(m.ports!);
    }),
  );
}, 60_000);

afterAll(async () => {
  const stopped = new Promise((resolve) => server.once('exit', resolve));
  server.send({ type: 'stop' });
  await stopped;
  rmSync(dir, { recursive: true, force: true });
});

describe('soak feed server', () => {
  it('serves healthy feeds vigie parses, with 304 for an unchanged conditional feed', async () => {
    const feed = plan.feeds.find((f) => !f.hostile && f.conditional)!;
    const first = await get(urlOf(feed));
    expect(first.status).toBe(200);
    const parsed = parseFeed(first.body.toString('utf8'), urlOf(feed));
    expect(parsed.items.length).toBeGreaterThanOrEqual(DEFAULT_PLAN.backlog);
    const again = await get(urlOf(feed), { 'if-none-match': String(first.headers['etag']) });
    expect(again.status).toBe(304);
    const page = await get(parsed.items[0]!.url!);
    expect(page.status).toBe(200);
    expect(page.body.toString('utf8')).toContain('<article>');
    const other = plan.feeds.find((f) => f.host !== feed.host)!;
    expect((await get(urlOf(feed, other.path))).status).toBe(404);
  });

  it('has tar-pits that trickle, stay silent, or hang the item pages', async () => {
    const trickle = await get(urlOf(hostileFeed('tarpit-trickle')), {}, 2500);
    expect(trickle.status).toBe(200);
    expect(trickle.ended).toBe(false);
    expect(trickle.body.length).toBeLessThan(200);
    const silent = await get(urlOf(hostileFeed('tarpit-silent')), {}, 1500);
    expect(silent.status).toBe(0);
    const pages = hostileFeed('tarpit-pages');
    const feed = await get(urlOf(pages));
    const item = parseFeed(feed.body.toString('utf8'), urlOf(pages)).items[0]!;
    expect(item.summaryOnly).toBe(true);
    expect((await get(item.url!, {}, 1500)).status).toBe(0);
  });

  it('has feeds far beyond the 20 MiB cap, declared or streamed', async () => {
    const declared = await get(urlOf(hostileFeed('huge-declared')));
    expect(Number(declared.headers['content-length'])).toBeGreaterThan(100 * 2 ** 20);
    const streamed = await get(urlOf(hostileFeed('huge-streamed')));
    expect(streamed.headers['content-length']).toBeUndefined();
    expect(streamed.ended).toBe(false);
    expect(streamed.body.length).toBeGreaterThan(3 * 2 ** 20);
  });

  it('has malformed XML vigie refuses: cut short, and an entity bomb', async () => {
    for (const kind of ['truncated-xml', 'entity-bomb'] as const) {
      const feed = hostileFeed(kind);
      const answer = await get(urlOf(feed));
      expect(answer.status).toBe(200);
      expect(() => parseFeed(answer.body.toString('utf8'), urlOf(feed))).toThrow();
    }
  });

  it('has a redirect loop and charsets that lie', async () => {
    const loop = hostileFeed('redirect-loop');
    const hop = await get(urlOf(loop));
    expect(hop.status).toBe(302);
    const back = await get(urlOf(loop, String(hop.headers['location'])));
    expect(back.headers['location']).toBe(loop.path);
    const header = await get(urlOf(hostileFeed('charset-header-lie')));
    expect(header.headers['content-type']).toContain('charset=utf-8');
    const text = iconv.decode(header.body, 'windows-1251');
    expect(text).toMatch(/[а-яА-Я]/);
    expect(header.body.toString('utf8')).not.toMatch(/[а-яА-Я]/);
    const xml = await get(urlOf(hostileFeed('charset-xml-lie')));
    expect(xml.body.toString('utf8')).toMatch(/^<\?xml version="1.0" encoding="ISO-8859-1"\?>/);
    expect(xml.body.toString('utf8')).toMatch(/[éèàç]/);
  });

  it('logs every response when it closes, with the client and the time held', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const log = readRequestLog(logFile);
    const pages = log.filter((e) => e.kind === 'page' && e.feed === hostileFeed('tarpit-pages').id);
    expect(pages[0]).toMatchObject({ ua: 'vigie', status: 0, complete: false });
    expect(pages[0]!.ms).toBeGreaterThanOrEqual(1000);
    expect(log.some((e) => e.kind === 'feed' && e.status === 304)).toBe(true);
  });
});
