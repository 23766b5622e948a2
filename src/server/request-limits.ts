/**
 * Bounded work per request (issue #15 finding 2). Before a body is read, its size is checked
 * against the smaller of the route's ceiling and the client's role limit (413); a body sent
 * without a length is counted as it streams in. A costly route (extraction, ingest, briefs,
 * exports) runs only while its client has fewer than its role's `concurrent` requests in flight
 * (429) and the server fewer than `maxInFlight` (503). Anonymous (the demo's token-less viewer)
 * is the smallest class; clients are told apart by token, anonymous ones by address.
 * @module
 */
import { Transform, type Readable } from 'node:stream';
import type { ServerLimits } from '../config/schema.js';
import { HttpError } from './http-errors.js';
import type { Principal } from './route.js';

export type LimitClass = 'anonymous' | 'viewer' | 'analyst' | 'admin';

/** The route's method and path, for messages. */
export interface RouteName {
  readonly method: string;
  readonly url: string;
}

export class RequestLimits {
  readonly #limits: ServerLimits;
  readonly #perClient = new Map<string, number>();
  #inFlight = 0;

  constructor(limits: ServerLimits) {
    this.#limits = limits;
  }

  classOf(principal: Principal | null): LimitClass {
    return principal === null || principal.tokenId === null ? 'anonymous' : principal.role;
  }

  /** The body limit of a request: the route's ceiling or the role's limit, the smaller. */
  bodyLimit(principal: Principal | null, routeCeiling: number): number {
    return Math.min(routeCeiling, this.#limits[this.classOf(principal)].bodyBytes);
  }

  /**
   * Refuses a declared body over `limit` before reading it, and returns a stream that fails
   * with the same 413 once an undeclared (chunked) body passes it.
   */
  guardBody(
    route: RouteName,
    principal: Principal | null,
    routeCeiling: number,
    headers: Readonly<Record<string, string | string[] | undefined>>,
    payload: Readable,
  ): Readable {
    const limit = this.bodyLimit(principal, routeCeiling);
    const tooLarge = (size: string): HttpError =>
      new HttpError(
        413,
        'VIGIE_PAYLOAD_TOO_LARGE',
        `request body of ${size} is over the ${limit}-byte limit of ${route.method} ${route.url} ` +
          `for ${this.#who(principal, limit === routeCeiling, 'bodyBytes')}`,
      );
    const declared = Number(headers['content-length'] ?? NaN);
    if (declared > limit) throw tooLarge(`${declared} bytes`);
    if (headers['transfer-encoding'] === undefined) return payload;
    let received = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        if (received > limit) done(tooLarge(`more than ${limit} bytes`));
        else done(null, chunk);
      },
    });
    payload.on('error', (error) => counted.destroy(error));
    return payload.pipe(counted);
  }

  /**
   * Runs a costly request's work if its client and the server have room: 429 when this client
   * already has its role's number in flight, 503 when the server has `maxInFlight`.
   */
  async run<T>(
    route: RouteName,
    principal: Principal | null,
    address: string,
    work: () => Promise<T>,
  ): Promise<T> {
    const cls = this.classOf(principal);
    const client = principal?.tokenId ? `token:${principal.tokenId}` : `address:${address}`;
    const mine = this.#perClient.get(client) ?? 0;
    const allowed = this.#limits[cls].concurrent;
    if (mine >= allowed)
      throw new HttpError(
        429,
        'VIGIE_TOO_MANY_AT_ONCE',
        `${route.method} ${route.url}: ${this.#who(principal, false, 'concurrent')} may run ${allowed} costly ` +
          `request(s) at once; wait for an answer, then retry`,
      );
    if (this.#inFlight >= this.#limits.maxInFlight)
      throw new HttpError(
        503,
        'VIGIE_BUSY',
        `server busy: ${this.#inFlight} costly requests in flight (server.limits.maxInFlight); retry shortly`,
      );
    this.#perClient.set(client, mine + 1);
    this.#inFlight += 1;
    try {
      return await work();
    } finally {
      this.#inFlight -= 1;
      const left = (this.#perClient.get(client) ?? 1) - 1;
      if (left === 0) this.#perClient.delete(client);
      else this.#perClient.set(client, left);
    }
  }

  #who(principal: Principal | null, routeBound: boolean, setting: string): string {
    if (routeBound) return 'every role';
    const cls = this.classOf(principal);
    const client = cls === 'anonymous' ? 'an anonymous client' : `a client of the ${cls} role`;
    return `${client} (server.limits.${cls}.${setting})`;
  }
}
