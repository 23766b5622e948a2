/**
 * Mentions as the API shows them: filtered newest-first pages, and the mentions of a document
 * or an event with the sentence their span covers.
 * @module
 */
import { sql, type Kysely, type SqlBool, type Expression } from 'kysely';
import { readAttribution, type MentionAttribution } from '../../domain/attribution.js';
import type { Cue } from '../../domain/mention.js';
import { decodeCodes, type Database, type MentionRow } from '../schema.js';
import type { StoreReader } from '../read-rows.js';
import { parseSearchTerms } from '../text-search.js';
import { sinceBound, untilBound } from './keyset.js';
import { readMentionsOfMatches } from './mention-search.js';
import {
  readKeysetPage,
  type CursorPage,
  type KeysetColumns,
  type PageRequest,
} from './paged-list.js';

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
  /** Whom the text says the claim comes from, and the conduit that carried it. */
  attribution: MentionAttribution | null;
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

function parseJsonArray<T>(text: string): T[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

export function toApiMention(row: MentionListRow): ApiMention {
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
    attribution: readAttribution(row.attribution),
  };
}

/** A mention row without `created_at` and `correction_id`, which no mention response carries. */
export type MentionListRow = Omit<MentionRow, 'created_at' | 'correction_id'>;

const LIST_COLUMNS = [
  'id',
  'document_id',
  'type',
  'source_actor',
  'target_actor',
  'modality',
  'capabilities',
  'date',
  'span_start',
  'span_end',
  'trigger_start',
  'trigger_end',
  'mutual',
  'lang',
  'published',
  'rules',
  'cues',
  'confidence',
  'event_id',
  'attribution',
] as const;

const ORDER: KeysetColumns<MentionListRow> = {
  key: 'mentions.published',
  id: 'mentions.id',
  of: (m) => [m.published, m.id],
};

function conditions(f: MentionFilters): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [];
  if (f.type) where.push(sql<SqlBool>`mentions.type = ${f.type}`);
  if (f.modality) where.push(sql<SqlBool>`mentions.modality = ${f.modality}`);
  if (f.lang) where.push(sql<SqlBool>`mentions.lang = ${f.lang}`);
  if (f.capability) where.push(sql<SqlBool>`mentions.capabilities LIKE ${`%|${f.capability}|%`}`);
  if (f.since) where.push(sinceBound('mentions.published', f.since));
  if (f.until) where.push(untilBound('mentions.published', f.until));
  if (f.documentId) where.push(sql<SqlBool>`mentions.document_id = ${f.documentId}`);
  if (f.eventId) where.push(sql<SqlBool>`mentions.event_id = ${f.eventId}`);
  return where;
}

/**
 * A newest-first page of mentions. An actor matches either role; the two roles are read as two
 * index-ordered queries and merged, so a common actor never sorts its whole history. `q` keeps
 * mentions whose document matches (mention-search.ts).
 */
export async function listApiMentions(
  store: StoreReader,
  filters: MentionFilters,
  page: PageRequest,
): Promise<CursorPage<ApiMention>> {
  const where = conditions(filters);
  const a = filters.actor;
  const branches = a
    ? [
        [sql<SqlBool>`mentions.source_actor = ${a}`],
        [
          sql<SqlBool>`mentions.target_actor = ${a}`,
          sql<SqlBool>`(mentions.source_actor IS NULL OR mentions.source_actor <> ${a})`,
        ],
      ]
    : undefined;
  const query = store.db.selectFrom('mentions').select([...LIST_COLUMNS]);
  const terms = filters.q ? parseSearchTerms(filters.q) : [];
  const cut =
    terms.length > 0
      ? await readMentionsOfMatches(store, filters.q!, query, where, ORDER, page, branches)
      : await readKeysetPage(store, query, where, ORDER, page, branches);
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
