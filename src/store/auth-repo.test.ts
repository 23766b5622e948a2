import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './open-store.js';
import {
  addUser,
  checkToken,
  createToken,
  hashToken,
  listTokens,
  listUsers,
  parseDuration,
  revokeToken,
} from './auth-repo.js';

let store: Store;
beforeEach(async () => {
  store = await openStore({ url: ':memory:' });
});
afterEach(async () => store.close());

describe('auth repository', () => {
  it('adds users with a valid name and role, once', async () => {
    await addUser(store.db, { name: 'ana', role: 'analyst' });
    expect((await listUsers(store.db)).map((u) => [u.name, u.role])).toEqual([['ana', 'analyst']]);
    await expect(addUser(store.db, { name: 'ana', role: 'viewer' })).rejects.toMatchObject({
      code: 'VIGIE_CONFLICT',
    });
    await expect(addUser(store.db, { name: 'bob', role: 'root' })).rejects.toMatchObject({
      code: 'VIGIE_INPUT_INVALID',
    });
    await expect(addUser(store.db, { name: "x'; drop", role: 'viewer' })).rejects.toMatchObject({
      code: 'VIGIE_INPUT_INVALID',
    });
  });

  it('stores only the sha256 of a token and resolves it to its user', async () => {
    await addUser(store.db, { name: 'ana', role: 'analyst' });
    const { token, info } = await createToken(store.db, { user: 'ana', name: 'laptop' });
    expect(token).toMatch(/^vigie_[A-Za-z0-9_-]{43}$/);
    const row = await store.db.selectFrom('api_tokens').selectAll().executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(6));
    const check = await checkToken(store.db, token);
    expect(check).toMatchObject({
      ok: true,
      tokenId: info.id,
      user: { name: 'ana', role: 'analyst' },
    });
    expect(
      await checkToken(store.db, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`),
    ).toMatchObject({ ok: false });
    expect(await checkToken(store.db, 'vigie_short')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses expired and revoked tokens', async () => {
    await addUser(store.db, { name: 'ana', role: 'viewer' });
    const now = new Date('2025-01-01T00:00:00Z');
    const t = await createToken(
      store.db,
      { user: 'ana', expiresAt: new Date('2025-01-31T00:00:00Z') },
      now,
    );
    expect((await checkToken(store.db, t.token, new Date('2025-01-30T00:00:00Z'))).ok).toBe(true);
    expect(await checkToken(store.db, t.token, new Date('2025-01-31T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'expired',
    });
    const r = await createToken(store.db, { user: 'ana' }, now);
    expect(await revokeToken(store.db, r.info.id)).toEqual({ revoked: true });
    expect(await revokeToken(store.db, r.info.id)).toEqual({ revoked: false });
    expect(await checkToken(store.db, r.token)).toEqual({ ok: false, reason: 'revoked' });
    await expect(revokeToken(store.db, 'tok_nope')).rejects.toMatchObject({
      code: 'VIGIE_NOT_FOUND',
    });
    expect((await listTokens(store.db)).map((x) => x.userName)).toEqual(['ana', 'ana']);
    await expect(createToken(store.db, { user: 'nobody' })).rejects.toMatchObject({
      code: 'VIGIE_NOT_FOUND',
    });
  });

  it('parses token lifetimes', () => {
    expect(parseDuration('30d')).toBe(30 * 86_400_000);
    expect(parseDuration('12h')).toBe(12 * 3_600_000);
    expect(parseDuration('2w')).toBe(14 * 86_400_000);
    expect(() => parseDuration('0d')).toThrow(/positive/);
    expect(() => parseDuration('soon')).toThrow(/invalid duration/);
  });
});
