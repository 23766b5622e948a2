/**
 * Deterministic STIX identifiers (UUIDv5 from stable keys, RFC 9562 §5.5) and RFC 3339
 * timestamps with milliseconds: the same store always exports the same ids.
 * @module
 */
import { createHash } from 'node:crypto';

/** Vigie's UUIDv5 namespace (fixed; changing it would change every exported id). */
export const VIGIE_NAMESPACE = 'a3f0c2d4-5b6e-4f70-8a91-b2c3d4e5f607';

export function uuidV5(name: string, namespace: string = VIGIE_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function stixId(type: string, key: string): string {
  return `${type}--${uuidV5(`${type}:${key}`)}`;
}

/** `2024-11-04T09:00:00Z`, `2024-11-04` or `2024-11` → `2024-11-04T09:00:00.000Z`; else the fallback. */
export function stixTime(value: string | null | undefined, fallback: string): string {
  if (!value) return fallback;
  const padded = /^\d{4}$/.test(value)
    ? `${value}-01-01`
    : /^\d{4}-\d{2}$/.test(value)
      ? `${value}-01`
      : value;
  const date = new Date(padded.length === 10 ? `${padded}T00:00:00Z` : padded);
  return Number.isNaN(date.getTime()) ? fallback : date.toISOString();
}

/** Admiralty information credibility (1–6) → STIX confidence (STIX 2.1 Appendix A); 6 → none. */
export function confidenceFromCredibility(credibility: number): number | undefined {
  const table: Record<number, number> = { 1: 90, 2: 70, 3: 50, 4: 30, 5: 10 };
  return table[credibility];
}
