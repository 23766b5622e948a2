import { describe, expect, it } from 'vitest';
import {
  normalizeBoth,
  normalizeDocument,
  normalizeText,
  sliceNormalized,
  wordMask,
} from './normalize-text.js';
import { TermMatcher } from './term-matcher.js';

function find(m: TermMatcher<string>, text: string) {
  const norm = normalizeText(text, !m.caseSensitive);
  return m
    .find(norm, wordMask(text))
    .map((x) => [text.slice(x.start, x.end), x.payloads.join('+')]);
}

describe('normalizeText', () => {
  it('keeps the length and unifies apostrophes, dashes and case', () => {
    const text = 'L’OTAN — Kim Jong-un Ёлка';
    const norm = normalizeText(text);
    expect(norm).toHaveLength(text.length);
    expect(norm).toBe("l'otan   kim jong un елка");
  });

  it('changes exactly the units it unifies when case is kept', () => {
    const space = '-\t\n\r\u2010\u2011\u2012\u2013\u2014\u00a0\u202f\u2009\u3000';
    const apostrophe = '`\u2019\u2018\u02bc\u00b4';
    const expected = (ch: string): string =>
      space.includes(ch)
        ? ' '
        : apostrophe.includes(ch)
          ? "'"
          : ch === '\u0451'
            ? '\u0435'
            : ch === '\u0401'
              ? '\u0415'
              : ch;
    const changed: string[] = [];
    for (let c = 0; c < 0xd800; c++) {
      const ch = String.fromCharCode(c);
      if (normalizeText(`a${ch}b`, false) !== `a${expected(ch)}b`) changed.push(c.toString(16));
    }
    expect(changed).toEqual([]);
  });
});

describe('normalizeDocument', () => {
  it('gives each sentence, as a slice, the forms it would get on its own', () => {
    const text = 'L’OTAN — Kim Jong-un Ёлка.\nSEOUL-Tokyo: 北朝鮮のミサイル発射。Nächste Woche';
    const whole = normalizeDocument(text)!;
    for (const [start, end] of [
      [0, 26],
      [27, 38],
      [39, text.length],
      [5, 9],
    ] as const) {
      const part = sliceNormalized(whole, start, end);
      const alone = normalizeBoth(text.slice(start, end));
      expect(part.lower).toBe(alone.lower);
      expect(part.exact).toBe(alone.exact);
      expect([...part.mask]).toEqual([...wordMask(text.slice(start, end))]);
    }
  });
  it('declines texts whose lowercase depends on context (final sigma, İ, astral letters)', () => {
    expect(normalizeDocument('ΟΔΟΣ ΑΘΗΝΩΝ')).toBeUndefined();
    expect(normalizeDocument('İSTANBUL')).toBeUndefined();
    expect(normalizeDocument('𐐀 test')).toBeUndefined();
  });
});

describe('TermMatcher', () => {
  it('matches a *tail term at the end of a compound, and a plain term only at a word start', () => {
    const m = new TermMatcher<string>();
    m.add('*angriff*', 'attack', { boundaries: true });
    m.add('start', 'start', { boundaries: true });
    expect(find(m, 'Drohnenangriffe und ein Angriff; Raketenstart')).toEqual([
      ['angriff', 'attack'],
      ['Angriff', 'attack'],
    ]);
  });
  it('prefers the longest match and respects word boundaries', () => {
    const m = new TermMatcher<string>();
    m.add('north korea', 'state', { boundaries: true });
    m.add('north korean*', 'demonym', { boundaries: true });
    m.add('test', 'test', { boundaries: true });
    expect(find(m, 'North Korean troops; North Korea tests; a contest')).toEqual([
      ['North Korean', 'demonym'],
      ['North Korea', 'state'],
    ]);
  });

  it('matches stems inside multi-word terms', () => {
    const m = new TermMatcher<string>();
    m.add('ядерн* испытани*', 'nuclear-test', { boundaries: true });
    expect(find(m, 'провести ядерное испытание скоро')).toEqual([
      ['ядерное испытани', 'nuclear-test'],
    ]);
  });

  it('matches French elided words after either apostrophe', () => {
    const m = new TermMatcher<string>();
    m.add('otan', 'nato', { boundaries: true });
    expect(find(m, "l’OTAN et l'OTAN")).toEqual([
      ['OTAN', 'nato'],
      ['OTAN', 'nato'],
    ]);
  });

  it('matches inside unspaced text when boundaries are off, and whole words with =', () => {
    const m = new TermMatcher<string>();
    m.add('러시아', 'rus', { boundaries: false });
    m.add('=북', 'prk', { boundaries: false });
    expect(find(m, '러시아에 북 측은 북극')).toEqual([
      ['러시아', 'rus'],
      ['북', 'prk'],
    ]);
  });

  it('case-sensitive matchers tell UN from un', () => {
    const m = new TermMatcher<string>(true);
    m.add('UN', 'un', { boundaries: true });
    expect(find(m, 'un accord de la UN')).toEqual([['UN', 'un']]);
  });
});
