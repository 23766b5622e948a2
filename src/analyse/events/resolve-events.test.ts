import { describe, expect, it } from 'vitest';
import { testBackends } from '../../../test/support/test-stores.js';
import {
  addDocuments,
  addMentions,
  snapshotEvents,
  type MentionFixture,
} from '../../../test/analyse/fixture-builders.js';
import { rebuildEvents, resolveEvents } from './resolve-events.js';
import type { Store } from '../../store/open-store.js';

const backends = await testBackends();
const NOW = '2026-01-01T00:00:00.000Z';

async function eventOf(store: Store, mentionId: string): Promise<string | null> {
  const row = await store.db
    .selectFrom('mentions')
    .select('event_id')
    .where('id', '=', mentionId)
    .executeTakeFirstOrThrow();
  return row.event_id;
}

describe.each(backends)('event resolution on $name', (backend) => {
  const run = (name: string, fn: (store: Store) => Promise<void>) =>
    it.skipIf(backend.skipReason !== null)(name, async () => {
      const store = await backend.open();
      try {
        await fn(store);
      } finally {
        await store.close();
      }
    });

  run(
    'merges one happening across languages, fills open roles, keeps other suppliers apart',
    async (store) => {
      await addDocuments(store, [
        { id: 'en1', published: '2024-06-20', lang: 'en' },
        { id: 'fr1', published: '2024-06-21', lang: 'fr' },
        { id: 'ko1', published: '2024-06-22', lang: 'ko' },
        { id: 'en2', published: '2024-06-22' },
      ]);
      const [a, b, c, d] = await addMentions(store, [
        {
          doc: 'en1',
          type: 'TECH_TRANSFER',
          source: 'RUS',
          target: 'PRK',
          capabilities: ['BALLISTIC_MISSILE'],
          date: '2024-06',
          lang: 'en',
        },
        {
          doc: 'fr1',
          type: 'TECH_TRANSFER',
          source: 'RUS',
          target: null,
          capabilities: ['BALLISTIC_MISSILE', 'SPACE'],
          lang: 'fr',
        },
        {
          doc: 'ko1',
          type: 'TECH_TRANSFER',
          source: null,
          target: 'PRK',
          capabilities: [],
          date: '2024-06-19',
          lang: 'ko',
        },
        {
          doc: 'en2',
          type: 'TECH_TRANSFER',
          source: 'CHN',
          target: 'PRK',
          capabilities: ['BALLISTIC_MISSILE'],
        },
      ]);
      const result = await resolveEvents(store, {
        documentIds: ['en1', 'fr1', 'ko1', 'en2'],
        now: NOW,
      });
      expect(result.createdEventIds).toHaveLength(2);
      const e = await eventOf(store, a!);
      expect(await eventOf(store, b!)).toBe(e);
      expect(await eventOf(store, c!)).toBe(e);
      expect(await eventOf(store, d!)).not.toBe(e);
      const row = await store.db
        .selectFrom('events')
        .selectAll()
        .where('id', '=', e!)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        source_actor: 'RUS',
        target_actor: 'PRK',
        capabilities: '|BALLISTIC_MISSILE|SPACE|',
        date: '2024-06-19',
        mention_count: 3,
      });
    },
  );

  run(
    'symmetric types match as unordered pairs; directed types only when mutual',
    async (store) => {
      await addDocuments(store, [
        { id: 'd1', published: '2024-09-13' },
        { id: 'd2', published: '2024-09-13' },
        { id: 'd3', published: '2024-09-14' },
      ]);
      const [m1, m2, t1, t2, t3] = await addMentions(store, [
        { doc: 'd1', type: 'MEETING', source: 'PRK', target: 'RUS', date: '2024-09-13' },
        { doc: 'd2', type: 'MEETING', source: 'RUS', target: 'PRK', date: '2024-09-13' },
        { doc: 'd1', type: 'ARMS_TRANSFER', source: 'RUS', target: 'PRK', start: 30 },
        { doc: 'd2', type: 'ARMS_TRANSFER', source: 'PRK', target: 'RUS', start: 30 },
        { doc: 'd3', type: 'ARMS_TRANSFER', source: 'PRK', target: 'RUS', mutual: true },
      ]);
      await resolveEvents(store, { documentIds: ['d1', 'd2', 'd3'], now: NOW });
      expect(await eventOf(store, m1!)).toBe(await eventOf(store, m2!));
      expect(await eventOf(store, t1!)).not.toBe(await eventOf(store, t2!));
      // The mutual exchange mention is compatible both ways; it joins the best (earliest) fit.
      expect([await eventOf(store, t1!), await eventOf(store, t2!)]).toContain(
        await eventOf(store, t3!),
      );
    },
  );

  run('capabilities must overlap unless one side names none', async (store) => {
    await addDocuments(store, [
      { id: 'a', published: '2024-03-01' },
      { id: 'b', published: '2024-03-02' },
      { id: 'c', published: '2024-03-03' },
    ]);
    const [space, sub, none] = await addMentions(store, [
      { doc: 'a', type: 'TECH_TRANSFER', source: 'RUS', target: 'PRK', capabilities: ['SPACE'] },
      {
        doc: 'b',
        type: 'TECH_TRANSFER',
        source: 'RUS',
        target: 'PRK',
        capabilities: ['SUBMARINE'],
      },
      { doc: 'c', type: 'TECH_TRANSFER', source: 'RUS', target: 'PRK', capabilities: [] },
    ]);
    await resolveEvents(store, { documentIds: ['a', 'b', 'c'], now: NOW });
    expect(await eventOf(store, space!)).not.toBe(await eventOf(store, sub!));
    expect(await eventOf(store, none!)).toBe(await eventOf(store, space!));
  });

  run(
    'dates: containment across precisions, a small window between days, anchors for undated',
    async (store) => {
      await addDocuments(store, [
        { id: 'p1', published: '2024-06-25' },
        { id: 'p2', published: '2024-06-26' },
        { id: 'p3', published: '2024-06-27' },
        { id: 'p4', published: '2024-06-28' },
        { id: 'u1', published: '2024-01-01' },
        { id: 'u2', published: '2024-01-12' },
      ]);
      const [day12, month, day13, day20, undated1, undated2] = await addMentions(store, [
        { doc: 'p1', type: 'MISSILE_TEST', source: 'PRK', date: '2024-06-12' },
        { doc: 'p2', type: 'MISSILE_TEST', source: 'PRK', date: '2024-06' },
        { doc: 'p3', type: 'MISSILE_TEST', source: 'PRK', date: '2024-06-13' },
        { doc: 'p4', type: 'MISSILE_TEST', source: 'PRK', date: '2024-06-20' },
        { doc: 'u1', type: 'MISSILE_TEST', source: 'PRK' },
        { doc: 'u2', type: 'MISSILE_TEST', source: 'PRK' },
      ]);
      await resolveEvents(store, { documentIds: ['p1', 'p2', 'p3', 'p4', 'u1', 'u2'], now: NOW });
      const e = await eventOf(store, day12!);
      expect(await eventOf(store, month!)).toBe(e);
      expect(await eventOf(store, day13!)).toBe(e);
      expect(await eventOf(store, day20!)).not.toBe(e);
      expect(await eventOf(store, undated1!)).not.toBe(await eventOf(store, undated2!));
    },
  );

  run('incremental resolution (batches, late documents) equals a rebuild', async (store) => {
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const docs = Array.from({ length: 60 }, (_, i) => ({
      id: `doc${String(i).padStart(3, '0')}`,
      published: `2024-05-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}T0${Math.floor(rand() * 9)}:00:00Z`,
      outlet: pick(['A', 'B', 'C', 'D']),
    }));
    await addDocuments(store, docs);
    const mentions: MentionFixture[] = [];
    for (const d of docs) {
      for (let k = 0; k < 3; k++) {
        mentions.push({
          doc: d.id,
          start: k * 40,
          type: pick(['TECH_TRANSFER', 'MEETING', 'MISSILE_TEST']),
          source: pick(['RUS', 'PRK', null]),
          target: pick(['PRK', 'RUS', null]),
          modality: pick(['ASSERTED', 'HEDGED', 'NEGATED']),
          capabilities: pick([[], ['SPACE'], ['BALLISTIC_MISSILE'], ['SPACE', 'SUBMARINE']]),
          date: pick([
            null,
            null,
            '2024-05',
            `2024-05-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
          ]),
        });
      }
    }
    await addMentions(store, mentions);
    // Batches in an order that is not publication order, so late documents force re-resolution.
    const order = [...docs].sort(() => rand() - 0.5).map((d) => d.id);
    let reresolved = 0;
    for (let i = 0; i < order.length; i += 7) {
      const r = await resolveEvents(store, { documentIds: order.slice(i, i + 7), now: NOW });
      reresolved += r.reresolvedTypes.length;
    }
    expect(reresolved).toBeGreaterThan(0);
    const incremental = await snapshotEvents(store);
    await rebuildEvents(store, { now: NOW });
    const rebuilt = await snapshotEvents(store);
    expect(Object.values(incremental.assignments).every((e) => e !== null)).toBe(true);
    expect(rebuilt).toEqual(incremental);
    expect(incremental.events.length).toBeGreaterThan(10);
    expect(incremental.events.length).toBeLessThan(mentions.length);
  });
});
