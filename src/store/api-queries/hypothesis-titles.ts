/**
 * Hypothesis titles in a reader's language, for what carries a title written when it was made
 * (a threshold alert's payload, a correction's rescoring): reworded from the hypotheses' rows.
 * @module
 */
import type { Kysely } from 'kysely';
import { wordedTitle, type BoardLanguage } from '../../domain/board-wording.js';
import type { Database } from '../schema.js';

/** Title in `lang` of each known hypothesis among `ids`; empty in English (nothing to reword). */
export async function hypothesisTitlesIn(
  db: Kysely<Database>,
  ids: readonly string[],
  lang: BoardLanguage,
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (lang === 'en' || wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('hypotheses')
    .select(['id', 'title', 'wording'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, wordedTitle(r, lang)]));
}
