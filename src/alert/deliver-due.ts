/**
 * One delivery pass over the outbox: claim due rows, send them, settle each one.
 * At-least-once: a row is claimed with a lease; if the deliverer dies, the lease expires and
 * another pass sends it again (same idempotency key). On PostgreSQL the claim uses
 * `FOR UPDATE SKIP LOCKED`, so several deliverers share the queue without sending a row twice
 * at once; on SQLite the claim is one atomic UPDATE … RETURNING (a single writer).
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/open-store.js';
import type { Updateable } from 'kysely';
import type { OutboxRow, OutboxTable } from '../store/schema.js';
import type { Notifier } from './alert-firing.js';
import { loadAlertRows, toDeliverable } from './alert-queries.js';
import { NotifierError } from './notifier-error.js';
import { OUTBOX_STATUS } from './outbox.js';
import { computeBackoff, type BackoffOptions } from './backoff.js';

export interface DeliverOptions {
  /** The clock for this pass (default: the real time). */
  readonly now?: Date;
  /** Attempts before a row is marked failed (default 8). */
  readonly maxAttempts?: number;
  /** Rows claimed per pass (default 50). */
  readonly batch?: number;
  /** How long a claim holds before another pass may take the row over (default 5 min; the CLI passes `alerts.delivery.leaseMs`). Must exceed notifier time-outs. */
  readonly leaseMs?: number;
  /** Sends in flight at once (default 8). */
  readonly concurrency?: number;
  readonly backoff?: BackoffOptions;
}

export interface DeliveryFailure {
  readonly outboxId: string;
  readonly notifier: string;
  readonly attempts: number;
  readonly error: string;
  /** True when the row is now `failed` (permanent error or attempts exhausted). */
  readonly final: boolean;
}

export interface DeliveryReport {
  readonly claimed: number;
  readonly delivered: number;
  readonly retried: number;
  readonly failed: number;
  readonly failures: readonly DeliveryFailure[];
}

const DEFAULTS = { maxAttempts: 8, batch: 50, leaseMs: 5 * 60_000, concurrency: 8 };

/**
 * Claims due rows for the given notifiers (rows for notifiers not configured here stay queued).
 * Exported for tests and tools; deliverDue calls it.
 */
export async function claimDue(
  store: Store,
  notifierIds: readonly string[],
  options: { now?: Date; batch?: number; leaseMs?: number } = {},
): Promise<{ rows: OutboxRow[]; token: string }> {
  const token = randomUUID();
  if (notifierIds.length === 0) return { rows: [], token };
  const now = options.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + (options.leaseMs ?? DEFAULTS.leaseMs));
  let due = store.db
    .selectFrom('outbox')
    .select('id')
    .where('status', 'in', [OUTBOX_STATUS.pending, OUTBOX_STATUS.sending])
    .where('next_attempt_at', '<=', now.toISOString())
    .where('notifier', 'in', [...notifierIds])
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(options.batch ?? DEFAULTS.batch);
  if (store.dialect === 'postgres') due = due.forUpdate().skipLocked();
  const rows = await store.db
    .updateTable('outbox')
    .set((eb) => ({
      status: OUTBOX_STATUS.sending,
      claim_token: token,
      attempts: eb('attempts', '+', 1),
      next_attempt_at: leaseUntil.toISOString(),
    }))
    .where('id', 'in', due)
    .returningAll()
    .execute();
  rows.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
  return { rows, token };
}

/**
 * Runs one pass: claim, send, settle. Never throws for a notifier's failure; the report says
 * what was delivered, retried and given up.
 * @example
 * const report = await deliverDue(store, createNotifiers(config.alerts.notifiers), { maxAttempts: 8 });
 */
export async function deliverDue(
  store: Store,
  notifiers: readonly Notifier[],
  options: DeliverOptions = {},
): Promise<DeliveryReport> {
  const byId = new Map(notifiers.map((n) => [n.id, n]));
  const maxAttempts = options.maxAttempts ?? DEFAULTS.maxAttempts;
  const leaseMs = options.leaseMs ?? DEFAULTS.leaseMs;
  const { rows, token } = await claimDue(store, [...byId.keys()], options);
  const alerts = await loadAlertRows(store.db, [...new Set(rows.map((r) => r.alert_id))]);
  let delivered = 0;
  let retried = 0;
  let failed = 0;
  const failures: DeliveryFailure[] = [];

  const settle = async (row: OutboxRow): Promise<void> => {
    const notifier = byId.get(row.notifier)!;
    const alertRow = alerts.get(row.alert_id);
    let error: unknown;
    try {
      if (!alertRow) {
        throw new NotifierError(row.notifier, `alert ${row.alert_id} not found`, {
          permanent: true,
        });
      }
      let alert;
      try {
        alert = toDeliverable(alertRow);
      } catch (bad) {
        throw new NotifierError(row.notifier, (bad as Error).message, { permanent: true });
      }
      await withDeadline(notifier.send(alert, row.id), leaseMs, row.notifier);
    } catch (caught) {
      error = caught;
    }
    const now = options.now ?? new Date();
    // Only the claim holder settles the row: a deliverer whose lease expired changes nothing.
    const update = (patch: Updateable<OutboxTable>) =>
      store.db
        .updateTable('outbox')
        .set({ ...patch, claim_token: null })
        .where('id', '=', row.id)
        .where('claim_token', '=', token)
        .execute();
    if (error === undefined) {
      await update({
        status: OUTBOX_STATUS.delivered,
        delivered_at: now.toISOString(),
        last_error: null,
      });
      delivered += 1;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    const permanent = error instanceof NotifierError && error.permanent;
    const final = permanent || row.attempts >= maxAttempts;
    if (final) {
      await update({ status: OUTBOX_STATUS.failed, last_error: message });
      failed += 1;
    } else {
      const retryAfterMs = error instanceof NotifierError ? error.retryAfterMs : undefined;
      const delay = computeBackoff(row.attempts, { ...options.backoff, retryAfterMs });
      await update({
        status: OUTBOX_STATUS.pending,
        last_error: message,
        next_attempt_at: new Date(now.getTime() + delay).toISOString(),
      });
      retried += 1;
    }
    failures.push({
      outboxId: row.id,
      notifier: row.notifier,
      attempts: row.attempts,
      error: message,
      final,
    });
  };

  const concurrency = Math.max(1, options.concurrency ?? DEFAULTS.concurrency);
  const queue = [...rows];
  const workers = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
    for (let row = queue.shift(); row; row = queue.shift()) await settle(row);
  });
  await Promise.all(workers);
  return { claimed: rows.length, delivered, retried, failed, failures };
}

/** A send still running when its lease ends is abandoned as failed (another pass may retake the row). */
async function withDeadline(send: Promise<void>, ms: number, notifierId: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new NotifierError(notifierId, `no result within the ${ms} ms lease`)),
      ms,
    );
  });
  try {
    await Promise.race([send, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
