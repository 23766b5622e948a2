import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VigieError } from '../domain/errors.js';
import { defaultLexicons, loadLexicons } from './load-lexicons.js';

function tempData(lexicon: string, gazetteer: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-lex-'));
  mkdirSync(join(dir, 'lexicons'));
  mkdirSync(join(dir, 'gazetteer'));
  writeFileSync(join(dir, 'lexicons', 'en.yaml'), lexicon);
  writeFileSync(join(dir, 'gazetteer', 'g.yaml'), gazetteer);
  return dir;
}

describe('loadLexicons', () => {
  it('loads and compiles every shipped language', () => {
    const set = defaultLexicons();
    expect(set.languages).toEqual(
      expect.arrayContaining(['de', 'en', 'es', 'fr', 'ja', 'ko', 'ru', 'uk', 'zh']),
    );
    for (const lang of set.languages) {
      const c = set.get(lang);
      expect(c.lang).toBe(lang);
      expect(c.triggers.count).toBeGreaterThan(20);
      expect(c.actors.count).toBeGreaterThan(20);
    }
  });

  it('falls back to English for a language without a lexicon', () => {
    expect(defaultLexicons().get('xx').lang).toBe('en');
  });

  it('names the file and field of an invalid entry', () => {
    const dir = tempData(
      'lang: en\nname: E\nwordBoundaries: true\nwordOrder: svo\ntriggers:\n  - { id: x, terms: [go], type: NOT_A_TYPE }\n',
      'entries: []\n',
    );
    try {
      loadLexicons(dir).get('en');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(VigieError);
      expect((e as VigieError).code).toBe('VIGIE_LEXICON_INVALID');
      expect((e as Error).message).toContain('en.yaml');
      expect((e as Error).message).toContain('triggers.0.type');
    }
  });

  it('names the gazetteer entry that uses an unknown ending set', () => {
    const dir = tempData(
      'lang: en\nname: E\nwordBoundaries: true\nwordOrder: svo\n',
      'entries:\n  - { id: foo, code: RUS, kind: state, names: { en: ["mosc{x}"] } }\n',
    );
    expect(() => loadLexicons(dir).get('en')).toThrow(
      /g\.yaml: entries\[0\] \(foo\)\.names\.en: .*unknown ending set \{x\}/,
    );
  });

  it('rejects a gazetteer code that is not an actor code', () => {
    const dir = tempData(
      'lang: en\nname: E\nwordBoundaries: true\nwordOrder: svo\n',
      'entries:\n  - { id: foo, code: russia, kind: state }\n',
    );
    expect(() => loadLexicons(dir).get('en')).toThrow(/g\.yaml: entries\.0\.code/);
  });

  it('names the compound whose parts do not match its codes', () => {
    const dir = tempData(
      'lang: en\nname: E\nwordBoundaries: true\nwordOrder: svo\n',
      'entries:\n  - { id: pair, code: RUS, kind: demonym, parts: [RUS, PRK], names: { en: ["rus|nk|x"] } }\n',
    );
    expect(() => loadLexicons(dir).get('en')).toThrow(
      /\(pair\)\.names\.en: "rus\|nk\|x" has 3 parts/,
    );
  });
});
