/**
 * Finding 12 of the hardening review: two `fetch-source` jobs for one source ran at once. The
 * waiting-job index (migration 0060) covered `pending` and `failed` only, so a twin enqueued
 * while a job ran was claimed beside it. Migration 0080 adds one running job per kind and key;
 * the claim passes over a key whose twin runs. Both backends.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { fetchSourceJob } from '../../src/pipeline/jobs/job-kinds.js';
import { claimJob, completeJob, enqueueJob } from '../../src/store/jobs-repo.js';
import { migrateStore, type Store } from '../../src/store/open-store.js';
import { testBackends } from '../support/test-stores.js';

const backends = await testBackends();
const T0 = new Date('2026-01-01T00:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const claim = (store: Store, now: Date, workerId = 'w1') =>
  claimJob(store, { workerId, leaseMs: 60_000, now });

/** A running row written as an older version (or a racing worker) could have left it. */
const runningRow = (id: string, lockedUntil: string) => ({
  id,
  kind: 'fetch-source',
  key: 'src_1',
  payload: '{"sourceId":"src_1"}',
  state: 'running',
  run_at: T0.toISOString(),
  attempts: 1,
  max_attempts: 5,
  locked_by: `worker-${id}`,
  locked_until: lockedUntil,
  created_at: T0.toISOString(),
});

describe.each(backends)('one running fetch per source on $name', (backend) => {
  const run = it.skipIf(backend.skipReason !== null);

  run('a twin enqueued while the source is fetched waits until the fetch ends', async () => {
    const store = await backend.open();
    try {
      const job = fetchSourceJob('src_1');
      expect(await enqueueJob(store.db, job, { now: T0 })).toBe(true);
      const first = await claim(store, T0);
      expect(first?.key).toBe('src_1');
      // A plain enqueue (or two workers racing past `unlessRunning`) leaves a waiting twin.
      expect(await enqueueJob(store.db, job, { now: at(1) })).toBe(true);
      // Another worker must not take it while the first fetch runs.
      expect(await claim(store, at(2), 'w2')).toBeNull();
      expect(await completeJob(store.db, first!, at(3))).toBe(true);
      const second = await claim(store, at(4), 'w2');
      expect(second).toMatchObject({ key: 'src_1', state: 'running' });
      expect(second!.id).not.toBe(first!.id);
    } finally {
      await store.close();
    }
  });

  run('the store refuses a second running job for one source', async () => {
    const store = await backend.open();
    try {
      await store.db
        .insertInto('jobs')
        .values(runningRow('a', at(60).toISOString()))
        .execute();
      await expect(
        store.db
          .insertInto('jobs')
          .values(runningRow('b', at(60).toISOString()))
          .execute(),
      ).rejects.toThrow(/unique|duplicate/i);
      // Other states and other keys are unaffected.
      await store.db
        .insertInto('jobs')
        .values({ ...runningRow('c', at(60).toISOString()), key: 'src_2' })
        .execute();
      await store.db
        .insertInto('jobs')
        .values({ ...runningRow('d', at(60).toISOString()), state: 'done', locked_by: null })
        .execute();
    } finally {
      await store.close();
    }
  });

  run('migrating a store that holds running twins keeps the one leased last', async () => {
    const store = await backend.open();
    try {
      // The store as it was before migration 0080, with two fetches of one source running.
      await sql`DROP INDEX IF EXISTS jobs_running_key`.execute(store.db);
      await sql`DELETE FROM vigie_migrations WHERE name = '0080-jobs-one-running'`.execute(
        store.db,
      );
      await store.db
        .insertInto('jobs')
        .values([runningRow('old', at(30).toISOString()), runningRow('new', at(90).toISOString())])
        .execute();
      expect((await migrateStore(store)).applied).toEqual(['0080-jobs-one-running']);
      const rows = await store.db
        .selectFrom('jobs')
        .select(['id', 'state', 'last_error'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        { id: 'new', state: 'running', last_error: null },
        { id: 'old', state: 'done', last_error: expect.stringMatching(/migration 0080/) },
      ]);
    } finally {
      await store.close();
    }
  });
});
