import { describe, expect, it } from 'vitest';
import { resolveSince } from './period.js';

const asOf = new Date('2024-11-15T12:00:00.000Z');

describe('resolveSince', () => {
  it('reads relative periods and dates', () => {
    expect(resolveSince('7d', asOf)).toBe('2024-11-08T12:00:00.000Z');
    expect(resolveSince('12h', asOf)).toBe('2024-11-15T00:00:00.000Z');
    expect(resolveSince('2w', asOf)).toBe('2024-11-01T12:00:00.000Z');
    expect(resolveSince('2024-11-01', asOf)).toBe('2024-11-01T00:00:00.000Z');
  });
  it('rejects anything else with a clear message', () => {
    expect(() => resolveSince('last week', asOf)).toThrow(/not a period/);
  });
});
