/** Fetch errors: refused by policy (never retried blindly) or failed (retried with backoff). */
import { VigieError } from '../../domain/errors.js';

export class FetchRefusedError extends VigieError {
  constructor(message: string, where?: string) {
    super('VIGIE_FETCH_REFUSED', message, { where });
    this.name = 'FetchRefusedError';
  }
}

export class FetchFailedError extends VigieError {
  /** HTTP status when the server answered, for messages and retry decisions. */
  readonly status: number | undefined;

  constructor(message: string, options: { where?: string; status?: number; cause?: unknown } = {}) {
    super('VIGIE_FETCH_FAILED', message, { where: options.where, cause: options.cause });
    this.name = 'FetchFailedError';
    this.status = options.status;
  }
}

/** The first VigieError in an error's cause chain (undici wraps socket errors). */
export function findVigieError(error: unknown): VigieError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth++) {
    if (current instanceof VigieError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
