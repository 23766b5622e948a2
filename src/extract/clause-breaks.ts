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

/** Offsets of the sentence's units of any kind, in order. */
const marksOf = perSentence((facts): number[] => {
  const out: number[] = [];
  const text = facts.text;
  for (let i = 0; i < text.length; i++) if (kindsOf(text.charCodeAt(i)) !== 0) out.push(i);
  return out;
});

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * How many units of `kind` text[from, to) holds (String.prototype.slice bounds, from and to not
 * negative). A comma counts unless a digit of the slice stands on both sides of it ("1,000").
 */
export function countBreaks(
  facts: SentenceFacts,
  from: number,
  to: number,
  kind: number,
  atMost = Infinity,
): number {
  const text = facts.text;
  const end = Math.min(to, text.length);
  let n = 0;
  for (const k of marksOf(facts)) {
    if (k < from) continue;
    if (k >= end) break;
    const c = text.charCodeAt(k);
    if ((kindsOf(c) & kind) === 0) continue;
    if (
      c !== COMMA ||
      k === from ||
      !isAsciiDigit(text.charCodeAt(k - 1)) ||
      k + 1 === end ||
      !isAsciiDigit(text.charCodeAt(k + 1))
    ) {
      n++;
      if (n >= atMost) return n;
    }
  }
  return n;
}

/** Whether text[from, to) holds a unit of `kind` (see countBreaks). */
export function hasBreak(facts: SentenceFacts, from: number, to: number, kind: number): boolean {
  return countBreaks(facts, from, to, kind, 1) > 0;
}
