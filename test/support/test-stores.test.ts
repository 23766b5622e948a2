import { describe, expect, it } from 'vitest';
import { testBackends } from './test-stores.js';

const backends = await testBackends();

describe.each(backends)('store on $name', (backend) => {
  it.skipIf(backend.skipReason !== null)('opens, migrates and answers an empty query', async () => {
    const store = await backend.open();
    try {
      const rows = await store.db.selectFrom('documents').select('id').execute();
      expect(rows).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
