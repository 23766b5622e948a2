import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/open-store.js';
import {
  addSource,
  dueSources,
  getSource,
  listSourceErrors,
  listSources,
  recordFetchFailure,
  recordFetchSuccess,
  removeSource,
  setReliability,
  sourceIdFor,
  updateSource,
  upsertSource,
} from '../../src/store/sources-repo.js';
import { testBackends } from '../support/test-stores.js';

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason !== null)(`sources repository on ${backend.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await backend.open();
    });
    afterEach(() => store.close());

    it('adds with defaults, refuses a second source with the same URL', async () => {
      const row = await addSource(
        store.db,
        { url: 'https://wire.example/rss' },
        '2024-11-12T10:00:00Z',
      );
      expect(row).toMatchObject({
        id: sourceIdFor('https://wire.example/rss'),
        name: 'wire.example/rss',
        kind: 'feed',
        reliability: 'F',
        interval_seconds: 900,
        enabled: 1,
      });
      expect((await addSource(store.db, { url: '/data/reports' })).kind).toBe('file');
      await expect(addSource(store.db, { url: 'https://wire.example/rss' })).rejects.toMatchObject({
        code: 'VIGIE_CONFLICT',
      });
      await expect(
        addSource(store.db, { url: 'https://x.example/', reliability: 'Z' }),
      ).rejects.toMatchObject({ code: 'VIGIE_INPUT_INVALID' });
    });

    it('adds an outlet by name, without URL, and edits what analysts may edit', async () => {
      const outlet = await addSource(store.db, { name: 'Yonhap', reliability: 'b' });
      expect(outlet).toMatchObject({ name: 'Yonhap', kind: 'outlet', url: null, reliability: 'B' });
      await expect(addSource(store.db, {})).rejects.toMatchObject({ code: 'VIGIE_INPUT_INVALID' });
      const edited = await updateSource(
        store.db,
        outlet.id,
        { reliability: 'c', enabled: false },
        '2024-11-13T00:00:00Z',
      );
      expect(edited).toMatchObject({
        reliability: 'C',
        enabled: 0,
        updated_at: '2024-11-13T00:00:00Z',
      });
      expect(await updateSource(store.db, 'nope', { name: 'x' })).toBeNull();
      await expect(updateSource(store.db, outlet.id, { reliability: 'Z' })).rejects.toMatchObject({
        code: 'VIGIE_INPUT_INVALID',
      });
    });

    it('upserts declared sources but keeps grades analysts changed', async () => {
      await upsertSource(store.db, {
        url: 'https://wire.example/rss',
        name: 'Wire',
        reliability: 'B',
      });
      await setReliability(store.db, 'https://wire.example/rss', 'a');
      const again = await upsertSource(store.db, {
        url: 'https://wire.example/rss',
        name: 'Wire renamed',
        reliability: 'B',
        intervalSeconds: 60,
      });
      expect(again).toMatchObject({ name: 'Wire renamed', reliability: 'A', interval_seconds: 60 });
      expect(await listSources(store.db)).toHaveLength(1);
      await expect(setReliability(store.db, 'nope', 'A')).rejects.toMatchObject({
        code: 'VIGIE_NOT_FOUND',
      });
    });

    it('tracks due sources, success, failures and the error log; remove drops the log', async () => {
      const a = await addSource(store.db, { url: 'https://a.example/rss' });
      const b = await addSource(store.db, { url: 'https://b.example/rss' });
      await addSource(store.db, { url: 'https://c.example/rss', enabled: false });
      expect((await dueSources(store.db, '2024-11-12T10:00:00Z')).map((s) => s.id).sort()).toEqual(
        [a.id, b.id].sort(),
      );
      await recordFetchSuccess(store.db, a.id, {
        fetchedAt: '2024-11-12T10:00:00Z',
        nextFetchAt: '2024-11-12T10:15:00Z',
        etag: '"x"',
        lastModified: null,
        kind: 'page',
      });
      await recordFetchFailure(store.db, b.id, {
        at: '2024-11-12T10:00:00Z',
        nextFetchAt: '2024-11-12T10:01:00Z',
        code: 'VIGIE_FETCH_FAILED',
        message: 'HTTP 503',
      });
      await recordFetchFailure(store.db, b.id, {
        at: '2024-11-12T10:01:00Z',
        nextFetchAt: '2024-11-12T10:03:00Z',
        code: 'VIGIE_FETCH_FAILED',
        message: 'HTTP 502',
      });
      expect(await getSource(store.db, a.id)).toMatchObject({
        etag: '"x"',
        kind: 'page',
        error_count: 0,
        last_fetched_at: '2024-11-12T10:00:00Z',
      });
      expect(await getSource(store.db, b.id)).toMatchObject({
        error_count: 2,
        last_error: 'VIGIE_FETCH_FAILED: HTTP 502',
        next_fetch_at: '2024-11-12T10:03:00Z',
      });
      expect((await dueSources(store.db, '2024-11-12T10:02:00Z')).map((s) => s.id)).toEqual([]);
      expect((await dueSources(store.db, '2024-11-12T10:20:00Z')).map((s) => s.id)).toEqual([
        b.id,
        a.id,
      ]);
      expect((await listSourceErrors(store.db, { sourceId: b.id })).map((e) => e.message)).toEqual([
        'HTTP 502',
        'HTTP 503',
      ]);
      await removeSource(store.db, b.id);
      expect(await listSourceErrors(store.db)).toEqual([]);
      await expect(getSource(store.db, b.id)).rejects.toMatchObject({ code: 'VIGIE_NOT_FOUND' });
    });
  });
}
