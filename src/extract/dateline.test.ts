import { describe, expect, it } from 'vitest';
import { datelineLength, withoutDateline } from './dateline.js';

describe('datelineLength', () => {
  it.each([
    ['SEOUL, March 3 (Hanbit) -- North Korea fired a missile.', 'SEOUL, March 3 (Hanbit) -- '],
    ['KYIV (Wire) — Troops arrived.', 'KYIV (Wire) — '],
    ['LIMA, 3 mar (Agencia).- El gobierno anunció…', 'LIMA, 3 mar (Agencia).- '],
    ['ПЕКИН, 3 марта. /Агентство/. Китай заявил…', 'ПЕКИН, 3 марта. /Агентство/. '],
    ['(부산=한빛통신) 이수진 기자 = 북한이 미사일을 쐈다.', '(부산=한빛통신) 이수진 기자 = '],
    ['（某某社北京3月3日电）中方表示……', '（某某社北京3月3日电）'],
    ['【大阪＝某通信】政府は発表した。', '【大阪＝某通信】'],
  ])('finds the dateline of %s', (text, dateline) => {
    expect(text.slice(0, datelineLength(text))).toBe(dateline);
  });

  it.each([
    'North Korea (the DPRK) — a state under sanctions — fired a missile.',
    'Russia said on Monday (local time) that talks would go on.',
    '北朝鮮は3日、弾道ミサイルを発射した。',
  ])('finds none in %s', (text) => {
    expect(datelineLength(text)).toBe(0);
  });

  it('blanks the dateline and keeps offsets', () => {
    const text = 'OSLO (Wire) - Talks ended.';
    expect(withoutDateline(text)).toHaveLength(text.length);
    expect(withoutDateline(text).trimStart()).toBe('Talks ended.');
  });
});
