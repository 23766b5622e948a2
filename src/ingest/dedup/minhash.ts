/**
 * MinHash signatures and LSH band keys: two texts whose shingle sets have Jaccard similarity s
 * share at least one band with probability 1 − (1 − s^rows)^bands.
 * With 32 bands of 3 rows: s = 0.45 → 0.95, s = 0.3 → 0.58, s = 0.1 → 0.03.
 * @module
 */
import { hash32 } from './hash32.js';

export const LSH_BANDS = 32;
export const LSH_ROWS = 3;
const PERMUTATIONS = LSH_BANDS * LSH_ROWS;

/** Seeds are fixed: band keys written by one version must match the next. */
const SEEDS: readonly number[] = Array.from({ length: PERMUTATIONS }, (_, i) =>
  hash32(`vigie-minhash-${i}`, 0x2545f491),
);

export function minhash(shingles: Iterable<string>): Uint32Array {
  const signature = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (const shingle of shingles) {
    const base = hash32(shingle, 0x3c6ef372);
    for (let i = 0; i < PERMUTATIONS; i++) {
      // Cheap independent permutations: re-mix the base hash with a per-row seed.
      let h = (base ^ SEEDS[i]!) >>> 0;
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      h = (h ^ (h >>> 16)) >>> 0;
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return signature;
}

/** `band:hash` keys, one per band; an empty shingle set has no bands. */
export function lshBands(signature: Uint32Array, isEmpty = false): string[] {
  if (isEmpty || signature.length < PERMUTATIONS) return [];
  const keys: string[] = [];
  for (let band = 0; band < LSH_BANDS; band++) {
    const rows = Array.from(signature.subarray(band * LSH_ROWS, (band + 1) * LSH_ROWS));
    keys.push(`${band}:${hash32(rows.join(','), band).toString(16).padStart(8, '0')}`);
  }
  return keys;
}

/** Jaccard similarity estimated from two signatures. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length === 0 ? 0 : same / a.length;
}
