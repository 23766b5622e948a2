import { describe, expect, it } from 'vitest';
import { buildSnippet } from './text-search.js';

const TEXT =
  'Officials in Seoul said on Monday that North Korea had moved more shells north by rail. ' +
  'Satellite imagery of the Rajin port showed containers stacked near the pier. '.repeat(6) +
  'Analysts said the Hwasong-11 launchers seen at Vostochny were new, and a second Hwasong unit ' +
  'was spotted later. The ministry declined to comment.';

describe('buildSnippet', () => {
  it('centres on the first match and marks every occurrence', () => {
    const s = buildSnippet(TEXT, ['hwasong']);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.highlights.length).toBeGreaterThanOrEqual(1);
    for (const h of s.highlights)
      expect(s.text.slice(h.start, h.end).toLowerCase()).toBe('hwasong');
  });

  it('gives from an excerpt holding the match the snippet of the whole text', () => {
    const at = TEXT.toLowerCase().indexOf('hwasong');
    for (const [from, to] of [
      [at - 200, at + 400],
      [at - 80, at + 160],
      [0, TEXT.length],
    ] as const) {
      const offset = Math.max(0, from);
      const excerpt = TEXT.slice(offset, Math.min(TEXT.length, to));
      const place = { offset, length: TEXT.length };
      expect(buildSnippet(excerpt, ['Hwasong'], 80, place)).toEqual(
        buildSnippet(TEXT, ['Hwasong']),
      );
    }
  });

  it('says when an excerpt is too short to give that snippet', () => {
    const at = TEXT.toLowerCase().indexOf('hwasong');
    const excerpt = TEXT.slice(at - 10, at + 20);
    expect(buildSnippet(excerpt, ['hwasong'], 80, { offset: at - 10, length: TEXT.length })).toBe(
      null,
    );
  });
});
