/**
 * Shingles as sorted 52-bit hashes: what story assignment keeps of a candidate document and
 * compares (similarity.ts). A set of strings costs tens of kilobytes per document and a hash
 * look-up per shingle compared; its prints cost 8 bytes a shingle and compare by one merge of two
 * sorted arrays. Two distinct shingles share a print with probability 2^-52: over a million
 * document pairs of 1,000 shingles each, about one chance in 4,000 of a single shingle counted
 * once too often, so the measures are those of the strings.
 * @module
 */
import { hash32 } from './hash32.js';
import type { ShingleMode, TextShingles } from './shingles.js';

export interface ShinglePrints {
  readonly mode: ShingleMode;
  /** Prints of the long shingles, ascending, each once. */
  readonly copy: Float64Array;
  /** Prints of the short shingles, ascending, each once. */
  readonly vocabulary: Float64Array;
}

/** Text shingles or their prints: either compares (similarity.ts). */
export type Shingled = TextShingles | ShinglePrints;

const SEED_HIGH = 0x9e3779b9;
const SEED_LOW = 0x7f4a7c15;

/** A shingle's print: 32 bits of one hash and 20 of another, exact in a double. */
export function shinglePrint(shingle: string): number {
  return hash32(shingle, SEED_HIGH) * 0x100000 + (hash32(shingle, SEED_LOW) >>> 12);
}

function printSet(shingles: ReadonlySet<string>): Float64Array {
  const out = new Float64Array(shingles.size);
  let i = 0;
  for (const s of shingles) out[i++] = shinglePrint(s);
  out.sort();
  // Two shingles of one text with one print (2^-52) count once, as a set would count them.
  let n = 0;
  for (let j = 0; j < out.length; j++) if (j === 0 || out[j] !== out[n - 1]) out[n++] = out[j]!;
  return n === out.length ? out : out.slice(0, n);
}

const printed = new WeakMap<TextShingles, ShinglePrints>();

/** The prints of `shingles` (computed once per object). */
export function printsOf(shingles: Shingled): ShinglePrints {
  if (shingles.copy instanceof Float64Array) return shingles as ShinglePrints;
  const text = shingles as TextShingles;
  let prints = printed.get(text);
  if (!prints) {
    prints = { mode: text.mode, copy: printSet(text.copy), vocabulary: printSet(text.vocabulary) };
    printed.set(text, prints);
  }
  return prints;
}

/** Prints both arrays hold: one merge of the two sorted arrays. */
export function sharedPrints(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}
