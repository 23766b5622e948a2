/**
 * The job queue behind `vigie worker`, on our own store (no extra dependency).
 *
 * Life cycle: `pending` → claimed (`running`, with a lease) → `done`; an error makes it `failed`
 * (waiting for a retry with exponential backoff) or, once its attempts are spent, `dead` with the
 * error kept. At most one job per kind and key runs at a time: a twin enqueued meanwhile waits
 * until the running one is settled. A worker that dies (`kill -9`) never settles its job: when
 * the lease runs out, {@link releaseExpiredLeases} hands it back to the queue and another
 * worker takes it.
 * On PostgreSQL the claim is one `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)`, so
 * any number of workers share the queue without taking a job twice; on SQLite it runs inside a
 * write transaction (one writer at a time).
 * @module
 */
import { randomUUID } from 'node:crypto';
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Store } from './open-store.js';
import type { Database, JobRow } from './schema.js';
import { withTransaction } from './transaction.js';
import { isUniqueViolation } from './unique-violation.js';

type Db = Kysely<Database>;

export const JOB_STATES = ['pending', 'running', 'failed', 'dead', 'done'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface NewJob {
  readonly kind: string;
  /** Two waiting jobs never share kind and key: enqueueing again is a no-op. */
  readonly key: string;
  readonly payload?: unknown;
  /** Not before (default: now). */
  readonly runAt?: Date;
  /** Attempts before the job is dead (default 5). */
  readonly maxAttempts?: number;
}

export interface EnqueueOptions {
  readonly now?: Date;
  /** Also a no-op while a job with this kind and key is running (e.g. a source being fetched). */
  readonly unlessRunning?: boolean;
  /**
   * Also a no-op when a job with this kind and key finished at or after this time: the caller
   * decided from data read since then, which that job may have changed (a source fetched meanwhile).
   */
  readonly unlessFinishedSince?: Date;
}

export interface ClaimOptions {
  /** Names the worker in `locked_by` (a fresh token is appended per claim). */
  readonly workerId: string;
  readonly leaseMs: number;
  readonly now?: Date;
  /** Only these kinds (default: any). */
  readonly kinds?: readonly string[];
  /** Kinds of which at most one job runs at a time across all workers (e.g. analysis). */
  readonly exclusiveKinds?: readonly string[];
}

export interface BackoffOptions {
  /** Delay after the first failure (default 10 s); doubles with each attempt. */
  readonly baseMs?: number;
  /** Longest delay (default 1 h). */
  readonly maxMs?: number;
}

const DEFAULT_MAX_ATTEMPTS = 5;
const WAITING = ['pending', 'failed'] as const;

/** Adds a job unless one with the same kind and key is already waiting; true when added. */
export async function enqueueJob(
  db: Db,
  job: NewJob,
  options: EnqueueOptions = {},
): Promise<boolean> {
  const now = (options.now ?? new Date()).toISOString();
  const runAt = job.runAt ? job.runAt.toISOString() : now;
  const maxAttempts = job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    throw new RangeError(`maxAttempts must be a positive whole number, not ${maxAttempts}`);
  const since = options.unlessFinishedSince?.toISOString();
  const busy = [
    ...(options.unlessRunning ? [sql`state = 'running'`] : []),
    ...(since ? [sql`(state IN ('done', 'dead') AND finished_at >= ${since})`] : []),
  ];
  const running =
    busy.length > 0
      ? sql`AND NOT EXISTS (SELECT 1 FROM jobs WHERE kind = ${job.kind} AND key = ${job.key} AND (${sql.join(busy, sql` OR `)}))`
      : sql``;
  // INSERT … SELECT so the "not running" test and the insert are one statement; the partial
  // unique index (migration 0060) turns a second waiting job into a silent no-op.
  const result = await sql`
    INSERT INTO jobs (id, kind, key, payload, state, run_at, attempts, max_attempts, created_at)
    SELECT ${randomUUID()}, ${job.kind}, ${job.key}, ${JSON.stringify(job.payload ?? {})}, 'pending',
      ${runAt}, 0, CAST(${maxAttempts} AS integer), ${now}
    WHERE 1 = 1 ${running}
    ON CONFLICT DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0n) > 0;
}

/**
 * Takes the next due job (oldest `run_at` first) and leases it to the caller; null when none is
 * due. Expired leases are released first, so a dead worker's job comes back here.
 */
export async function claimJob(
  store: Pick<Store, 'db' | 'dialect'>,
  options: ClaimOptions,
): Promise<JobRow | null> {
  const now = options.now ?? new Date();
  const nowIso = now.toISOString();
  const token = `${options.workerId}/${randomUUID().slice(0, 8)}`;
  const lockedUntil = new Date(now.getTime() + options.leaseMs).toISOString();
  if (options.kinds?.length === 0) return null;
  const claim = async (db: Db): Promise<JobRow | null> => {
    await releaseExpiredLeases(db, now);
    let due = db
      .selectFrom('jobs')
      .select('jobs.id')
      .where('jobs.state', 'in', [...WAITING])
      .where('jobs.run_at', '<=', nowIso)
      // A twin still running (a source being fetched) keeps this one waiting: at most one job
      // per kind and key runs at a time (the unique index of migration 0080 enforces it).
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('jobs as twin')
              .select('twin.id')
              .whereRef('twin.kind', '=', 'jobs.kind')
              .whereRef('twin.key', '=', 'jobs.key')
              .where('twin.state', '=', 'running'),
          ),
        ),
      );
    if (options.kinds) due = due.where('jobs.kind', 'in', [...options.kinds]);
    const exclusive = options.exclusiveKinds ?? [];
    if (exclusive.length > 0) {
      due = due.where((eb) =>
        eb.not(
          eb.and([
            eb('jobs.kind', 'in', [...exclusive]),
            eb.exists(
              eb
                .selectFrom('jobs as busy')
                .select('busy.id')
                .whereRef('busy.kind', '=', 'jobs.kind')
                .where('busy.state', '=', 'running')
                .where('busy.locked_until', '>', nowIso),
            ),
          ]),
        ),
      );
    }
    due = due.orderBy('jobs.run_at').orderBy('jobs.created_at').orderBy('jobs.id').limit(1);
    if (store.dialect === 'postgres') due = due.forUpdate().skipLocked();
    const row = await db
      .updateTable('jobs')
      .set((eb) => ({
        state: 'running',
        locked_by: token,
        locked_until: lockedUntil,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', due)
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  };
  const claimed = store.dialect === 'postgres' ? claim(store.db) : withTransaction(store, claim);
  // PostgreSQL: a twin claimed by another worker since this statement's snapshot; the next
  // claim sees it running and passes over this key.
  return claimed.catch((error: unknown) => {
    if (isUniqueViolation(error)) return null;
    throw error;
  });
}

/** Marks a claimed job done; false when the lease was lost (another worker owns it now). */
export async function completeJob(db: Db, job: JobRow, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ state: 'done', finished_at: now.toISOString(), locked_by: null, locked_until: null })
    .where('id', '=', job.id)
    .where('locked_by', '=', job.locked_by)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** How long a job waits after its `attempts`-th failure. */
export function jobRetryDelayMs(attempts: number, backoff: BackoffOptions = {}): number {
  const base = backoff.baseMs ?? 10_000;
  const max = backoff.maxMs ?? 3_600_000;
  return Math.min(max, base * 2 ** Math.max(0, attempts - 1));
}

/**
 * Records a failure of a claimed job: `failed` with a retry time, or `dead` once its attempts
 * are spent. Returns the new state, or `lost` when the lease had already passed to another worker.
 */
export async function failJob(
  db: Db,
  job: JobRow,
  error: unknown,
  options: { now?: Date; backoff?: BackoffOptions } = {},
): Promise<'failed' | 'dead' | 'lost'> {
  const now = options.now ?? new Date();
  const message = error instanceof Error ? error.message : String(error);
  const dead = job.attempts >= job.max_attempts;
  const retryAt = new Date(now.getTime() + jobRetryDelayMs(job.attempts, options.backoff));
  const result = await db
    .updateTable('jobs')
    .set({
      state: dead ? 'dead' : 'failed',
      last_error: message.slice(0, 2000),
      locked_by: null,
      locked_until: null,
      ...(dead ? { finished_at: now.toISOString() } : { run_at: retryAt.toISOString() }),
    })
    .where('id', '=', job.id)
    .where('locked_by', '=', job.locked_by)
    .where('state', '=', 'running')
    .executeTakeFirst()
    .catch(async (caught: unknown) => {
      // Another job with this key is already waiting: it does the same work, so this one ends.
      if (dead || !isUniqueViolation(caught)) throw caught;
      return db
        .updateTable('jobs')
        .set(
          supersede(now, `${message.slice(0, 1900)}; a waiting job with the same key retries it`),
        )
        .where('id', '=', job.id)
        .where('locked_by', '=', job.locked_by)
        .executeTakeFirst();
    });
  if (Number(result.numUpdatedRows) === 0) return 'lost';
  return dead ? 'dead' : 'failed';
}

/**
 * Hands a claimed job back to the queue as it was before the claim (its worker is stopping and
 * abandoned it at a safe point): `pending`, due now, the attempt not counted. One whose key
 * already has a waiting twin is closed instead: the twin does the same work. Returns the new
 * state, or `lost` when the lease had passed to another worker.
 */
export async function releaseJob(
  db: Db,
  job: JobRow,
  now = new Date(),
): Promise<'pending' | 'superseded' | 'lost'> {
  const mine = (eb: ExpressionBuilder<Database, 'jobs'>) =>
    eb.and([
      eb('id', '=', job.id),
      eb('locked_by', '=', job.locked_by),
      eb('state', '=', 'running'),
    ]);
  const released = await db
    .updateTable('jobs')
    .set((eb) => ({
      state: 'pending',
      run_at: now.toISOString(),
      attempts: eb('attempts', '-', 1),
      locked_by: null,
      locked_until: null,
    }))
    .where(mine)
    .executeTakeFirst()
    // A twin was enqueued meanwhile: the unique index on waiting jobs refuses a second one.
    .catch((caught: unknown) => {
      if (isUniqueViolation(caught)) return null;
      throw caught;
    });
  if (released) return Number(released.numUpdatedRows) > 0 ? 'pending' : 'lost';
  const closed = await db
    .updateTable('jobs')
    .set(supersede(now, 'worker stopped; a waiting job with the same key takes over'))
    .where(mine)
    .executeTakeFirst();
  return Number(closed.numUpdatedRows) > 0 ? 'superseded' : 'lost';
}

/** Pushes the lease of a job still being handled further out; false when it was lost. */
export async function extendLease(db: Db, job: JobRow, until: Date): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ locked_until: until.toISOString() })
    .where('id', '=', job.id)
    .where('locked_by', '=', job.locked_by)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Running jobs whose lease has run out (their worker died or hung) go back to the queue as
 * `failed` (due at once), or `dead` when that was their last attempt. One whose key already has a
 * waiting twin is closed instead: the twin does the same work. Returns how many were released.
 */
export async function releaseExpiredLeases(db: Db, now = new Date()): Promise<number> {
  const nowIso = now.toISOString();
  const expired = (eb: ExpressionBuilder<Database, 'jobs'>) =>
    eb.and([eb('state', '=', 'running'), eb('locked_until', '<=', nowIso)]);
  const message = `lease expired at ${nowIso} (worker gone?)`;
  const dead = await db
    .updateTable('jobs')
    .set({
      state: 'dead',
      last_error: message,
      finished_at: nowIso,
      locked_by: null,
      locked_until: null,
    })
    .where(expired)
    .whereRef('attempts', '>=', 'max_attempts')
    .executeTakeFirst();
  const superseded = await db
    .updateTable('jobs')
    .set(supersede(now, `${message}; a waiting job with the same key takes over`))
    .where(expired)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('jobs as twin')
          .select('twin.id')
          .whereRef('twin.kind', '=', 'jobs.kind')
          .whereRef('twin.key', '=', 'jobs.key')
          .where('twin.state', 'in', [...WAITING]),
      ),
    )
    .executeTakeFirst();
  const retried = await db
    .updateTable('jobs')
    .set({ state: 'failed', last_error: message, run_at: nowIso, locked_by: null })
    .where(expired)
    .executeTakeFirst()
    // A twin enqueued between the two statements: the next pass closes this one instead.
    .catch((caught: unknown) => {
      if (isUniqueViolation(caught)) return { numUpdatedRows: 0n };
      throw caught;
    });
  return [dead, superseded, retried].reduce((n, r) => n + Number(r.numUpdatedRows), 0);
}

/** Jobs per state (every state present, zero when none), for `vigie status`. */
export async function countJobs(db: Db): Promise<Record<JobState, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select(['state', (eb) => eb.fn.countAll<string | number>().as('n')])
    .groupBy('state')
    .execute();
  const counts = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
  for (const r of rows) if (r.state in counts) counts[r.state as JobState] = Number(r.n);
  return counts;
}

/** Deletes `done` jobs finished before `before` (the table would otherwise grow forever). */
export async function pruneFinishedJobs(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('state', '=', 'done')
    .where('finished_at', '<', before.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

function supersede(now: Date, message: string) {
  return {
    state: 'done',
    last_error: message,
    finished_at: now.toISOString(),
    locked_by: null,
    locked_until: null,
  };
}
