/** The background loop `vigie run` uses: woken after a commit, delivers, stops on abort. */
import { describe, expect, it } from 'vitest';
import type { Notifier } from '../../src/alert/alert-firing.js';
import { startDeliveryLoop } from '../../src/alert/delivery-loop.js';
import { recordFirings } from '../../src/alert/outbox.js';
import { openStore } from '../../src/store/open-store.js';
import { makeFiring } from './alert-fixtures.js';

describe('startDeliveryLoop', () => {
  it('delivers new alerts when woken, keeps going past a failing notifier, and stops on abort', async () => {
    const store = await openStore({ url: ':memory:' });
    const received: string[] = [];
    let notify!: () => void;
    const arrived = new Promise<void>((resolve) => (notify = resolve));
    const good: Notifier = {
      id: 'good',
      send: async (alert) => {
        received.push(alert.id);
        if (received.length === 2) notify();
      },
    };
    const down: Notifier = {
      id: 'down',
      send: () => Promise.reject(new Error('connection refused')),
    };
    const controller = new AbortController();
    const reports: number[] = [];
    const loop = startDeliveryLoop(store, [good, down], {
      intervalMs: 60_000,
      signal: controller.signal,
      onReport: (r) => reports.push(r.delivered),
    });
    try {
      await recordFirings(store.db, [makeFiring(1), makeFiring(2)], {
        'first-arms': ['good', 'down'],
      });
      loop.wake(); // without it the loop would sleep for a minute
      await arrived;
      controller.abort();
      await loop.stopped;
      expect(received).toHaveLength(2);
      expect(reports.reduce((a, b) => a + b, 0)).toBe(2);
      const rows = await store.db
        .selectFrom('outbox')
        .select(['notifier', 'status'])
        .orderBy('id')
        .execute();
      expect(rows.filter((r) => r.notifier === 'good').every((r) => r.status === 'delivered')).toBe(
        true,
      );
      expect(rows.filter((r) => r.notifier === 'down').every((r) => r.status === 'pending')).toBe(
        true,
      );
    } finally {
      controller.abort();
      await loop.stopped;
      await store.close();
    }
  });
});
