/**
 * Users and API tokens. A token is `vigie_<43 base64url chars>`, shown once at creation;
 * only its sha256 is stored, so a copy of the database does not hand out access.
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { InputError, NotFoundError, VigieError } from '../domain/errors.js';
import type { Database } from './schema.js';

export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
}

export interface TokenInfo {
  readonly id: string;
  readonly userId: string;
  readonly userName: string;
  readonly name: string | null;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

/** What a presented token resolves to, or why it was refused. */
export type TokenCheck =
  | {
      readonly ok: true;
      readonly user: User;
      readonly tokenId: string;
      readonly expiresAt: string | null;
    }
  | { readonly ok: false; readonly reason: 'malformed' | 'unknown' | 'revoked' | 'expired' };

const TOKEN_RE = /^vigie_[A-Za-z0-9_-]{43}$/;
const USER_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A fresh token; the caller shows it once and never stores it. */
export function generateToken(): string {
  return `vigie_${randomBytes(32).toString('base64url')}`;
}

export function looksLikeToken(token: string): boolean {
  return TOKEN_RE.test(token);
}

function toUser(row: { id: string; name: string; role: string; created_at: string }): User {
  if (!isRole(row.role)) {
    throw new VigieError('VIGIE_STORE_FAILED', `user ${row.name} has an unknown role ${row.role}`);
  }
  return { id: row.id, name: row.name, role: row.role, createdAt: row.created_at };
}

export async function addUser(
  db: Kysely<Database>,
  input: { name: string; role: string },
  now = new Date(),
): Promise<User> {
  if (!USER_NAME_RE.test(input.name)) {
    throw new InputError(
      `invalid user name "${input.name}": 1–64 letters, digits, . _ @ -, starting with a letter or digit`,
      'name',
    );
  }
  if (!isRole(input.role)) {
    throw new InputError(`invalid role "${input.role}": expected ${ROLES.join(', ')}`, 'role');
  }
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('name', '=', input.name)
    .executeTakeFirst();
  if (existing) throw new VigieError('VIGIE_CONFLICT', `user ${input.name} already exists`);
  const row = {
    id: `usr_${randomBytes(8).toString('hex')}`,
    name: input.name,
    role: input.role,
    created_at: now.toISOString(),
  };
  await db.insertInto('users').values(row).execute();
  return toUser(row);
}

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('name').execute();
  return rows.map(toUser);
}

export async function findUser(db: Kysely<Database>, nameOrId: string): Promise<User | null> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb.or([eb('name', '=', nameOrId), eb('id', '=', nameOrId)]))
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

export interface CreatedToken {
  /** The secret: shown once, never stored. */
  readonly token: string;
  readonly info: TokenInfo;
}

export async function createToken(
  db: Kysely<Database>,
  input: { user: string; name?: string | null; expiresAt?: Date | null },
  now = new Date(),
): Promise<CreatedToken> {
  const user = await findUser(db, input.user);
  if (!user) throw new NotFoundError(`no user ${input.user} (add one with: vigie user add NAME)`);
  if (input.expiresAt) {
    const at = input.expiresAt.getTime();
    if (Number.isNaN(at)) throw new InputError('the expiry is not a valid date', 'expires');
    if (at <= now.getTime()) throw new InputError('the expiry must be in the future', 'expires');
    if (at - now.getTime() > MAX_TOKEN_LIFETIME_MS)
      throw new InputError(`a token lives ${MAX_LIFETIME_TEXT}`, 'expires');
  }
  const token = generateToken();
  const row = {
    id: `tok_${randomBytes(6).toString('hex')}`,
    user_id: user.id,
    name: input.name ?? null,
    token_hash: hashToken(token),
    created_at: now.toISOString(),
    expires_at: input.expiresAt ? input.expiresAt.toISOString() : null,
    revoked_at: null,
    last_used_at: null,
  };
  await db.insertInto('api_tokens').values(row).execute();
  return {
    token,
    info: {
      id: row.id,
      userId: user.id,
      userName: user.name,
      name: row.name,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      revokedAt: null,
      lastUsedAt: null,
    },
  };
}

export async function listTokens(db: Kysely<Database>): Promise<TokenInfo[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.user_id',
      'users.name as user_name',
      'api_tokens.name',
      'api_tokens.created_at',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
      'api_tokens.last_used_at',
    ])
    .orderBy('api_tokens.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    userName: r.user_name,
    name: r.name,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
  }));
}

export async function revokeToken(
  db: Kysely<Database>,
  id: string,
  now = new Date(),
): Promise<{ revoked: boolean }> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'revoked_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`no token ${id} (list them with: vigie token list)`);
  if (row.revoked_at) return { revoked: false };
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
  return { revoked: true };
}

/** Resolves a presented token. Constant work per call: one indexed lookup by hash. */
export async function checkToken(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<TokenCheck> {
  if (!looksLikeToken(token)) return { ok: false, reason: 'malformed' };
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id as token_id',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
      'users.id',
      'users.name',
      'users.role',
      'users.created_at',
    ])
    .where('api_tokens.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.revoked_at) return { ok: false, reason: 'revoked' };
  if (row.expires_at && Date.parse(row.expires_at) <= now.getTime()) {
    return { ok: false, reason: 'expired' };
  }
  return { ok: true, user: toUser(row), tokenId: row.token_id, expiresAt: row.expires_at };
}

export async function touchToken(
  db: Kysely<Database>,
  id: string,
  now = new Date(),
): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
}

/** The longest token lifetime `--expires` accepts: 10 years. */
export const MAX_TOKEN_LIFETIME_MS = 3650 * 86_400_000;
const MAX_LIFETIME_TEXT = 'at most 10 years (3650d)';

/** `30d`, `12h`, `90m`, `2w` → milliseconds; at most {@link MAX_TOKEN_LIFETIME_MS}. */
export function parseDuration(text: string): number {
  const m = /^(\d+)\s*([mhdw])$/.exec(text.trim());
  if (!m)
    throw new InputError(`invalid duration "${text}": expected e.g. 30d, 12h, 90m, 2w`, 'expires');
  const n = Number(m[1]);
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[
    m[2] as 'm' | 'h' | 'd' | 'w'
  ];
  if (n <= 0) throw new InputError(`invalid duration "${text}": must be positive`, 'expires');
  // Also catches digits past Number's range (Infinity) before they become an invalid date.
  if (!(n * unit <= MAX_TOKEN_LIFETIME_MS))
    throw new InputError(
      `--expires "${text}" is too long: a token lives ${MAX_LIFETIME_TEXT}`,
      'expires',
    );
  return n * unit;
}
