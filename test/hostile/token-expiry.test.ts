/**
 * Low finding of the hardening review: `vigie token create u --expires 99999999d` printed
 * "Invalid time value" (a date past JavaScript's range). A lifetime beyond 10 years is now a
 * usage error that says what is accepted (exit code 2), and no token is created.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  createToken,
  MAX_TOKEN_LIFETIME_MS,
  parseDuration,
} from '../../src/store/auth-repo.js';
import { openStore } from '../../src/store/open-store.js';

const dir = mkdtempSync(join(tmpdir(), 'vigie-token-'));
const db = join(dir, 'vigie.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const exec = promisify(execFile);
const clean = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.startsWith('VIGIE_')),
);
const vigie = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await exec(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', '--db', db, ...args],
      { cwd: process.cwd(), env: clean },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

describe('token lifetimes', () => {
  it('accepts up to 10 years and refuses more with a clear message', () => {
    expect(MAX_TOKEN_LIFETIME_MS).toBe(3650 * 86_400_000);
    expect(parseDuration('3650d')).toBe(MAX_TOKEN_LIFETIME_MS);
    expect(parseDuration('521w')).toBe(521 * 604_800_000);
    for (const text of ['3651d', '99999999d', '522w', '87601h', `${'9'.repeat(400)}m`])
      expect(() => parseDuration(text)).toThrow(/at most 10 years \(3650d\)/);
  });

  it('createToken refuses an expiry beyond 10 years or an invalid date', async () => {
    const store = await openStore({ url: ':memory:' });
    try {
      await addUser(store.db, { name: 'u', role: 'viewer' });
      const now = new Date('2026-01-01T00:00:00Z');
      const far = new Date(now.getTime() + MAX_TOKEN_LIFETIME_MS + 1);
      await expect(createToken(store.db, { user: 'u', expiresAt: far }, now)).rejects.toThrow(
        /at most 10 years/,
      );
      await expect(
        createToken(store.db, { user: 'u', expiresAt: new Date(Number.NaN) }, now),
      ).rejects.toThrow(/not a valid date/);
      expect(await store.db.selectFrom('api_tokens').selectAll().execute()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe('vigie token create --expires', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    expect((await vigie('user', 'add', 'u', '--role', 'viewer')).code).toBe(0);
  });

  it('exits 2 with a clear message for 99999999d, and creates nothing', async () => {
    const result = await vigie('token', 'create', 'u', '--expires', '99999999d');
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/Invalid time value/);
    expect(result.stderr).toMatch(/--expires "99999999d".*at most 10 years \(3650d\)/);
    expect(result.stdout).toBe('');
    const listed = await vigie('token', 'list', '--json');
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });
});
