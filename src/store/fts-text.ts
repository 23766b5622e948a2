/**
 * How SQLite's full-text index sees text. FTS5's unicode61 tokenizer splits on spaces and
 * punctuation, which leaves Chinese and Japanese (no spaces) and Korean words with particles
 * unsearchable; so runs of Han, Hangul, Hiragana and Katakana are rewritten as overlapping
 * bigrams ("北朝鮮は" → "北朝 朝鮮 鮮は") before indexing, and query terms get the same rewrite,
 * making any CJK substring of 2+ characters a phrase query. Other scripts match by word and
 * word prefix, case- and accent-insensitively.
 * @module
 */

/**
 * Hangul Jamo, CJK punctuation-free kana and Hangul compatibility Jamo, CJK Extension A,
 * CJK Unified Ideographs, Hangul syllables, CJK compatibility ideographs, half-width kana, and the
 * supplementary ideograph planes. Explicit ranges: several times faster than \p{Script=…}.
 */
const CJK_RUN =
  /(?:[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]|[\ud840-\ud87f][\udc00-\udfff])+/g;

function bigrams(run: string): string {
  const chars = [...run];
  if (chars.length < 2) return ` ${run} `;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i]! + chars[i + 1]!);
  return ` ${out.join(' ')} `;
}

/** The text given to the FTS5 index (registered as the SQL function `vigie_fts_text`). */
export function ftsIndexText(text: string | null): string | null {
  return text === null ? null : text.replace(CJK_RUN, bigrams);
}

const TOKEN = /[\p{L}\p{N}\p{M}]/u;

/**
 * The FTS5 query for one search term: a phrase with a prefix star on its last word; null when
 * the index cannot answer it (no letters or digits, or a lone CJK character) and the caller
 * must fall back to LIKE.
 */
export function ftsQueryForTerm(term: string): string | null {
  if (!TOKEN.test(term)) return null;
  for (const run of term.match(CJK_RUN) ?? []) if ([...run].length < 2) return null;
  const indexed = ftsIndexText(term)!.replace(/\s+/g, ' ').trim();
  return `"${indexed.replace(/"/g, '""')}"*`;
}
