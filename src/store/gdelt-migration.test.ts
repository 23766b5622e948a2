import { sql } from 'kysely';
import { partlyMigratedStore } from '../../test/support/partly-migrated-store.js';
import { describe, expect, it } from 'vitest';
import { testBackends } from '../../test/support/test-stores.js';
import { listGdeltEvents } from './gdelt-repo.js';
import { migrateStore, type Store } from './open-store.js';

const backends = await testBackends();

/** A store migrated up to, not including, 0013; `close` drops it. */
function storeBefore0013(name: 'sqlite' | 'postgres'): Promise<Store> {
  return partlyMigratedStore(name, (m) => m !== '0013-gdelt-lean-rows');
}

/** Rows as migration 0012 stored them (29 columns). */
const OLD_ROWS = [
  {
    id: '1001',
    version: 2,
    day: '2024-11-01',
    date_added: '2024-11-01T12:00:00Z',
    event_code: '163',
    event_base_code: '163',
    event_root_code: '16',
    type: 'SANCTION',
    modality: 'ASSERTED',
    capabilities: '',
    actor1_code: 'USAGOV',
    actor1_name: 'UNITED STATES',
    actor1_country: 'USA',
    actor2_code: 'PRKGOV',
    actor2_name: 'NORTH KOREA',
    actor2_country: 'PRK',
    source_actor: 'USA',
    target_actor: 'PRK',
    is_root_event: 1,
    quad_class: 4,
    goldstein: -8,
    num_mentions: 10,
    num_sources: 2,
    num_articles: 9,
    avg_tone: -3.5,
    action_country: 'KN',
    action_place: 'Pyongyang, North Korea',
    source_url: 'https://news.example/1001',
    imported_at: '2025-01-01T00:00:00.000Z',
  },
  {
    id: '3003',
    version: 1,
    day: '2013-04-02',
    date_added: '2013-04-02',
    event_code: '072',
    event_base_code: '072',
    event_root_code: '07',
    type: 'ARMS_TRANSFER',
    modality: 'ASSERTED',
    capabilities: '|CONVENTIONAL|',
    actor1_code: null,
    actor1_name: null,
    actor1_country: null,
    actor2_code: null,
    actor2_name: null,
    actor2_country: 'IRN',
    source_actor: null,
    target_actor: 'IRN',
    is_root_event: 0,
    quad_class: null,
    goldstein: 7.4,
    num_mentions: null,
    num_sources: 1,
    num_articles: 4,
    avg_tone: 2.25,
    action_country: 'IR',
    action_place: null,
    source_url: null,
    imported_at: '2025-01-01T00:00:00.000Z',
  },
];

describe.each(backends)('migration 0013 (gdelt lean rows) on $name', (backend) => {
  it.skipIf(backend.skipReason !== null)('keeps every 0012 row and what it held', async () => {
    const store = await storeBefore0013(backend.name);
    try {
      for (const row of OLD_ROWS) {
        const columns = Object.keys(row);
        await sql`INSERT INTO gdelt_events (${sql.join(columns.map((c) => sql.ref(c)))})
          VALUES (${sql.join(Object.values(row))})`.execute(store.db);
      }
      await migrateStore(store);
      const rows = await listGdeltEvents(store.db);
      expect(rows).toEqual([OLD_ROWS[1], OLD_ROWS[0]]);
      const ids = await store.db.selectFrom('gdelt_events').select('id').execute();
      expect(ids.map((r) => r.id).sort()).toEqual(['1001', '3003']);
    } finally {
      await store.close();
    }
  });
});
