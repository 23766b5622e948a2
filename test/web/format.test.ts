/** Display helpers of the dashboard: a small real change never reads "+0 pts … 8% to 8%". */
import { describe, expect, it } from 'vitest';
import { fromTo } from '../../src/store/api-queries/board-queries.js';
import { points } from '../../web/src/format.js';

describe('probability changes in words', () => {
  it('shows points with the precision a change needs', () => {
    expect(points(0.41, 0.62)).toBe('+21 pts');
    expect(points(0.62, 0.41)).toBe('−21 pts');
    expect(points(0.08, 0.084)).toBe('+0.4 pts');
    expect(points(0.08, 0.0802)).toBe('+<0.1 pts');
    expect(points(0.3, 0.3)).toBe('±0 pts');
  });

  it('gives before and after as many decimals as it takes to differ', () => {
    expect(fromTo(0.41, 0.62)).toBe('41% to 62%');
    expect(fromTo(0.08, 0.084)).toBe('8% to 8.4%');
    expect(fromTo(0.08, 0.08004)).toBe('8% to 8.004%');
    expect(fromTo(0.08, 0.08)).toBe('8% to 8%');
  });
});
