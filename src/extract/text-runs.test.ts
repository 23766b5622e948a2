import { describe, expect, it } from 'vitest';
import { letterRun, restOfWordThenSpaces } from './text-runs.js';

describe('text runs', () => {
  it('answer as the regexes do on the slice (marks, hyphens, spaces, astral letters)', () => {
    let seed = 5;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const units = [
      'a',
      'é',
      '\u0301',
      ' ',
      '-',
      '\u00a0',
      ',',
      '1',
      '한',
      '\ud835\udc00',
      'ж',
      '.',
    ];
    for (let t = 0; t < 20_000; t++) {
      let text = '';
      for (let k = random(10); k > 0; k--) text += units[random(units.length)];
      const from = random(text.length + 3);
      const to = random(text.length + 3);
      const slice = text.slice(from, to);
      expect(letterRun(text, from, to)).toBe(/^[\p{L}\p{M}]*/u.exec(slice)![0].length);
      expect(restOfWordThenSpaces(text, from, to)).toBe(/^[\p{L}\p{M}]*[\s-]*$/u.test(slice));
    }
  });
});
