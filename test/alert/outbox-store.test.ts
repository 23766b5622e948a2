/** The outbox over both backends: same-transaction writes, suppression, crash safety, concurrent deliverers. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DeliverableAlert, Notifier } from '../../src/alert/alert-firing.js';
import { acknowledgeAlert, listAlerts } from '../../src/alert/alert-queries.js';
import { claimDue, deliverDue } from '../../src/alert/deliver-due.js';
import { recordFirings } from '../../src/alert/outbox.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { createPostgresDatabase, testBackends } from '../support/test-stores.js';
import { makeFiring } from './alert-fixtures.js';

const backends = await testBackends();
const T0 = new Date('2026-01-01T00:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

/** A notifier that records what it receives, after a short pause (so deliverers overlap). */
function recordingNotifier(id: string, pauseMs = 0) {
  const received: { alertId: string; key: string }[] = [];
  const notifier: Notifier = {
    id,
    async send(alert: DeliverableAlert, key: string) {
      if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
      received.push({ alertId: alert.id, key });
    },
  };
  return { notifier, received };
}

const tmp = mkdtempSync(join(tmpdir(), 'vigie-outbox-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Opens a store, and a function that opens it again (a restart) at the same location. */
async function reopenable(
  name: 'sqlite' | 'postgres',
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (name === 'sqlite')
    return { url: join(tmp, `restart-${Date.now()}.db`), drop: async () => undefined };
  return createPostgresDatabase();
}

describe.each(backends)('outbox on $name', (backend) => {
  const withStore = async (fn: (store: Store) => Promise<void>) => {
    const store = await backend.open();
    try {
      await fn(store);
    } finally {
      await store.close();
    }
  };

  it.skipIf(backend.skipReason !== null)(
    "writes alerts in the caller's transaction: a rollback leaves nothing",
    () =>
      withStore(async (store) => {
        await store.db
          .transaction()
          .execute(async (trx) => {
            await recordFirings(trx, [makeFiring(1)], { 'first-arms': ['hook'] }, { now: T0 });
            throw new Error('the cause failed to commit');
          })
          .catch(() => undefined);
        expect(await store.db.selectFrom('alerts').select('id').execute()).toEqual([]);
        expect(await store.db.selectFrom('outbox').select('id').execute()).toEqual([]);

        const result = await store.db
          .transaction()
          .execute((trx) =>
            recordFirings(trx, [makeFiring(1)], { 'first-arms': ['hook', 'mail'] }, { now: T0 }),
          );
        expect(result.recorded).toHaveLength(1);
        expect(result.recorded[0]!.notifiers).toEqual(['hook', 'mail']);
        const outbox = await store.db.selectFrom('outbox').selectAll().orderBy('id').execute();
        expect(outbox.map((o) => [o.notifier, o.status, o.attempts])).toEqual([
          ['hook', 'pending', 0],
          ['mail', 'pending', 0],
        ]);
      }),
  );

  it.skipIf(backend.skipReason !== null)(
    'suppresses repeats: the same firing twice is one alert and one delivery',
    () =>
      withStore(async (store) => {
        const map = { 'first-arms': ['hook'] };
        const first = await recordFirings(store.db, [makeFiring(1)], map, { now: T0 });
        const again = await store.db
          .transaction()
          .execute((trx) =>
            recordFirings(trx, [makeFiring(1), makeFiring(2)], map, { now: minutes(1) }),
          );
        // Concurrent writers of the same cause: still no error, still one row.
        const racing = await Promise.all(
          [1, 2, 3].map(() => recordFirings(store.db, [makeFiring(3)], map, { now: T0 })),
        );
        expect(first.suppressed).toEqual([]);
        expect(again.suppressed).toEqual([makeFiring(1).dedupKey]);
        expect(again.recorded.map((r) => r.dedupKey)).toEqual([makeFiring(2).dedupKey]);
        expect(racing.flatMap((r) => r.recorded)).toHaveLength(1);
        expect(await store.db.selectFrom('alerts').select('id').execute()).toHaveLength(3);

        const { notifier, received } = recordingNotifier('hook');
        await deliverDue(store, [notifier], { now: minutes(2) });
        await deliverDue(store, [notifier], { now: minutes(3) });
        await recordFirings(store.db, [makeFiring(1)], map, { now: minutes(4) });
        await deliverDue(store, [notifier], { now: minutes(5) });
        expect(received.map((r) => r.alertId).sort()).toEqual(
          [...new Set(received.map((r) => r.alertId))].sort(),
        );
        expect(received).toHaveLength(3);
      }),
  );

  it.skipIf(backend.skipReason !== null)(
    'lists alerts with delivery status per notifier and acknowledges them',
    () =>
      withStore(async (store) => {
        const { recorded } = await recordFirings(
          store.db,
          [makeFiring(1), makeFiring(2)],
          { 'first-arms': ['hook', 'gone'] },
          { now: T0 },
        );
        const { notifier } = recordingNotifier('hook');
        await deliverDue(store, [notifier], { now: T0 });
        const alerts = await listAlerts(store.db, { since: '2025-12-31' });
        expect(alerts).toHaveLength(2);
        expect(alerts[0]!.deliveries.map((d) => [d.notifier, d.status])).toEqual([
          ['gone', 'pending'],
          ['hook', 'delivered'],
        ]);
        expect(await listAlerts(store.db, { since: '2026-01-02' })).toEqual([]);
        const id = recorded[0]!.alertId;
        const ack = await acknowledgeAlert(store.db, id, { by: 'ana', now: minutes(9) });
        expect(ack).toEqual({ acknowledgedAt: minutes(9).toISOString(), acknowledgedBy: 'ana' });
        expect(await acknowledgeAlert(store.db, id, { by: 'bob' })).toEqual(ack);
        expect((await listAlerts(store.db, { unacknowledged: true })).map((a) => a.id)).toEqual([
          recorded[1]!.alertId,
        ]);
        await expect(acknowledgeAlert(store.db, 'al_nope', { by: 'ana' })).rejects.toThrow(
          'no alert with id "al_nope"',
        );
      }),
  );

  it.skipIf(backend.skipReason !== null)(
    'delivers a row that was claimed but not delivered before a crash, after restart',
    async () => {
      const location = await reopenable(backend.name);
      try {
        const before = await openStore({ url: location.url });
        await recordFirings(before.db, [makeFiring(1)], { 'first-arms': ['hook'] }, { now: T0 });
        const { rows } = await claimDue(before, ['hook'], { now: T0, leaseMs: 60_000 });
        expect(rows).toHaveLength(1);
        await before.close(); // the process dies here: claimed, never sent

        const after = await openStore({ url: location.url });
        try {
          const { notifier, received } = recordingNotifier('hook');
          // Inside the lease the row is still held by the dead deliverer.
          expect(
            await deliverDue(after, [notifier], { now: new Date(T0.getTime() + 30_000) }),
          ).toMatchObject({ claimed: 0 });
          const report = await deliverDue(after, [notifier], {
            now: new Date(T0.getTime() + 61_000),
          });
          expect(report).toMatchObject({ claimed: 1, delivered: 1 });
          expect(received).toHaveLength(1);
          const row = await after.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
          expect(row).toMatchObject({ status: 'delivered', attempts: 2, claim_token: null });
        } finally {
          await after.close();
        }
      } finally {
        await location.drop();
      }
    },
  );

  it.skipIf(backend.skipReason !== null)(
    'a deliverer whose lease expired does not overwrite the new holder',
    () =>
      withStore(async (store) => {
        await recordFirings(store.db, [makeFiring(1)], { 'first-arms': ['hook'] }, { now: T0 });
        let release!: () => void;
        const slow: Notifier = { id: 'hook', send: () => new Promise<void>((r) => (release = r)) };
        const stale = deliverDue(store, [slow], { now: T0, leaseMs: 1000 });
        await new Promise((r) => setTimeout(r, 100));
        const failing: Notifier = {
          id: 'hook',
          send: async () => Promise.reject(new Error('down')),
        };
        await deliverDue(store, [failing], { now: minutes(1), leaseMs: 1000 });
        release();
        expect(await stale).toMatchObject({ delivered: 1 });
        const row = await store.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
        // The second attempt's outcome stands; the stale success did not mark the row delivered.
        expect(row).toMatchObject({ status: 'pending', attempts: 2, last_error: 'down' });
      }),
  );

  it.skipIf(backend.skipReason !== null)(
    'two concurrent deliverers deliver each alert exactly once',
    async () => {
      const location = await reopenable(backend.name);
      const a = await openStore({ url: location.url, poolSize: 4 });
      const b =
        backend.name === 'postgres' ? await openStore({ url: location.url, poolSize: 4 }) : a;
      try {
        const firings = Array.from({ length: 40 }, (_, i) => makeFiring(i));
        await recordFirings(a.db, firings, { 'first-arms': ['hook'] }, { now: T0 });
        const one = recordingNotifier('hook', 5);
        const two = recordingNotifier('hook', 5);
        const drain = async (store: Store, notifier: Notifier) => {
          let claimed = 0;
          for (;;) {
            const report = await deliverDue(store, [notifier], {
              now: T0,
              batch: 5,
              concurrency: 2,
            });
            if (report.claimed === 0) return claimed;
            claimed += report.claimed;
          }
        };
        const [claimedOne, claimedTwo] = await Promise.all([
          drain(a, one.notifier),
          drain(b, two.notifier),
        ]);
        const all = [...one.received, ...two.received].map((r) => r.alertId);
        expect(all).toHaveLength(40);
        expect(new Set(all).size).toBe(40);
        expect(claimedOne + claimedTwo).toBe(40);
        expect(claimedOne).toBeGreaterThan(0);
        expect(claimedTwo).toBeGreaterThan(0);
        const statuses = await a.db.selectFrom('outbox').select(['status', 'attempts']).execute();
        expect(statuses.every((s) => s.status === 'delivered' && s.attempts === 1)).toBe(true);
      } finally {
        if (b !== a) await b.close();
        await a.close();
        await location.drop();
      }
    },
  );
});
