/**
 * Writing firings: one alert row per dedup key and one outbox row per notifier, inside the
 * caller's transaction, so an alert exists exactly when its cause was committed.
 * @module
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { AlertFiring } from './alert-firing.js';

/** Outbox row states: pending → sending → delivered | pending (retry) | failed. */
export const OUTBOX_STATUS = {
  pending: 'pending',
  sending: 'sending',
  delivered: 'delivered',
  failed: 'failed',
} as const;
export type OutboxStatus = (typeof OUTBOX_STATUS)[keyof typeof OUTBOX_STATUS];

export interface RecordFiringsResult {
  /** Alerts written now, with the notifiers queued for each. */
  readonly recorded: readonly { alertId: string; dedupKey: string; notifiers: readonly string[] }[];
  /** Dedup keys already stored: repeats, suppressed. */
  readonly suppressed: readonly string[];
}

export type NotifierIdsByRule =
  ReadonlyMap<string, readonly string[]> | Readonly<Record<string, readonly string[]>>;

/** The alert id is derived from the dedup key, so every writer agrees on it. */
export function alertIdFor(dedupKey: string): string {
  return `al_${createHash('sha256').update(dedupKey).digest('hex').slice(0, 24)}`;
}

/** The outbox row id, also the idempotency key receivers see on every retry. */
export function outboxIdFor(alertId: string, notifier: string): string {
  return `${alertId}:${notifier}`;
}

/**
 * Stores firings. Pass the transaction that stores their cause: both commit or neither does.
 * A dedup key already stored is suppressed (ON CONFLICT DO NOTHING), never an error.
 * @example
 * await store.db.transaction().execute(async (trx) => {
 *   await writeAnalysis(trx, result);
 *   await recordFirings(trx, evaluateAlertRules(rules, result.signals), notifiersByRule(rules));
 * });
 */
export async function recordFirings(
  db: Kysely<Database>,
  firings: readonly AlertFiring[],
  notifierIdsByRule: NotifierIdsByRule,
  options: { now?: Date } = {},
): Promise<RecordFiringsResult> {
  const now = (options.now ?? new Date()).toISOString();
  const recorded: { alertId: string; dedupKey: string; notifiers: string[] }[] = [];
  const suppressed: string[] = [];
  for (const firing of firings) {
    const alertId = alertIdFor(firing.dedupKey);
    const inserted = await db
      .insertInto('alerts')
      .values({
        id: alertId,
        rule_id: firing.ruleId,
        kind: firing.kind,
        dedup_key: firing.dedupKey,
        title: firing.title,
        payload: JSON.stringify(firing.payload),
        created_at: now,
        acknowledged_at: null,
        acknowledged_by: null,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      suppressed.push(firing.dedupKey);
      continue;
    }
    const notifiers = [...new Set(lookup(notifierIdsByRule, firing.ruleId))];
    if (notifiers.length > 0) {
      await db
        .insertInto('outbox')
        .values(
          notifiers.map((notifier) => ({
            id: outboxIdFor(alertId, notifier),
            alert_id: alertId,
            notifier,
            status: OUTBOX_STATUS.pending,
            attempts: 0,
            next_attempt_at: now,
            last_error: null,
            delivered_at: null,
            created_at: now,
            claim_token: null,
          })),
        )
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    recorded.push({ alertId, dedupKey: firing.dedupKey, notifiers });
  }
  return { recorded, suppressed };
}

/** `rule id → notify` from the validated rules. */
export function notifiersByRule(
  rules: readonly { id: string; notify: readonly string[] }[],
): Map<string, readonly string[]> {
  return new Map(rules.map((r) => [r.id, r.notify]));
}

function lookup(map: NotifierIdsByRule, ruleId: string): readonly string[] {
  if (map instanceof Map) return map.get(ruleId) ?? [];
  return (map as Readonly<Record<string, readonly string[]>>)[ruleId] ?? [];
}

/**
 * Puts failed deliveries back in the queue with a fresh attempt budget
 * (`vigie alerts --retry-failed`). Returns how many rows were re-queued.
 */
export async function retryFailed(
  db: Kysely<Database>,
  options: { alertId?: string; notifier?: string; now?: Date } = {},
): Promise<number> {
  let query = db
    .updateTable('outbox')
    .set({
      status: OUTBOX_STATUS.pending,
      attempts: 0,
      next_attempt_at: (options.now ?? new Date()).toISOString(),
      claim_token: null,
    })
    .where('status', '=', OUTBOX_STATUS.failed);
  if (options.alertId !== undefined) query = query.where('alert_id', '=', options.alertId);
  if (options.notifier !== undefined) query = query.where('notifier', '=', options.notifier);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
