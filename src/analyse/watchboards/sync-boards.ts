/**
 * Writes watchboard definitions to the store (`watchboards`, `hypotheses`, `indicators`) before
 * each scoring, so the API and the dashboard read what the boards say.
 * @module
 */
import { wordingJson } from '../../domain/board-wording.js';
import { chunks, type Db } from '../events/event-rows.js';
import { boardSource, type HypothesisDefinition, type Watchboard } from './board-schema.js';
import { hypothesisKey } from './board-matches.js';

/**
 * A board's definition as stored (without its file path, titles as the file words them, so that
 * BoardSchema reads it back: `storedBoards`), written once per board object.
 */
const definitions = new WeakMap<Watchboard, string>();

function definitionJson(board: Watchboard): string {
  let text = definitions.get(board);
  if (text === undefined) {
    const { file: _file, ...definition } = board;
    text = JSON.stringify(boardSource(definition));
    definitions.set(board, text);
  }
  return text;
}

interface IndicatorRow {
  id: string;
  hypothesis_id: string;
  board_id: string;
  title: string;
  criteria: string;
  lr_present: number;
  lr_absent: number | null;
  wording: string | null;
}

function indicatorRows(board: Watchboard, h: HypothesisDefinition): IndicatorRow[] {
  const key = hypothesisKey(board.id, h.id);
  return h.indicators.map((i) => ({
    id: `${key}/${i.id}`,
    hypothesis_id: key,
    board_id: board.id,
    title: i.title,
    criteria: JSON.stringify({ ...i.match, cap: i.cap, halfLifeDays: i.halfLifeDays ?? null }),
    lr_present: i.lr,
    lr_absent: i.absence?.lr ?? null,
    wording: wordingJson(i.titles),
  }));
}

/**
 * Writes board, hypothesis and indicator rows; keeps the stored probability of known hypotheses.
 * Rows already as they would be written are left alone (the board's sync time still moves):
 * rewriting them made up much of each day's scoring in a backtest.
 */
export async function syncBoards(
  db: Db,
  boards: readonly Watchboard[],
  now: string,
): Promise<void> {
  for (const board of boards) {
    const definition = definitionJson(board);
    const wording = wordingJson(board.titles, board.descriptions);
    const indicators = board.hypotheses.map((h) => indicatorRows(board, h));
    if (await boardRowsCurrent(db, board, indicators)) {
      await db
        .updateTable('watchboards')
        .set({ updated_at: now })
        .where('id', '=', board.id)
        .execute();
      continue;
    }
    await db
      .insertInto('watchboards')
      .values({
        id: board.id,
        title: board.title,
        description: board.description ?? null,
        definition,
        updated_at: now,
        wording,
      })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          title: board.title,
          description: board.description ?? null,
          definition,
          updated_at: now,
          wording,
        }),
      )
      .execute();
    for (const [n, h] of board.hypotheses.entries()) {
      const key = hypothesisKey(board.id, h.id);
      await db
        .insertInto('hypotheses')
        .values({
          id: key,
          board_id: board.id,
          title: h.title,
          prior: h.prior,
          horizon_days: h.horizonDays ?? null,
          probability: h.prior,
          updated_at: now,
          wording: wordingJson(h.titles),
        })
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({
            title: h.title,
            wording: wordingJson(h.titles),
            prior: h.prior,
            horizon_days: h.horizonDays ?? null,
          }),
        )
        .execute();
      await db.deleteFrom('indicators').where('hypothesis_id', '=', key).execute();
      await db.insertInto('indicators').values(indicators[n]!).execute();
    }
  }
}

/** Are the board's stored rows those syncBoards would write (but the sync time)? */
async function boardRowsCurrent(
  db: Db,
  board: Watchboard,
  indicators: readonly (readonly IndicatorRow[])[],
): Promise<boolean> {
  const stored = await db
    .selectFrom('watchboards')
    .select(['title', 'description', 'definition', 'wording'])
    .where('id', '=', board.id)
    .executeTakeFirst();
  if (
    !stored ||
    stored.title !== board.title ||
    stored.description !== (board.description ?? null) ||
    (stored.wording ?? null) !== wordingJson(board.titles, board.descriptions) ||
    stored.definition !== definitionJson(board)
  )
    return false;
  const keys = board.hypotheses.map((h) => hypothesisKey(board.id, h.id));
  const hypotheses = new Map<
    string,
    { title: string; wording: string | null; prior: number; horizon: number | null }
  >();
  const rows = new Map<string, string>();
  for (const part of chunks(keys)) {
    for (const r of await db
      .selectFrom('hypotheses')
      .select(['id', 'title', 'wording', 'prior', 'horizon_days'])
      .where('id', 'in', part)
      .execute())
      hypotheses.set(r.id, {
        title: r.title,
        wording: r.wording ?? null,
        prior: r.prior,
        horizon: r.horizon_days,
      });
    for (const r of await db
      .selectFrom('indicators')
      .select([
        'id',
        'hypothesis_id',
        'board_id',
        'title',
        'criteria',
        'lr_present',
        'lr_absent',
        'wording',
      ])
      .where('hypothesis_id', 'in', part)
      .execute())
      rows.set(r.id, JSON.stringify({ ...r, wording: r.wording ?? null }));
  }
  const wanted = indicators.flat();
  return (
    board.hypotheses.every((h, n) => {
      const r = hypotheses.get(keys[n]!);
      return (
        r !== undefined &&
        r.title === h.title &&
        r.wording === wordingJson(h.titles) &&
        r.prior === h.prior &&
        r.horizon === (h.horizonDays ?? null)
      );
    }) &&
    rows.size === wanted.length &&
    wanted.every((w) => rows.get(w.id) === JSON.stringify(w))
  );
}
