/**
 * The soak benchmark's feed server, run as a child process (its CPU is not vigie's): one
 * listening port on 127.0.0.1 per host of the plan, the plan's feeds and article pages, the
 * hostile feeds' behaviours, and a request log (JSON lines) the checker reads afterwards.
 * Started by soak-bench.ts with an IPC channel: it sends `{ type: 'ready', ports }`, and on
 * `{ type: 'stop' }` ends every open response, flushes the log and exits.
 * Usage (from the parent): node --import tsx bench/soak/feed-server.ts <options.json>
 * @module
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Article } from './article-text.js';
import {
  articleOf,
  buildPlan,
  visibleItems,
  type FeedSpec,
  type PlanOptions,
  type PlannedItem,
} from './feed-plan.js';
import { renderFeed, renderPage } from './feed-render.js';
import { answerHostile } from './hostile-routes.js';
import { userAgentOf, type RequestLogEntry } from './request-log.js';

export interface ServerOptions {
  readonly plan: PlanOptions;
  readonly logFile: string;
}

const options = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as ServerOptions;
const plan = buildPlan(options.plan);
const log = createWriteStream(options.logFile);
const feedsByPath = new Map<string, FeedSpec>();
const pagesByPath = new Map<string, { feed: FeedSpec; item: PlannedItem }>();
for (const feed of plan.feeds) {
  feedsByPath.set(feed.path, feed);
  for (const item of feed.items) pagesByPath.set(item.path, { feed, item });
}
const articles = new Map<number, Article>();
const article = (feed: FeedSpec, item: PlannedItem): Article => {
  let a = articles.get(item.serial);
  if (!a) articles.set(item.serial, (a = articleOf(feed, item)));
  return a;
};
const stoppers = new Set<() => void>();

function handle(host: number, origin: string, req: IncomingMessage, res: ServerResponse): void {
  const started = Date.now();
  const path = (req.url ?? '/').split('?')[0]!;
  const feed = feedsByPath.get(path);
  const page = feed ? undefined : pagesByPath.get(path);
  const owner = feed ?? page?.feed;
  const entry: RequestLogEntry = {
    t: started,
    ms: 0,
    host,
    path: req.url ?? '/',
    feed: owner?.id ?? null,
    kind: feed ? 'feed' : page ? 'page' : 'other',
    ua: userAgentOf(req.headers['user-agent']),
    status: 0,
    bytes: 0,
    complete: false,
  };
  let stop: (() => void) | null = null;
  res.on('close', () => {
    if (stop) stoppers.delete(stop);
    entry.ms = Date.now() - started;
    // A response that never started (tar-pit) has no status yet.
    entry.status = res.headersSent ? res.statusCode : 0;
    entry.complete = res.writableFinished;
    log.write(`${JSON.stringify(entry)}\n`);
  });
  if (!owner || owner.host !== host) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  if (feed?.hostile) {
    answerHostile(feed.hostile, req, res, {
      feed,
      render: (encoding) => renderFeed(feed, rendered(feed, started), origin, encoding),
      sent: (bytes) => (entry.bytes += bytes),
      onStop: (end) => stoppers.add((stop = end)),
    });
    return;
  }
  if (feed) {
    const items = visibleItems(feed, started, plan.options.window);
    entry.items = items.length > 0 ? [items[items.length - 1]!.n, items[0]!.n] : null;
    const newest = items[0];
    const etag = `"${feed.id}-${newest?.serial ?? 'none'}"`;
    const lastModified = new Date(newest?.publishedMs ?? 0).toUTCString();
    if (feed.conditional && notModified(req, etag, newest?.publishedMs ?? 0)) {
      res.writeHead(304, { etag, 'last-modified': lastModified }).end();
      return;
    }
    const body = Buffer.from(renderFeed(feed, rendered(feed, started), origin));
    const type = feed.format === 'atom' ? 'application/atom+xml' : 'application/rss+xml';
    res.writeHead(200, {
      'content-type': `${type}; charset=utf-8`,
      'content-length': String(body.length),
      ...(feed.conditional ? { etag, 'last-modified': lastModified } : {}),
    });
    res.end(body);
    entry.bytes = body.length;
    return;
  }
  const { feed: pageFeed, item } = page!;
  if (item.publishedMs > started) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not yet published');
    return;
  }
  if (pageFeed.hostile === 'tarpit-pages') {
    // Hangs: the client's time-out must end it (issue 15, finding 5).
    stoppers.add((stop = () => res.destroy()));
    return;
  }
  const body = Buffer.from(renderPage(pageFeed, item, article(pageFeed, item)));
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(body.length),
  });
  res.end(body);
  entry.bytes = body.length;
}

function rendered(feed: FeedSpec, now: number) {
  return visibleItems(feed, now, plan.options.window).map((item) => ({
    item,
    article: article(feed, item),
  }));
}

/** If-None-Match wins when sent; else If-Modified-Since against the newest item (1 s grain). */
function notModified(req: IncomingMessage, etag: string, newestMs: number): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) return inm === etag;
  const ims = Date.parse(req.headers['if-modified-since'] ?? '');
  return Number.isFinite(ims) && Math.floor(newestMs / 1000) * 1000 <= ims;
}

async function listen(host: number): Promise<{ server: Server; port: number }> {
  let origin = '';
  const server = createServer((req, res) => handle(host, origin, req, res));
  // Tar-pits must be ended by the client, not by Node's own request time-out.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return { server, port };
}

const servers = await Promise.all(Array.from({ length: plan.hosts }, (_, host) => listen(host)));
process.send?.({ type: 'ready', ports: servers.map((s) => s.port) });
process.on('message', (message: { type?: string }) => {
  if (message.type !== 'stop') return;
  for (const stop of stoppers) stop();
  for (const { server } of servers) {
    server.closeAllConnections();
    server.close();
  }
  // Let the close handlers log their entries before the log ends.
  setTimeout(() => log.end(() => process.send?.({ type: 'stopped' }, () => process.exit(0))), 200);
});
