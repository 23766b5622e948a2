/**
 * Low finding of the hardening review: an analyst's `GET /api/export?format=jsonl` carried the
 * `users` and `api_tokens` tables (names, roles, token hashes). Exports now leave the auth
 * tables out; `includeAuth=true` brings them back for an admin only (403 for anyone else), and
 * `vigie export --format jsonl --include-auth` for the operator (e.g. a move to PostgreSQL).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportStoreJsonl } from '../../src/report/export/export-jsonl.js';
import { importStoreJsonl } from '../../src/report/export/import-jsonl.js';
import { openStore } from '../../src/store/open-store.js';
import { buildHarness, type Harness } from '../server/harness.js';
import { seedStore } from '../server/seed.js';

const AUTH = ['users', 'api_tokens'];

/** The table of every row line, and the tables the header lists. */
function tablesOf(body: string): { header: string[]; rows: Set<string> } {
  const [first, ...lines] = body.split('\n').filter(Boolean);
  const header = (JSON.parse(first!) as { tables: string[] }).tables;
  const rows = new Set(lines.map((l) => (JSON.parse(l) as { table: string }).table));
  return { header, rows };
}

describe('GET /api/export?format=jsonl', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await buildHarness();
  });
  afterAll(() => h.close());

  it('gives an analyst the store without users and token hashes', async () => {
    const res = await h.as('analyst', { url: '/api/export?format=jsonl' });
    expect(res.statusCode).toBe(200);
    const { header, rows } = tablesOf(res.body);
    for (const table of AUTH) {
      expect(header).not.toContain(table);
      expect(rows.has(table)).toBe(false);
    }
    expect(rows.has('documents')).toBe(true);
    expect(res.body).not.toContain('token_hash');
    // The admin's default is the same: the auth tables only when asked for.
    const admin = await h.as('admin', { url: '/api/export?format=jsonl' });
    expect(admin.body).not.toContain('token_hash');
  });

  it('refuses includeAuth to an analyst with a 403 that says why', async () => {
    const res = await h.as('analyst', { url: '/api/export?format=jsonl&includeAuth=true' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'VIGIE_FORBIDDEN' } });
    expect(res.body).toMatch(/admin/);
  });

  it('gives an admin who asks the auth tables too', async () => {
    const res = await h.as('admin', { url: '/api/export?format=jsonl&includeAuth=true' });
    expect(res.statusCode).toBe(200);
    const { header, rows } = tablesOf(res.body);
    for (const table of AUTH) {
      expect(header).toContain(table);
      expect(rows.has(table)).toBe(true);
    }
  });

  it('rejects includeAuth on formats that never carry auth tables', async () => {
    const res = await h.as('admin', { url: '/api/export?format=csv&includeAuth=true' });
    expect(res.statusCode).toBe(400);
  });
});

describe('the JSONL export as a library', () => {
  it('round-trips without the auth tables, and with them when asked', async () => {
    const h = await buildHarness();
    try {
      const collect = async (includeAuth: boolean) => {
        let text = '';
        for await (const chunk of exportStoreJsonl(h.store, { includeAuth })) text += chunk;
        return text;
      };
      const bare = await collect(false);
      expect(tablesOf(bare).rows.has('users')).toBe(false);
      const target = await openStore({ url: ':memory:' });
      try {
        await importStoreJsonl(
          target,
          (async function* () {
            yield bare;
          })(),
        );
        expect(await target.db.selectFrom('users').selectAll().execute()).toEqual([]);
        expect((await target.db.selectFrom('documents').select('id').execute()).length).toBe(
          h.seed.ids.documents.length,
        );
      } finally {
        await target.close();
      }
      expect(tablesOf(await collect(true)).rows.has('api_tokens')).toBe(true);
    } finally {
      await h.close();
    }
  });
});

describe('vigie export --format jsonl', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-export-auth-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const exec = promisify(execFile);
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VIGIE_')),
  );
  const vigie = (...args: string[]) =>
    exec(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: process.cwd(),
      env: clean,
      maxBuffer: 64 << 20,
    });

  it('leaves the auth tables out unless --include-auth', async () => {
    const db = join(dir, 'seeded.db');
    const store = await openStore({ url: db });
    await seedStore(store);
    await store.close();
    const bare = await vigie('--db', db, 'export', '--format', 'jsonl');
    expect(bare.stdout).not.toContain('token_hash');
    expect(tablesOf(bare.stdout).header).not.toContain('users');
    const full = await vigie('--db', db, 'export', '--format', 'jsonl', '--include-auth');
    expect(tablesOf(full.stdout).rows).toContain('api_tokens');
  }, 60_000);
});
