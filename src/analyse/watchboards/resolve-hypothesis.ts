/**
 * Resolving a hypothesis, the same for the CLI and the API: check the input and that the
 * hypothesis exists, append the record (who, when) and rescore its board, which freezes the
 * hypothesis at its outcome from the resolution day (log-odds.ts).
 * @module
 */
import { InputError, NotFoundError, formatIssues } from '../../domain/errors.js';
import type { Store } from '../../store/open-store.js';
import { recordResolution, type Resolution } from '../../store/resolutions-repo.js';
import { withTransaction } from '../../store/transaction.js';
import { BoardSchema, ResolutionInputSchema, type Watchboard } from './board-schema.js';
import { scoreBoardsIn } from './score-boards.js';

export interface ResolveRequest {
  /** `board/hypothesis` */
  readonly hypothesisId: string;
  readonly input: unknown;
  readonly recordedBy: string;
  /** ISO timestamp; default now. Resolution days after it are refused. */
  readonly now?: string;
}

export async function resolveHypothesis(
  store: Store,
  request: ResolveRequest,
  boards?: readonly Watchboard[],
): Promise<Resolution> {
  const parsed = ResolutionInputSchema.safeParse(request.input);
  if (!parsed.success) throw new InputError(formatIssues(parsed.error.issues), 'resolution');
  const input = parsed.data;
  const now = request.now ?? new Date().toISOString();
  if (input.date > now.slice(0, 10))
    throw new InputError(`resolution date ${input.date} is in the future`, 'date');
  const slash = request.hypothesisId.indexOf('/');
  const boardId = slash > 0 ? request.hypothesisId.slice(0, slash) : '';
  const board = (boards ?? (await storedBoards(store, [boardId]))).find((b) => b.id === boardId);
  const row = await store.db
    .selectFrom('hypotheses')
    .select(['id', 'board_id'])
    .where('id', '=', request.hypothesisId)
    .executeTakeFirst();
  const inBoard = board?.hypotheses.some((h) => `${board.id}/${h.id}` === request.hypothesisId);
  if (!row && !inBoard)
    throw new NotFoundError(
      `no hypothesis "${request.hypothesisId}" (write it as board/hypothesis, e.g. russia-dprk/air-defence)`,
    );
  return withTransaction(store, async (trx) => {
    const resolution = await recordResolution(trx, {
      hypothesisId: request.hypothesisId,
      boardId: row?.board_id ?? boardId,
      outcome: input.outcome,
      date: input.date,
      source: input.source,
      note: input.note ?? null,
      recordedBy: request.recordedBy,
      recordedAt: now,
    });
    if (board) await scoreBoardsIn(trx, [board], { now });
    return resolution;
  });
}

/**
 * Boards as the store holds them (`watchboards.definition`, written by every scoring), for callers
 * without the YAML files (the API). Definitions that no longer validate are left out.
 */
export async function storedBoards(
  store: Pick<Store, 'db'>,
  ids?: readonly string[],
): Promise<Watchboard[]> {
  let q = store.db.selectFrom('watchboards').select(['id', 'definition']);
  if (ids) q = q.where('id', 'in', ids.length > 0 ? ids : ['']);
  const out: Watchboard[] = [];
  for (const row of await q.orderBy('id').execute()) {
    let value: unknown;
    try {
      value = JSON.parse(row.definition);
    } catch {
      continue;
    }
    const parsed = BoardSchema.safeParse(value);
    if (!parsed.success) continue;
    const resolutions = (value as { resolutions?: Watchboard['resolutions'] }).resolutions;
    out.push({
      ...parsed.data,
      file: `(store:${row.id})`,
      ...(resolutions ? { resolutions } : {}),
    });
  }
  return out;
}
