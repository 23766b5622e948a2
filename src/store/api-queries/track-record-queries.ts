/**
 * The rows behind source track records (docs/source-grades.md), one read path for
 * `vigie source suggest-grades` and `GET /api/sources/track-records`: a page of sources, each
 * source's reports of events (with what tells a copy or a credited report from its own), the
 * events' stored origins, and the hypotheses each event supports. `analyse/sources` turns them
 * into records and grades.
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { Database, SourceRow } from '../schema.js';

type Db = Kysely<Database>;

/** Newest reports read per source: bounds the work of one request on a busy source. */
export const MAX_REPORTS_PER_SOURCE = 5000;
/** Modalities that make a mention a claim that the event happened (or will). */
const CLAIM_MODALITIES = ['ASSERTED', 'PLANNED', 'HEDGED'];
const CHUNK = 500;

/** One mention of an event in one of the source's documents. */
export interface SourceReportRow {
  readonly documentId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly published: string | null;
  readonly outlet: string | null;
  /** The origin the document credits (`documents.origin`), normalised name. */
  readonly origin: string | null;
  /** How it joined its story (`story_documents.reason`), null when not clustered. */
  readonly storyReason: string | null;
  /** The source of the document it was matched to as a copy, rewrite or translation. */
  readonly matchedSourceId: string | null;
  readonly matchedDocumentId: string | null;
}

export interface ClaimEventRow {
  readonly id: string;
  readonly type: string;
  /** The stored credibility explanation (JSON text, credibility-v2 holds the origin groups). */
  readonly explanation: string;
}

function inChunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** A page of sources by name (or the one asked for), with the total. */
export async function readSourcePage(
  db: Db,
  options: { readonly sourceId?: string; readonly limit: number; readonly offset: number },
): Promise<{ sources: SourceRow[]; total: number }> {
  let q = db.selectFrom('sources');
  if (options.sourceId !== undefined)
    q = q.where((eb) =>
      eb.or([eb('id', '=', options.sourceId!), eb('url', '=', options.sourceId!)]),
    );
  const [sources, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('name')
      .orderBy('id')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { sources, total: Number(count.n) };
}

/** The source's newest reports of events (claims only: asserted, planned or hedged mentions). */
export async function readSourceReports(db: Db, sourceId: string): Promise<SourceReportRow[]> {
  const rows = await db
    .selectFrom('documents as d')
    .innerJoin('mentions as m', 'm.document_id', 'd.id')
    .innerJoin('events as e', 'e.id', 'm.event_id')
    .leftJoin('story_documents as sd', 'sd.document_id', 'd.id')
    .leftJoin('documents as md', 'md.id', 'sd.matched_document_id')
    .select([
      'd.id as documentId',
      'm.event_id as eventId',
      'e.type as eventType',
      'd.published',
      'd.outlet',
      'd.origin',
      'sd.reason as storyReason',
      'sd.matched_document_id as matchedDocumentId',
      'md.source_id as matchedSourceId',
    ])
    .where('d.source_id', '=', sourceId)
    .where('m.modality', 'in', CLAIM_MODALITIES)
    .orderBy('d.published', 'desc')
    .orderBy('d.id')
    .orderBy('m.id')
    .limit(MAX_REPORTS_PER_SOURCE)
    .execute();
  return rows.map((r) => ({ ...r, eventId: r.eventId! }));
}

/** The events' types and stored explanations. */
export async function readClaimEvents(
  db: Db,
  eventIds: readonly string[],
): Promise<Map<string, ClaimEventRow>> {
  const out = new Map<string, ClaimEventRow>();
  for (const part of inChunks([...new Set(eventIds)])) {
    const rows = await db
      .selectFrom('events')
      .select(['id', 'type', 'explanation'])
      .where('id', 'in', part)
      .execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

/**
 * The hypotheses (`board/hypothesis`) each event supports: it meets one of their indicators whose
 * likelihood ratio is above 1. Indicators against a hypothesis say nothing of whether the event
 * happened when it resolves.
 */
export async function readSupportedHypotheses(
  db: Db,
  eventIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const part of inChunks([...new Set(eventIds)])) {
    const rows = await db
      .selectFrom('board_matches as bm')
      .innerJoin('indicators as i', 'i.id', 'bm.indicator_id')
      .select(['bm.event_id', 'i.hypothesis_id'])
      .distinct()
      .where('bm.event_id', 'in', part)
      .where('i.lr_present', '>', 1)
      .execute();
    for (const r of rows) {
      const list = out.get(r.event_id) ?? [];
      list.push(r.hypothesis_id);
      out.set(r.event_id, list);
    }
  }
  for (const list of out.values()) list.sort();
  return out;
}

/** Analyst corrections in force on each source's documents (extraction fixes, shown apart). */
export async function countLiveCorrections(
  db: Db,
  sourceIds: readonly string[],
): Promise<Map<string, number>> {
  if (sourceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('corrections as c')
    .innerJoin('documents as d', 'd.id', 'c.document_id')
    .select(['d.source_id', sql<string | number>`count(*)`.as('n')])
    .where('d.source_id', 'in', [...sourceIds])
    .where('c.revoked_at', 'is', null)
    .groupBy('d.source_id')
    .execute();
  return new Map(rows.map((r) => [r.source_id!, Number(r.n)]));
}
