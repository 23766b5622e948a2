import { describe, expect, it } from 'vitest';
import { cutPage, mergeNewestFirst, nextPeriod } from './keyset.js';

describe('keyset helpers', () => {
  it('turns an inclusive until into the next period', () => {
    expect(nextPeriod('2024')).toBe('2025');
    expect(nextPeriod('2024-12')).toBe('2025-01');
    expect(nextPeriod('2024-06')).toBe('2024-07');
    expect(nextPeriod('2024-02-29')).toBe('2024-03-01');
    expect(nextPeriod('2024-12-31')).toBe('2025-01-01');
    expect(nextPeriod('2024-06-01T10:00:00Z')).toBeNull();
  });

  it('merges newest first with null keys last and no duplicates', () => {
    const key = (r: { k: string | null; id: string }): [string | null, string] => [r.k, r.id];
    const merged = mergeNewestFirst(
      [
        [
          { k: '2024-02', id: 'b' },
          { k: null, id: 'z' },
        ],
        [
          { k: '2024-03', id: 'a' },
          { k: '2024-02', id: 'c' },
          { k: '2024-02', id: 'b' },
        ],
      ],
      key,
    );
    expect(merged.map((r) => r.id)).toEqual(['a', 'c', 'b', 'z']);
    const page = cutPage(merged, 2, key);
    expect(page.items.map((r) => r.id)).toEqual(['a', 'c']);
    expect(page.next).not.toBeNull();
    expect(cutPage(merged, 4, key).next).toBeNull();
  });
});
