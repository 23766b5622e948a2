/**
 * Length-preserving text normalisation for term matching: match offsets in the normalised text
 * are offsets in the original string.
 * @module
 */

/** Maps one UTF-16 unit to its normalised form (same length): lowercase, one apostrophe, one space. */
function normalizeUnit(ch: string, lower: boolean): string {
  const code = ch.charCodeAt(0);
  if (code < 128) {
    if (code >= 65 && code <= 90) return lower ? String.fromCharCode(code + 32) : ch;
    if (ch === '-' || ch === '\t' || ch === '\n' || ch === '\r') return ' ';
    if (ch === '`') return "'";
    return ch;
  }
  switch (ch) {
    case '\u2019':
    case '\u2018':
    case '\u02bc':
    case '\u00b4':
      return "'";
    case '\u2010':
    case '\u2011':
    case '\u2012':
    case '\u2013':
    case '\u2014':
    case '\u00a0':
    case '\u202f':
    case '\u2009':
    case '\u3000':
      return ' ';
    case '\u0451':
      return '\u0435'; // ё → е
    case '\u0401':
      return lower ? '\u0435' : '\u0415';
  }
  if (!lower) return ch;
  const low = ch.toLowerCase();
  return low.length === 1 ? low : ch;
}

const SPECIAL =
  /[`\-\t\n\r\u2019\u2018\u02bc\u00b4\u2010-\u2014\u00a0\u202f\u2009\u3000\u0451\u0401]/g;

/** Lowercases and unifies apostrophes, dashes and spaces without changing any offset. */
export function normalizeText(text: string, lower = true): string {
  const unified = unify(text);
  return lower ? lowercase(text, unified) : unified;
}

/** Both forms at once: `exact` keeps case (for case-sensitive terms), `lower` is normalizeText. */
export function normalizeBoth(text: string): { exact: string; lower: string } {
  const exact = unify(text);
  return { exact, lower: lowercase(text, exact) };
}

/** Apostrophes, dashes and spaces unified; case kept. */
function unify(text: string): string {
  return text.replace(SPECIAL, (ch) => normalizeUnit(ch, false));
}

/** The lowercase of `unified` (made from `text`), still offset for offset. */
function lowercase(text: string, unified: string): string {
  // The unified forms are already lowercase where it matters (ё → е, Ё → Е → е).
  const low = unified.toLowerCase();
  if (low.length === unified.length) return low;
  // A few letters lowercase to two units (İ): fall back to one unit at a time.
  const parts: string[] = [];
  for (let i = 0; i < text.length; i++) parts.push(normalizeUnit(text[i]!, true));
  return parts.join('');
}

const WORD_RE = /[\p{L}\p{N}\p{M}]/u;

let wordUnits: Uint8Array | undefined;

/** 1 for every UTF-16 unit that is a letter, digit or mark; surrogate halves count as word. */
function wordUnitTable(): Uint8Array {
  if (wordUnits !== undefined) return wordUnits;
  const table = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++)
    table[c] = (c >= 0xd800 && c <= 0xdfff) || WORD_RE.test(String.fromCharCode(c)) ? 1 : 0;
  return (wordUnits = table);
}

/** 1 where the UTF-16 unit belongs to a word (letter, digit, mark; surrogate halves count as word). */
export function wordMask(text: string): Uint8Array {
  const table = wordUnitTable();
  const mask = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) mask[i] = table[text.charCodeAt(i)]!;
  return mask;
}

/** A text's normalised forms and word mask, offset for offset. */
export interface NormalizedText {
  /** normalizeText(text): lowercase, apostrophes, dashes and spaces unified. */
  readonly lower: string;
  /** The same, case kept (for case-sensitive terms). */
  readonly exact: string;
  readonly mask: Uint8Array;
}

/**
 * Units whose lowercase depends on their neighbours (final sigma), changes length (İ), or is
 * taken pair by pair (surrogates): a text holding one is normalised sentence by sentence.
 */
const CONTEXT_DEPENDENT = /[\u0130\u03a3\ud800-\udfff]/;

/** The word mask of the last normalizeDocument call (a typed array costs ~0.5 µs to allocate). */
let documentMask = new Uint8Array(4096);
/** Longest document whose mask goes in the shared one. */
const SHARED_MASK_LIMIT = 1 << 20;

/**
 * The normalised forms of a whole document, or undefined when a slice of them could differ from
 * the normalisation of the slice itself (see CONTEXT_DEPENDENT). Every other unit is normalised
 * on its own, so a sentence's forms are slices of the document's: one pass per document.
 * The mask is shared: it holds until the next call (the engine reads a document's before the
 * next document).
 */
export function normalizeDocument(text: string): NormalizedText | undefined {
  if (CONTEXT_DEPENDENT.test(text)) return undefined;
  const { exact, lower } = normalizeBoth(text);
  // A huge document gets a mask of its own, not kept after it.
  if (text.length > SHARED_MASK_LIMIT) return { exact, lower, mask: wordMask(text) };
  if (documentMask.length < text.length) documentMask = new Uint8Array(text.length * 2);
  const table = wordUnitTable();
  const mask = documentMask;
  for (let i = 0; i < text.length; i++) mask[i] = table[text.charCodeAt(i)]!;
  return { exact, lower, mask: mask.subarray(0, text.length) };
}

/** The forms of text[start, end) from those of the whole text (normalizeDocument). */
export function sliceNormalized(whole: NormalizedText, start: number, end: number): NormalizedText {
  return {
    lower: whole.lower.slice(start, end),
    exact: whole.exact.slice(start, end),
    mask: whole.mask.subarray(start, end),
  };
}
