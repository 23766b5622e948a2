/**
 * Bearer-token authentication and role checks. The token itself never reaches a log line:
 * failures are logged with their reason only, and the authorization header is redacted.
 * @module
 */
import type { FastifyRequest } from 'fastify';
import { checkToken, touchToken, type Role } from '../store/auth-repo.js';
import type { Store } from '../store/open-store.js';
import { HttpError } from './http-errors.js';
import type { Access, Principal } from './route.js';

const RANK: Readonly<Record<Role, number>> = { viewer: 1, analyst: 2, admin: 3 };

export function roleAllows(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/** Records `last_used_at` at most once a minute per token, so reads do not become writes. */
const TOUCH_INTERVAL_MS = 60_000;
/**
 * Accepted tokens are remembered this long, so a busy dashboard costs no lookup per request.
 * A revocation (by the CLI, another process) therefore takes effect within this time.
 */
const ACCEPTED_TTL_MS = 5_000;
const MAX_REMEMBERED = 10_000;

export class Authenticator {
  readonly #store: Store;
  readonly #anonymousViewer: boolean;
  readonly #touched = new Map<string, number>();
  readonly #accepted = new Map<string, { principal: Principal; until: number }>();

  constructor(store: Store, options: { anonymousViewer: boolean }) {
    this.#store = store;
    this.#anonymousViewer = options.anonymousViewer;
  }

  /** The principal of a request allowed on a route of `access`; throws 401/403 otherwise. */
  async authorize(request: FastifyRequest, access: Access, now: Date): Promise<Principal | null> {
    if (access === 'public') return null;
    const principal = await this.#identify(request, now);
    if (!roleAllows(principal.role, access)) {
      request.log.info({ user: principal.name, role: principal.role, needed: access }, 'forbidden');
      throw new HttpError(
        403,
        'VIGIE_FORBIDDEN',
        `this action needs the ${access} role; ${principal.name} is ${principal.role}`,
      );
    }
    return principal;
  }

  async #identify(request: FastifyRequest, now: Date): Promise<Principal> {
    const header = request.headers.authorization;
    if (header === undefined || header === '') {
      if (this.#anonymousViewer) return { name: 'anonymous', role: 'viewer', tokenId: null };
      throw unauthorized('missing bearer token: send Authorization: Bearer vigie_…');
    }
    const m = /^Bearer[ ]+(\S+)$/i.exec(header);
    if (!m) throw unauthorized('malformed authorization header: expected Bearer <token>');
    const token = m[1]!;
    const remembered = this.#accepted.get(token);
    if (remembered && remembered.until > now.getTime()) return remembered.principal;
    const check = await checkToken(this.#store.db, token, now);
    if (!check.ok) {
      request.log.info({ reason: check.reason }, 'token refused');
      throw unauthorized(
        check.reason === 'expired'
          ? 'token expired'
          : check.reason === 'revoked'
            ? 'token revoked'
            : 'invalid token',
      );
    }
    this.#touch(check.tokenId, now);
    const principal = { name: check.user.name, role: check.user.role, tokenId: check.tokenId };
    if (this.#accepted.size >= MAX_REMEMBERED) this.#accepted.clear();
    const expires = check.expiresAt ? Date.parse(check.expiresAt) : Infinity;
    this.#accepted.set(token, {
      principal,
      until: Math.min(now.getTime() + ACCEPTED_TTL_MS, expires),
    });
    return principal;
  }

  #touch(tokenId: string, now: Date): void {
    const last = this.#touched.get(tokenId);
    if (last !== undefined && now.getTime() - last < TOUCH_INTERVAL_MS) return;
    this.#touched.set(tokenId, now.getTime());
    touchToken(this.#store.db, tokenId, now).catch(() => this.#touched.delete(tokenId));
  }
}

function unauthorized(message: string): HttpError {
  return new HttpError(401, 'VIGIE_UNAUTHORIZED', message);
}
