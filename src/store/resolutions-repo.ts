/**
 * Resolutions of hypotheses (migration 0023): the one read and write path for the CLI, the API
 * and board scoring. Records are appended, never edited: the latest per hypothesis is in force.
 * @module
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface Resolution {
  /** `board/hypothesis` */
  readonly hypothesisId: string;
  readonly boardId: string;
  readonly outcome: boolean;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly source: string;
  readonly note: string | null;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

export type NewResolution = Omit<Resolution, 'recordedAt'> & { readonly recordedAt?: string };

export async function recordResolution(
  db: Kysely<Database>,
  r: NewResolution,
): Promise<Resolution> {
  const recordedAt = r.recordedAt ?? new Date().toISOString();
  // The id carries the record's rank for its hypothesis, so records made in the same
  // millisecond still list in the order they were made (and a concurrent twin fails loudly).
  const earlier = await db
    .selectFrom('resolutions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('hypothesis_id', '=', r.hypothesisId)
    .executeTakeFirst();
  const rank = String(Number(earlier?.n ?? 0)).padStart(6, '0');
  await db
    .insertInto('resolutions')
    .values({
      id: `${r.hypothesisId}|${rank}`,
      hypothesis_id: r.hypothesisId,
      board_id: r.boardId,
      outcome: r.outcome ? 1 : 0,
      resolved_on: r.date,
      source_url: r.source,
      note: r.note,
      recorded_by: r.recordedBy,
      recorded_at: recordedAt,
    })
    .execute();
  return { ...r, recordedAt };
}

/** Every record, oldest first (the audit trail), for some boards or hypotheses. */
export async function listResolutions(
  db: Kysely<Database>,
  filter: { readonly boardIds?: readonly string[]; readonly hypothesisId?: string } = {},
): Promise<Resolution[]> {
  let q = db.selectFrom('resolutions').selectAll();
  if (filter.boardIds)
    q = q.where('board_id', 'in', filter.boardIds.length ? filter.boardIds : ['']);
  if (filter.hypothesisId) q = q.where('hypothesis_id', '=', filter.hypothesisId);
  const rows = await q.orderBy('hypothesis_id').orderBy('id').execute();
  return rows.map((row) => ({
    hypothesisId: row.hypothesis_id,
    boardId: row.board_id,
    outcome: Number(row.outcome) === 1,
    date: row.resolved_on,
    source: row.source_url,
    note: row.note,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  }));
}

/** The resolution in force per hypothesis: the latest record of each. */
export async function resolutionsInForce(
  db: Kysely<Database>,
  boardIds: readonly string[],
): Promise<Map<string, Resolution>> {
  const out = new Map<string, Resolution>();
  for (const r of await listResolutions(db, { boardIds })) out.set(r.hypothesisId, r);
  return out;
}
