/**
 * The soak benchmark's reference: a bare poller in its own process that fetches every healthy
 * feed at its interval with undici and parses it with fast-xml-parser, four at a time like
 * `vigie run`'s default, and does nothing else. Its polling gaps and CPU time, measured in the
 * same run on the same machine, are what vigie's figures are divided by.
 * Reads `{ feeds: [{ url, intervalSeconds }] }` from the JSON file named by argv[2]; on
 * `{ type: 'stop' }` it reports `{ type: 'summary', polls, items, errors }` and exits.
 * @module
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { request } from 'undici';
import { REFERENCE_USER_AGENT } from './request-log.js';

interface ReferenceFeed {
  readonly url: string;
  readonly intervalSeconds: number;
}

const { feeds } = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as {
  feeds: ReferenceFeed[];
};
const CONCURRENCY = 4;
const parser = new XMLParser({ ignoreAttributes: false });
const totals = { polls: 0, items: 0, errors: 0 };
const due: { feed: ReferenceFeed; at: number }[] = feeds.map((feed) => ({ feed, at: Date.now() }));
let running = 0;
let stopped = false;

function countItems(doc: Record<string, unknown>): number {
  const rss = doc['rss'] as { channel?: { item?: unknown } } | undefined;
  const atom = doc['feed'] as { entry?: unknown } | undefined;
  const list = rss?.channel?.item ?? atom?.entry;
  return Array.isArray(list) ? list.length : list ? 1 : 0;
}

async function poll(feed: ReferenceFeed): Promise<void> {
  const started = Date.now();
  try {
    const res = await request(feed.url, {
      headers: { 'user-agent': REFERENCE_USER_AGENT },
      headersTimeout: 20_000,
      bodyTimeout: 20_000,
    });
    const text = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`);
    totals.items += countItems(parser.parse(text) as Record<string, unknown>);
    totals.polls += 1;
  } catch {
    totals.errors += 1;
  }
  // Next poll one interval after this one started, as vigie's scheduler does.
  due.push({ feed, at: started + feed.intervalSeconds * 1000 });
}

function pump(): void {
  if (stopped) return;
  due.sort((a, b) => a.at - b.at);
  const now = Date.now();
  while (running < CONCURRENCY && due.length > 0 && due[0]!.at <= now) {
    const { feed } = due.shift()!;
    running += 1;
    void poll(feed).finally(() => {
      running -= 1;
      pump();
    });
  }
}

const timer = setInterval(pump, 200);
pump();
process.on('message', (message: { type?: string }) => {
  if (message.type !== 'stop') return;
  stopped = true;
  clearInterval(timer);
  process.send?.({ type: 'summary', ...totals }, () => process.exit(0));
});
