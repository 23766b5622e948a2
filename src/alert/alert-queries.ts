/**
 * Reading alerts back: for delivery, for `vigie alerts`, for the HTTP API.
 * @module
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { NotFoundError, VigieError } from '../domain/errors.js';
import type { AlertRow, Database } from '../store/schema.js';
import type { AlertPayload, DeliverableAlert } from './alert-firing.js';

const IdList = z.array(z.string()).default([]);
/** The stored payload (alerts.payload); unknown fields are kept. */
export const AlertPayloadSchema = z.looseObject({
  rule: z.string(),
  kind: z.enum(['threshold', 'first-event', 'spike', 'watch']),
  summary: z.string().default(''),
  at: z.string().default(''),
  evidenceIds: IdList,
  eventIds: IdList,
  mentionIds: IdList,
  documentIds: IdList,
});

export function parseAlertPayload(row: Pick<AlertRow, 'id' | 'payload'>): AlertPayload {
  let raw: unknown;
  try {
    raw = JSON.parse(row.payload);
  } catch (error) {
    throw new VigieError('VIGIE_STORE_FAILED', `alert ${row.id}: payload is not JSON`, {
      cause: error,
    });
  }
  const parsed = AlertPayloadSchema.safeParse(raw);
  if (!parsed.success) {
    throw new VigieError(
      'VIGIE_STORE_FAILED',
      `alert ${row.id}: invalid payload: ${parsed.error.message}`,
    );
  }
  return parsed.data as unknown as AlertPayload;
}

export function toDeliverable(row: AlertRow): DeliverableAlert {
  return {
    id: row.id,
    ruleId: row.rule_id,
    kind: row.kind,
    dedupKey: row.dedup_key,
    title: row.title,
    createdAt: row.created_at,
    payload: parseAlertPayload(row),
  };
}

/** Alert rows by id (delivery parses each payload on its own, so one bad row fails alone). */
export async function loadAlertRows(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, AlertRow>> {
  const alerts = new Map<string, AlertRow>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('alerts')
      .selectAll()
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) alerts.set(row.id, row);
  }
  return alerts;
}

export interface AlertDelivery {
  readonly notifier: string;
  readonly status: string;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly deliveredAt: string | null;
  readonly lastError: string | null;
}

export interface AlertListItem extends DeliverableAlert {
  readonly acknowledgedAt: string | null;
  readonly acknowledgedBy: string | null;
  readonly deliveries: readonly AlertDelivery[];
}

export interface ListAlertsOptions {
  /** ISO date or timestamp: alerts created at or after it. */
  readonly since?: string;
  readonly unacknowledged?: boolean;
  readonly limit?: number;
}

/** Newest first, each with its delivery status per notifier. */
export async function listAlerts(
  db: Kysely<Database>,
  options: ListAlertsOptions = {},
): Promise<AlertListItem[]> {
  let query = db
    .selectFrom('alerts')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(options.limit ?? 100);
  if (options.since !== undefined) query = query.where('created_at', '>=', options.since);
  if (options.unacknowledged) query = query.where('acknowledged_at', 'is', null);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const outbox = await db
    .selectFrom('outbox')
    .selectAll()
    .where(
      'alert_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('notifier')
    .execute();
  return rows.map((row) => ({
    ...toDeliverable(row),
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
    deliveries: outbox
      .filter((o) => o.alert_id === row.id)
      .map((o) => ({
        notifier: o.notifier,
        status: o.status,
        attempts: o.attempts,
        nextAttemptAt: o.status === 'delivered' || o.status === 'failed' ? null : o.next_attempt_at,
        deliveredAt: o.delivered_at,
        lastError: o.last_error,
      })),
  }));
}

/** Marks an alert seen. Acknowledging twice keeps the first acknowledgement. */
export async function acknowledgeAlert(
  db: Kysely<Database>,
  id: string,
  options: { by: string; now?: Date },
): Promise<{ acknowledgedAt: string; acknowledgedBy: string }> {
  const row = await db
    .selectFrom('alerts')
    .select(['acknowledged_at', 'acknowledged_by'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`no alert with id "${id}"`);
  if (row.acknowledged_at !== null) {
    return { acknowledgedAt: row.acknowledged_at, acknowledgedBy: row.acknowledged_by ?? '' };
  }
  const at = (options.now ?? new Date()).toISOString();
  await db
    .updateTable('alerts')
    .set({ acknowledged_at: at, acknowledged_by: options.by })
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .execute();
  return { acknowledgedAt: at, acknowledgedBy: options.by };
}
