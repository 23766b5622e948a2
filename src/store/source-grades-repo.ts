/**
 * Applying a reliability grade to a source with its audit record (migration 0110): the one write
 * path of `sources.reliability` for analysts (`vigie source grade`, `set-reliability`, the API).
 * The grade and its record are written in one transaction; records are never edited.
 * @module
 */
import type { Kysely } from 'kysely';
import type { Reliability } from '../domain/ontology.js';
import type { Store } from './open-store.js';
import type { Database, SourceRow } from './schema.js';
import { getSource, parseReliability } from './sources-repo.js';
import { withTransaction } from './transaction.js';

export interface GradeChange {
  readonly id: string;
  readonly sourceId: string;
  readonly before: string;
  readonly after: Reliability;
  readonly suggested: string | null;
  /** The track-record figures the suggestion rested on (what the analyst saw), or null. */
  readonly record: unknown;
  readonly note: string | null;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

export interface GradeRequest {
  /** Source id or URL. */
  readonly source: string;
  readonly grade: string;
  readonly note?: string | null | undefined;
  readonly recordedBy: string;
  readonly suggested?: string | null | undefined;
  readonly record?: unknown;
  /** ISO timestamp; default now. */
  readonly now?: string | undefined;
}

/** Sets the source's grade and appends the audit record; returns both. */
export async function applyGrade(
  store: Pick<Store, 'db' | 'dialect'>,
  request: GradeRequest,
): Promise<{ source: SourceRow; change: GradeChange }> {
  const after = parseReliability(request.grade);
  const recordedAt = request.now ?? new Date().toISOString();
  return withTransaction(store, async (trx) => {
    const row = await getSource(trx, request.source);
    // The id carries the record's rank for its source, so changes made in the same millisecond
    // still list in the order they were made (as resolutions do).
    const earlier = await trx
      .selectFrom('source_grades')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('source_id', '=', row.id)
      .executeTakeFirst();
    const change: GradeChange = {
      id: `${row.id}|${String(Number(earlier?.n ?? 0)).padStart(6, '0')}`,
      sourceId: row.id,
      before: row.reliability,
      after,
      suggested: request.suggested ?? null,
      record: request.record ?? null,
      note: request.note ?? null,
      recordedBy: request.recordedBy,
      recordedAt,
    };
    await trx
      .updateTable('sources')
      .set({ reliability: after, updated_at: recordedAt })
      .where('id', '=', row.id)
      .execute();
    await trx
      .insertInto('source_grades')
      .values({
        id: change.id,
        source_id: row.id,
        grade_before: change.before,
        grade_after: after,
        suggested: change.suggested,
        record: change.record === null ? null : JSON.stringify(change.record),
        note: change.note,
        recorded_by: change.recordedBy,
        recorded_at: recordedAt,
      })
      .execute();
    return { source: { ...row, reliability: after, updated_at: recordedAt }, change };
  });
}

/** A source's grade changes, newest first (at most `limit`). */
export async function listGradeChanges(
  db: Kysely<Database>,
  sourceId: string,
  limit = 100,
): Promise<GradeChange[]> {
  const rows = await db
    .selectFrom('source_grades')
    .selectAll()
    .where('source_id', '=', sourceId)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    sourceId: r.source_id,
    before: r.grade_before,
    after: r.grade_after as Reliability,
    suggested: r.suggested,
    record: r.record === null ? null : (JSON.parse(r.record) as unknown),
    note: r.note,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
  }));
}
