/**
 * Text normalisation and the exact-duplicate hash shared by the store and the dedup module.
 * @module
 */
import { createHash } from 'node:crypto';

/**
 * The one normalisation rule for exact duplicates: Unicode NFC, every run of whitespace
 * collapsed to one space, trimmed, lower case — the rule of src/store/content-hash.ts
 * (a test checks that both give the same hash).
 * @example normaliseText('  North\u00a0Korea\n fires ') // 'north korea fires'
 */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/** sha256 hex of `normaliseText(text)`: documents with the same hash are stored once. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normaliseText(text), 'utf8').digest('hex');
}
