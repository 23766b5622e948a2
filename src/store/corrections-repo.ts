/**
 * Analyst corrections of mentions (docs/corrections.md): the one read and write path of the
 * `corrections` table, shared by the CLI and the API.
 *
 * The `mentions` table holds the effective mentions: each row is the extracted mention with its
 * latest live correction applied (`correction_id` names it), and a rejected mention has no row,
 * so everything downstream (events, credibility, boards, alerts, exports) reads corrected values
 * without knowing corrections exist. A correction is keyed by the mention's document and spans,
 * since re-extraction replaces mention rows and their ids: `reapplyCorrections` puts the live
 * corrections back on a document's fresh rows. Every correction keeps the extracted mention it
 * applies to, so revoking the last one restores the extraction.
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { InputError, NotFoundError } from '../domain/errors.js';
import type { CorrectionRow, Database, MentionRow, NewMention } from './schema.js';

/** The values of a mention an analyst can correct. */
export interface CorrectedFields {
  readonly type: string;
  readonly source: string | null;
  readonly target: string | null;
  readonly modality: string;
  readonly date: string | null;
}

export type CorrectionAction = 'reject' | 'amend';

export interface Correction {
  readonly id: string;
  readonly documentId: string;
  readonly mentionId: string;
  readonly span: { start: number; end: number };
  readonly trigger: { start: number; end: number } | null;
  readonly action: CorrectionAction;
  readonly before: CorrectedFields;
  /** Null for a rejection. */
  readonly after: CorrectedFields | null;
  readonly eventId: string | null;
  readonly note: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
  readonly revokeNote: string | null;
}

export interface NewCorrection {
  readonly mentionId: string;
  /** Mark the mention wrong; otherwise `changes` amends it. */
  readonly reject?: boolean;
  readonly changes?: Partial<CorrectedFields>;
  readonly note?: string | null;
  readonly by: string;
  readonly now?: string;
}

export interface CorrectionOutcome {
  readonly correction: Correction;
  readonly documentId: string;
  /** The event the mention belonged to before: it lost a member and must be refitted. */
  readonly previousEventId: string | null;
  /** The row now carrying the mention's values (unresolved: `event_id` null); null when rejected. */
  readonly mentionId: string | null;
}

type Db = Kysely<Database>;
type MentionKeyRow = Pick<
  CorrectionRow,
  'document_id' | 'span_start' | 'span_end' | 'trigger_start' | 'trigger_end'
>;
/** A mention row as extracted, without the columns analysis and corrections set. */
type ExtractedRow = Omit<NewMention, 'event_id' | 'correction_id'>;

export function fieldsOf(row: {
  type: string;
  source_actor?: string | null;
  target_actor?: string | null;
  modality: string;
  date?: string | null;
}): CorrectedFields {
  return {
    type: row.type,
    source: row.source_actor ?? null,
    target: row.target_actor ?? null,
    modality: row.modality,
    date: row.date ?? null,
  };
}

function toCorrection(r: CorrectionRow): Correction {
  return {
    id: r.id,
    documentId: r.document_id,
    mentionId: r.mention_id,
    span: { start: r.span_start, end: r.span_end },
    trigger:
      r.trigger_start === null || r.trigger_end === null
        ? null
        : { start: r.trigger_start, end: r.trigger_end },
    action: r.action as CorrectionAction,
    before: JSON.parse(r.before) as CorrectedFields,
    after: r.after === null ? null : (JSON.parse(r.after) as CorrectedFields),
    eventId: r.event_id,
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    revokedBy: r.revoked_by,
    revokeNote: r.revoke_note,
  };
}

function extractedOf(row: MentionRow): ExtractedRow {
  const { event_id: _e, correction_id: _c, ...rest } = row;
  return rest;
}

/** Rows with the same document and spans as `key` (mentions or corrections). */
function whereKey<T extends 'mentions' | 'corrections'>(db: Db, table: T, key: MentionKeyRow) {
  let q = db
    .selectFrom(table as 'mentions')
    .where('document_id', '=', key.document_id)
    .where('span_start', '=', key.span_start)
    .where('span_end', '=', key.span_end);
  q =
    key.trigger_start === null
      ? q.where('trigger_start', 'is', null)
      : q.where('trigger_start', '=', key.trigger_start);
  q =
    key.trigger_end === null
      ? q.where('trigger_end', 'is', null)
      : q.where('trigger_end', '=', key.trigger_end);
  return q;
}

