import { VigieError } from '../domain/errors.js';

/** Exit codes: 0 ok, 1 runtime failure, 2 bad usage or config, 3 partial success (some inputs failed). */
export const EXIT = { ok: 0, failure: 1, usage: 2, partial: 3 } as const;

export function exitCodeFor(error: unknown): number {
  if (error instanceof VigieError) {
    // A refusal (a path outside sources.allowedRoots) is fixed by the command or the config.
    return error.code === 'VIGIE_CONFIG_INVALID' ||
      error.code === 'VIGIE_INPUT_INVALID' ||
      error.code === 'VIGIE_FORBIDDEN'
      ? EXIT.usage
      : EXIT.failure;
  }
  return EXIT.failure;
}
