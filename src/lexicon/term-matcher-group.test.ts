import { describe, expect, it } from 'vitest';
import { normalizeText, wordMask } from './normalize-text.js';
import { TermMatcherGroup } from './term-matcher-group.js';
import { TermMatcher, type AddOptions } from './term-matcher.js';

const WORDS: AddOptions = { boundaries: true };
const UNSPACED: AddOptions = { boundaries: false };

function matcher(terms: readonly string[], options: AddOptions): TermMatcher<string> {
  const m = new TermMatcher<string>();
  for (const t of terms) m.add(t, t, options);
  return m;
}

function expectSameAsFind(members: TermMatcher<string>[], texts: readonly string[]): void {
  const group = new TermMatcherGroup(members as TermMatcher<never>[]);
  for (const text of texts) {
    const norm = normalizeText(text);
    const mask = wordMask(text);
    const found = group.find(norm, mask);
    for (const m of members) expect(found.of(m)).toEqual(m.find(norm, mask));
  }
}

describe('TermMatcherGroup', () => {
  it('gives each member exactly what its own find() gives, overlaps between members included', () => {
    const actors = matcher(['north korea', 'north korean*', 'russia', 'kim jong un'], WORDS);
    const triggers = matcher(['sent', 'send*', 'test fire*', 'north'], WORDS);
    const stems = matcher(['ядерн* испытани*', 'передал*', 'korea* missile*'], WORDS);
    expectSameAsFind(
      [actors, triggers, stems],
      [
        'North Korean troops were sent to Russia; North Korea test-fired a missile.',
        'Korean missiles, Korea missile, north north north.',
        'Россия передала КНДР данные; ядерное испытание отложено.',
        '',
        'no terms here at all',
      ],
    );
  });

  it('handles terms without word boundaries (Korean particles, unspaced text)', () => {
    const actors = matcher(['러시아', '북한', '=북'], UNSPACED);
    const markers = matcher(['에', '과', '와의'], UNSPACED);
    expectSameAsFind(
      [actors, markers],
      ['북한은 러시아에 포탄을 보냈다', '러시아와의 협력과 북 측', ''],
    );
  });

  it('agrees with find() on random terms over wide alphabets (Latin, Cyrillic, Hangul, Han)', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const letters = ['a', 'b', 'c', ' ', 'д', 'ж', '한', '국', '中', '国', 'é', 'z'];
    const word = (): string => {
      let w = '';
      for (let k = 1 + random(5); k > 0; k--) w += letters[random(letters.length)];
      return w.trim() || 'a';
    };
    const members = [0, 1, 2].map((g) => {
      const m = new TermMatcher<string>();
      for (let k = 0; k < 60; k++) {
        const t = word();
        m.add(random(4) === 0 ? `${t}*` : t, `${g}:${t}`, g === 2 ? UNSPACED : WORDS);
      }
      return m;
    });
    const texts: string[] = [];
    for (let k = 0; k < 40; k++) {
      let t = '';
      for (let w = random(12); w > 0; w--) t += `${word()}${random(3) === 0 ? ', ' : ' '}`;
      texts.push(t);
    }
    expectSameAsFind(members, texts);
  });

  it('tells which member a match belongs to and refuses a stranger', () => {
    const a = matcher(['launch'], WORDS);
    const b = matcher(['launch pad'], WORDS);
    const group = new TermMatcherGroup([a, b] as TermMatcher<never>[]);
    const text = 'the launch pad and the launch';
    const found = group.find(normalizeText(text), wordMask(text));
    expect(found.of(a).map((m) => text.slice(m.start, m.end))).toEqual(['launch', 'launch']);
    expect(found.of(b).map((m) => text.slice(m.start, m.end))).toEqual(['launch pad']);
    expect(() => found.of(matcher(['x'], WORDS))).toThrow(/not in the group/);
  });
});
