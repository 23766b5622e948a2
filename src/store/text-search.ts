/**
 * Full-text conditions over documents (title + text), the same semantics on both backends:
 * every term must occur as a substring, case-insensitively. `"quoted phrases"` stay one term.
 * SQLite answers from its FTS5 index (words and word prefixes; CJK as bigrams, see fts-text.ts),
 * PostgreSQL with ILIKE backed by a pg_trgm index (any substring). Terms the index cannot answer
 * (a lone CJK character, punctuation) fall back to LIKE. The FTS5 rowid is a search key
 * (search-key.ts), not the document's rowid: `key & ROWID_MASK` is.
 * @module
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { StoreDialect } from './migrations/migration.js';
import { ftsQueryForTerm } from './fts-text.js';
import { ROWID_MASK, searchKeySql } from './search-key.js';

/** Splits a query into terms: quoted phrases, else whitespace-separated words. */
export function parseSearchTerms(q: string): string[] {
  const terms: string[] = [];
  const re = /"([^"]*)"|(\S+)/gu;
  for (const m of q.normalize('NFC').matchAll(re)) {
    const term = (m[1] ?? m[2] ?? '').trim();
    if (term.length > 0) terms.push(term);
  }
  return terms;
}

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** How SQLite answers a query: an FTS5 MATCH expression and LIKE conditions for the rest. */
export interface SqliteSearch {
  /** FTS5 query over `documents_fts`, or null when no term is indexable. */
  readonly match: string | null;
  /** Conditions on `documents` for the terms the index cannot answer. */
  readonly likes: RawBuilder<SqlBool>[];
}

/** Splits `q` into what the SQLite full-text index answers and what LIKE must; null: no terms. */
export function sqliteSearch(q: string): SqliteSearch | null {
  const terms = parseSearchTerms(q);
  if (terms.length === 0) return null;
  const indexed: string[] = [];
  const likes: RawBuilder<SqlBool>[] = [];
  for (const term of terms) {
    const query = ftsQueryForTerm(term);
    if (query !== null) {
      indexed.push(query);
      continue;
    }
    const pattern = likePattern(term);
    likes.push(
      sql<SqlBool>`(documents.text LIKE ${pattern} ESCAPE '\\' OR coalesce(documents.title, '') LIKE ${pattern} ESCAPE '\\')`,
    );
  }
  return { match: indexed.length > 0 ? indexed.join(' AND ') : null, likes };
}

/**
 * A condition on the `documents` table (unaliased) that is true when the document matches every
 * term of `q`; null when `q` has no terms. On SQLite, `belowKey` keeps only index rows with a
 * search key below it (search-key.ts).
 */
export function documentSearchCondition(
  dialect: StoreDialect,
  q: string,
  belowKey?: number,
): RawBuilder<SqlBool> | null {
  if (dialect === 'postgres') {
    const terms = parseSearchTerms(q);
    if (terms.length === 0) return null;
    const parts = terms.map(
      (term) =>
        sql`(coalesce(documents.title, '') || ' ' || documents.text) ILIKE ${likePattern(term)}`,
    );
    return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
  }
  const search = sqliteSearch(q);
  if (!search) return null;
  const parts: RawBuilder<unknown>[] = [...search.likes];
  if (search.match !== null) {
    const below = belowKey === undefined ? sql`` : sql` AND rowid < ${belowKey}`;
    parts.push(
      sql`documents.rowid IN (SELECT rowid & ${sql.lit(ROWID_MASK)} FROM documents_fts WHERE documents_fts MATCH ${search.match}${below})`,
    );
  } else if (belowKey !== undefined) {
    parts.push(
      sql`${sql.raw(searchKeySql('documents.published', 'documents.rowid'))} < ${belowKey}`,
    );
  }
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
}

export interface Highlight {
  readonly start: number;
  readonly end: number;
}

export interface Snippet {
  /** A window of the text around the first match, with `…` where it was cut. */
  readonly text: string;
  /** Where the terms occur in `text` (UTF-16 offsets), for the UI to mark. */
  readonly highlights: readonly Highlight[];
}

/** A snippet of `text` around the first occurrence of any term, with every occurrence marked. */
export function buildSnippet(text: string, terms: readonly string[], radius = 80): Snippet {
  const needles = terms.map((t) => t.toLowerCase()).filter((t) => t.length > 0);
  // Lists without a query show every document's opening: no need to lower-case whole texts.
  const lower = needles.length > 0 ? text.toLowerCase() : '';
  let first = -1;
  for (const n of needles) {
    const i = lower.indexOf(n);
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  const centre = first < 0 ? 0 : first;
  const start = Math.max(0, centre - radius);
  const end = Math.min(text.length, centre + radius * 2);
  const prefix = start > 0 ? '…' : '';
  const window = text.slice(start, end).replace(/\s+/g, ' ');
  const body = `${prefix}${window}${end < text.length ? '…' : ''}`;
  const highlights: Highlight[] = [];
  if (needles.length === 0) return { text: body, highlights };
  const lowerBody = body.toLowerCase();
  for (const n of needles) {
    for (let i = lowerBody.indexOf(n); i >= 0; i = lowerBody.indexOf(n, i + n.length)) {
      highlights.push({ start: i, end: i + n.length });
    }
  }
  highlights.sort((a, b) => a.start - b.start);
  const merged: Highlight[] = [];
  for (const h of highlights) {
    const last = merged[merged.length - 1];
    if (last && h.start <= last.end)
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, h.end) };
    else merged.push(h);
  }
  return { text: body, highlights: merged };
}
