/**
 * `vigie import gdelt FILE`: parses a GDELT 1.0 or 2.0 event file (plain or zipped), maps it onto
 * ontology v1 and stores it in batches. Bad rows are counted and the first ones listed; the rest
 * is imported. Re-importing a file stores nothing twice (GLOBALEVENTID is the key). A file that
 * breaks off part-way (a cap of `limits`, a damaged zip) keeps the rows read before the break and
 * says why in `stopped`; one that yields no row at all is refused with the reader's error.
 * @module
 */
import { InputError } from '../../domain/errors.js';
import { GDELT_WIDTH, insertGdeltValues } from '../../store/gdelt-insert.js';
import type { Store } from '../../store/open-store.js';
import { loadGdeltMaps, type GdeltMaps } from './cameo-map.js';
import { GdeltRowError, parseGdeltInto } from './parse-gdelt-row.js';
import { DEFAULT_GDELT_LIMITS, readGdeltLines, type GdeltReadLimits } from './read-gdelt-lines.js';

export interface GdeltImportOptions {
  /** How many bad rows are listed in the result (all are counted). Default 20. */
  readonly maxListedErrors?: number;
  /** Rows stored per transaction. Default 10,000. */
  readonly batchSize?: number;
  readonly maps?: GdeltMaps;
  readonly now?: () => Date;
  /** Called after each stored batch with the rows read so far. */
  readonly onProgress?: (rowsRead: number) => void;
  /** Caps on a zip entry's decompressed size and on one line (vigie.yaml `gdelt`). */
  readonly limits?: GdeltReadLimits;
}

export interface GdeltImportResult {
  readonly file: string;
  /** Non-empty lines read. */
  readonly rows: number;
  readonly inserted: number;
  /** Rows whose GLOBALEVENTID was already stored (or repeated in the file). */
  readonly duplicates: number;
  /** Imported rows with no ontology type (kept, flagged with type NULL). */
  readonly unmapped: number;
  readonly byVersion: Readonly<Record<'1' | '2', number>>;
  readonly byType: Readonly<Record<string, number>>;
  readonly errorCount: number;
  readonly errors: readonly { readonly line: number; readonly message: string }[];
  /** Why reading stopped before the end of the file; the rows read before are imported. */
  readonly stopped: string | null;
}

export async function importGdeltFile(
  store: Store,
  file: string,
  options: GdeltImportOptions = {},
): Promise<GdeltImportResult> {
  const maps = options.maps ?? loadGdeltMaps();
  const maxListed = options.maxListedErrors ?? 20;
  const batchSize = options.batchSize ?? 10_000;
  const importedAt = (options.now ?? (() => new Date()))().toISOString();
  const errors: { line: number; message: string }[] = [];
  const byType: Record<string, number> = {};
  const byVersion = { '1': 0, '2': 0 };
  let rows = 0;
  let errorCount = 0;
  let inserted = 0;
  let duplicates = 0;
  let unmapped = 0;
  const width = GDELT_WIDTH;
  const values: unknown[] = new Array(batchSize * width);
  let pending = 0;

  const flush = async () => {
    if (pending === 0) return;
    const result = await insertGdeltValues(store, values, pending, importedAt);
    inserted += result.inserted;
    duplicates += result.duplicates;
    pending = 0;
    options.onProgress?.(rows);
  };

  const reader = readGdeltLines(file, options.limits ?? DEFAULT_GDELT_LIMITS);
  let stopped: InputError | null = null;
  try {
    for (;;) {
      let next: IteratorResult<string[]>;
      try {
        next = await reader.next();
      } catch (error) {
        // Only the reader's own refusals end the import early; a store failure still throws.
        if (!(error instanceof InputError)) throw error;
        stopped = error;
        break;
      }
      if (next.done) break;
      for (const line of next.value) {
        rows++;
        let type: string | null;
        try {
          type = parseGdeltInto(line, maps, values, pending * width);
        } catch (error) {
          if (!(error instanceof GdeltRowError)) throw error;
          errorCount++;
          if (errors.length < maxListed) errors.push({ line: rows, message: error.message });
          continue;
        }
        const key = type ?? 'UNMAPPED';
        byType[key] = (byType[key] ?? 0) + 1;
        if (type === null) unmapped++;
        byVersion[values[pending * width + 1] === 1 ? '1' : '2']++;
        if (++pending >= batchSize) await flush();
      }
    }
  } finally {
    // Closes the file when a store failure ends the loop.
    await reader.return(undefined);
  }
  if (stopped && rows === 0) throw stopped;
  await flush();
  return {
    file,
    rows,
    inserted,
    duplicates,
    unmapped,
    byVersion,
    byType,
    errorCount,
    errors,
    stopped: stopped?.message ?? null,
  };
}
