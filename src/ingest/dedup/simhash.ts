/**
 * 64-bit SimHash over shingles, written as 16 hex digits (documents.fingerprint):
 * near-identical texts differ in few bits.
 * @module
 */
import { hash32 } from './hash32.js';

export function simhash(shingles: Iterable<string>): string {
  const weights = new Int32Array(64);
  for (const shingle of shingles) {
    const hi = hash32(shingle, 0x9747b28c);
    const lo = hash32(shingle, 0x5bd1e995);
    for (let bit = 0; bit < 32; bit++) {
      weights[bit]! += (hi >>> bit) & 1 ? 1 : -1;
      weights[bit + 32]! += (lo >>> bit) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (weights[bit]! > 0) hi |= 1 << bit;
    if (weights[bit + 32]! > 0) lo |= 1 << bit;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/** Number of differing bits between two 16-hex-digit fingerprints. */
export function hammingDistance(a: string, b: string): number {
  if (!/^[0-9a-f]{16}$/i.test(a) || !/^[0-9a-f]{16}$/i.test(b)) {
    throw new RangeError(`expected two 16-hex-digit fingerprints, got "${a}" and "${b}"`);
  }
  let distance = 0;
  for (let i = 0; i < 16; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x !== 0) {
      x &= x - 1;
      distance++;
    }
  }
  return distance;
}
