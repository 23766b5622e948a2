/**
 * Upkeep of SQLite's full-text index after ingest. FTS5 writes a new b-tree segment at each
 * commit and merges only when four pile up on one level, so a store fed in batches keeps about
 * a dozen and a half segments, and every search term is looked up in each of them: on 125,000
 * documents, the newest 67 matches of a word took 88 µs over 17 segments and 30 µs over 4.
 * Merging down to one segment per level (usermerge 2, set by migration 0070) keeps that, at a cost
 * that grows like the log of the index per document, in steps short enough not to hold other
 * writers for long.
 * PostgreSQL needs none of this (its trigram index is kept by VACUUM).
 * @module
 */
import type SqliteDatabase from 'better-sqlite3';
import type { StoreReader } from './read-rows.js';
import { retryWhenBusy } from './sqlite-busy.js';

/** Pages written per merge step: a few MB, tens of milliseconds. */
const PAGES_PER_STEP = 256;
/** Steps per call; a call that stops early leaves the rest to the next one. */
const MAX_STEPS = 64;

export interface SearchIndexUpkeep {
  /** Merge steps that did work. */
  readonly steps: number;
  /** Whether the index was left with nothing to merge. */
  readonly settled: boolean;
}

/** Merges the full-text index's segments, level by level, until no level holds two. */
export async function tidySearchIndex(store: StoreReader): Promise<SearchIndexUpkeep> {
  const sqlite = store.sqlite;
  if (store.dialect !== 'sqlite' || !sqlite) return { steps: 0, settled: true };
  // Through Kysely's connection like any other statement: never inside another request's transaction.
  // Each merge step commits on its own; one refused by a busy database is retried (sqlite-busy.ts).
  return store.db.connection().execute(() => retryWhenBusy(() => mergeSegments(sqlite)));
}

/** tidySearchIndex on a raw SQLite handle, outside any transaction. */
export function mergeSegments(sqlite: SqliteDatabase.Database): SearchIndexUpkeep {
  const merge = sqlite.prepare(
    `INSERT INTO documents_fts(documents_fts, rank) VALUES('merge', ${PAGES_PER_STEP})`,
  );
  const changes = sqlite.prepare('SELECT total_changes()').pluck();
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    const before = changes.get() as number;
    merge.run();
    // FTS5's own test of whether a merge did anything: fewer than two rows changed.
    if ((changes.get() as number) - before < 2) return { steps, settled: true };
  }
  return { steps: MAX_STEPS, settled: false };
}
