import { describe, expect, it } from 'vitest';
import { isDistinctive, quotedNumbers } from './quoted-numbers.js';

describe('quotedNumbers', () => {
  it('reads one figure the same in every way of writing it', () => {
    for (const text of [
      'The convoy carried 2,400 shells.',
      'Der Konvoi brachte 2.400 Granaten.',
      'Le convoi transportait 2 400 obus.',
      'Le convoi transportait 2\u202f400 obus.',
      '수송대는 포탄 2천400발을 실어 날랐다.',
      '车队运送了2千400发炮弹。',
      '車列は砲弾２４００発を運んだ。',
    ])
      expect(quotedNumbers(text), text).toEqual(['2400']);
  });

  it('composes CJK units, Han numerals and multiplier words', () => {
    for (const text of [
      '병력 약 3만5천 명',
      '兵力约3.5万人',
      '兵力約3万5000人',
      '兵力三万五千人',
      'около 35 тысяч военных',
      'близько 35 тис. військових',
      'unos 35 mil soldados',
      'some 35 thousand soldiers',
    ])
      expect(quotedNumbers(text), text).toEqual(['35000']);
    expect(quotedNumbers('un budget de 1,5 milliard')).toEqual(['1500000000']);
  });

  it('keeps decimals apart from thousands', () => {
    expect(quotedNumbers('It flew 812.4 km.')).toEqual(['812.4']);
    expect(quotedNumbers('Ракета пролетела 812,4 км.')).toEqual(['812.4']);
    expect(quotedNumbers('a stock of 1,204.6 kilograms')).toEqual(['1204.6']);
  });

  it('leaves out bare years and digits glued to letters, keeps each value once', () => {
    expect(quotedNumbers('In 2019 and in 2019년, a drill.')).toEqual([]);
    expect(quotedNumbers('2,019 rounds')).toEqual(['2019']);
    expect(quotedNumbers('the MK48 torpedo and the Fath-360')).toEqual(['360']);
    expect(quotedNumbers('300 tanks, then 300 more, at 7:45')).toEqual(['300', '7', '45']);
  });
});

describe('isDistinctive', () => {
  it('counts figures of 100 and more and fractions of 10 and more', () => {
    expect(isDistinctive('12')).toBe(false);
    expect(isDistinctive('250')).toBe(true);
    expect(isDistinctive('17.5')).toBe(true);
    expect(isDistinctive('3.5')).toBe(false);
  });
});
