/** Bad input never crashes the engine and stays bounded (no timing assertions: see bench/). */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/extract-document.js';

describe('extractDocument on bad input', () => {
  it('returns no mentions for empty and whitespace-only text', () => {
    expect(extractDocument({ text: '' }).mentions).toEqual([]);
    expect(extractDocument({ text: '   \n\n\t ', lang: 'fr' }).mentions).toEqual([]);
  });

  it('survives binary junk, lone surrogates and control characters', () => {
    let junk = '';
    for (let i = 0; i < 20_000; i++) junk += String.fromCharCode((i * 7919) % 65536);
    junk += '\ud800\udfff\ud800 North Korea sent troops to Russia.\u0000';
    const r = extractDocument({ text: junk });
    expect(Array.isArray(r.mentions)).toBe(true);
    for (const m of r.mentions) {
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(junk.length);
    }
  });

  it('handles mixed scripts in one document', () => {
    const text =
      'North Korea sent troops to Russia. 북한은 러시아에 포탄을 보냈다. Россия передала КНДР ракеты.';
    expect(extractDocument({ text }).mentions.length).toBeGreaterThan(0);
  });

  it('handles a 10 MB document without punctuation', () => {
    const unit = 'north korea russia missiles troops sent delivered weapons ';
    const text = unit.repeat(Math.ceil(10_000_000 / unit.length));
    const r = extractDocument({ text, lang: 'en' });
    expect(r.mentions.length).toBeGreaterThan(0);
    for (const m of r.mentions.slice(0, 50)) expect(m.end - m.start).toBeLessThanOrEqual(1200);
  }, 600_000);

  it('handles pathological repetition of one character and of a trigger', () => {
    expect(extractDocument({ text: 'a'.repeat(2_000_000) }).mentions).toEqual([]);
    const r = extractDocument({ text: 'sanctions '.repeat(200_000), lang: 'en' });
    expect(Array.isArray(r.mentions)).toBe(true);
    expect(extractDocument({ text: '.'.repeat(500_000) + '。'.repeat(500_000) }).mentions).toEqual(
      [],
    );
  });

  it('accepts a missing or unknown language and non-string text', () => {
    expect(
      extractDocument({ text: 'Pyongyang launched a satellite.', lang: 'xx' }).lang,
    ).toBeTypeOf('string');
    expect(extractDocument({ text: undefined as unknown as string }).mentions).toEqual([]);
  });

  it('is deterministic', () => {
    const doc = {
      text: 'Russia reportedly delivered air defence systems to North Korea.',
      lang: 'en',
    };
    expect(extractDocument(doc)).toEqual(extractDocument(doc));
  });
});
