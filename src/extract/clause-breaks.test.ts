import { describe, expect, it } from 'vitest';
import { BREAK, countBreaks, hasBreak, PUNCTUATION } from './clause-breaks.js';
import type { SentenceFacts } from './scan-sentence.js';

const CLAUSE_BREAK = /[;:，；：—–()（）«»"]|(?<!\d),|,(?!\d)/u;
const CLAUSE_PUNCTUATION = /[;:，；：]|(?<!\d),|,(?!\d)/u;

describe('clause breaks', () => {
  it('answers as the regexes do on the slice, digit-grouping commas included', () => {
    let seed = 11;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const units = [
      'a',
      ' ',
      ',',
      '1',
      '0',
      ';',
      ':',
      '，',
      '；',
      '：',
      '（',
      '）',
      '、',
      '—',
      '(',
      '»',
      '"',
      '–',
      'é',
    ];
    for (let t = 0; t < 20_000; t++) {
      let text = '';
      for (let k = random(12); k > 0; k--) text += units[random(units.length)];
      const facts = { text } as SentenceFacts;
      const from = random(text.length + 3);
      const to = random(text.length + 3);
      const slice = text.slice(from, to);
      expect(countBreaks(facts, from, to, BREAK)).toBe(slice.split(CLAUSE_BREAK).length - 1);
      expect(hasBreak(facts, from, to, BREAK)).toBe(CLAUSE_BREAK.test(slice));
      expect(hasBreak(facts, from, to, PUNCTUATION)).toBe(CLAUSE_PUNCTUATION.test(slice));
    }
  });
});
