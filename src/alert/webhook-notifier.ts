/**
 * Webhook delivery: POST the alert as JSON, signed with HMAC-SHA256 over the raw body.
 * 2xx = delivered; 4xx other than 408/429 = permanent failure; anything else (5xx, 3xx —
 * redirects are not followed —, time-outs, refused connections) is retried.
 * @module
 */
import { createHmac } from 'node:crypto';
import { request } from 'undici';
import { NetworkTimer } from '../domain/network-timer.js';
import type { DeliverableAlert, Notifier } from './alert-firing.js';
import { NotifierError } from './notifier-error.js';

export interface WebhookNotifierOptions {
  readonly id: string;
  readonly url: string;
  /** Shared secret for X-Vigie-Signature; without one the header is omitted. */
  readonly secret?: string | undefined;
  readonly timeoutMs?: number;
  /** Clock for X-Vigie-Timestamp (tests). */
  readonly now?: () => Date;
}

export const SIGNATURE_HEADER = 'x-vigie-signature';
export const TIMESTAMP_HEADER = 'x-vigie-timestamp';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** The JSON body a webhook receives. */
export interface WebhookBody {
  readonly idempotencyKey: string;
  readonly alert: DeliverableAlert;
}

/** `sha256=<hex>`: the value of X-Vigie-Signature for a raw body. */
export function signWebhookBody(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function createWebhookNotifier(options: WebhookNotifierOptions): Notifier {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? (() => new Date());
  return {
    id: options.id,
    async send(alert, idempotencyKey) {
      const body: WebhookBody = { idempotencyKey, alert };
      const raw = JSON.stringify(body);
      const headers: Record<string, string> = {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Vigie-Alerts/0.1',
        [IDEMPOTENCY_HEADER]: idempotencyKey,
        [TIMESTAMP_HEADER]: String(Math.floor(now().getTime() / 1000)),
      };
      if (options.secret) headers[SIGNATURE_HEADER] = signWebhookBody(raw, options.secret);
      let response;
      // Network time only: a loop busy with CPU work must not turn a prompt answer into a
      // time-out, and so into a duplicate delivery.
      const timer = new NetworkTimer(timeoutMs);
      timer.start();
      try {
        response = await request(options.url, {
          method: 'POST',
          headers,
          body: raw,
          signal: timer.signal,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        });
      } catch (error) {
        timer.clear();
        const reason =
          error instanceof Error && error.name === 'TimeoutError'
            ? `no answer within ${timeoutMs} ms`
            : (error as Error).message;
        throw new NotifierError(options.id, `POST ${options.url} failed: ${reason}`, {
          cause: error,
        });
      }
      const status = response.statusCode;
      const text = await readCapped(response.body, 4096).finally(() => timer.clear());
      if (status >= 200 && status < 300) return;
      const detail = `POST ${options.url} answered ${status}${text ? `: ${text.slice(0, 200)}` : ''}`;
      if (status >= 300 && status < 400) {
        const location = response.headers['location'];
        throw new NotifierError(
          options.id,
          `${detail} (redirect to ${String(location ?? '?')} not followed; fix the URL)`,
        );
      }
      const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now());
      const permanent = status >= 400 && status < 500 && status !== 408 && status !== 429;
      throw new NotifierError(options.id, detail, {
        permanent,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
    },
  };
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now. */
export function parseRetryAfter(
  value: string | string[] | undefined,
  now: Date,
): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === '') return undefined;
  if (/^\d+$/.test(text.trim())) return Number(text.trim()) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

/** The start of a response body, for error messages; a huge answer is cut off, not buffered. */
async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }, limit: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= limit) {
        body.destroy();
        break;
      }
    }
  } catch {
    // A body cut short still says what it could.
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}
