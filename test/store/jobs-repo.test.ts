/** The job queue over both backends: de-duplication, exclusive claims, retries, dead letters, leases. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  claimJob,
  completeJob,
  countJobs,
  enqueueJob,
  extendLease,
  failJob,
  jobRetryDelayMs,
  pruneFinishedJobs,
  releaseExpiredLeases,
  releaseJob,
} from '../../src/store/jobs-repo.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { createPostgresDatabase, testBackends } from '../support/test-stores.js';

const backends = await testBackends();
const T0 = new Date('2026-01-01T00:00:00.000Z');
const seconds = (n: number) => new Date(T0.getTime() + n * 1000);
const LEASE = 60_000;
const claim = (store: Store, now = T0, extra: { exclusiveKinds?: string[] } = {}) =>
  claimJob(store, { workerId: 'w', leaseMs: LEASE, now, ...extra });

const tmp = mkdtempSync(join(tmpdir(), 'vigie-jobs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A database several store handles (several "processes") can open. */
async function sharedDatabase(name: 'sqlite' | 'postgres') {
  if (name === 'sqlite')
    return { url: join(tmp, `shared-${Date.now()}.db`), drop: async () => undefined };
  return createPostgresDatabase();
}

describe.each(backends)('job queue on $name', (backend) => {
  const run = it.skipIf(backend.skipReason !== null);

  run('enqueues once per kind and key while waiting, again once claimed', async () => {
    const store = await backend.open();
    try {
      expect(
        await enqueueJob(store.db, { kind: 'fetch', key: 's1', payload: { id: 1 } }, { now: T0 }),
      ).toBe(true);
      expect(await enqueueJob(store.db, { kind: 'fetch', key: 's1' }, { now: T0 })).toBe(false);
      expect(
        await enqueueJob(store.db, { kind: 'other', key: 's1', runAt: seconds(1) }, { now: T0 }),
      ).toBe(true);
      const job = await claim(store);
      expect(job).toMatchObject({ kind: 'fetch', key: 's1', state: 'running', attempts: 1 });
      expect(JSON.parse(job!.payload)).toEqual({ id: 1 });
      // Running: a plain enqueue adds a waiting twin; `unlessRunning` does not.
      expect(
        await enqueueJob(store.db, { kind: 'fetch', key: 's1' }, { now: T0, unlessRunning: true }),
      ).toBe(false);
      expect(await enqueueJob(store.db, { kind: 'fetch', key: 's1' }, { now: T0 })).toBe(true);
      // The twin waits while its sibling runs (migration 0080): the next claim takes another job.
      expect((await claim(store, seconds(2)))?.kind).toBe('other');
      expect(await completeJob(store.db, job!, seconds(3))).toBe(true);
      const twin = await claim(store, seconds(3));
      expect(twin).toMatchObject({ kind: 'fetch', key: 's1', state: 'running' });
      // Finished since the caller read its data: no new job (the work may be done already).
      await completeJob(store.db, twin!, seconds(3));
      const since = { now: T0, unlessFinishedSince: seconds(3) };
      expect(await enqueueJob(store.db, { kind: 'fetch', key: 's1' }, since)).toBe(false);
      expect(
        await enqueueJob(
          store.db,
          { kind: 'fetch', key: 's1' },
          { ...since, unlessFinishedSince: seconds(4) },
        ),
      ).toBe(true);
      expect(await countJobs(store.db)).toEqual({
        pending: 1,
        running: 1,
        failed: 0,
        dead: 0,
        done: 2,
      });
      await expect(enqueueJob(store.db, { kind: 'x', key: 'y', maxAttempts: 0 })).rejects.toThrow(
        /maxAttempts/,
      );
    } finally {
      await store.close();
    }
  });

  run(
    'claims due jobs oldest first, none before run_at, and settles only with the lease',
    async () => {
      const store = await backend.open();
      try {
        await enqueueJob(store.db, { kind: 'k', key: 'later', runAt: seconds(30) }, { now: T0 });
        await enqueueJob(store.db, { kind: 'k', key: 'now' }, { now: T0 });
        const first = await claim(store);
        expect(first?.key).toBe('now');
        expect(await claim(store)).toBeNull();
        const later = await claim(store, seconds(30));
        expect(later?.key).toBe('later');
        expect(await completeJob(store.db, first!, seconds(1))).toBe(true);
        // A stale copy (another token) changes nothing.
        expect(await completeJob(store.db, { ...later!, locked_by: 'someone-else' })).toBe(false);
        expect(await extendLease(store.db, later!, seconds(300))).toBe(true);
        expect(await countJobs(store.db)).toMatchObject({ done: 1, running: 1 });
        expect(await pruneFinishedJobs(store.db, seconds(2))).toBe(1);
        expect(await countJobs(store.db)).toMatchObject({ done: 0, running: 1 });
      } finally {
        await store.close();
      }
    },
  );

  run('retries with exponential backoff, then keeps the error in a dead job', async () => {
    const store = await backend.open();
    try {
      await enqueueJob(store.db, { kind: 'k', key: 'flaky', maxAttempts: 3 }, { now: T0 });
      const backoff = { baseMs: 1000, maxMs: 60_000 };
      let now = T0;
      const delays: number[] = [];
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        const job = await claim(store, now);
        expect(job?.attempts).toBe(attempt);
        // Not due again before its backoff.
        const state = await failJob(store.db, job!, new Error(`boom ${attempt}`), { now, backoff });
        expect(state).toBe(attempt < 3 ? 'failed' : 'dead');
        if (state === 'dead') break;
        const row = await store.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
        const delay = Date.parse(row.run_at) - now.getTime();
        delays.push(delay);
        expect(await claim(store, new Date(now.getTime() + delay - 1))).toBeNull();
        now = new Date(now.getTime() + delay);
      }
      expect(delays).toEqual([1000, 2000]);
      expect(jobRetryDelayMs(10, backoff)).toBe(60_000);
      const dead = await store.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
      expect(dead).toMatchObject({ state: 'dead', attempts: 3, last_error: 'boom 3' });
      expect(dead.finished_at).not.toBeNull();
      expect(await claim(store, seconds(3600))).toBeNull();
      expect(await countJobs(store.db)).toMatchObject({ dead: 1, pending: 0, failed: 0 });
    } finally {
      await store.close();
    }
  });

  run('hands a job whose worker died back to the queue when its lease runs out', async () => {
    const store = await backend.open();
    try {
      await enqueueJob(store.db, { kind: 'k', key: 'crash', maxAttempts: 2 }, { now: T0 });
      const lost = await claim(store);
      expect(await claim(store, seconds(59))).toBeNull();
      // The lease ends: another worker takes it over, and the first one can no longer settle it.
      const retaken = await claim(store, seconds(60));
      expect(retaken).toMatchObject({ id: lost!.id, attempts: 2, state: 'running' });
      expect(retaken!.locked_by).not.toBe(lost!.locked_by);
      expect(await completeJob(store.db, lost!)).toBe(false);
      expect(await failJob(store.db, lost!, 'late')).toBe('lost');
      // Its last attempt also dies: dead, with the reason.
      expect(await releaseExpiredLeases(store.db, seconds(200))).toBe(1);
      const row = await store.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
      expect(row.state).toBe('dead');
      expect(row.last_error).toMatch(/lease expired/);
    } finally {
      await store.close();
    }
  });

  run('closes an expired job whose key already has a waiting twin', async () => {
    const store = await backend.open();
    try {
      await enqueueJob(store.db, { kind: 'k', key: 'same' }, { now: T0 });
      const gone = await claim(store);
      await enqueueJob(store.db, { kind: 'k', key: 'same' }, { now: T0 });
      expect(await releaseExpiredLeases(store.db, seconds(61))).toBe(1);
      const rows = await store.db.selectFrom('jobs').selectAll().orderBy('created_at').execute();
      expect(rows.find((r) => r.id === gone!.id)).toMatchObject({ state: 'done' });
      expect(rows.filter((r) => r.state === 'pending')).toHaveLength(1);
      // A failure while a twin waits also closes the failing one instead of breaking the index.
      const twin = await claim(store, seconds(61));
      await enqueueJob(store.db, { kind: 'k', key: 'same' }, { now: seconds(61) });
      expect(await failJob(store.db, twin!, 'boom', { now: seconds(62) })).toBe('failed');
      expect(await countJobs(store.db)).toMatchObject({ pending: 1, failed: 0, running: 0 });
    } finally {
      await store.close();
    }
  });

  run(
    'hands a job its stopping worker gave up back uncounted, or to its waiting twin',
    async () => {
      const store = await backend.open();
      try {
        await enqueueJob(store.db, { kind: 'k', key: 'a' }, { now: T0 });
        const job = await claim(store);
        expect(await releaseJob(store.db, job!, seconds(1))).toBe('pending');
        const [row] = await store.db.selectFrom('jobs').selectAll().execute();
        expect(row).toMatchObject({ state: 'pending', attempts: 0, locked_by: null });
        expect(row!.run_at).toBe(seconds(1).toISOString());
        // Settled once: a second release (a stale handle) changes nothing.
        expect(await releaseJob(store.db, job!, seconds(2))).toBe('lost');
        // A twin enqueued while it ran does the work: the released one is closed.
        const again = await claim(store, seconds(2));
        await enqueueJob(store.db, { kind: 'k', key: 'a' }, { now: seconds(2) });
        expect(await releaseJob(store.db, again!, seconds(3))).toBe('superseded');
        expect(await countJobs(store.db)).toMatchObject({ pending: 1, running: 0, done: 1 });
      } finally {
        await store.close();
      }
    },
  );

  run('runs at most one job of an exclusive kind at a time', async () => {
    const store = await backend.open();
    try {
      await enqueueJob(store.db, { kind: 'analyse', key: 'all' }, { now: T0 });
      const opts = { exclusiveKinds: ['analyse'] };
      const first = await claim(store, T0, opts);
      await enqueueJob(store.db, { kind: 'analyse', key: 'all' }, { now: T0 });
      await enqueueJob(store.db, { kind: 'fetch', key: 'a' }, { now: seconds(1) });
      expect((await claim(store, seconds(1), opts))?.kind).toBe('fetch');
      expect(await claim(store, seconds(1), opts)).toBeNull();
      await completeJob(store.db, first!);
      expect((await claim(store, seconds(1), opts))?.kind).toBe('analyse');
    } finally {
      await store.close();
    }
  });

  run('gives every job to exactly one of 4 racing claimers', { timeout: 120_000 }, async () => {
    const database = await sharedDatabase(backend.name);
    const stores: Store[] = [];
    // PostgreSQL: four pools, as four processes would have. SQLite: better-sqlite3 is synchronous,
    // so handles in one thread would block each other's busy wait; four claimers share one handle.
    const first = await openStore({ url: database.url, poolSize: 3 });
    for (let i = 0; i < 4; i += 1)
      stores.push(
        i === 0 || backend.name === 'sqlite'
          ? first
          : await openStore({ url: database.url, poolSize: 3 }),
      );
    try {
      const total = 60;
      for (let i = 0; i < total; i += 1)
        await enqueueJob(stores[0]!.db, { kind: 'k', key: `job-${i}` }, { now: T0 });
      const handled: string[][] = [[], [], [], []];
      await Promise.all(
        stores.map(async (store, w) => {
          for (;;) {
            const job = await claimJob(store, {
              workerId: `w${w}`,
              leaseMs: LEASE,
              now: seconds(1),
            });
            if (!job) return;
            handled[w]!.push(job.key);
            expect(await completeJob(store.db, job)).toBe(true);
          }
        }),
      );
      const all = handled.flat();
      expect(all).toHaveLength(total);
      expect(new Set(all).size).toBe(total);
      expect(await countJobs(stores[0]!.db)).toMatchObject({ done: total, pending: 0, running: 0 });
    } finally {
      await Promise.all([...new Set(stores)].map((s) => s.close()));
      await database.drop();
    }
  });
});
