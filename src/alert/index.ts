/**
 * Alerting: rules over analysis signals, the outbox, notifiers and delivery.
 * @module
 */
export type {
  AlertFiring,
  AlertKind,
  AlertPayload,
  DeliverableAlert,
  Notifier,
} from './alert-firing.js';
export {
  evaluateAlertRules,
  detectThresholdCrossings,
  DEFAULT_SPIKE_P_VALUE,
  type AlertRule,
  type TrajectoryPoint,
} from './evaluate-rules.js';
export { validateAlertConfig, type ValidatedAlertConfig } from './validate-alert-config.js';
export { createYamlLineLocator } from './locate-yaml-line.js';
export {
  recordFirings,
  retryFailed,
  notifiersByRule,
  alertIdFor,
  outboxIdFor,
  OUTBOX_STATUS,
  type RecordFiringsResult,
} from './outbox.js';
export { recordAlerts, type RecordAlertsResult } from './record-alerts.js';
export { deliverDue, claimDue, type DeliverOptions, type DeliveryReport } from './deliver-due.js';
export { startDeliveryLoop, type DeliveryLoop } from './delivery-loop.js';
export { listAlerts, acknowledgeAlert, type AlertListItem } from './alert-queries.js';
export { createNotifiers, createNotifier, closeNotifiers } from './create-notifiers.js';
export { NotifierError } from './notifier-error.js';
export { signWebhookBody } from './webhook-notifier.js';
