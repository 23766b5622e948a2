/**
 * The whole store as JSONL: a header line, then one line per row, table by table in key order,
 * keys in canonical order. Export → import into an empty store → export gives the same bytes.
 *
 * Line shapes: `{"format":"vigie-store","tables":[…],"version":1}` then `{"row":{…},"table":"documents"}`.
 * The auth tables (users, token hashes) are left out unless `includeAuth`; the header lists the
 * tables the file carries.
 * @module
 */
import type { Store } from '../../store/open-store.js';
import { canonicalJson } from '../canonical-json.js';
import { scanTablePages } from '../scan-table.js';
import { exportedTables } from '../store-tables.js';

export const STORE_FORMAT = 'vigie-store';
export const STORE_FORMAT_VERSION = 1;

/** A chunk is written once it holds this many characters, whatever its row count. */
const CHUNK_CHARS = 1 << 20;

/**
 * Lines joined in chunks of at most `chunkRows` rows or about 1 M characters (fewer, larger
 * writes; bounded memory with long documents). The caller writes each chunk before asking for
 * the next (the generator is pulled), so a slow writer holds back the reads.
 */
export async function* exportStoreJsonl(
  store: Store,
  options: { readonly chunkRows?: number; readonly includeAuth?: boolean } = {},
): AsyncGenerator<string> {
  const chunkRows = options.chunkRows ?? 500;
  const tables = exportedTables(options.includeAuth === true);
  yield `${canonicalJson({
    format: STORE_FORMAT,
    version: STORE_FORMAT_VERSION,
    tables: tables.map((t) => t.name),
  })}\n`;
  for (const table of tables) {
    const suffix = `},"table":${JSON.stringify(table.name)}}\n`;
    let buffer = '';
    let n = 0;
    for await (const page of scanTablePages(store, table)) {
      // Same bytes as canonicalJson({ row, table }), without building and sorting objects per row.
      const order = page.columns
        .map((c, i) => [c, i] as const)
        .sort((a, b) => (a[0] < b[0] ? -1 : 1));
      const prefixes = order.map(([c], i) => `${i === 0 ? '' : ','}${JSON.stringify(c)}:`);
      const index = order.map(([, i]) => i);
      for (const row of page.rows) {
        let line = '{"row":{';
        for (let i = 0; i < index.length; i++) {
          const value = row[index[i]!];
          line +=
            prefixes[i]! +
            (value !== null && typeof value === 'object'
              ? canonicalJson(value)
              : JSON.stringify(value ?? null));
        }
        buffer += line + suffix;
        if (++n >= chunkRows || buffer.length >= CHUNK_CHARS) {
          yield buffer;
          buffer = '';
          n = 0;
        }
      }
    }
    if (buffer) yield buffer;
  }
}
