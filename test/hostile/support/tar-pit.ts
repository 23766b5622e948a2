/**
 * A tar-pit HTTP server on loopback: paths given to `hang` are accepted and never answered,
 * paths given to `trickle` answer 200 and then send one byte every `trickleMs` for ever (each
 * byte resets a read time-out, so only a total time limit ends them). Other paths are routed to
 * handlers. It counts requests and the most it held open at once, per handler kind.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TarPit {
  readonly origin: string;
  /** Requests that reached the server, by path. */
  readonly hits: Map<string, number[]>;
  /** Requests held open now and at most, over the hanging and trickling paths together. */
  readonly held: { now: number; peak: number };
  route(path: string, handler: Handler): void;
  /** Counts a response that a routed handler holds open in `held`, until it closes. */
  hold(res: ServerResponse): void;
  hang(prefix: string): void;
  trickle(prefix: string, contentType?: string): void;
  close(): Promise<void>;
}

export async function startTarPit(trickleMs = 200): Promise<TarPit> {
  const routes = new Map<string, Handler>();
  const hangs: string[] = [];
  const trickles: { prefix: string; type: string }[] = [];
  const hits = new Map<string, number[]>();
  const held = { now: 0, peak: 0 };
  const hold = (res: ServerResponse): void => {
    held.now += 1;
    held.peak = Math.max(held.peak, held.now);
    res.once('close', () => (held.now -= 1));
  };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    hits.set(path, [...(hits.get(path) ?? []), Date.now()]);
    const handler = routes.get(path);
    if (handler) return handler(req, res);
    if (hangs.some((p) => path.startsWith(p))) return hold(res);
    const trickle = trickles.find((t) => path.startsWith(t.prefix));
    if (!trickle) return void res.writeHead(404).end();
    hold(res);
    res.writeHead(200, { 'content-type': trickle.type });
    const timer = setInterval(() => res.write(' '), trickleMs);
    res.once('close', () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    held,
    route: (path, handler) => void routes.set(path, handler),
    hold,
    hang: (prefix) => void hangs.push(prefix),
    trickle: (prefix, type = 'text/html') => void trickles.push({ prefix, type }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
