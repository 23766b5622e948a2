/** End to end: outbox → webhook notifier → a real HTTP receiver on 127.0.0.1. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverDue } from '../../src/alert/deliver-due.js';
import { outboxIdFor, recordFirings } from '../../src/alert/outbox.js';
import { createWebhookNotifier, type WebhookBody } from '../../src/alert/webhook-notifier.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import {
  makeFiring,
  startHttpReceiver,
  type HttpReceiver,
  type ReceivedRequest,
} from './alert-fixtures.js';

const SECRET = 'correct horse battery staple';
const T0 = new Date('2026-01-01T00:00:00.000Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** What a receiver does: recompute the HMAC over the raw body, compare in constant time. */
function signatureValid(request: ReceivedRequest): boolean {
  const header = String(request.headers['x-vigie-signature'] ?? '');
  const expected = `sha256=${createHmac('sha256', SECRET).update(request.body).digest('hex')}`;
  return (
    header.length === expected.length && timingSafeEqual(Buffer.from(header), Buffer.from(expected))
  );
}

describe('webhook delivery', () => {
  let store: Store;
  let receiver: HttpReceiver | undefined;

  beforeEach(async () => {
    store = await openStore({ url: ':memory:' });
  });
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
    await store.close();
  });

  const record = (notifier = 'hook') =>
    recordFirings(store.db, [makeFiring(1)], { 'first-arms': [notifier] }, { now: T0 });
  const outboxRow = () => store.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();

  it('posts a signed JSON body the receiver can verify', async () => {
    receiver = await startHttpReceiver((req, _i, res) => {
      res.statusCode = signatureValid(req) ? 204 : 401;
      res.end();
    });
    const { recorded } = await record();
    const notifier = createWebhookNotifier({ id: 'hook', url: receiver.url, secret: SECRET });
    const report = await deliverDue(store, [notifier], { now: T0 });
    expect(report).toMatchObject({ claimed: 1, delivered: 1, retried: 0, failed: 0 });

    const [request] = receiver.requests;
    expect(signatureValid(request!)).toBe(true);
    const body = JSON.parse(request!.body.toString('utf8')) as WebhookBody;
    const key = outboxIdFor(recorded[0]!.alertId, 'hook');
    expect(request!.headers['idempotency-key']).toBe(key);
    expect(request!.headers['x-vigie-timestamp']).toMatch(/^\d{10}$/);
    expect(request!.headers['content-type']).toContain('application/json');
    expect(body.idempotencyKey).toBe(key);
    expect(body.alert).toMatchObject({
      id: recorded[0]!.alertId,
      ruleId: 'first-arms',
      kind: 'first-event',
    });
    expect(body.alert.payload.eventIds).toEqual(['evt-1']);
    expect(await outboxRow()).toMatchObject({ status: 'delivered', attempts: 1, last_error: null });

    // A tampered body fails verification.
    const tampered = {
      ...request!,
      body: Buffer.from(request!.body.toString().replace('RUS', 'USA')),
    };
    expect(signatureValid(tampered)).toBe(false);
  });

  it('retries a receiver that fails twice, then delivers once with the same idempotency key', async () => {
    receiver = await startHttpReceiver((_req, index, res) => {
      res.statusCode = index < 2 ? 503 : 200;
      res.end(index < 2 ? 'warming up' : 'ok');
    });
    await record();
    const notifier = createWebhookNotifier({ id: 'hook', url: receiver.url, secret: SECRET });
    const backoff = { baseMs: 1000, random: () => 0.5 };

    const first = await deliverDue(store, [notifier], { now: T0, backoff });
    expect(first).toMatchObject({ claimed: 1, delivered: 0, retried: 1 });
    let row = await outboxRow();
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.last_error).toContain('503');
    // Back-off with jitter: 1000 ms · 2^0 with half-jitter at 0.5 → 750 ms after T0.
    expect(row.next_attempt_at).toBe(new Date(T0.getTime() + 750).toISOString());

    // Not due yet: nothing is sent.
    expect(await deliverDue(store, [notifier], { now: T0, backoff })).toMatchObject({ claimed: 0 });

    await deliverDue(store, [notifier], { now: later(1), backoff });
    row = await outboxRow();
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row.next_attempt_at).toBe(new Date(later(1).getTime() + 1500).toISOString());

    const third = await deliverDue(store, [notifier], { now: later(2), backoff });
    expect(third).toMatchObject({ delivered: 1 });
    expect(await outboxRow()).toMatchObject({ status: 'delivered', attempts: 3 });

    expect(receiver.requests).toHaveLength(3);
    const keys = new Set(receiver.requests.map((r) => r.headers['idempotency-key']));
    expect(keys.size).toBe(1);
    expect(receiver.requests.every(signatureValid)).toBe(true);
    // Later passes send nothing more.
    expect(await deliverDue(store, [notifier], { now: later(60) })).toMatchObject({ claimed: 0 });
    expect(receiver.requests).toHaveLength(3);
  });

  it('marks a permanent 4xx failed at once and keeps the row; --retry-failed re-queues it', async () => {
    let accept = false;
    receiver = await startHttpReceiver((_req, _i, res) => {
      res.statusCode = accept ? 200 : 404;
      res.end();
    });
    await record();
    const notifier = createWebhookNotifier({ id: 'hook', url: receiver.url });
    const report = await deliverDue(store, [notifier], { now: T0 });
    expect(report).toMatchObject({ failed: 1, retried: 0 });
    expect(report.failures[0]).toMatchObject({ final: true });
    expect(await outboxRow()).toMatchObject({ status: 'failed', attempts: 1 });

    const { retryFailed } = await import('../../src/alert/outbox.js');
    expect(await retryFailed(store.db, { now: later(5) })).toBe(1);
    accept = true;
    expect(await deliverDue(store, [notifier], { now: later(5) })).toMatchObject({ delivered: 1 });
    expect(await outboxRow()).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('retries 429 and 408, honours Retry-After, and gives up after maxAttempts', async () => {
    receiver = await startHttpReceiver((_req, index, res) => {
      res.statusCode = index === 0 ? 429 : 408;
      if (index === 0) res.setHeader('retry-after', '120');
      res.end();
    });
    await record();
    const notifier = createWebhookNotifier({ id: 'hook', url: receiver.url });
    await deliverDue(store, [notifier], { now: T0, maxAttempts: 2, backoff: { baseMs: 10 } });
    const row = await outboxRow();
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.next_attempt_at).toBe(later(2).toISOString());
    const second = await deliverDue(store, [notifier], { now: later(3), maxAttempts: 2 });
    expect(second).toMatchObject({ failed: 1 });
    expect(await outboxRow()).toMatchObject({ status: 'failed', attempts: 2 });
    expect((await outboxRow()).last_error).toContain('408');
  });

  it('does not follow redirects, and a receiver that is down or silent is retried', async () => {
    receiver = await startHttpReceiver((req, index, res) => {
      if (index === 0) {
        res.statusCode = 302;
        res.setHeader('location', 'http://127.0.0.1:1/elsewhere');
        res.end();
      }
      // Later requests get no answer: the notifier times out.
      void req;
    });
    await record();
    const notifier = createWebhookNotifier({ id: 'hook', url: receiver.url, timeoutMs: 300 });
    const first = await deliverDue(store, [notifier], { now: T0 });
    expect(first.failures[0]!.error).toContain('not followed');
    expect(receiver.requests).toHaveLength(1);

    const second = await deliverDue(store, [notifier], { now: later(10) });
    expect(second).toMatchObject({ retried: 1 });
    expect(second.failures[0]!.error).toContain('no answer within 300 ms');

    await receiver.close();
    const down = createWebhookNotifier({ id: 'hook', url: receiver.url, timeoutMs: 300 });
    receiver = undefined;
    const third = await deliverDue(store, [down], { now: later(30) });
    expect(third).toMatchObject({ retried: 1 });
    expect(await outboxRow()).toMatchObject({ status: 'pending', attempts: 3 });
  });
});
