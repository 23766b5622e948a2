import { describe, expect, it } from 'vitest';
import { contentHash, documentIdFor, normaliseForHash } from './content-hash.js';

describe('normaliseForHash', () => {
  it('collapses every kind and run of whitespace to one space, as /\\s+/ would', () => {
    const samples = [
      'North  Korea\tsent\r\nshells',
      ' leading and trailing \n',
      'no\u00a0break\u3000ideographic\u2009thin\u202fnarrow',
      'single spaces only',
      '\t',
      '',
    ];
    for (const s of samples)
      expect(normaliseForHash(s)).toBe(
        s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase(),
      );
  });

  it('gives composed and decomposed Korean and accented text one hash', () => {
    const composed = 'Corée du Nord 북한';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(contentHash(decomposed)).toBe(contentHash(composed));
    expect(contentHash('Corée  du\nNord 북한')).toBe(contentHash(composed));
  });

  it('derives a stable document id from the hash', () => {
    expect(documentIdFor(contentHash('a b'))).toMatch(/^doc-[0-9a-f]{16}$/);
  });
});
