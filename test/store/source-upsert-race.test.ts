/**
 * Two workers starting at once register the same source: the second insert met the first's row
 * and failed with "duplicate key … sources_pkey" on PostgreSQL. Both must succeed, one row kept.
 */
import { describe, expect, it } from 'vitest';
import { upsertSource } from '../../src/store/sources-repo.js';
import { testBackends } from '../support/test-stores.js';

const backends = await testBackends();

describe.each(backends)('registering one source from many connections on $name', (backend) => {
  it.skipIf(backend.skipReason !== null)('succeeds every time and keeps one row', async () => {
    const store = await backend.open();
    try {
      const input = { id: 'feed-race', kind: 'feed' as const, url: 'https://example.org/feed.xml' };
      const rows = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          upsertSource(store.db, { ...input, name: `Feed ${i}` }),
        ),
      );
      expect(new Set(rows.map((r) => r.id))).toEqual(new Set(['feed-race']));
      const stored = await store.db.selectFrom('sources').select('id').execute();
      expect(stored.map((r) => r.id)).toEqual(['feed-race']);
    } finally {
      await store.close();
    }
  });
});
