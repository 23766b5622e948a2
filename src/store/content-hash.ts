/** Content identity of a document: exact duplicates (up to case and spacing) share a hash. */
import { createHash } from 'node:crypto';

/** NFC-normalised, whitespace-collapsed, lower-cased text: what the hash is taken of. */
export function normaliseForHash(text: string): string {
  // ASCII is already in NFC; skipping ICU there saves most of the cost on Latin-script news.
  const nfc = NON_ASCII.test(text) ? text.normalize('NFC') : text;
  // Same result as replace(/\s+/g, ' '), but single spaces (most of them) are not rewritten.
  return nfc.replace(SPACE_RUNS, ' ').trim().toLowerCase();
}

/** Runs of two or more whitespace characters, or one that is not a plain space. */
const SPACE_RUNS = /\s\s+|[^\S ]/g;

const NON_ASCII = /[^\t\n\r\x20-\x7e]/;

/** sha256 hex of the normalised text. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normaliseForHash(text), 'utf8').digest('hex');
}

/** The stable id of a document that arrived without one: `doc-` + 16 hex digits of its hash. */
export function documentIdFor(hash: string): string {
  return `doc-${hash.slice(0, 16)}`;
}
