/**
 * Language-aware shingling. Space-separated scripts are cut into words; Chinese, Japanese and
 * Korean text into characters (Korean words carry particles, so whole words rarely repeat
 * between two rewrites of one report). The choice follows the text's script, with the
 * language tag as a hint only, so a mislabelled document is still shingled sensibly.
 * @module
 */
import { normaliseText } from './normalise-text.js';

export type ShingleMode = 'words' | 'chars';

const CJK_LANGS = new Set(['zh', 'ja', 'ko']);
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Which unit a text is shingled in: characters when CJK letters dominate, else words. */
export function shingleModeFor(text: string, lang?: string | null): ShingleMode {
  let cjk = 0;
  let letters = 0;
  for (const ch of text.slice(0, 4000)) {
    if (!LETTER_OR_DIGIT.test(ch)) continue;
    letters++;
    if (CJK_CHAR.test(ch)) cjk++;
  }
  if (letters === 0) return lang && CJK_LANGS.has(primary(lang)) ? 'chars' : 'words';
  return cjk / letters >= 0.3 ? 'chars' : 'words';
}

function primary(lang: string): string {
  return lang.toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * The units of a text: words (letters, digits, inner apostrophes and hyphens) or,
 * in character mode, single letters and digits with punctuation and spaces removed.
 */
export function textUnits(text: string, mode: ShingleMode): string[] {
  const normal = normaliseText(text).replace(/[’‘`]/gu, "'");
  if (mode === 'words') {
    return normal.match(/[\p{L}\p{N}\p{M}]+(?:['-][\p{L}\p{N}\p{M}]+)*/gu) ?? [];
  }
  const units: string[] = [];
  for (const ch of normal) if (LETTER_OR_DIGIT.test(ch)) units.push(ch);
  return units;
}

/** The set of `k`-unit shingles (joined by a space) of a unit list; short lists give one shingle. */
export function shinglesOf(units: readonly string[], k: number): Set<string> {
  const out = new Set<string>();
  if (units.length === 0) return out;
  if (units.length < k) {
    out.add(units.join(' '));
    return out;
  }
  for (let i = 0; i + k <= units.length; i++) out.add(units.slice(i, i + k).join(' '));
  return out;
}

/** Shingle sizes per mode: `copy` detects shared passages, `vocabulary` shared wording. */
export const SHINGLE_SIZES: Readonly<Record<ShingleMode, { copy: number; vocabulary: number }>> = {
  words: { copy: 3, vocabulary: 1 },
  chars: { copy: 5, vocabulary: 2 },
};

export interface TextShingles {
  readonly mode: ShingleMode;
  /** Long shingles: shared only by copied passages. */
  readonly copy: ReadonlySet<string>;
  /** Short shingles: the wording of the text. */
  readonly vocabulary: ReadonlySet<string>;
}

export function shingleText(text: string, lang?: string | null): TextShingles {
  const mode = shingleModeFor(text, lang);
  const units = textUnits(text, mode);
  const sizes = SHINGLE_SIZES[mode];
  return {
    mode,
    copy: shinglesOf(units, sizes.copy),
    vocabulary: shinglesOf(units, sizes.vocabulary),
  };
}
