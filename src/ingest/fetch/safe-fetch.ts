/**
 * Guarded HTTP(S) GET: only http/https; the resolved address is checked in the socket's own
 * lookup (no DNS rebinding), IP literals before connecting; redirects followed by hand with each
 * hop re-checked and bounded; body streamed with a size cap; connect and total time-outs;
 * content-type checks; conditional GET (ETag / Last-Modified → 304). A GET whose pooled keep-alive
 * connection was closed under it before any answer is sent again, once, on a fresh connection
 * (closed-connection.ts); never after a time-out or an abort, nor once the answer has begun.
 * @module
 */
import { isIP } from 'node:net';
import { Agent, request, type Dispatcher } from 'undici';
import { NetworkTimer } from '../../domain/network-timer.js';
import { createAddressPolicy, type AddressPolicy } from './address-policy.js';
import { isClosedConnection } from './closed-connection.js';
import { createGuardedLookup, systemResolver, type Resolver } from './guarded-lookup.js';
import { FetchFailedError, FetchRefusedError, findVigieError } from './fetch-error.js';
import { HostLimiter } from './host-limiter.js';

export interface FetchPolicy {
  readonly timeoutMs: number;
  readonly connectTimeoutMs?: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly userAgent: string;
  readonly allowPrivate: readonly string[];
  readonly perHostConcurrency?: number;
  readonly perHostDelayMs?: number;
}

export interface FetchRequest {
  readonly url: string;
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  /** Acceptable media types (`text/html`, `application/rss+xml`…); any when absent. */
  readonly accept?: readonly string[];
  /**
   * Ends the request early (a source's time budget), waiting for a host slot included; the fetch
   * rejects with the signal's reason when that is a VigieError.
   */
  readonly signal?: AbortSignal;
}

export interface FetchResponse {
  /** The URL after redirects. */
  readonly url: string;
  readonly status: number;
  readonly notModified: boolean;
  readonly contentType: string | null;
  readonly body: Uint8Array;
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export interface SafeFetcherOptions {
  /** Name resolution (tests map names to any address; the policy still applies). */
  readonly resolver?: Resolver;
  /** This host's own addresses, all refused (default: read from `os.networkInterfaces()`). */
  readonly hostAddresses?: () => readonly string[];
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export class SafeFetcher {
  readonly #policy: AddressPolicy;
  readonly #agent: Agent;
  /** Connections used once, for the retry after the keep-alive race (pipelining 0: no reuse). */
  readonly #fresh: Agent;
  readonly #limiter: HostLimiter;

  constructor(
    private readonly config: FetchPolicy,
    options: SafeFetcherOptions = {},
  ) {
    this.#policy = createAddressPolicy(
      config.allowPrivate,
      options.hostAddresses ? { hostAddresses: options.hostAddresses } : {},
    );
    const lookup = createGuardedLookup(this.#policy, options.resolver ?? systemResolver);
    const agentOptions = {
      connect: { lookup, timeout: config.connectTimeoutMs ?? Math.min(config.timeoutMs, 10_000) },
      headersTimeout: config.timeoutMs,
      bodyTimeout: config.timeoutMs,
    };
    this.#agent = new Agent(agentOptions);
    this.#fresh = new Agent({ ...agentOptions, pipelining: 0 });
    this.#limiter = new HostLimiter({
      concurrency: config.perHostConcurrency ?? 2,
      minDelayMs: config.perHostDelayMs ?? 0,
    });
  }

  /**
   * Fetches a URL under the policy.
   * @example const res = await fetcher.fetch({ url, etag }); if (!res.notModified) parse(res.body);
   */
  async fetch(req: FetchRequest): Promise<FetchResponse> {
    // Counts network time only: not the wait for a host slot, not a loop busy with CPU work.
    const timer = new NetworkTimer(this.config.timeoutMs);
    const signal = req.signal ? AbortSignal.any([timer.signal, req.signal]) : timer.signal;
    const seen = new Set<string>();
    let url = this.#checkUrl(req.url, req.url);
    try {
      for (let hop = 0; ; hop++) {
        seen.add(url.href);
        const conditional = hop === 0 ? req : {};
        // The host's slot is held until the body is read: a server that trickles its body
        // must not let more requests in than the per-host limit.
        const hopUrl = url;
        const answer = await this.#limiter.run(
          hopUrl.host,
          async (): Promise<{ redirect: string | null; status: number } | FetchResponse> => {
            timer.start();
            try {
              const res = await this.#send(hopUrl, conditional, signal);
              if (!REDIRECTS.has(res.statusCode))
                return await this.#finish(hopUrl, res, req, signal);
              await res.body.dump().catch(() => undefined);
              return { redirect: header(res.headers, 'location'), status: res.statusCode };
            } finally {
              timer.stop();
            }
          },
          signal,
        );
        if (!('redirect' in answer)) return answer;
        if (!answer.redirect)
          throw new FetchFailedError(`HTTP ${answer.status} without Location`, {
            where: url.href,
            status: answer.status,
          });
        const next = this.#checkUrl(new URL(answer.redirect, url).href, req.url);
        if (seen.has(next.href))
          throw new FetchFailedError(`redirect loop: ${next.href} was already visited`, {
            where: req.url,
          });
        if (hop + 1 > this.config.maxRedirects) {
          throw new FetchFailedError(`more than ${this.config.maxRedirects} redirects`, {
            where: req.url,
          });
        }
        url = next;
      }
    } catch (error) {
      const reason: unknown = req.signal?.aborted ? req.signal.reason : undefined;
      if (reason instanceof Error && findVigieError(reason)) throw reason;
      throw this.#wrap(error, url.href, timer.timedOut);
    } finally {
      timer.clear();
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.#agent.close(), this.#fresh.close()]);
  }

