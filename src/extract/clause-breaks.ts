/**
 * Clause punctuation of a sentence, found once: the rules ask "is there a comma, semicolon… between
 * these two offsets?" many times per sentence, and a regex over a fresh slice each time cost more
 * than the rest of the question. Every answer here is the regex's answer on the slice.
 * @module
 */
import { perSentence } from './per-sentence.js';
import type { SentenceFacts } from './scan-sentence.js';

/** `;` `:` (half- and full-width), `，` and the comma rule: what CLAUSE_PUNCTUATION (role-facts.ts) looks for. */
export const PUNCTUATION = 1;
/** Those and `—–()（）«»"`: what CLAUSE_BREAK (decide-modality.ts) looks for. */
export const BREAK = 2;

const COMMA = 44;

/** Kinds (bit set) of the unit `c`, 0 for none. */
function kindsOf(c: number): number {
  switch (c) {
    case 59: // ;
    case 58: // :
    case COMMA:
    case 0xff0c: // ， (Chinese and Japanese full-width forms)
    case 0xff1b: // ；
    case 0xff1a: // ：
      return PUNCTUATION | BREAK;
    case 0xff08: // （
    case 0xff09: // ）
    case 0x2014: // —
    case 0x2013: // –
    case 40: // (
    case 41: // )
    case 0xab: // «
    case 0xbb: // »
    case 34: // "
      return BREAK;
    default:
      return 0;
  }
}

interface Breaks {
  /** Offsets of the units of PUNCTUATION, then of BREAK, digit-grouping commas left out. */
  readonly punctuation: readonly number[];
  readonly any: readonly number[];
  /** Offsets of the commas with a digit right before and right after them ("1,000"). */
  readonly grouping: readonly number[];
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const NONE: readonly number[] = [];

/** The sentence's breaks, found once. */
const breaksOf = perSentence((facts): Breaks => {
  const text = facts.text;
  let punctuation: number[] | undefined;
  let any: number[] | undefined;
  let grouping: number[] | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const kinds = kindsOf(c);
    if (kinds === 0) continue;
    if (
      c === COMMA &&
      i > 0 &&
      i + 1 < text.length &&
      isAsciiDigit(text.charCodeAt(i - 1)) &&
      isAsciiDigit(text.charCodeAt(i + 1))
    ) {
      (grouping ??= []).push(i);
      continue;
    }
    if ((kinds & PUNCTUATION) !== 0) (punctuation ??= []).push(i);
    (any ??= []).push(i);
  }
  return { punctuation: punctuation ?? NONE, any: any ?? NONE, grouping: grouping ?? NONE };
});

/**
 * How many units of `kind` text[from, to) holds (String.prototype.slice bounds, from and to not
 * negative). A comma counts unless a digit of the slice stands on both sides of it ("1,000"):
 * a digit-grouping comma counts at either end of the slice.
 */
export function countBreaks(facts: SentenceFacts, from: number, to: number, kind: number): number {
  const end = Math.min(to, facts.text.length);
  if (from >= end) return 0;
  const breaks = breaksOf(facts);
  let n = 0;
  for (const k of kind === PUNCTUATION ? breaks.punctuation : breaks.any) {
    if (k >= end) break;
    if (k >= from) n++;
  }
  for (const k of breaks.grouping) if (k === from || (k === end - 1 && k > from)) n++;
  return n;
}

/** Whether text[from, to) holds a unit of `kind` (see countBreaks). */
export function hasBreak(facts: SentenceFacts, from: number, to: number, kind: number): boolean {
  const end = Math.min(to, facts.text.length);
  if (from >= end) return false;
  const breaks = breaksOf(facts);
  for (const k of kind === PUNCTUATION ? breaks.punctuation : breaks.any) {
    if (k >= end) break;
    if (k >= from) return true;
  }
  for (const k of breaks.grouping) if (k === from || k === end - 1) return true;
  return false;
}
