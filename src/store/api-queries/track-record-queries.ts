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
  /** The source and outlet of the document it was matched to as a copy, rewrite or translation. */
  readonly matchedSourceId: string | null;
  readonly matchedOutlet: string | null;
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

/** Prefix of the id an outlet of ingested files (no source row) has in track records. */
export const OUTLET_PREFIX = 'outlet:';

/**
 * Whom a record is about: a registered source, or an outlet named by documents that no source
 * brought in (files, stdin, GDELT), which has a record but no grade of its own to set.
 */
export interface RecordSubject {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly reliability: string;
  /** A registered source (its grade can be set), not a bare outlet. */
  readonly registered: boolean;
}

const subjectOf = (r: SourceRow): RecordSubject => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  reliability: r.reliability,
  registered: true,
});
const outletSubject = (name: string): RecordSubject => ({
  id: `${OUTLET_PREFIX}${name}`,
  name,
  kind: 'outlet',
  reliability: 'F',
  registered: false,
});

/**
 * A registered source of this kind stands for an outlet by its name (the API's "named outlet"):
 * documents ingested without a source but under that outlet name are its reports too, so the
 * outlet has one record, not one for the source and another for its documents.
 */
const NAMED_OUTLET = 'outlet';

/** Documents without a source, by outlet, except the outlets a named-outlet source stands for. */
const bareOutlets = (db: Db) =>
  db
    .selectFrom('documents')
    .where('source_id', 'is', null)
    .where('outlet', 'is not', null)
    .where('outlet', 'not in', (eb) =>
      eb.selectFrom('sources').select('name').where('kind', '=', NAMED_OUTLET),
    )
    .groupBy('outlet');

/**
 * A page of subjects, the one asked for (a source id or URL, or `outlet:NAME`) or all: the
 * sources by name, then the bare outlets by name; with the total.
 */
export async function readSourcePage(
  db: Db,
  options: { readonly sourceId?: string; readonly limit: number; readonly offset: number },
): Promise<{ sources: RecordSubject[]; total: number }> {
  const wanted = options.sourceId;
  if (wanted?.startsWith(OUTLET_PREFIX)) {
    const name = wanted.slice(OUTLET_PREFIX.length);
    const row = await bareOutlets(db)
      .select('outlet')
      .where('outlet', '=', name)
      .executeTakeFirst();
    return row && options.offset === 0
      ? { sources: [outletSubject(name)], total: 1 }
      : { sources: [], total: row ? 1 : 0 };
  }
  let q = db.selectFrom('sources');
  if (wanted !== undefined)
    q = q.where((eb) => eb.or([eb('id', '=', wanted), eb('url', '=', wanted)]));
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('name')
      .orderBy('id')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const sources = rows.map(subjectOf);
  if (wanted !== undefined) return { sources, total: Number(count.n) };
  const registered = Number(count.n);
  const outletCount = await db
    .selectFrom(bareOutlets(db).select('outlet').as('o'))
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const room = options.limit - sources.length;
  if (room > 0) {
    const outlets = await bareOutlets(db)
      .select('outlet')
      .orderBy('outlet')
      .limit(room)
      .offset(Math.max(0, options.offset - registered))
      .execute();
    for (const o of outlets) sources.push(outletSubject(o.outlet!));
  }
  return { sources, total: registered + Number(outletCount.n) };
}

/** The subject's newest reports of events (claims only: asserted, planned or hedged mentions). */
export async function readSourceReports(
  db: Db,
  subject: RecordSubject,
): Promise<SourceReportRow[]> {
  let q = db
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
      'md.outlet as matchedOutlet',
    ])
    .where('m.modality', 'in', CLAIM_MODALITIES);
  if (!subject.registered)
    q = q.where('d.source_id', 'is', null).where('d.outlet', '=', subject.name);
  else if (subject.kind === NAMED_OUTLET)
    q = q.where((eb) =>
      eb.or([
        eb('d.source_id', '=', subject.id),
        eb.and([eb('d.source_id', 'is', null), eb('d.outlet', '=', subject.name)]),
      ]),
    );
  else q = q.where('d.source_id', '=', subject.id);
  const rows = await q
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
