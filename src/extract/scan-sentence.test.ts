import { describe, expect, it } from 'vitest';
import { defaultLexicons } from '../lexicon/load-lexicons.js';
import { scanSentence } from './scan-sentence.js';

function sayers(lang: string, text: string): string[] {
  const facts = scanSentence(text, defaultLexicons().get(lang));
  return facts.actors.filter((a) => a.marks.has('sayer')).map((a) => text.slice(a.start, a.end));
}

describe('speakers', () => {
  it('one comma before the speech verb closes the report: the name before it is no speaker', () => {
    expect(sayers('en', 'Pyongyang has sent more shells to Russia, officials said.')).toEqual([]);
    expect(
      sayers('fr', 'Pyongyang a envoyé des obus à la Russie, ont indiqué des responsables.'),
    ).toEqual([]);
    expect(sayers('ru', 'Снаряды России поставляет Северная Корея, сообщают СМИ.')).toEqual([]);
  });
  it('a name right before the verb, or a list of them, still speaks', () => {
    expect(sayers('en', 'Seoul said Pyongyang sent shells.')).toEqual(['Seoul']);
    expect(
      sayers('en', 'Japan, South Korea and the United States said the launch was a provocation.'),
    ).toEqual(['Japan', 'South Korea', 'United States']);
  });
});

describe('speaking lists', () => {
  it('a comma alone does not join a name of the report to the speaker', () => {
    expect(sayers('en', 'Russia used missiles to strike Ukraine, a US official said.')).toEqual([
      'US',
    ]);
  });
});
