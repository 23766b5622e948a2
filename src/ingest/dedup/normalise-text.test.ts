import { describe, expect, it } from 'vitest';
import { contentHash as storeContentHash } from '../../store/content-hash.js';
import { contentHash, normaliseText } from './normalise-text.js';

describe('normaliseText and contentHash', () => {
  it('folds case, Unicode composition and whitespace', () => {
    expect(normaliseText('  North\u00a0Korea\n\tFIRES  ')).toBe('north korea fires');
    expect(contentHash('Se\u0301oul a tiré')).toBe(contentHash('Séoul  A TIRÉ'));
    expect(contentHash('Séoul a tiré')).not.toBe(contentHash('Séoul a tiré.'));
    expect(contentHash('x')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('agrees with the store’s content hash', () => {
    for (const text of ['  İstanbul\u2003Σ ΣΑΣ ', 'Ǆ\r\nＡＢＣ 북한\t', 'Е\u0308ЛКА ёлка']) {
      expect(contentHash(text)).toBe(storeContentHash(text));
    }
  });
});
