/**
 * The SQLite full-text index's row key (migration 0050): publication day first, so FTS5 can hand
 * out matches newest day first, and the document's rowid in the low 31 bits to find it again.
 * The day is a number that sorts like the `YYYY-MM-DD` prefix of `published` (not a calendar
 * count: only the order matters), so day order agrees with the API's order by `published`;
 * within a day the caller sorts. Documents without such a prefix get negative keys, after
 * every dated one.
 * @module
 */

/** Key = day × DAY_FACTOR + rowid; rowids must stay below it (2^31 documents). */
export const DAY_FACTOR = 2_147_483_648;
/** `key & ROWID_MASK` is the document's rowid, for dated and undated keys alike. */
export const ROWID_MASK = 2_147_483_647;

const DATED_GLOB = '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*';

/** SQL for the key of a row, from its `published` and `rowid` expressions (trusted SQL text). */
export function searchKeySql(published: string, rowid: string): string {
  const n = (from: number, len: number) => `CAST(substr(${published}, ${from}, ${len}) AS INTEGER)`;
  return `(CASE WHEN ${published} GLOB '${DATED_GLOB}' THEN (${n(1, 4)} * 372 + ${n(6, 2)} * 31 + ${n(9, 2)}) * ${DAY_FACTOR} + ${rowid} ELSE ${rowid} - ${DAY_FACTOR} END)`;
}

/** The day number of a `published` value, as searchKeySql computes it; null when undated. */
export function searchDayOf(published: string | null): number | null {
  const m = published === null ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  return m ? Number(m[1]) * 372 + Number(m[2]) * 31 + Number(m[3]) : null;
}

/** The day of a key (undated keys give negative days). */
export function dayOfSearchKey(key: number): number {
  return Math.floor(key / DAY_FACTOR);
}

/**
 * `items` in the order their keys will rise when inserted now: undated first, then by day. FTS5
 * keeps a transaction's postings in memory only while row keys rise, and writes a segment to
 * disk each time one falls; a feed lists its newest items first, so in feed order nearly every
 * document became its own segment (slow to write, and a dozen or more for each search to visit).
 * The sort is stable: within a day, input order (rowids rise with it).
 */
export function inSearchKeyOrder<T>(
  items: readonly T[],
  published: (item: T) => string | null,
): T[] {
  const keyed = items.map((item) => ({ item, day: searchDayOf(published(item)) ?? -1 }));
  keyed.sort((a, b) => a.day - b.day);
  return keyed.map((k) => k.item);
}
