import { describe, expect, it } from 'vitest';
import { AlertRuleConfigSchema } from '../config/schema.js';
import { openStore } from '../store/open-store.js';
import { recordAlerts } from './record-alerts.js';

describe('recordAlerts', () => {
  it("evaluates the rules and queues each firing for the rule's notifiers, once", async () => {
    const store = await openStore({ url: ':memory:' });
    try {
      const rules = [
        AlertRuleConfigSchema.parse({ id: 'spikes', kind: 'spike', notify: ['hook', 'mail'] }),
        AlertRuleConfigSchema.parse({ id: 'quiet', kind: 'spike', pValue: 0.0001 }),
      ];
      const signals = {
        hypothesisChanges: [],
        newEvents: [],
        newMentions: [],
        spikes: [
          {
            pair: ['PRK', 'RUS'] as const,
            type: null,
            day: '2024-06-19',
            count: 7,
            expected: 1,
            pValue: 0.001,
          },
        ],
      };
      const now = new Date('2026-01-01T00:00:00.000Z');
      const first = await store.db
        .transaction()
        .execute((trx) => recordAlerts(trx, rules, signals, { now }));
      expect(first.firings.map((f) => f.dedupKey)).toEqual(['spikes:spike:PRK-RUS:*:2024-06-19']);
      expect(first.recorded[0]!.notifiers).toEqual(['hook', 'mail']);
      const again = await recordAlerts(store.db, rules, signals, { now });
      expect(again.suppressed).toEqual(['spikes:spike:PRK-RUS:*:2024-06-19']);
      const outbox = await store.db
        .selectFrom('outbox')
        .select(['notifier', 'created_at'])
        .orderBy('notifier')
        .execute();
      expect(outbox).toEqual([
        { notifier: 'hook', created_at: now.toISOString() },
        { notifier: 'mail', created_at: now.toISOString() },
      ]);
    } finally {
      await store.close();
    }
  });
});
