import { describe, expect, it } from 'vitest';
import { testBackends } from '../../test/support/test-stores.js';
import { GDELT_COLUMNS, GDELT_WIDTH, insertGdeltValues } from './gdelt-insert.js';
import { listGdeltEvents } from './gdelt-repo.js';

const backends = await testBackends();
const STAMP = '2025-01-01T00:00:00.000Z';

/** Flat values for rows with these ids (GDELT_COLUMNS order), as the importer lays them out. */
function flat(ids: readonly string[]): unknown[] {
  const values: unknown[] = [];
  for (const id of ids) {
    const row: Record<(typeof GDELT_COLUMNS)[number], unknown> = {
      id,
      version: 2,
      day: '2024-11-01',
      event_code: '190',
      type: 'ATTACK',
      modality: 'ASSERTED',
      capabilities: null,
      source_actor: 'RUS',
      target_actor: 'UKR',
      goldstein: -10,
      num_mentions: 1,
      num_sources: 1,
      num_articles: 1,
      // GDELT 2.0 columns 5–60, all empty but SOURCEURL.
      detail: `${'\t'.repeat(55)}https://news.example/${id}`,
    };
    values.push(...GDELT_COLUMNS.map((c) => row[c]));
  }
  return values;
}

async function insert(store: Parameters<typeof insertGdeltValues>[0], ids: string[]) {
  const values = flat(ids);
  expect(values).toHaveLength(ids.length * GDELT_WIDTH);
  return insertGdeltValues(store, values, ids.length, STAMP);
}

describe.each(backends)('insertGdeltValues on $name', (backend) => {
  it.skipIf(backend.skipReason !== null)(
    'stores each id once: repeats in a batch, stored ids, ids of several lengths',
    async () => {
      const store = await backend.open();
      try {
        // 150 rows: more than one multi-row statement, and a remainder.
        const first = Array.from({ length: 150 }, (_, i) => String(5000 + i));
        expect(await insert(store, [...first, '5000', '5001'])).toEqual({
          inserted: 150,
          duplicates: 2,
        });
        // Overlaps the stored range; '998' … '10001' is a text range wider than the batch.
        expect(await insert(store, ['5100', '998', '5149', '10001', '5150'])).toEqual({
          inserted: 3,
          duplicates: 2,
        });
        expect(await insert(store, ['999', '998', '10001', '5003'])).toEqual({
          inserted: 1,
          duplicates: 3,
        });
        // A narrow overlap (the range holds about as many stored ids as the batch).
        const tail = Array.from({ length: 20 }, (_, i) => String(5140 + i));
        expect(await insert(store, tail)).toEqual({ inserted: 9, duplicates: 11 });
        const rows = await listGdeltEvents(store.db, { limit: 10_000 });
        expect(rows).toHaveLength(163);
        expect(new Set(rows.map((r) => r.id)).size).toBe(163);
        expect(rows.find((r) => r.id === '998')).toMatchObject({
          source_url: 'https://news.example/998',
          capabilities: '',
          imported_at: STAMP,
        });
      } finally {
        await store.close();
      }
    },
  );
});
