/** Pure helpers of the dashboard: text segmentation for highlights, safe links, event tones. */
import { describe, expect, it } from 'vitest';
import { safeHttpUrl, segmentText } from '../../web/src/highlight.js';
import { toneOf } from '../../web/src/event-tone.js';

describe('segmentText', () => {
  it('cuts text at every span boundary and lists the kinds covering each piece', () => {
    const text = 'Russia reportedly delivered missiles';
    const segs = segmentText(text, [
      { start: 0, end: 6, kind: 'actor' },
      { start: 7, end: 17, kind: 'modality' },
      { start: 18, end: 27, kind: 'trigger' },
    ]);
    expect(segs.map((s) => [s.text, s.kinds.join('+')])).toEqual([
      ['Russia', 'actor'],
      [' ', ''],
      ['reportedly', 'modality'],
      [' ', ''],
      ['delivered', 'trigger'],
      [' missiles', ''],
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });

  it('nests overlapping spans and marks the focus span', () => {
    const segs = segmentText('abcdefgh', [{ start: 2, end: 6, kind: 'trigger' }], {
      start: 4,
      end: 8,
    });
    expect(segs.map((s) => [s.text, s.kinds.join(), s.focus])).toEqual([
      ['ab', '', false],
      ['cd', 'trigger', false],
      ['ef', 'trigger', true],
      ['gh', '', true],
    ]);
  });

  it('clamps spans outside the text and drops empty ones', () => {
    const segs = segmentText(
      'abc',
      [
        { start: -5, end: 1, kind: 'actor' },
        { start: 2, end: 99, kind: 'time' },
        { start: 2, end: 2, kind: 'trigger' },
      ],
      { start: 10, end: 20 },
    );
    expect(segs.map((s) => [s.text, s.kinds.join(), s.focus])).toEqual([
      ['a', 'actor', false],
      ['b', '', false],
      ['c', 'time', false],
    ]);
  });

  it('keeps markup in the text as text', () => {
    const text = 'x <script>alert(1)</script> y';
    const segs = segmentText(text, [{ start: 2, end: 10, kind: 'actor' }]);
    expect(segs[1]!.text).toBe('<script>');
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });
});

describe('safeHttpUrl', () => {
  it('keeps http(s) links and drops other schemes', () => {
    expect(safeHttpUrl('https://news.example/a?b=1')).toBe('https://news.example/a?b=1');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl(' JAVASCRIPT:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,<script>1</script>')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
  });
});

describe('toneOf', () => {
  it('calls transfers cooperation, threats conflict, and one-actor events neither', () => {
    expect(toneOf('ARMS_TRANSFER')).toBe('cooperation');
    expect(toneOf('THREAT')).toBe('conflict');
    expect(toneOf('MISSILE_TEST')).toBeNull();
  });
});
