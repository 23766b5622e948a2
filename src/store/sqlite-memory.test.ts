import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';
import { resolveSqliteMemory, SQLITE_MEMORY } from './sqlite-memory.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-memory-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The cache (KiB, as a negative cache_size) and map (bytes) a store was opened with. */
async function pragmasOf(options: Parameters<typeof openStore>[0]) {
  const store = await openStore(options);
  try {
    return {
      cacheKiB: -Number(store.sqlite!.pragma('cache_size', { simple: true })),
      mmapBytes: Number(store.sqlite!.pragma('mmap_size', { simple: true })),
    };
  } finally {
    await store.close();
  }
}

describe('SQLite memory by store use', () => {
  it('maps the file for a server and not for a batch job or a one-pass export', async () => {
    const url = join(dir, 'vigie.db');
    expect(await pragmasOf({ url })).toEqual({ cacheKiB: 65536, mmapBytes: 268435456 });
    expect(await pragmasOf({ url, use: 'batch' })).toEqual({ cacheKiB: 65536, mmapBytes: 0 });
    expect(await pragmasOf({ url, use: 'scan' })).toEqual({ cacheKiB: 2048, mmapBytes: 0 });
    expect(
      await pragmasOf({ url, use: 'scan', memory: { cacheBytes: 8 << 20, mmapBytes: 1 << 20 } }),
    ).toEqual({ cacheKiB: 8192, mmapBytes: 1 << 20 });
  });

  it('refuses unknown uses and sizes that are not whole bytes before touching the file', async () => {
    const url = join(dir, 'sub', 'vigie.db');
    expect(() => resolveSqliteMemory('scan', { mmapBytes: -1 })).toThrow(/mmapBytes/);
    expect(() => resolveSqliteMemory('scan', { cacheBytes: 1.5 })).toThrow(/cacheBytes/);
    await expect(openStore({ url, use: 'desktop' as never })).rejects.toMatchObject({
      code: 'VIGIE_INPUT_INVALID',
      message: /unknown store use "desktop"/,
    });
    expect(existsSync(join(dir, 'sub'))).toBe(false);
    expect(resolveSqliteMemory('server')).toEqual(SQLITE_MEMORY.server);
  });
});
