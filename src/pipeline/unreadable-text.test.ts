import { describe, expect, it } from 'vitest';
import { MAX_UNREADABLE_SHARE, unreadableReason, unreadableShare } from './unreadable-text.js';

describe('unreadableShare', () => {
  it('counts controls and U+FFFD among the characters that are not spaces', () => {
    expect(unreadableShare('')).toBe(0);
    expect(unreadableShare(' \t\r\n')).toBe(0);
    expect(unreadableShare('ab\u0007\uFFFD')).toBe(0.5);
    expect(unreadableShare('a \n\tb\u0085')).toBeCloseTo(1 / 3);
  });

  it('counts a surrogate pair once, as a readable character', () => {
    expect(unreadableShare('\u{1F680}\u0001')).toBe(0.5);
    expect(unreadableShare('北朝鮮がミサイルを発射した')).toBe(0);
  });
});

describe('unreadableReason', () => {
  it('accepts text up to the limit and refuses it above, saying how much and why', () => {
    const words = 'x'.repeat(Math.round(1 / MAX_UNREADABLE_SHARE) - 1);
    expect(unreadableReason(`${words}\u0002`)).toBeNull();
    expect(unreadableReason(`${words.slice(1)}\u0002`)).toMatch(
      /^text: not readable: 5.3% of its characters are control characters or U\+FFFD \(at most 5%\)/,
    );
    expect(unreadableReason('\u001f\uFFFD\b')).toMatch(/100%/);
  });
});
