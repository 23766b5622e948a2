/**
 * The anonymous viewer (`server.anonymousViewer`, and always in `vigie demo`) serves every stored
 * document without a token: fine on this machine, a leak on a network. It starts on a loopback
 * address only, unless the operator says, with `--i-know-this-is-public`, that it is meant.
 * @module
 */
import { BlockList, isIP } from 'node:net';
import { ConfigError } from '../domain/errors.js';

/** The flag that lets the anonymous viewer listen beyond loopback. */
export const PUBLIC_FLAG = '--i-know-this-is-public';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/**
 * True when `host` can be reached from this machine only: `localhost`, 127.0.0.0/8, `::1` (and
 * `::ffff:127.…`). `0.0.0.0`, `::`, other addresses and host names are not.
 * @example isLoopbackHost('127.0.0.1') // true
 * @example isLoopbackHost('0.0.0.0')   // false
 */
export function isLoopbackHost(host: string): boolean {
  const plain = host
    .trim()
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  if (plain === 'localhost' || plain === 'localhost.') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain)?.[1] ?? plain;
  const family = isIP(mapped);
  if (family === 0) return false;
  return LOOPBACK.check(mapped, family === 4 ? 'ipv4' : 'ipv6');
}

export interface ExposureCheck {
  /** The address the server will listen on. */
  readonly host: string;
  readonly anonymousViewer: boolean;
  /** `--i-know-this-is-public` was given. */
  readonly acceptPublic: boolean;
  /** What turned the anonymous viewer on, for the message (`vigie demo`, `server.anonymousViewer`). */
  readonly via: string;
}

/**
 * Throws a ConfigError (exit code 2) when the anonymous viewer would listen beyond loopback
 * without the flag; returns a warning to print when it does so with the flag, else null.
 */
export function checkAnonymousExposure(check: ExposureCheck): string | null {
  if (!check.anonymousViewer || isLoopbackHost(check.host)) return null;
  if (check.acceptPublic)
    return `warning: anonymous read access (${check.via}) on ${check.host}: every stored document is served without a token to anyone who reaches this address`;
  throw new ConfigError(
    `refusing to start: the anonymous viewer (${check.via}) would serve every stored document without a token on ${check.host}, which is not a loopback address. ` +
      `Listen on 127.0.0.1 (--host or server.host / VIGIE_SERVER__HOST), use tokens (server.anonymousViewer: false), or pass ${PUBLIC_FLAG} if this is meant`,
    'server.host',
  );
}
