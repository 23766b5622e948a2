import { describe, expect, it } from 'vitest';
import { compileKeyword, foldText } from './match-criteria.js';

const matches = (keyword: string, text: string) => compileKeyword(keyword).test(foldText(text));

describe('compileKeyword', () => {
  it('matches whole words case-insensitively', () => {
    expect(matches('Hwasong', 'the HWASONG launch')).toBe(true);
    expect(matches('kim', 'Kimchi exports')).toBe(false);
    expect(matches('ICBM', 'an ICBM.')).toBe(true);
  });

  it('matches any ending with a trailing star', () => {
    expect(matches('ракет*', 'Поставки РАКЕТНОЙ техники')).toBe(true);
    expect(matches('ракет', 'поставки ракетной техники')).toBe(false);
    expect(matches('missile*', 'two missiles')).toBe(true);
  });

  it('matches inside words in scripts written without spaces', () => {
    expect(matches('위성', '정찰위성을 발사했다')).toBe(true);
    expect(matches('卫星', '朝鲜发射侦察卫星')).toBe(true);
  });

  it('folds compatibility forms and accents stay significant', () => {
    expect(matches('missile', 'ＭＩＳＳＩＬＥ test')).toBe(true);
    expect(matches('Pyongyang', 'PYÖNGYANG')).toBe(false);
    expect(matches('Pyöngyang', 'PYÖNGYANG')).toBe(true);
  });

  it('never matches an empty keyword', () => {
    expect(matches('*', 'anything')).toBe(false);
  });
});
