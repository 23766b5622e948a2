/** Delivery must settle every claimed row: bad payloads and notifiers that never answer. */
import { describe, expect, it } from 'vitest';
import type { Notifier } from '../../src/alert/alert-firing.js';
import { deliverDue } from '../../src/alert/deliver-due.js';
import { recordFirings } from '../../src/alert/outbox.js';
import { openStore } from '../../src/store/open-store.js';
import { makeFiring } from './alert-fixtures.js';

const T0 = new Date('2026-01-01T00:00:00.000Z');

describe('deliverDue edge cases', () => {
  it('fails a row whose alert payload is corrupt, and still delivers the others', async () => {
    const store = await openStore({ url: ':memory:' });
    try {
      const { recorded } = await recordFirings(
        store.db,
        [makeFiring(1), makeFiring(2)],
        { 'first-arms': ['hook'] },
        { now: T0 },
      );
      await store.db
        .updateTable('alerts')
        .set({ payload: '{not json' })
        .where('id', '=', recorded[0]!.alertId)
        .execute();
      const sent: string[] = [];
      const hook: Notifier = { id: 'hook', send: async (a) => void sent.push(a.id) };
      const report = await deliverDue(store, [hook], { now: T0 });
      expect(report).toMatchObject({ claimed: 2, delivered: 1, failed: 1 });
      expect(report.failures[0]!.error).toContain('payload is not JSON');
      expect(sent).toEqual([recorded[1]!.alertId]);
    } finally {
      await store.close();
    }
  });

  it('gives up waiting on a notifier that never answers when its lease ends, and retries later', async () => {
    const store = await openStore({ url: ':memory:' });
    try {
      await recordFirings(store.db, [makeFiring(1)], { 'first-arms': ['stuck'] }, { now: T0 });
      const stuck: Notifier = { id: 'stuck', send: () => new Promise<void>(() => undefined) };
      const report = await deliverDue(store, [stuck], { now: T0, leaseMs: 200 });
      expect(report).toMatchObject({ claimed: 1, retried: 1 });
      expect(report.failures[0]!.error).toContain('no result within the 200 ms lease');
      const row = await store.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    } finally {
      await store.close();
    }
  });
});
