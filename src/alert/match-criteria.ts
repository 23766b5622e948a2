/**
 * Criteria shared by the first-event, spike and watch rules: types, actors, capabilities,
 * modalities and keywords. Pure.
 * @module
 */

export interface MatchCriteria {
  readonly types?: readonly string[];
  readonly actors?: readonly string[];
  readonly actorMatch?: 'any' | 'all';
  readonly capabilities?: readonly string[];
  readonly modalities?: readonly string[];
}

export interface MatchSubject {
  readonly type: string | null;
  readonly actors: readonly (string | null)[];
  readonly capabilities?: readonly string[];
  readonly modality?: string;
}

/** True when the subject passes every criterion that is set (an unset or empty list passes). */
export function matchesCriteria(criteria: MatchCriteria, subject: MatchSubject): boolean {
  if (isSet(criteria.types) && (subject.type === null || !criteria.types.includes(subject.type))) {
    return false;
  }
  if (isSet(criteria.actors)) {
    const actors = subject.actors.filter((a): a is string => a !== null);
    if (actors.length === 0) return false;
    const listed = (a: string) => criteria.actors!.includes(a);
    const ok = criteria.actorMatch === 'all' ? actors.every(listed) : actors.some(listed);
    if (!ok) return false;
  }
  if (isSet(criteria.capabilities)) {
    const caps = subject.capabilities ?? [];
    if (!caps.some((c) => criteria.capabilities!.includes(c))) return false;
  }
  if (isSet(criteria.modalities) && subject.modality !== undefined) {
    if (!criteria.modalities.includes(subject.modality)) return false;
  }
  return true;
}

function isSet<T>(list: readonly T[] | undefined): list is readonly T[] {
  return list !== undefined && list.length > 0;
}

/** Scripts written without spaces between words: a keyword there matches anywhere. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Case-folded, compatibility-normalised text for matching ("Ｍｉｓｓｉｌｅ" → "missile"). */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export interface CompiledKeyword {
  readonly keyword: string;
  test(foldedText: string): boolean;
}

/**
 * A keyword as a matcher: case-insensitive and Unicode-aware. It matches whole words;
 * a trailing `*` matches any ending (`ракет*` matches "ракета", "ракетной");
 * in scripts without spaces (Chinese, Japanese, Korean, Thai) it matches anywhere.
 * @example compileKeyword('Hwasong*').test(foldText('the Hwasong-18 launch')) // true
 */
export function compileKeyword(keyword: string): CompiledKeyword {
  const prefix = keyword.endsWith('*');
  const needle = foldText(prefix ? keyword.slice(0, -1) : keyword).trim();
  const first = needle.slice(0, 1);
  const last = needle.slice(-1);
  const checkStart = first !== '' && WORD_CHAR.test(first) && !UNSPACED.test(first);
  const checkEnd = !prefix && last !== '' && WORD_CHAR.test(last) && !UNSPACED.test(last);
  return {
    keyword,
    test(folded: string): boolean {
      if (needle === '') return false;
      for (let i = folded.indexOf(needle); i >= 0; i = folded.indexOf(needle, i + 1)) {
        const before = i > 0 ? lastChar(folded.slice(0, i)) : '';
        const after = firstChar(folded.slice(i + needle.length));
        if (checkStart && before !== '' && WORD_CHAR.test(before)) continue;
        if (checkEnd && after !== '' && WORD_CHAR.test(after)) continue;
        return true;
      }
      return false;
    },
  };
}

function lastChar(text: string): string {
  const chars = Array.from(text.slice(-2));
  return chars[chars.length - 1] ?? '';
}

function firstChar(text: string): string {
  return Array.from(text.slice(0, 2))[0] ?? '';
}
