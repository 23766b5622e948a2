/**
 * Errors with a stable code; one place (server/error-handler, cli/exit) maps them to HTTP and exit codes.
 * @module
 */
export type VigieErrorCode =
  | 'VIGIE_CONFIG_INVALID'
  | 'VIGIE_INPUT_INVALID'
  | 'VIGIE_NOT_FOUND'
  | 'VIGIE_CONFLICT'
  | 'VIGIE_UNAUTHORIZED'
  | 'VIGIE_FORBIDDEN'
  | 'VIGIE_FETCH_FAILED'
  | 'VIGIE_FETCH_REFUSED'
  | 'VIGIE_PARSE_FAILED'
  | 'VIGIE_LEXICON_INVALID'
  | 'VIGIE_WATCHBOARD_INVALID'
  | 'VIGIE_STORE_FAILED'
  | 'VIGIE_UNAVAILABLE';

export class VigieError extends Error {
  readonly code: VigieErrorCode;
  /** Where the problem is, for messages: a file, a line, a field. */
  readonly where?: string;

  constructor(
    code: VigieErrorCode,
    message: string,
    options?: { cause?: unknown; where?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'VigieError';
    this.code = code;
    if (options?.where !== undefined) this.where = options.where;
  }
}

export class ConfigError extends VigieError {
  constructor(message: string, where?: string, cause?: unknown) {
    super('VIGIE_CONFIG_INVALID', message, { where, cause });
    this.name = 'ConfigError';
  }
}

export class InputError extends VigieError {
  constructor(message: string, where?: string, cause?: unknown) {
    super('VIGIE_INPUT_INVALID', message, { where, cause });
    this.name = 'InputError';
  }
}

export class NotFoundError extends VigieError {
  constructor(message: string) {
    super('VIGIE_NOT_FOUND', message);
    this.name = 'NotFoundError';
  }
}

/** Formats a zod issue list as `field.path: message; …` for humans. */
export function formatIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): string {
  return issues
    .map((i) => `${i.path.length > 0 ? i.path.map(String).join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}

/**
 * The process is stopping (SIGTERM, SIGINT): the work was abandoned at a safe point, nothing of it
 * was recorded as done or failed, and the next start takes it up again.
 */
export class StoppingError extends VigieError {
  constructor(what = 'the process is stopping') {
    super('VIGIE_UNAVAILABLE', what);
    this.name = 'StoppingError';
  }
}

/** Whether `error` (or a cause of it) is a StoppingError. */
export function isStopping(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth++) {
    if (current instanceof StoppingError) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