async function correctionsOfKey(db: Db, key: MentionKeyRow): Promise<CorrectionRow[]> {
  const rows = (await whereKey(db, 'corrections', key)
    .selectAll()
    .execute()) as unknown as CorrectionRow[];
  return rows.sort((a, b) => a.seq - b.seq);
}

async function mentionOfKey(db: Db, key: MentionKeyRow): Promise<MentionRow | undefined> {
  return (await whereKey(db, 'mentions', key).selectAll().executeTakeFirst()) as
    MentionRow | undefined;
}

function sameFields(a: CorrectedFields, b: CorrectedFields): boolean {
  return (
    a.type === b.type &&
    a.source === b.source &&
    a.target === b.target &&
    a.modality === b.modality &&
    a.date === b.date
  );
}

/**
 * Records a correction of a mention and applies it to the mention row, in the caller's
 * transaction. The mention is left unresolved (`event_id` null) for analysis to place it again.
 */
export async function recordCorrection(db: Db, input: NewCorrection): Promise<CorrectionOutcome> {
  const now = input.now ?? new Date().toISOString();
  const row = (await db
    .selectFrom('mentions')
    .selectAll()
    .where('id', '=', input.mentionId)
    .executeTakeFirst()) as MentionRow | undefined;
  if (!row) {
    throw new NotFoundError(
      `no mention ${input.mentionId} (a rejected mention comes back when its rejection is revoked)`,
    );
  }
  const history = await correctionsOfKey(db, row);
  const extracted = row.correction_id === null ? extractedOf(row) : latestSnapshot(history, row);
  const before = fieldsOf(row);
  const after = input.reject ? null : { ...before, ...input.changes };
  if (after !== null && sameFields(before, after)) {
    throw new InputError('the correction changes nothing: give a new value or reject', 'changes');
  }
  const correction: CorrectionRow = {
    id: `cor-${randomUUID()}`,
    document_id: row.document_id,
    span_start: row.span_start,
    span_end: row.span_end,
    trigger_start: row.trigger_start,
    trigger_end: row.trigger_end,
    mention_id: row.id,
    seq: (history.at(-1)?.seq ?? 0) + 1,
    action: input.reject ? 'reject' : 'amend',
    before: JSON.stringify(before),
    after: after === null ? null : JSON.stringify(after),
    extracted: JSON.stringify(extracted),
    event_id: row.event_id,
    note: input.note?.trim() || null,
    created_by: input.by,
    created_at: now,
    revoked_at: null,
    revoked_by: null,
    revoke_note: null,
  };
  await db.insertInto('corrections').values(correction).execute();
  const applied = await applyLatest(db, row);
  return {
    correction: toCorrection(correction),
    documentId: row.document_id,
    previousEventId: applied.previousEventId,
    mentionId: applied.mentionId,
  };
}

/** Revokes a live correction (audited) and puts the mention back as the next live one, or extracted. */
export async function revokeCorrection(
  db: Db,
  input: { id: string; by: string; note?: string | null; now?: string },
): Promise<CorrectionOutcome> {
  const row = await db
    .selectFrom('corrections')
    .selectAll()
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`no correction ${input.id}`);
  if (row.revoked_at !== null) {
    throw new InputError(`correction ${input.id} was revoked on ${row.revoked_at}`, 'id');
  }
  const revoked = {
    revoked_at: input.now ?? new Date().toISOString(),
    revoked_by: input.by,
    revoke_note: input.note?.trim() || null,
  };
  await db.updateTable('corrections').set(revoked).where('id', '=', input.id).execute();
  const applied = await applyLatest(db, row);
  return {
    correction: toCorrection({ ...row, ...revoked }),
    documentId: row.document_id,
    previousEventId: applied.previousEventId,
    mentionId: applied.mentionId,
  };
}

/** The extracted mention the latest correction of a key was made on. */
function latestSnapshot(history: readonly CorrectionRow[], key: MentionKeyRow): ExtractedRow {
  const last = history.at(-1);
  if (!last) throw new Error(`no correction for mention key ${JSON.stringify(key)}`);
  return JSON.parse(last.extracted) as ExtractedRow;
}

/**
 * Makes the mention row of a key match its latest live correction (or the extraction when none
 * is live). Returns the event the row belonged to and the row's id afterwards.
 */
