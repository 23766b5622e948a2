/**
 * Finding 10 of the hardening review: `vigie run` turned its own slowness into failures. Fetch
 * time-outs counted the time the event loop spent on other sources' CPU work, and the wait for
 * a host slot, so sources that answered at once went into back-off; webhook sends "got no
 * answer within 5000 ms" from a receiver that had answered, and were delivered twice.
 * Time-outs now count network time only. The receiving servers run in a child process, so
 * they answer while this process's loop is blocked by a fake CPU task.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookNotifier } from '../../src/alert/webhook-notifier.js';
import { SafeFetcher } from '../../src/ingest/fetch/safe-fetch.js';

/** Answers every request 100 ms after it arrives, and says so on stdout first. */
const CHILD_SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    console.log('received');
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss/>'), 100);
  });
});
server.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));
`;

interface Child {
  readonly url: string;
  next(line: string): Promise<void>;
}

let child: ChildProcess | undefined;
let local: Server | undefined;
afterEach(async () => {
  child?.kill();
  child = undefined;
  await new Promise((r) => (local ? local.close(r) : r(undefined)));
  local = undefined;
});

async function childUrl(): Promise<Child> {
  const proc = spawn(process.execPath, ['-e', CHILD_SERVER], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child = proc;
  const lines: string[] = [];
  const waiters: { prefix: string; resolve: (line: string) => void }[] = [];
  let buffered = '';
  proc.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    for (const line of parts) {
      const at = waiters.findIndex((w) => line.startsWith(w.prefix));
      if (at === -1) lines.push(line);
      else waiters.splice(at, 1)[0]!.resolve(line);
    }
  });
  const next = (prefix: string) =>
    new Promise<string>((resolve) => {
      const at = lines.findIndex((l) => l.startsWith(prefix));
      if (at !== -1) resolve(lines.splice(at, 1)[0]!);
      else waiters.push({ prefix, resolve });
    });
  const port = (await next('port ')).slice(5);
  return { url: `http://127.0.0.1:${port}`, next: async (prefix) => void (await next(prefix)) };
}

/** The fake heavy CPU task: holds the event loop, as extraction of a big batch would. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

const policy = {
  maxBytes: 1024 * 1024,
  maxRedirects: 0,
  userAgent: 'vigie-test',
  allowPrivate: ['127.0.0.1'],
  perHostDelayMs: 0,
};

describe('time-outs count the network, not the event loop', () => {
  it('does not report a prompt source as timed out while the loop was busy', async () => {
    const server = await childUrl();
    const fetcher = new SafeFetcher({ ...policy, timeoutMs: 300 });
    try {
      const answer = fetcher.fetch({ url: `${server.url}/feed.xml` });
      await server.next('received');
      busy(1000);
      const res = await answer;
      expect(res.status).toBe(200);
    } finally {
      await fetcher.close();
    }
  });

  it('does not report a prompt webhook receiver as silent while the loop was busy', async () => {
    const server = await childUrl();
    const notifier = createWebhookNotifier({
      id: 'hook',
      url: `${server.url}/hook`,
      timeoutMs: 300,
    });
    const sent = notifier.send(
      { id: 'a1' } as unknown as Parameters<typeof notifier.send>[0],
      'key-1',
    );
    await server.next('received');
    busy(1000);
    await expect(sent).resolves.toBeUndefined();
  });

  it('does not count the wait for a host slot', async () => {
    local = createServer((req, res) => {
      const delay = req.url === '/slow' ? 300 : 0;
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'), delay);
    });
    await new Promise<void>((r) => local!.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(local.address() as AddressInfo).port}`;
    const fetcher = new SafeFetcher({ ...policy, timeoutMs: 500, perHostConcurrency: 1 });
    try {
      // The third waits ~600 ms for the host's one slot, then is answered at once.
      const results = await Promise.allSettled(
        ['/slow', '/slow', '/fast'].map((path) => fetcher.fetch({ url: base + path })),
      );
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    } finally {
      await fetcher.close();
    }
  });
});
