/**
 * Mentions: one extracted event claim in one sentence of one document.
 * @module
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type SqliteDatabase from 'better-sqlite3';
import type { ExtractedMention } from '../domain/mention.js';
import { encodeCodes, type Database, type MentionRow, type NewMention } from './schema.js';
import { dialectOf } from './dialect-of.js';
import { reapplyCorrections } from './corrections-repo.js';
import { insertRowsSqlite } from './documents-repo.js';
import {
  afterCursor,
  pageLimit,
  sinceCondition,
  toPage,
  untilCondition,
  type Page,
  type PageRequest,
} from './paging.js';
import { documentSearchCondition } from './text-search.js';

export interface MentionFilters {
  readonly type?: string | undefined;
  /** Actor code in either role. */
  readonly actor?: string | undefined;
  readonly modality?: string | undefined;
  readonly lang?: string | undefined;
  readonly capability?: string | undefined;
  /** On the mention date, falling back to the document's publication date. */
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  /** Full text of the mention's document. */
  readonly q?: string | undefined;
  readonly documentId?: string | undefined;
  readonly eventId?: string | undefined;
}

/** The rows `insertMentions` writes, ids `${documentId}#${i}`. */
export function mentionRows(
  documentId: string,
  mentions: readonly ExtractedMention[],
  doc: { lang?: string | null | undefined; published?: string | null | undefined },
  now = new Date().toISOString(),
): NewMention[] {
  return mentions.map((m, i) => ({
    id: `${documentId}#${i}`,
    document_id: documentId,
    type: m.type,
    source_actor: m.source,
    target_actor: m.target,
    modality: m.modality,
    capabilities: encodeCodes(m.capabilities),
    date: m.date,
    span_start: m.start,
    span_end: m.end,
    trigger_start: m.trigger?.start ?? null,
    trigger_end: m.trigger?.end ?? null,
    mutual: m.mutual ? 1 : 0,
    lang: doc.lang ?? null,
    published: doc.published ?? null,
    rules: JSON.stringify(m.rules),
    cues: JSON.stringify(m.cues),
    confidence: m.confidence,
    event_id: null,
    created_at: now,
    attribution: m.attribution ? JSON.stringify(m.attribution) : null,
  }));
}

/**
 * Replaces the mentions of a document with these (re-extraction), then puts the analysts' live
 * corrections back on them (corrections-repo.ts). Returns how many were written.
 */
export async function insertMentions(
  db: Kysely<Database>,
  documentId: string,
  mentions: readonly ExtractedMention[],
  doc: { lang?: string | null | undefined; published?: string | null | undefined },
): Promise<number> {
  await db.deleteFrom('mentions').where('document_id', '=', documentId).execute();
  const written = await insertMentionRows(db, mentionRows(documentId, mentions, doc));
  await reapplyCorrections(db, documentId);
  return written;
}

/** Inserts prepared mention rows in chunks (no replacement). */
export async function insertMentionRows(
  db: Kysely<Database>,
  rows: readonly NewMention[],
  chunkSize = 400,
): Promise<number> {
  for (let i = 0; i < rows.length; i += chunkSize) {
    await db
      .insertInto('mentions')
      .values(rows.slice(i, i + chunkSize))
      .execute();
  }
  return rows.length;
}

/** insertMentionRows on the raw SQLite handle, inside the caller's transaction. */
export function insertMentionRowsSqlite(
  sqlite: SqliteDatabase.Database,
  rows: readonly NewMention[],
): number {
  insertRowsSqlite(sqlite, 'mentions', rows, { onConflict: 'fail' });
  return rows.length;
}

const MENTION_DATE = sql`coalesce(mentions.date, mentions.published)`;
const SORT_KEY = sql<string>`coalesce(mentions.published, '')`;
const ID = sql<string>`mentions.id`;

function mentionConditions(db: Kysely<Database>, f: MentionFilters): RawBuilder<SqlBool>[] {
  const parts: RawBuilder<SqlBool>[] = [];
  if (f.type) parts.push(sql<SqlBool>`mentions.type = ${f.type}`);
  if (f.actor) {
    parts.push(
      sql<SqlBool>`(mentions.source_actor = ${f.actor} OR mentions.target_actor = ${f.actor})`,
    );
  }
  if (f.modality) parts.push(sql<SqlBool>`mentions.modality = ${f.modality}`);
  if (f.lang) parts.push(sql<SqlBool>`mentions.lang = ${f.lang}`);
  if (f.capability) parts.push(sql<SqlBool>`mentions.capabilities LIKE ${`%|${f.capability}|%`}`);
  if (f.since) parts.push(sinceCondition(MENTION_DATE, f.since));
  if (f.until) parts.push(untilCondition(MENTION_DATE, f.until));
  if (f.documentId) parts.push(sql<SqlBool>`mentions.document_id = ${f.documentId}`);
  if (f.eventId) parts.push(sql<SqlBool>`mentions.event_id = ${f.eventId}`);
  if (f.q) {
    const match = documentSearchCondition(dialectOf(db), f.q);
    if (match) {
      parts.push(
        sql<SqlBool>`mentions.document_id IN (SELECT documents.id FROM documents WHERE ${match})`,
      );
    }
  }
  return parts;
}

/** Mentions matching the filters, newest published first. */
export async function listMentions(
  db: Kysely<Database>,
  filters: MentionFilters,
  page: PageRequest,
): Promise<Page<MentionRow>> {
  const limit = pageLimit(page);
  const parts = mentionConditions(db, filters);
  if (page.cursor) parts.push(afterCursor(SORT_KEY, ID, page.cursor));
  let query = db.selectFrom('mentions').selectAll();
  for (const p of parts) query = query.where(p);
  const rows = await query
    .orderBy(SORT_KEY, 'desc')
    .orderBy('mentions.id', 'desc')
    .limit(limit + 1)
    .offset(page.cursor ? 0 : (page.offset ?? 0))
    .execute();
  return toPage(rows, limit, (r) => [r.published ?? '', r.id]);
}

export async function countMentions(
  db: Kysely<Database>,
  filters: MentionFilters,
): Promise<number> {
  let query = db.selectFrom('mentions').select((eb) => eb.fn.countAll<number | string>().as('n'));
  for (const p of mentionConditions(db, filters)) query = query.where(p);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}
