import { describe, expect, it } from 'vitest';
import { readCredibilityReasons } from './credibility-reasons.js';

describe('readCredibilityReasons', () => {
  it('states the base rule, the origins, the best grade and the denial penalty', () => {
    const reasons = readCredibilityReasons(
      JSON.stringify({
        base: { value: 2, rule: '2 independent origins assert it' },
        counts: { firm: 2, hedged: 1, hypothetical: 0, denials: 1 },
        bestReliability: 'C',
        denialPenalty: 1,
      }),
    );
    expect(reasons).toEqual([
      '2 independent origins assert it: credibility 2',
      '2 origins assert it, 1 origin reports it as possible, 1 origin denies it',
      'best source grade among them: C',
      'denials lower it by 1',
    ]);
  });

  it('gives nothing for explanations before credibility-v2 or broken JSON', () => {
    expect(readCredibilityReasons('{"credibility":1}')).toEqual([]);
    expect(readCredibilityReasons('not json')).toEqual([]);
    expect(readCredibilityReasons(null)).toEqual([]);
  });
});
