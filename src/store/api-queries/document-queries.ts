/**
 * Documents as the API shows them: searchable newest-first pages with highlighted snippets,
 * one document with its mentions, story siblings, credited origin and source, and stories.
 * @module
 */
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { readStoryJoin, type StoryJoin } from '../../domain/story-join.js';
import type { Database, DocumentRow } from '../schema.js';
import type { StoreReader } from '../read-rows.js';
import { documentMentionCondition } from '../document-mention-filter.js';
import { buildSnippet, parseSearchTerms, type Snippet } from '../text-search.js';
import { readDocumentSearchPage } from './document-search.js';
import { sinceBound, untilBound } from './keyset.js';
import {
  mentionsOfDocument,
  withSentence,
  type DocumentRef,
  type MentionWithSentence,
} from './mention-queries.js';
import {
  readKeysetPage,
  type CursorPage,
  type KeysetColumns,
  type PageRequest,
} from './paged-list.js';

export interface DocumentFilters {
  lang?: string;
  since?: string;
  until?: string;
  q?: string;
  sourceId?: string;
  storyId?: string;
  outlet?: string;
  /** Documents with a mention of this event type, actor (either role), modality, capability. */
  type?: string;
  actor?: string;
  modality?: string;
  capability?: string;
}

export interface ApiDocumentSummary extends DocumentRef {
  ingestedAt: string;
  snippet: { text: string; highlights: { start: number; end: number }[] };
}

function snippetOf(text: string, terms: readonly string[]): ApiDocumentSummary['snippet'] {
  const s: Snippet = buildSnippet(text, terms);
  return { text: s.text, highlights: s.highlights.map((h) => ({ start: h.start, end: h.end })) };
}

const SUMMARY_COLUMNS = [
  'id',
  'title',
  'outlet',
  'url',
  'lang',
  'published',
  'source_id',
  'story_id',
  'origin',
  'ingested_at',
] as const;

type SummaryRow = Pick<DocumentRow, (typeof SUMMARY_COLUMNS)[number]>;

function toRef(r: SummaryRow): DocumentRef {
  return {
    id: r.id,
    title: r.title,
    outlet: r.outlet,
    url: r.url,
    lang: r.lang,
    published: r.published,
    sourceId: r.source_id,
    storyId: r.story_id,
    origin: r.origin,
  };
}

const HEAD_CHARS = 4000;
/** Without a query the snippet is the opening window of buildSnippet (3 × its radius of 80). */
const OPENING_CHARS = 241;

type ListRow = SummaryRow & { head: string };

const ORDER: KeysetColumns<ListRow> = {
  key: 'documents.published',
  id: 'documents.id',
  of: (r) => [r.published, r.id],
};

/** A newest-first page of documents with a snippet each: the opening, or around the first match. */
export async function listApiDocuments(
  store: StoreReader,
  f: DocumentFilters,
  page: PageRequest,
): Promise<CursorPage<ApiDocumentSummary>> {
  const where: Expression<SqlBool>[] = [];
  if (f.lang) where.push(sql<SqlBool>`documents.lang = ${f.lang}`);
  if (f.sourceId) where.push(sql<SqlBool>`documents.source_id = ${f.sourceId}`);
  if (f.storyId) where.push(sql<SqlBool>`documents.story_id = ${f.storyId}`);
  if (f.outlet) where.push(sql<SqlBool>`documents.outlet = ${f.outlet}`);
  if (f.since) where.push(sinceBound('documents.published', f.since));
  if (f.until) where.push(untilBound('documents.published', f.until));
  const facet = documentMentionCondition(f);
  if (facet) where.push(facet);
  const terms = f.q ? parseSearchTerms(f.q) : [];
  // Without a query the snippet is the opening; with one, the match may lie further in.
  const headChars = terms.length > 0 ? HEAD_CHARS : OPENING_CHARS;
  const query = store.db
    .selectFrom('documents')
    .select([...SUMMARY_COLUMNS, sql<string>`substr(documents.text, 1, ${headChars})`.as('head')]);
  const cut =
    terms.length > 0
      ? await readDocumentSearchPage(store, f.q!, searchColumns(), query, where, ORDER, page)
      : await readKeysetPage(store, query, where, ORDER, page);
  const texts = terms.length > 0 ? await longTexts(store, cut.items) : null;
  return {
    items: cut.items.map((r) => ({
      ...toRef(r),
      ingestedAt: r.ingested_at,
      snippet: snippetOf(texts?.get(r.id) ?? r.head, terms),
    })),
    next: cut.next,
  };
}

/**
 * The list's columns as SQL for the search's own query (document-search.ts), head included: the
 * first batch is a page and a few rows, so one read beats a second query for the page's heads.
 */
function searchColumns(): RawBuilder<unknown> {
  return sql.join([
    ...SUMMARY_COLUMNS.map((c) => sql.ref(`documents.${c}`)),
    sql`substr(documents.text, 1, ${HEAD_CHARS}) AS head`,
  ]);
}

/** The whole texts of the page's hits whose match may lie past the head read with the page. */
async function longTexts(
  store: StoreReader,
  rows: readonly { id: string; head: string }[],
): Promise<Map<string, string>> {
  const long = rows.filter((r) => r.head.length >= HEAD_CHARS).map((r) => r.id);
  if (long.length === 0) return new Map();
  const full = await store.db
    .selectFrom('documents')
    .select(['id', 'text'])
    .where('id', 'in', long)
    .execute();
  return new Map(full.map((r) => [r.id, r.text]));
}

