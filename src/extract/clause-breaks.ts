/**
 * Clause punctuation of a sentence, found once: the rules ask "is there a comma, semicolon… between
 * these two offsets?" many times per sentence, and a regex over a fresh slice each time cost more
 * than the rest of the question. Every answer here is the regex's answer on the slice.
 * @module
 */
import { perSentence } from './per-sentence.js';
import type { SentenceFacts } from './scan-sentence.js';

/** `;` `:` and the comma rule: what CLAUSE_PUNCTUATION (assign-roles.ts) looks for. */
export const PUNCTUATION = 1;
/** Those and `—–()«»"`: what CLAUSE_BREAK (decide-modality.ts) looks for. */
export const BREAK = 2;

const COMMA = 44;

/** Kinds (bit set) of the unit `c`, 0 for none. */
function kindsOf(c: number): number {
  switch (c) {
    case 59: // ;
    case 58: // :
    case COMMA:
      return PUNCTUATION | BREAK;
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
  /** Per kind (index PUNCTUATION, BREAK), the units of the kind in text[0, i) at i, digit-grouping commas left out. */
  readonly prefix: readonly [Int32Array, Int32Array, Int32Array];
  /** 1 at a comma with a digit right before and right after it ("1,000"). */
  readonly groupingComma: Uint8Array | undefined;
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const NO_PREFIX = new Int32Array(0);

/** The sentence's breaks, counted once. */
const breaksOf = perSentence((facts): Breaks => {
  const text = facts.text;
  const n = text.length;
  const punctuation = new Int32Array(n + 1);
  const any = new Int32Array(n + 1);
  let grouping: Uint8Array | undefined;
  let p = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const kinds = kindsOf(c);
    if (kinds !== 0) {
      if (
        c === COMMA &&
        i > 0 &&
        i + 1 < n &&
        isAsciiDigit(text.charCodeAt(i - 1)) &&
        isAsciiDigit(text.charCodeAt(i + 1))
      )
        (grouping ??= new Uint8Array(n))[i] = 1;
      else {
        if ((kinds & PUNCTUATION) !== 0) p++;
        if ((kinds & BREAK) !== 0) b++;
      }
    }
    punctuation[i + 1] = p;
    any[i + 1] = b;
  }
  return { prefix: [NO_PREFIX, punctuation, any], groupingComma: grouping };
});

/**
 * How many units of `kind` text[from, to) holds (String.prototype.slice bounds, from and to not
 * negative). A comma counts unless a digit of the slice stands on both sides of it ("1,000"): a
 * digit-grouping comma at either end of the slice counts.
 */
export function countBreaks(facts: SentenceFacts, from: number, to: number, kind: number): number {
  const end = Math.min(to, facts.text.length);
  if (from >= end) return 0;
  const { prefix, groupingComma } = breaksOf(facts);
  const counts = prefix[kind]!;
  let n = counts[end]! - counts[from]!;
  if (groupingComma !== undefined) {
    if (groupingComma[from] === 1) n++;
    if (end - 1 > from && groupingComma[end - 1] === 1) n++;
  }
  return n;
}

/** Whether text[from, to) holds a unit of `kind` (see countBreaks). */
export function hasBreak(facts: SentenceFacts, from: number, to: number, kind: number): boolean {
  return countBreaks(facts, from, to, kind) > 0;
}
