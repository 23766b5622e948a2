import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatMessage, message, type MessageTable } from './messages.js';

const table = (lang: string): MessageTable => {
  const file = JSON.parse(
    readFileSync(new URL(`../../data/labels/${lang}.json`, import.meta.url), 'utf8'),
  ) as { dateLocale: string; messages: MessageTable['messages'] };
  return { lang, dateLocale: file.dateLocale, messages: file.messages };
};
const en = table('en');
const fr = table('fr');

describe('messages', () => {
  it('has every English sentence in French too, with the same parameters', () => {
    const params = (t: MessageTable['messages'][string]) =>
      [...JSON.stringify(t).matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
    for (const [key, template] of Object.entries(en.messages)) {
      expect(fr.messages[key], key).toBeDefined();
      expect(params(fr.messages[key]!), key).toEqual(params(template));
    }
  });

  it('chooses plurals, words days and joins lists in each language', () => {
    const m = message('origins.list', {
      head: message('origins.head', {
        outlets: message('origins.outlets', { n: 1 }),
        origins: message('origins.independent', { n: 2 }),
      }),
      parts: [
        message('origin.outlet', {
          outlet: 'Harbour Times',
          on: message('origin.on', { day: '2025-11-04' }),
        }),
        message('origin.document', { id: 'd-1', on: '' }),
      ],
    });
    expect(formatMessage(en, m)).toBe(
      "1 outlet, 2 independent origins: Harbour Times's report on 4 November 2025; document d-1",
    );
    expect(formatMessage(fr, m)).toBe(
      '1 média, 2 origines indépendantes : l’article de Harbour Times le 4 novembre 2025; le document d-1',
    );
    // French counts 0 and 1 as singular, English 1 only.
    expect(formatMessage(fr, message('grade.open', { n: 0 }))).toBe('0 affirmation encore ouverte');
    expect(formatMessage(en, message('grade.open', { n: 0 }))).toBe('0 claims still open');
    expect(
      formatMessage(
        fr,
        message('grade.bound', {
          record: '',
          bound: 0.5,
          grade: 'C',
          words: message('grade.words.C'),
        }),
      ),
    ).toContain('0,50 → C (assez fiable)');
  });

  it('names what the table does not know by its fallback, through the caller’s wording', () => {
    const m = message('source.actor:RUS', { fallback: 'Russia' });
    expect(formatMessage(fr, m)).toBe('Russia');
    expect(formatMessage(fr, m, (name) => (name === 'source.actor:RUS' ? 'Russie' : null))).toBe(
      'Russie',
    );
    expect(
      formatMessage(fr, message('source.rus-mfa', { fallback: "Russia's foreign ministry" })),
    ).toBe('le ministère russe des Affaires étrangères');
  });
});
