/**
 * Tests the rules ask of short stretches of a sentence ("does the word go on?", "only the rest of
 * the word and spaces in between?"), read in place: each answer is the one the regex named in its
 * comment gives on the slice, which a sentence used to build and scan many times over.
 * @module
 */
import { unitClass } from '../lexicon/unit-class.js';

const LETTER_OR_MARK = unitClass(/[\p{L}\p{M}]/u);
const SPACE = unitClass(/\s/u);

/** Whether text[from, to) holds half of a surrogate pair (the regexes read those pair by pair). */
function anySurrogate(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

/** `/^[\p{L}\p{M}]*\/u.exec(text.slice(from, to))[0].length`: the letters and marks at `from`. */
export function letterRun(text: string, from: number, to: number): number {
  const end = Math.min(to, text.length);
  if (from < 0 || to < 0 || anySurrogate(text, from, end))
    return /^[\p{L}\p{M}]*/u.exec(text.slice(from, to))![0].length;
  let i = from;
  while (i < end && LETTER_OR_MARK.has(text, i)) i++;
  return i > from ? i - from : 0;
}

/** `/^[\p{L}\p{M}]*[\s-]*$/u.test(text.slice(from, to))`: the rest of a word, then spaces or hyphens. */
export function restOfWordThenSpaces(text: string, from: number, to: number): boolean {
  const end = Math.min(to, text.length);
  if (from < 0 || to < 0 || anySurrogate(text, from, end))
    return /^[\p{L}\p{M}]*[\s-]*$/u.test(text.slice(from, to));
  let i = from;
  while (i < end && LETTER_OR_MARK.has(text, i)) i++;
  while (i < end && (text.charCodeAt(i) === 45 || SPACE.has(text, i))) i++;
  return i >= end;
}
