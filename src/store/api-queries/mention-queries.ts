/**
 * Mentions as the API shows them: filtered newest-first pages, and the mentions of a document
 * or an event with the sentence their span covers.
 * @module
 */
import { sql, type Kysely, type SqlBool, type Expression } from 'kysely';
import type { Cue } from '../../domain/mention.js';
import { decodeCodes, type Database, type MentionRow } from '../schema.js';
import type { StoreDialect } from '../migrations/migration.js';
import { documentSearchCondition } from '../text-search.js';
import {
  afterKeyset,
  cutPage,
  mergeNewestFirst,
  newestFirst,
  sinceBound,
  untilBound,
} from './keyset.js';

export interface ApiMention {
  id: string;
  documentId: string;
  type: string;
  source: string | null;
  target: string | null;
  modality: string;
  capabilities: string[];
  date: string | null;
  span: { start: number; end: number };
  trigger: { start: number; end: number } | null;
  mutual: boolean;
  lang: string | null;
  published: string | null;
  rules: string[];
  cues: Cue[];
  confidence: number;
  eventId: string | null;
}

export interface MentionFilters {
  type?: string;
  actor?: string;
  modality?: string;
  lang?: string;
  capability?: string;
  since?: string;
  until?: string;
  q?: string;
  documentId?: string;
  eventId?: string;
}

export interface CursorPage<T> {
  items: T[];
  next: string | null;
}

function parseJsonArray<T>(text: string): T[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

export function toApiMention(row: MentionRow): ApiMention {
  return {
    id: row.id,
    documentId: row.document_id,
    type: row.type,
    source: row.source_actor,
    target: row.target_actor,
    modality: row.modality,
    capabilities: decodeCodes(row.capabilities),
    date: row.date,
    span: { start: row.span_start, end: row.span_end },
    trigger:
      row.trigger_start === null || row.trigger_end === null
        ? null
        : { start: row.trigger_start, end: row.trigger_end },
    mutual: row.mutual === 1,
    lang: row.lang,
    published: row.published,
    rules: parseJsonArray<string>(row.rules),
    cues: parseJsonArray<Cue>(row.cues),
    confidence: Number(row.confidence),
    eventId: row.event_id,
  };
}

function conditions(dialect: StoreDialect, f: MentionFilters): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [];
  if (f.type) where.push(sql<SqlBool>`mentions.type = ${f.type}`);
  if (f.modality) where.push(sql<SqlBool>`mentions.modality = ${f.modality}`);
  if (f.lang) where.push(sql<SqlBool>`mentions.lang = ${f.lang}`);
  if (f.capability) where.push(sql<SqlBool>`mentions.capabilities LIKE ${`%|${f.capability}|%`}`);
  if (f.since) where.push(sinceBound('mentions.published', f.since));
  if (f.until) where.push(untilBound('mentions.published', f.until));
  if (f.documentId) where.push(sql<SqlBool>`mentions.document_id = ${f.documentId}`);
  if (f.eventId) where.push(sql<SqlBool>`mentions.event_id = ${f.eventId}`);
  if (f.q) {
    const search = documentSearchCondition(dialect, f.q);
    if (search) {
      where.push(
        sql<SqlBool>`mentions.document_id IN (SELECT documents.id FROM documents WHERE ${search})`,
      );
    }
  }
  return where;
}

const keyOf = (m: MentionRow): [string | null, string] => [m.published, m.id];

/**
 * A newest-first page of mentions. An actor matches either role; the two roles are read as two
 * index-ordered queries and merged, so a common actor never sorts its whole history.
 */
export async function listApiMentions(
  db: Kysely<Database>,
  dialect: StoreDialect,
  filters: MentionFilters,
  page: { limit: number; cursor?: string },
): Promise<CursorPage<ApiMention>> {
  const base = conditions(dialect, filters);
  if (page.cursor) base.push(afterKeyset('mentions.published', 'mentions.id', page.cursor));
  const run = (extra: Expression<SqlBool>[]) => {
    let q = db.selectFrom('mentions').selectAll();
    for (const c of [...base, ...extra]) q = q.where(c);
    return q
      .orderBy(newestFirst(dialect, 'mentions.published', 'mentions.id'))
      .limit(page.limit + 1)
      .execute();
  };
  let rows: MentionRow[];
  if (filters.actor) {
    const a = filters.actor;
    const [asSource, asTarget] = await Promise.all([
      run([sql<SqlBool>`mentions.source_actor = ${a}`]),
      run([
        sql<SqlBool>`mentions.target_actor = ${a}`,
        sql<SqlBool>`(mentions.source_actor IS NULL OR mentions.source_actor <> ${a})`,
      ]),
    ]);
    rows = mergeNewestFirst([asSource, asTarget], keyOf).slice(0, page.limit + 1);
  } else {
    rows = await run([]);
  }
  const cut = cutPage(rows, page.limit, keyOf);
  return { items: cut.items.map(toApiMention), next: cut.next };
}

export interface MentionWithSentence extends ApiMention {
  /** The text of the sentence span, from the document. */
  sentence: string;
}

export function withSentence(mention: ApiMention, text: string): MentionWithSentence {
  return { ...mention, sentence: text.slice(mention.span.start, mention.span.end) };
}

export async function mentionsOfDocument(
  db: Kysely<Database>,
  documentId: string,
): Promise<ApiMention[]> {
  const rows = await db
    .selectFrom('mentions')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('span_start')
    .orderBy('id')
    .execute();
  return rows.map(toApiMention);
}

export interface DocumentRef {
  id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  lang: string | null;
  published: string | null;
  sourceId: string | null;
  storyId: string | null;
  origin: string | null;
}

export interface MentionInContext extends MentionWithSentence {
  document: DocumentRef;
}

/** Mentions with their sentence and document, for events and explanations. */
export async function mentionsInContext(
  db: Kysely<Database>,
  where: { eventIds: readonly string[] },
  limitPerCall = 500,
): Promise<MentionInContext[]> {
  if (where.eventIds.length === 0) return [];
  const rows = await db
    .selectFrom('mentions')
    .innerJoin('documents', 'documents.id', 'mentions.document_id')
    .selectAll('mentions')
    .select([
      'documents.title as d_title',
      'documents.outlet as d_outlet',
      'documents.url as d_url',
      'documents.lang as d_lang',
      'documents.published as d_published',
      'documents.source_id as d_source_id',
      'documents.story_id as d_story_id',
      'documents.origin as d_origin',
      'documents.text as d_text',
    ])
    .where('mentions.event_id', 'in', [...where.eventIds])
    .orderBy('mentions.published')
    .orderBy('mentions.id')
    .limit(limitPerCall)
    .execute();
  return rows.map((r) => ({
    // Spans are UTF-16 offsets, as JavaScript indexes strings: cut here, not in SQL.
    ...withSentence(toApiMention(r), r.d_text),
    document: {
      id: r.document_id,
      title: r.d_title,
      outlet: r.d_outlet,
      url: r.d_url,
      lang: r.d_lang,
      published: r.d_published,
      sourceId: r.d_source_id,
      storyId: r.d_story_id,
      origin: r.d_origin,
    },
  }));
}
