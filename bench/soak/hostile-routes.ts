/**
 * How the soak server's hostile feeds answer. Each is a way a real feed goes wrong: a tar-pit
 * that trickles bytes or never answers, item pages that hang, a body far beyond any size cap
 * (declared or streamed), XML cut short or carrying an entity bomb, a redirect loop, and a
 * charset that lies (in the header, or in the XML declaration).
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import iconv from 'iconv-lite';
import type { FeedSpec, HostileKind } from './feed-plan.js';

/** What the server needs from a request to answer it, and where it counts the bytes sent. */
export interface HostileContext {
  readonly feed: FeedSpec;
  /** The feed as a healthy server would render it now (for the kinds that distort one). */
  readonly render: (encoding?: string) => string;
  /** Adds to the bytes logged for this response. */
  readonly sent: (bytes: number) => void;
  /** Called when the server stops: ends what would otherwise run forever. */
  readonly onStop: (end: () => void) => void;
}

const RSS_TYPE = 'application/rss+xml; charset=utf-8';
const MIB = 1024 * 1024;
/** A trickling tar-pit sends one byte this often (under any idle time-out, never finishing). */
const TRICKLE_MS = 2000;
/** Bytes a huge feed offers before giving up on a client that keeps reading. */
const HUGE_BYTES = 512 * MIB;

const FILLER_ITEM = Buffer.from(
  `<item><title>Filler</title><link>http://127.0.0.1/filler</link><description>${'Lorem ipsum dolor sit amet. '.repeat(30)}</description></item>\n`,
);
const HUGE_CHUNK = Buffer.concat(
  Array.from({ length: Math.ceil(MIB / FILLER_ITEM.length) }, () => FILLER_ITEM),
);

export function answerHostile(
  kind: HostileKind,
  req: IncomingMessage,
  res: ServerResponse,
  ctx: HostileContext,
): void {
  switch (kind) {
    case 'tarpit-trickle':
      return trickle(res, ctx);
    case 'tarpit-silent':
      // Accept, read the request, never answer: the client's own time-out must end it.
      ctx.onStop(() => res.destroy());
      return;
    case 'tarpit-pages':
      // The feed itself is healthy (summary-only items); server.ts leaves its pages hanging.
      return send(res, ctx, 200, RSS_TYPE, Buffer.from(ctx.render()));
    case 'huge-declared':
      return stream(res, ctx, { 'content-type': RSS_TYPE, 'content-length': String(HUGE_BYTES) });
    case 'huge-streamed':
      return stream(res, ctx, { 'content-type': RSS_TYPE });
    case 'truncated-xml': {
      const xml = ctx.render();
      return send(res, ctx, 200, RSS_TYPE, Buffer.from(xml.slice(0, Math.floor(xml.length * 0.6))));
    }
    case 'entity-bomb':
      return send(res, ctx, 200, RSS_TYPE, Buffer.from(entityBomb(ctx.feed)));
    case 'redirect-loop': {
      // /feed → /feed?hop=1 → /feed → …
      const next = (req.url ?? '').includes('?hop=1') ? ctx.feed.path : `${ctx.feed.path}?hop=1`;
      res.writeHead(302, { location: next }).end();
      return;
    }
    case 'charset-header-lie':
      // Says UTF-8 (header and declaration), sends windows-1251.
      return send(res, ctx, 200, RSS_TYPE, iconv.encode(ctx.render(), 'windows-1251'));
    case 'charset-xml-lie':
      // No charset in the header; the declaration says ISO-8859-1; the bytes are UTF-8.
      return send(res, ctx, 200, 'application/rss+xml', Buffer.from(ctx.render('ISO-8859-1')));
  }
}

function send(
  res: ServerResponse,
  ctx: HostileContext,
  status: number,
  type: string,
  body: Buffer,
): void {
  res.writeHead(status, { 'content-type': type, 'content-length': String(body.length) });
  res.end(body);
  ctx.sent(body.length);
}

function trickle(res: ServerResponse, ctx: HostileContext): void {
  res.writeHead(200, { 'content-type': RSS_TYPE });
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>');
  res.write(head);
  ctx.sent(head.length);
  const timer = setInterval(() => {
    if (res.destroyed || res.writableEnded) return clearInterval(timer);
    res.write(' ');
    ctx.sent(1);
  }, TRICKLE_MS);
  res.on('close', () => clearInterval(timer));
  ctx.onStop(() => {
    clearInterval(timer);
    res.destroy();
  });
}

/** Megabytes of well-formed items, as fast as the client reads, until it hangs up. */
function stream(res: ServerResponse, ctx: HostileContext, headers: Record<string, string>): void {
  res.writeHead(200, headers);
  let total = 0;
  let stopped = false;
  ctx.onStop(() => {
    stopped = true;
    res.destroy();
  });
  const pump = (): void => {
    while (!stopped && !res.destroyed && total < HUGE_BYTES) {
      total += HUGE_CHUNK.length;
      ctx.sent(HUGE_CHUNK.length);
      if (!res.write(HUGE_CHUNK)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  res.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Huge</title>\n',
  );
  pump();
}

/** The "billion laughs": ten nested entities of ten references each. */
function entityBomb(feed: FeedSpec): string {
  const entities = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i += 1)
    entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE rss [\n${entities.join('\n')}\n]>\n` +
    `<rss version="2.0"><channel><title>${feed.name}</title>` +
    `<item><title>&lol9;</title><link>http://127.0.0.1/${feed.id}/bomb</link><description>&lol9;</description></item>` +
    `</channel></rss>\n`
  );
}