export interface ApiSourceRef {
  id: string;
  name: string;
  kind: string;
  url: string | null;
  reliability: string;
}

export interface ApiDocumentDetail extends DocumentRef {
  ingestedAt: string;
  extractedAt: string | null;
  text: string;
  meta: unknown;
  mentions: MentionWithSentence[];
  source: ApiSourceRef | null;
  story: {
    id: string;
    documentCount: number;
    firstDocumentId: string;
    firstPublished: string | null;
    /** Why this document is in the story (null when it was clustered before joins were recorded). */
    joined: StoryJoin | null;
  } | null;
  siblings: DocumentRef[];
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** One document with everything the document page shows; null when there is no such id. */
export async function getApiDocument(
  db: Kysely<Database>,
  id: string,
): Promise<ApiDocumentDetail | null> {
  const doc = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!doc) return null;
  const [mentions, source, story, siblings, join] = await Promise.all([
    mentionsOfDocument(db, id),
    findSourceOf(db, doc),
    doc.story_id
      ? db.selectFrom('stories').selectAll().where('id', '=', doc.story_id).executeTakeFirst()
      : Promise.resolve(undefined),
    doc.story_id
      ? db
          .selectFrom('documents')
          .select([...SUMMARY_COLUMNS])
          .where('story_id', '=', doc.story_id)
          .where('id', '<>', id)
          .orderBy('published')
          .orderBy('id')
          .limit(100)
          .execute()
      : Promise.resolve([]),
    storyJoinsOf(db, [id]),
  ]);
  return {
    ...toRef(doc),
    ingestedAt: doc.ingested_at,
    extractedAt: doc.extracted_at,
    text: doc.text,
    meta: parseJson(doc.meta),
    mentions: mentions.map((m) => withSentence(m, doc.text)),
    source,
    story: story
      ? {
          id: story.id,
          documentCount: story.document_count,
          firstDocumentId: story.first_document_id,
          firstPublished: story.first_published,
          joined: join.get(id) ?? null,
        }
      : null,
    siblings: siblings.map(toRef),
  };
}

/**
 * Why each of the documents (at most a few hundred: callers chunk) is in its story, the matched
 * report named by its outlet; `copiesOnly` leaves out the stories' first reports.
 */
export async function storyJoinsOf(
  db: Kysely<Database>,
  ids: readonly string[],
  options: { copiesOnly?: boolean } = {},
): Promise<Map<string, StoryJoin>> {
  if (ids.length === 0) return new Map();
  let q = db
    .selectFrom('story_documents as j')
    .leftJoin('documents as matched', 'matched.id', 'j.matched_document_id')
    .select([
      'j.document_id',
      'j.reason',
      'j.matched_document_id',
      'matched.outlet as matched_outlet',
      'j.source',
      'j.evidence',
    ])
    .where('j.document_id', 'in', ids);
  if (options.copiesOnly) q = q.where('j.reason', '<>', 'new-story');
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.document_id, readStoryJoin(r)]));
}

/** The document's source by id, else the outlet source of the same name. */
async function findSourceOf(db: Kysely<Database>, doc: DocumentRow): Promise<ApiSourceRef | null> {
  const select = db.selectFrom('sources').select(['id', 'name', 'kind', 'url', 'reliability']);
  const row = doc.source_id
    ? await select.where('id', '=', doc.source_id).executeTakeFirst()
    : doc.outlet
      ? await select.where('name', '=', doc.outlet).executeTakeFirst()
      : undefined;
  return row ?? null;
}

export interface ApiStory {
  id: string;
  firstDocumentId: string;
  firstPublished: string | null;
  documentCount: number;
  createdAt: string;
  updatedAt: string;
  documents: DocumentRef[];
  /** Credited origins named by the story's documents, with how many name each. */
  origins: { name: string; documents: number }[];
  /** Why each document is in the story, in the order of `documents` (those with a recorded join). */
  joins: (StoryJoin & { documentId: string })[];
}

export async function getApiStory(db: Kysely<Database>, id: string): Promise<ApiStory | null> {
  const story = await db.selectFrom('stories').selectAll().where('id', '=', id).executeTakeFirst();
  if (!story) return null;
  const docs = await db
    .selectFrom('documents')
    .select([...SUMMARY_COLUMNS])
    .where('story_id', '=', id)
    .orderBy('published')
    .orderBy('id')
    .limit(500)
    .execute();
  const origins = new Map<string, number>();
  for (const d of docs) if (d.origin) origins.set(d.origin, (origins.get(d.origin) ?? 0) + 1);
  const joins = await storyJoinsOf(
    db,
    docs.map((d) => d.id),
  );
  return {
    id: story.id,
    firstDocumentId: story.first_document_id,
    firstPublished: story.first_published,
    documentCount: story.document_count,
    createdAt: story.created_at,
    updatedAt: story.updated_at,
    documents: docs.map(toRef),
    origins: [...origins].map(([name, documents]) => ({ name, documents })),
    joins: docs.flatMap((d) => {
      const join = joins.get(d.id);
      return join ? [{ documentId: d.id, ...join }] : [];
    }),
  };
}
