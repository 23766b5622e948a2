/**
 * The keep-alive race: a server closes an idle keep-alive connection at the moment a request goes
 * out on it from the pool. The request then fails before any answer with "other side closed"
 * (undici's UND_ERR_SOCKET), ECONNRESET or EPIPE, though the server is healthy. An idempotent GET
 * that failed so is worth sending again, once, on a connection of its own (safe-fetch).
 * @module
 */

/** Socket errors of a connection closed under a request. */
const CLOSED_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

/**
 * Whether `error` (or a cause of it; undici wraps socket errors) says the connection was closed
 * under the request.
 * @example if (!answered && isClosedConnection(error)) retryOnFreshConnection();
 */
export function isClosedConnection(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && CLOSED_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
