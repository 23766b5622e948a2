import { describe, expect, it } from 'vitest';
import { VigieError } from '../domain/errors.js';
import { defaultLexicons, type LexiconSet } from '../lexicon/load-lexicons.js';
import { EXTRACTOR_VERSION, extractDocument } from './extract-document.js';

describe('extractDocument', () => {
  const text =
    'Markets were calm. According to Seoul, North Korea may have shipped artillery shells to Russia on Monday.';
  const result = extractDocument({ id: 'x', text, lang: 'en', published: '2024-11-06' });
  const m = result.mentions.find((x) => x.type === 'ARMS_TRANSFER');

  it('reports the sentence span, trimmed, and the trigger span inside it', () => {
    expect(m).toBeDefined();
    expect(text.slice(m!.start, m!.end)).toBe(
      'According to Seoul, North Korea may have shipped artillery shells to Russia on Monday.',
    );
    expect(m!.trigger!.start).toBeGreaterThanOrEqual(m!.start);
    expect(text.slice(m!.trigger!.start, m!.trigger!.end).toLowerCase()).toBe('shipped');
  });

  it('fills roles, modality, capabilities and date', () => {
    expect(m).toMatchObject({
      source: 'PRK',
      target: 'RUS',
      modality: 'HEDGED',
      capabilities: ['ARTILLERY'],
      date: '2024-11-04',
    });
  });

  it('explains itself with rules and cues pointing into the text', () => {
    expect(m!.rules).toContain('en.trigger.ARMS_TRANSFER.transfer');
    expect(m!.rules).toContain('modality.hedge');
    const kinds = new Set(m!.cues.map((c) => c.kind));
    for (const k of ['trigger', 'actor', 'modality', 'capability'] as const)
      expect(kinds).toContain(k);
    const modality = m!.cues.find((c) => c.kind === 'modality')!;
    expect(text.slice(modality.start, modality.end)).toBe('may');
    const actor = m!.cues.find((c) => c.kind === 'actor' && c.value === 'RUS')!;
    expect(text.slice(actor.start, actor.end)).toBe('Russia');
  });

  it('lists credited origins and does not make them participants', () => {
    expect(result.origins.map((o) => o.name)).toContain('Seoul');
  });

  it('has a version string', () => {
    expect(EXTRACTOR_VERSION).toMatch(/\d+\.\d+\.\d+/);
  });
});

describe('extractDocument and failures inside a sentence', () => {
  /** The real English lexicons, with modality (decided per mention, after scanning) failing. */
  function failingLexicons(fail: () => never): LexiconSet {
    const real = defaultLexicons();
    const en = real.get('en');
    const lexicon = { ...en.lexicon };
    Object.defineProperty(lexicon, 'negationWindow', { get: fail });
    return { languages: real.languages, get: () => ({ ...en, lexicon }) };
  }
  const doc = { text: 'North Korea shipped artillery shells to Russia.', lang: 'en' };

  it('skips a sentence the rules cannot handle and goes on', () => {
    const lexicons = failingLexicons(() => {
      throw new TypeError('unexpected shape');
    });
    expect(extractDocument(doc, { lexicons }).mentions).toEqual([]);
  });

  it('stops on a data error instead of silencing the language', () => {
    const lexicons = failingLexicons(() => {
      throw new VigieError('VIGIE_LEXICON_INVALID', 'invalid date words', { where: 'x.yaml' });
    });
    expect(() => extractDocument(doc, { lexicons })).toThrow(/invalid date words/);
  });
});
