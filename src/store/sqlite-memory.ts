/**
 * How much memory SQLite may take, chosen by the kind of process that opens the store.
 *
 * Mapped database pages count in the process's RSS (they are file pages, reclaimable by the
 * kernel, but a batch job's peak RSS is what the operator sees and what container limits kill
 * on). A map pays off only when the same pages are read again and again, as in a long-lived
 * server; a job that reads the file once would carry up to `mmapBytes` of it for nothing.
 *
 * @example
 * const store = await openStore({ url: 'vigie.db', use: 'scan' }); // vigie export
 * @module
 */
import { InputError } from '../domain/errors.js';

/** `server`: long-lived (serve, run). `batch`: CLI jobs that write. `scan`: one-pass reads. */
export const STORE_USES = ['server', 'batch', 'scan'] as const;
export type StoreUse = (typeof STORE_USES)[number];

export interface SqliteMemory {
  /** Page cache size in bytes (PRAGMA cache_size, per connection). */
  readonly cacheBytes: number;
  /** Memory-mapped I/O window in bytes (PRAGMA mmap_size); 0 reads through the page cache. */
  readonly mmapBytes: number;
}

const MB = 1024 * 1024;

/**
 * - server: hot index and row pages are read by every request; a 256 MB map avoids a copy per
 *   read, and the 64 MB cache holds the pages written by ingestion between batches.
 * - batch (ingest, import, analysis): the 64 MB cache keeps index pages across insert batches
 *   (the default 2 MB thrashes); no map, so a job that touches the whole file stays small.
 * - scan (exports, backup): every page is read once in key order; a large cache or a map only
 *   grows RSS, so SQLite's default 2 MB cache and no map.
 */
export const SQLITE_MEMORY: Readonly<Record<StoreUse, SqliteMemory>> = {
  server: { cacheBytes: 64 * MB, mmapBytes: 256 * MB },
  batch: { cacheBytes: 64 * MB, mmapBytes: 0 },
  scan: { cacheBytes: 2 * MB, mmapBytes: 0 },
};

/** The sizes for a use, explicit sizes taking precedence; a negative or fractional size is refused. */
export function resolveSqliteMemory(
  use: StoreUse,
  override: Partial<SqliteMemory> = {},
): SqliteMemory {
  if (!(STORE_USES as readonly string[]).includes(use))
    throw new InputError(
      `unknown store use "${use}" (use one of: ${STORE_USES.join(', ')})`,
      'use',
    );
  const memory = { ...SQLITE_MEMORY[use], ...override };
  for (const [name, value] of Object.entries(memory)) {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new InputError(
        `${name} must be a whole number of bytes ≥ 0, not ${String(value)}`,
        name,
      );
  }
  return memory;
}
