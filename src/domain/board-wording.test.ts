import { describe, expect, it } from 'vitest';
import { preferredLanguage, wordedDescription, wordedTitle, wordingJson } from './board-wording.js';

describe('board wording', () => {
  it('picks the board language an Accept-Language prefers, English when none', () => {
    expect(preferredLanguage(undefined)).toBe('en');
    expect(preferredLanguage('')).toBe('en');
    expect(preferredLanguage('fr')).toBe('fr');
    expect(preferredLanguage('fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(preferredLanguage('en-GB,en;q=0.9,fr;q=0.8')).toBe('en');
    expect(preferredLanguage('de-DE,de;q=0.9,fr;q=0.5')).toBe('fr');
    expect(preferredLanguage('en;q=0.4, FR;q=0.7')).toBe('fr');
    expect(preferredLanguage('fr;q=0, *')).toBe('en');
    expect(preferredLanguage('ko')).toBe('en');
  });

  it('stores only the languages beside English and reads them back with English as fallback', () => {
    expect(wordingJson({ en: 'A' })).toBeNull();
    expect(wordingJson(undefined)).toBeNull();
    const json = wordingJson({ en: 'A', fr: 'Å' }, { en: 'about A', fr: 'à propos' });
    expect(JSON.parse(json!)).toEqual({ fr: { title: 'Å', description: 'à propos' } });
    const row = { title: 'A', description: 'about A', wording: json };
    expect([wordedTitle(row, 'fr'), wordedDescription(row, 'fr')]).toEqual(['Å', 'à propos']);
    expect([wordedTitle(row, 'en'), wordedDescription(row, 'en')]).toEqual(['A', 'about A']);
    const titleOnly = {
      title: 'A',
      description: 'about A',
      wording: wordingJson({ en: 'A', fr: 'Å' }),
    };
    expect(wordedDescription(titleOnly, 'fr')).toBe('about A');
    for (const wording of [null, undefined, '', '{', '"x"', 'null', '{"fr":{"title":""}}'])
      expect(wordedTitle({ title: 'A', wording }, 'fr'), String(wording)).toBe('A');
  });
});
