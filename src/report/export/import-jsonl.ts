/**
 * Loads a JSONL store export (export-jsonl.ts) into an EMPTY store, in batches, in one
 * transaction: a bad line rolls everything back and names the line. This is also the
 * SQLite → PostgreSQL migration path: export from one, import into the other.
 * @module
 */
import { createReadStream, existsSync } from 'node:fs';
import { sql } from 'kysely';
import { InputError } from '../../domain/errors.js';
import type { Store } from '../../store/open-store.js';
import type { Database } from '../../store/schema.js';
import { STORE_TABLES, tableSpec } from '../store-tables.js';
import { STORE_FORMAT, STORE_FORMAT_VERSION } from './export-jsonl.js';

export interface ImportResult {
  /** Rows inserted per table. */
  readonly counts: Readonly<Record<string, number>>;
  readonly lines: number;
}

const BATCH_ROWS = 200;

export async function importStoreJsonlFile(store: Store, file: string): Promise<ImportResult> {
  if (!existsSync(file)) throw new InputError(`no such file: ${file}`, file);
  return importStoreJsonl(store, createReadStream(file), file);
}

/** Splits a byte or text stream into lines (LF or CRLF), decoding UTF-8 across chunk edges. */
export async function* splitLines(
  input: AsyncIterable<string | Uint8Array>,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  for await (const chunk of input) {
    rest += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let nl = rest.indexOf('\n');
    while (nl >= 0) {
      yield rest.slice(0, nl).replace(/\r$/, '');
      rest = rest.slice(nl + 1);
      nl = rest.indexOf('\n');
    }
  }
  rest += decoder.decode();
  if (rest.length > 0) yield rest.replace(/\r$/, '');
}

/** Refuses a store that already holds rows: the round trip keeps ids, so rows would collide. */
async function assertEmpty(store: Store): Promise<void> {
  for (const table of STORE_TABLES) {
    const row = await sql<{
      one: number;
    }>`SELECT 1 AS one FROM ${sql.table(table.name)} LIMIT 1`.execute(store.db);
    if (row.rows.length > 0)
      throw new InputError(
        `the target store is not empty (table ${table.name} has rows): import only into a new store`,
        table.name,
      );
  }
}

export async function importStoreJsonl(
  store: Store,
  input: AsyncIterable<string | Uint8Array>,
  name = 'input',
): Promise<ImportResult> {
  await assertEmpty(store);
  const lines = splitLines(input);
  const counts: Record<string, number> = {};
  let lineNo = 0;
  await store.db.transaction().execute(async (trx) => {
    let pendingTable: string | null = null;
    let pending: Record<string, unknown>[] = [];
    const flush = async () => {
      if (pendingTable && pending.length > 0) {
        try {
          await trx
            .insertInto(pendingTable as keyof Database)
            .values(pending as never)
            .execute();
        } catch (error) {
          throw new InputError(
            `${name} near line ${lineNo}: rows of ${pendingTable} could not be stored: ${(error as Error).message}`,
            `${name}:${lineNo}`,
            error,
          );
        }
        counts[pendingTable] = (counts[pendingTable] ?? 0) + pending.length;
      }
      pending = [];
    };
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new InputError(`${name} line ${lineNo}: not JSON`, `${name}:${lineNo}`);
      }
      if (lineNo === 1) {
        const header = value as { format?: unknown; version?: unknown };
        if (header.format !== STORE_FORMAT || header.version !== STORE_FORMAT_VERSION)
          throw new InputError(
            `${name} line 1: not a Vigie store export (expected format "${STORE_FORMAT}" version ${STORE_FORMAT_VERSION})`,
            `${name}:1`,
          );
        continue;
      }
      const entry = value as { table?: unknown; row?: unknown };
      if (typeof entry.table !== 'string' || !tableSpec(entry.table))
        throw new InputError(
          `${name} line ${lineNo}: unknown table ${JSON.stringify(entry.table)}`,
          `${name}:${lineNo}`,
        );
      if (entry.row === null || typeof entry.row !== 'object' || Array.isArray(entry.row))
        throw new InputError(
          `${name} line ${lineNo}: "row" must be an object`,
          `${name}:${lineNo}`,
        );
      if (entry.table !== pendingTable || pending.length >= BATCH_ROWS) {
        await flush();
        pendingTable = entry.table;
      }
      pending.push(entry.row as Record<string, unknown>);
    }
    if (lineNo === 0) throw new InputError(`${name}: empty file, not a Vigie store export`, name);
    await flush();
  });
  return { counts, lines: lineNo };
}
