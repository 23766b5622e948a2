import { describe, expect, it } from 'vitest';
import { estimateJaccard, lshBands, LSH_BANDS, minhash } from './minhash.js';
import { shingleModeFor, shingleText, shinglesOf, textUnits } from './shingles.js';
import { containment, jaccard } from './similarity.js';
import { hammingDistance, simhash } from './simhash.js';

const text =
  'North Korea fired two short-range ballistic missiles into the sea off its east coast on Tuesday, ' +
  'the South Korean military said, the fourth launch this month and hours after a joint air drill ended.';

describe('shingling', () => {
  it('shingles space-separated scripts in words and CJK in characters', () => {
    expect(shingleModeFor(text, 'en')).toBe('words');
    expect(shingleModeFor('Россия передала КНДР системы ПВО', 'ru')).toBe('words');
    expect(shingleModeFor('북한은 단거리 탄도미사일을 발사했다', 'ko')).toBe('chars');
    expect(shingleModeFor('北朝鮮は弾道ミサイルを発射した', null)).toBe('chars');
    expect(shingleModeFor('俄朝条约正式生效', 'en')).toBe('chars');
    expect(textUnits("L’OTAN a confirmé l'envoi", 'words')).toEqual([
      "l'otan",
      'a',
      'confirmé',
      "l'envoi",
    ]);
    expect(textUnits('北朝鮮、発射。', 'chars')).toEqual(['北', '朝', '鮮', '発', '射']);
    expect([...shinglesOf(['a', 'b', 'c', 'd'], 3)]).toEqual(['a b c', 'b c d']);
    expect([...shinglesOf(['a'], 3)]).toEqual(['a']);
  });

  it('measures Jaccard and containment', () => {
    const a = new Set(['1', '2', '3', '4']);
    const b = new Set(['3', '4', '5']);
    expect(jaccard(a, b)).toBeCloseTo(2 / 5);
    expect(containment(a, b)).toBeCloseTo(2 / 3);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});

describe('SimHash', () => {
  it('gives near-identical texts close fingerprints and different texts distant ones', () => {
    const a = simhash(shingleText(text, 'en').copy);
    const b = simhash(shingleText(`SEOUL (Yonhap) -- ${text}`, 'en').copy);
    const c = simhash(
      shingleText(
        'Les prix du blé ont progressé de trois pour cent la semaine dernière sur le marché européen.',
        'fr',
      ).copy,
    );
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(hammingDistance(a, a)).toBe(0);
    expect(hammingDistance(a, b)).toBeLessThan(12);
    expect(hammingDistance(a, c)).toBeGreaterThan(16);
    expect(() => hammingDistance(a, 'xyz')).toThrow(RangeError);
  });
});

describe('MinHash and LSH bands', () => {
  it('estimates Jaccard and puts near-duplicates in a shared band', () => {
    const a = shingleText(text, 'en').vocabulary;
    const b = shingleText(`${text} The White House condemned the launch.`, 'en').vocabulary;
    const sa = minhash(a);
    const sb = minhash(b);
    expect(Math.abs(estimateJaccard(sa, sb) - jaccard(a, b))).toBeLessThan(0.15);
    const bandsA = lshBands(sa);
    expect(bandsA).toHaveLength(LSH_BANDS);
    expect(bandsA.some((band) => lshBands(sb).includes(band))).toBe(true);
    expect(lshBands(minhash(new Set()), true)).toEqual([]);
  });
});