  #checkUrl(raw: string, where: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new FetchRefusedError(`not a valid URL: ${raw}`, where);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new FetchRefusedError(`only http and https are fetched, not ${url.protocol}`, where);
    }
    if (url.username || url.password)
      throw new FetchRefusedError('URLs with credentials are refused', where);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // IP literals skip the socket lookup: check them here, before any connection.
    if (isIP(host) !== 0) {
      const refusal = this.#policy.refusal(host, host);
      if (refusal) throw new FetchRefusedError(refusal, where);
    }
    return url;
  }

  /**
   * One GET; again on a fresh connection when the pooled one was closed under it. `request`
   * settles when the status line and headers are in, so a rejection means no answer began.
   */
  async #send(
    url: URL,
    req: Pick<FetchRequest, 'etag' | 'lastModified'>,
    signal: AbortSignal,
  ): Promise<Dispatcher.ResponseData> {
    try {
      return await this.#request(url, req, signal, this.#agent);
    } catch (error) {
      // A time-out or an abort (signal) is never retried, nor any other failure.
      if (signal.aborted || !isClosedConnection(error)) throw error;
      return this.#request(url, req, signal, this.#fresh);
    }
  }

  #request(
    url: URL,
    req: Pick<FetchRequest, 'etag' | 'lastModified'>,
    signal: AbortSignal,
    dispatcher: Agent,
  ): Promise<Dispatcher.ResponseData> {
    const headers: Record<string, string> = {
      'user-agent': this.config.userAgent,
      accept:
        'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.9, */*;q=0.5',
      'accept-encoding': 'identity',
    };
    if (req.etag) headers['if-none-match'] = req.etag;
    if (req.lastModified) headers['if-modified-since'] = req.lastModified;
    return request(url, { method: 'GET', headers, signal, dispatcher });
  }

  async #finish(
    url: URL,
    res: Dispatcher.ResponseData,
    req: FetchRequest,
    signal: AbortSignal,
  ): Promise<FetchResponse> {
    const contentType = header(res.headers, 'content-type');
    const base = {
      url: url.href,
      status: res.statusCode,
      contentType,
      etag: header(res.headers, 'etag'),
      lastModified: header(res.headers, 'last-modified'),
    };
    if (res.statusCode === 304) {
      await res.body.dump().catch(() => undefined);
      return { ...base, notModified: true, body: new Uint8Array(0) };
    }
    if (res.statusCode < 200 || res.statusCode >= 300) {
      await res.body.dump().catch(() => undefined);
      throw new FetchFailedError(`HTTP ${res.statusCode}`, {
        where: url.href,
        status: res.statusCode,
      });
    }
    if (req.accept && contentType && !acceptable(contentType, req.accept)) {
      discard(res.body);
      throw new FetchFailedError(
        `unexpected content type ${contentType} (expected ${req.accept.join(', ')})`,
        { where: url.href, status: res.statusCode },
      );
    }
    const declared = Number(header(res.headers, 'content-length') ?? NaN);
    if (declared > this.config.maxBytes) {
      discard(res.body);
      throw new FetchFailedError(
        `response of ${declared} bytes exceeds the ${this.config.maxBytes}-byte cap`,
        { where: url.href, status: res.statusCode },
      );
    }
    const body = await readCapped(res.body, this.config.maxBytes, url.href, signal);
    return { ...base, notModified: false, body };
  }

  #wrap(error: unknown, where: string, timedOut: boolean): Error {
    const known = findVigieError(error);
    if (known) return known;
    if (timedOut)
      return new FetchFailedError(`timed out after ${this.config.timeoutMs} ms`, {
        where,
        cause: error,
      });
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    return new FetchFailedError(`cannot fetch: ${code ? `${code} ` : ''}${message}`, {
      where,
      cause: error,
    });
  }
}

async function readCapped(
  body: Dispatcher.ResponseData['body'],
  maxBytes: number,
  where: string,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      discard(body);
      throw new FetchFailedError(`response exceeds the ${maxBytes}-byte cap (stopped reading)`, {
        where,
      });
    }
    chunks.push(chunk);
    // A partial body is never returned as a whole one.
    signal.throwIfAborted();
  }
  return Buffer.concat(chunks, total);
}

function header(headers: Dispatcher.ResponseData['headers'], name: string): string | null {
  const value = headers[name];
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

function acceptable(contentType: string, accept: readonly string[]): boolean {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return accept.some((a) => (a.endsWith('/*') ? type.startsWith(a.slice(0, -1)) : type === a));
}

/** Stops reading a body; the abort error it emits is expected, not a crash. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}
