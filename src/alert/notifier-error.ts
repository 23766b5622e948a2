/**
 * Why a delivery failed, and whether trying again can help.
 * @module
 */
import { VigieError } from '../domain/errors.js';

export class NotifierError extends VigieError {
  /** True when a retry cannot succeed (e.g. HTTP 400, 401, 404): the row is marked failed at once. */
  readonly permanent: boolean;
  /** Minimum wait the receiver asked for (HTTP Retry-After), in milliseconds. */
  readonly retryAfterMs?: number;

  constructor(
    notifierId: string,
    message: string,
    options: { permanent?: boolean; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super('VIGIE_UNAVAILABLE', `notifier "${notifierId}": ${message}`, {
      cause: options.cause,
      where: `alerts.notifiers[id=${notifierId}]`,
    });
    this.name = 'NotifierError';
    this.permanent = options.permanent ?? false;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}
