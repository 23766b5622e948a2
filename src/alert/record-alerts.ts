/**
 * Evaluate and record in one call: what the pipeline runs inside the transaction that
 * commits the analysis.
 * @module
 */
import type { Kysely } from 'kysely';
import type { AlertSignals } from '../domain/signals.js';
import type { Database } from '../store/schema.js';
import type { AlertFiring } from './alert-firing.js';
import { evaluateAlertRules, type AlertRule } from './evaluate-rules.js';
import { notifiersByRule, recordFirings, type RecordFiringsResult } from './outbox.js';

export interface RecordAlertsResult extends RecordFiringsResult {
  readonly firings: readonly AlertFiring[];
}

/**
 * Fires the rules over the signals and stores the firings with one outbox row per notifier
 * of each rule. Pass validated rules (validateAlertConfig) and the cause's transaction.
 * @example
 * await store.db.transaction().execute((trx) => recordAlerts(trx, rules, signals));
 */
export async function recordAlerts(
  db: Kysely<Database>,
  rules: readonly AlertRule[],
  signals: AlertSignals,
  options: { now?: Date } = {},
): Promise<RecordAlertsResult> {
  const now = options.now ?? new Date();
  const firings = evaluateAlertRules(rules, signals, { now: now.toISOString() });
  const result = await recordFirings(db, firings, notifiersByRule(rules), { now });
  return { ...result, firings };
}
