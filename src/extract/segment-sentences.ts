/**
 * Sentence segmentation per paragraph that survives abbreviations ("U.S.", "Dr.", "т.е.", "г.")
 * and initials, and splits CJK text on 。！？ without spaces. Linear in the text length.
 * @module
 */
import type { Span } from '../domain/document.js';

/** Abbreviations (lowercase, no final period) and words continuing a quoted sentence. */
export interface SegmentationRules {
  readonly abbreviations: ReadonlySet<string>;
  readonly continuations?: readonly string[];
  /** A period after a number of one to three digits is an ordinal's ("am 13. Oktober"). */
  readonly ordinalPeriod?: boolean;
}

/** Longest sentence kept whole; longer runs (no punctuation) are cut at a space. */
export const MAX_SENTENCE_LENGTH = 1200;

const CLOSERS = new Set(['"', "'", '»', '”', '’', ')', ']', '」', '』', '）', '›']);
const FULL_WIDTH = new Set(['。', '！', '？', '｡']);
const HALF_WIDTH = new Set(['.', '!', '?', '…']);

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\u3000' || ch === '\r';
}

/** Per UTF-16 unit: 1 a cased letter, 2 a lowercase letter (built on first use). */
let caseTable: Uint8Array | undefined;

function casing(ch: string): number {
  if (caseTable === undefined) {
    caseTable = new Uint8Array(65536);
    for (let c = 0; c < 65536; c++) {
      const s = String.fromCharCode(c);
      const lower = s.toLowerCase();
      const upper = s.toUpperCase();
      if (lower !== upper) caseTable[c] = s !== upper && s === lower ? 2 : 1;
    }
  }
  return caseTable[ch.charCodeAt(0)]!;
}

/** A letter that has case (abbreviations and initials are written in cased scripts). */
function isLetter(ch: string): boolean {
  return casing(ch) !== 0;
}

function isLowercase(ch: string): boolean {
  return casing(ch) === 2;
}

/** The token before a period at `dot` ("U.S", "Dr", "т.е"), lowercased. */
function tokenBefore(text: string, dot: number, floor: number): string {
  let i = dot - 1;
  while (i >= floor && (isLetter(text[i]!) || text[i] === '.')) i--;
  return text.slice(i + 1, dot).toLowerCase();
}

/** One to three digits standing alone before the period at `dot` ("13." but not "2024."). */
function isOrdinal(text: string, dot: number, floor: number): boolean {
  let i = dot - 1;
  while (i >= floor && i >= dot - 4 && text[i]! >= '0' && text[i]! <= '9') i--;
  const digits = dot - 1 - i;
  return digits >= 1 && digits <= 3 && (i < floor || isSpace(text[i]) || text[i] === '(');
}

function pushTrimmed(out: Span[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && (isSpace(text[s]) || text[s] === '\n')) s++;
  while (e > s && (isSpace(text[e - 1]) || text[e - 1] === '\n')) e--;
  if (e > s) out.push({ start: s, end: e });
}

function pushBounded(out: Span[], text: string, start: number, end: number): void {
  let s = start;
  while (end - s > MAX_SENTENCE_LENGTH) {
    let cut = s + MAX_SENTENCE_LENGTH;
    const space = text.lastIndexOf(' ', cut);
    if (space > s + MAX_SENTENCE_LENGTH / 2) cut = space;
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--;
    pushTrimmed(out, text, s, cut);
    s = cut;
  }
  pushTrimmed(out, text, s, end);
}

/** The sentence punctuation units: those of FULL_WIDTH and HALF_WIDTH. */
const PUNCTUATION_UNITS = ['.', '!', '?', '…', '。', '！', '？', '｡'];

/**
 * Where each punctuation unit next occurs in a text (text.length when it does not), found with
 * indexOf: most of a text is no punctuation, and the native search skips it far faster than a
 * test of every unit.
 */
class PunctuationCursor {
  readonly #text: string;
  readonly #next: number[] = PUNCTUATION_UNITS.map(() => -1);

  constructor(text: string) {
    this.#text = text;
  }

  /** The first offset at or after `from` holding sentence punctuation, or -1. */
  next(from: number): number {
    let best = this.#text.length;
    for (let k = 0; k < PUNCTUATION_UNITS.length; k++) {
      let at = this.#next[k]!;
      if (at < from) {
        at = this.#text.indexOf(PUNCTUATION_UNITS[k]!, from);
        if (at < 0) at = this.#text.length;
        this.#next[k] = at;
      }
      if (at < best) best = at;
    }
    return best < this.#text.length ? best : -1;
  }
}

function segmentParagraph(
  text: string,
  ps: number,
  pe: number,
  rules: SegmentationRules,
  out: Span[],
  cursor: PunctuationCursor,
): void {
  const { abbreviations } = rules;
  const continuations = rules.continuations ?? [];
  let start = ps;
  for (let i = cursor.next(ps); i >= 0 && i < pe; i = cursor.next(i + 1)) {
    const ch = text[i]!;
    const full = FULL_WIDTH.has(ch);
    if (!full && !HALF_WIDTH.has(ch)) continue;
    let j = i + 1;
    while (
      j < pe &&
      (CLOSERS.has(text[j]!) || HALF_WIDTH.has(text[j]!) || FULL_WIDTH.has(text[j]!))
    )
      j++;
    if (!full) {
      if (j < pe && !isSpace(text[j])) continue;
      let k = j;
      while (k < pe && isSpace(text[k])) k++;
      if (k < pe && isLowercase(text[k]!)) continue;
      if (j > i + 1 && continuations.some((c) => text.startsWith(c, k))) continue;
      if (ch === '.') {
        const token = tokenBefore(text, i, start);
        if (abbreviations.has(token)) continue;
        if (rules.ordinalPeriod === true && token === '' && isOrdinal(text, i, start)) continue;
        const prev = text[i - 1] ?? '';
        if (token.length === 1 && isLetter(prev) && prev !== prev.toLowerCase()) continue;
      }
    }
    pushBounded(out, text, start, j);
    start = j;
    i = j - 1;
  }
  pushBounded(out, text, start, pe);
}

/** Sentence spans (trimmed, UTF-16 offsets) of a text; paragraphs are split at line breaks. */
export function segmentSentences(
  text: string,
  rules: SegmentationRules | ReadonlySet<string>,
): Span[] {
  const r: SegmentationRules =
    rules instanceof Set ? { abbreviations: rules } : (rules as SegmentationRules);
  const out: Span[] = [];
  const cursor = new PunctuationCursor(text);
  let ps = 0;
  while (ps < text.length) {
    let pe = text.indexOf('\n', ps);
    if (pe < 0) pe = text.length;
    segmentParagraph(text, ps, pe, r, out, cursor);
    ps = pe + 1;
  }
  return out;
}
