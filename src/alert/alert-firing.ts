/**
 * What a rule firing is, from evaluation to delivery: the types every alert module shares.
 * @module
 */

export type AlertKind = 'threshold' | 'first-event' | 'spike' | 'watch';

/** The ids a firing points to, so a reader can open the evidence behind it. */
export interface AlertPayload {
  readonly rule: string;
  readonly kind: AlertKind;
  /** Human sentence: what fired and why. */
  readonly summary: string;
  /** Date or timestamp the cause applies to. */
  readonly at: string;
  readonly boardId?: string;
  readonly hypothesisId?: string;
  /** The hypothesis's title (threshold alerts), for wording the alert in another language. */
  readonly hypothesisTitle?: string;
  readonly direction?: 'up' | 'down';
  readonly level?: number;
  readonly before?: number;
  readonly after?: number;
  readonly pair?: readonly [string, string];
  readonly eventType?: string | null;
  readonly count?: number;
  readonly expected?: number;
  readonly pValue?: number;
  readonly matchedKeywords?: readonly string[];
  readonly evidenceIds: readonly string[];
  readonly eventIds: readonly string[];
  readonly mentionIds: readonly string[];
  readonly documentIds: readonly string[];
}

/** One rule firing, before it is stored. */
export interface AlertFiring {
  readonly ruleId: string;
  readonly kind: AlertKind;
  /** Deterministic: rule id + the ids of the cause. The same cause never fires twice. */
  readonly dedupKey: string;
  readonly title: string;
  readonly payload: AlertPayload;
}

/** A stored alert as a notifier receives it. */
export interface DeliverableAlert {
  readonly id: string;
  readonly ruleId: string;
  readonly kind: string;
  readonly dedupKey: string;
  readonly title: string;
  readonly createdAt: string;
  readonly payload: AlertPayload;
}

/** One delivery channel. `send` resolves when the receiver accepted the alert. */
export interface Notifier {
  readonly id: string;
  /**
   * Delivers one alert. The same idempotency key is passed on every retry of one delivery,
   * so receivers can drop repeats. Throws NotifierError (permanent or not) on failure.
   */
  send(alert: DeliverableAlert, idempotencyKey: string): Promise<void>;
  /** Releases connections (SMTP pools, file handles). */
  close?(): Promise<void>;
}