async function applyLatest(
  db: Db,
  key: MentionKeyRow,
): Promise<{ previousEventId: string | null; mentionId: string | null }> {
  const history = await correctionsOfKey(db, key);
  const current = await mentionOfKey(db, key);
  const extracted =
    current && current.correction_id === null ? extractedOf(current) : latestSnapshot(history, key);
  const live = history.filter((c) => c.revoked_at === null).at(-1);
  const previousEventId = current?.event_id ?? null;
  if (live?.action === 'reject') {
    if (current) await db.deleteFrom('mentions').where('id', '=', current.id).execute();
    return { previousEventId, mentionId: null };
  }
  const fields = live?.after ? (JSON.parse(live.after) as CorrectedFields) : fieldsOf(extracted);
  const values = {
    type: fields.type,
    source_actor: fields.source,
    target_actor: fields.target,
    modality: fields.modality,
    date: fields.date,
    correction_id: live?.id ?? null,
    event_id: null,
  };
  if (current) {
    await db.updateTable('mentions').set(values).where('id', '=', current.id).execute();
    return { previousEventId, mentionId: current.id };
  }
  const taken = await db
    .selectFrom('mentions')
    .select('id')
    .where('id', '=', extracted.id)
    .executeTakeFirst();
  const id = taken
    ? `${key.document_id}#at${key.span_start}-${key.trigger_start ?? 's'}`
    : extracted.id;
  await db
    .insertInto('mentions')
    .values({ ...extracted, ...values, id })
    .execute();
  return { previousEventId, mentionId: id };
}

/**
 * After a document's mentions were replaced (re-extraction): each key with a live correction gets
 * it again, on the fresh row when the extractor still finds the mention. Returns how many.
 */
export async function reapplyCorrections(db: Db, documentId: string): Promise<number> {
  const rows = await db
    .selectFrom('corrections')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('revoked_at', 'is', null)
    .execute();
  const keys = new Map<string, CorrectionRow>();
  for (const r of rows) {
    keys.set(`${r.span_start}:${r.span_end}:${r.trigger_start}:${r.trigger_end}`, r);
  }
  for (const key of keys.values()) {
    const fresh = await mentionOfKey(db, key);
    if (fresh && fresh.correction_id === null) {
      // The extraction it now applies to, for a later revocation.
      const history = await correctionsOfKey(db, key);
      await db
        .updateTable('corrections')
        .set({ extracted: JSON.stringify(extractedOf(fresh)) })
        .where('id', '=', history.at(-1)!.id)
        .execute();
    }
    await applyLatest(db, key);
  }
  return keys.size;
}

export interface CorrectionFilters {
  readonly documentId?: string;
  /** Live (not revoked) only. */
  readonly live?: boolean;
  readonly by?: string;
}

/** Corrections, newest first. */
export async function listCorrections(
  db: Db,
  filters: CorrectionFilters,
  page: { limit: number; offset?: number },
): Promise<Correction[]> {
  let q = db.selectFrom('corrections').selectAll();
  if (filters.documentId) q = q.where('document_id', '=', filters.documentId);
  if (filters.live) q = q.where('revoked_at', 'is', null);
  if (filters.by) q = q.where('created_by', '=', filters.by);
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .execute();
  return rows.map(toCorrection);
}

/** The corrections of a mention (also once it is rejected and its row gone), oldest first. */
export async function correctionsOfMention(db: Db, mentionId: string): Promise<Correction[]> {
  const row = await db
    .selectFrom('mentions')
    .select(['document_id', 'span_start', 'span_end', 'trigger_start', 'trigger_end'])
    .where('id', '=', mentionId)
    .executeTakeFirst();
  const byId = await db
    .selectFrom('corrections')
    .selectAll()
    .where('mention_id', '=', mentionId)
    .execute();
  const key = row ?? byId[0];
  if (!key) return [];
  return (await correctionsOfKey(db, key)).map(toCorrection);
}

/** Live corrections by id, for explanations (the audit trail of a hypothesis). */
export async function correctionsById(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, Correction>> {
  const out = new Map<string, Correction>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('corrections')
      .selectAll()
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, toCorrection(r));
  }
  return out;
}

/** Live rejections of mentions that belonged to these events when rejected. */
export async function rejectionsOfEvents(
  db: Db,
  eventIds: readonly string[],
): Promise<Correction[]> {
  const out: Correction[] = [];
  for (let i = 0; i < eventIds.length; i += 500) {
    const rows = await db
      .selectFrom('corrections')
      .selectAll()
      .where('event_id', 'in', eventIds.slice(i, i + 500))
      .where('action', '=', 'reject')
      .where('revoked_at', 'is', null)
      .execute();
    for (const r of rows) out.push(toCorrection(r));
  }
  return out;
}
