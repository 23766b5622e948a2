/**
 * The store tables a full export carries, each with the key that orders it (stable ordering for
 * byte-identical round trips, keyset pagination for constant memory).
 * @module
 */
import type { Database } from '../store/schema.js';

export interface TableSpec {
  readonly name: keyof Database & string;
  /** Unique key columns, compared in order (binary collation on both backends). */
  readonly key: readonly string[];
}

/** Every table of src/store/schema.ts, in export order (no foreign keys: any import order works). */
export const STORE_TABLES: readonly TableSpec[] = [
  { name: 'sources', key: ['id'] },
  { name: 'documents', key: ['id'] },
  { name: 'stories', key: ['id'] },
  { name: 'mentions', key: ['id'] },
  { name: 'corrections', key: ['id'] },
  { name: 'events', key: ['id'] },
  { name: 'watchboards', key: ['id'] },
  { name: 'hypotheses', key: ['id'] },
  { name: 'indicators', key: ['id'] },
  { name: 'evidence', key: ['id'] },
  { name: 'alerts', key: ['id'] },
  { name: 'outbox', key: ['id'] },
  { name: 'users', key: ['id'] },
  { name: 'api_tokens', key: ['id'] },
  { name: 'trend_counts', key: ['id'] },
  { name: 'analysis_state', key: ['key'] },
  { name: 'story_documents', key: ['document_id'] },
  { name: 'story_bands', key: ['band', 'document_id'] },
  { name: 'story_signatures', key: ['signature', 'document_id'] },
  { name: 'story_keys', key: ['key', 'document_id'] },
  { name: 'gdelt_events', key: ['id'] },
  { name: 'resolutions', key: ['id'] },
  { name: 'source_grades', key: ['id'] },
];

/** Users and token hashes: left out of exports unless an admin (or the operator) asks. */
export const AUTH_TABLES: ReadonlySet<string> = new Set(['users', 'api_tokens']);

/** The tables an export carries: every one, or every one but the auth tables. */
export function exportedTables(includeAuth: boolean): readonly TableSpec[] {
  return includeAuth ? STORE_TABLES : STORE_TABLES.filter((t) => !AUTH_TABLES.has(t.name));
}

export function tableSpec(name: string): TableSpec | undefined {
  return STORE_TABLES.find((t) => t.name === name);
}
