/**
 * Loads data/language/detect.yaml (scripts, ISO 639 map, stopwords) once, validated with zod.
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { VigieError, formatIssues } from '../../domain/errors.js';

export const SCRIPTS = [
  'Latin',
  'Cyrillic',
  'Hangul',
  'Japanese',
  'Han',
  'Arabic',
  'Hebrew',
  'Devanagari',
  'Greek',
  'Thai',
] as const;
export type Script = (typeof SCRIPTS)[number];

const LangTag = z.string().regex(/^[a-z]{2,3}$/, 'expected a lowercase ISO 639 code');

const LanguageDataSchema = z.object({
  supported: z.record(LangTag, z.enum(SCRIPTS)),
  scripts: z.record(LangTag, z.enum(SCRIPTS)),
  iso639_3to1: z.record(z.string().regex(/^[a-z]{3}$/), LangTag),
  stopwords: z.record(LangTag, z.array(z.string().min(1)).min(5)),
  francLatin: z.array(z.string().regex(/^[a-z]{3}$/)).min(1),
  cueWords: z.record(LangTag, z.array(z.string().min(1)).min(1)),
  distinctiveLetters: z.record(LangTag, z.array(z.string().length(1)).min(1)),
  confirmingLetters: z.record(LangTag, z.array(z.string().length(1)).min(1)).default({}),
  vetoLetters: z.partialRecord(z.enum(SCRIPTS), z.array(z.string().length(1)).min(1)).default({}),
});

export interface LanguageData {
  /** Supported languages and their script. */
  readonly supported: ReadonlyMap<string, Script>;
  /** Script of every language a hint may name (supported ones included). */
  readonly scriptOf: ReadonlyMap<string, Script>;
  readonly iso639: ReadonlyMap<string, string>;
  readonly stopwords: ReadonlyMap<string, ReadonlySet<string>>;
  readonly francLatin: readonly string[];
  /** Word → [language, weight]: 2 for a stopword, 1 for a cue word. */
  readonly wordIndex: ReadonlyMap<string, readonly (readonly [string, number])[]>;
  /** Non-ASCII letter (UTF-16 unit, either case) → languages it marks. */
  readonly letterIndex: ReadonlyMap<number, readonly string[]>;
  /** 1 for every unit that is a key of letterIndex: most units are none, and need no lookup. */
  readonly distinctiveUnits: Uint8Array;
  readonly cueWords: ReadonlyMap<string, ReadonlySet<string>>;
  readonly distinctiveLetters: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Letters (lowercase) that only this language uses among the languages of its script that the
   * trigram model tells apart: with a clear stopword lead, one of them settles the language.
   */
  readonly confirmingLetters: ReadonlyMap<string, readonly string[]>;
  /** Letters (lowercase) of unsupported languages of a script: they send the text to trigrams. */
  readonly vetoLetters: ReadonlyMap<Script, readonly string[]>;
}

export const DEFAULT_LANGUAGE_DATA_FILE = fileURLToPath(
  new URL('../../../data/language/detect.yaml', import.meta.url),
);

/** Parses and validates a language data file; throws a VigieError naming the file and field. */
export function loadLanguageData(file: string = DEFAULT_LANGUAGE_DATA_FILE): LanguageData {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new VigieError('VIGIE_LEXICON_INVALID', `cannot read language data: ${String(cause)}`, {
      where: file,
      cause,
    });
  }
  const parsed = LanguageDataSchema.safeParse(raw);
  if (!parsed.success) {
    throw new VigieError(
      'VIGIE_LEXICON_INVALID',
      `invalid language data: ${formatIssues(parsed.error.issues)}`,
      { where: file },
    );
  }
  const d = parsed.data;
  const supported = new Map(Object.entries(d.supported));
  const wordIndex = new Map<string, [string, number][]>();
  const addWord = (w: string, lang: string, weight: number): void => {
    const list = wordIndex.get(w) ?? [];
    if (!list.some(([l]) => l === lang)) list.push([lang, weight]);
    wordIndex.set(w, list);
  };
  for (const [lang, words] of Object.entries(d.stopwords))
    for (const w of words) addWord(w, lang, 2);
  for (const [lang, words] of Object.entries(d.cueWords))
    for (const w of words) addWord(w, lang, 1);
  // Keyed by UTF-16 unit, both cases, so that scoring needs no lowercasing per character.
  const letterIndex = new Map<number, string[]>();
  for (const [lang, letters] of Object.entries(d.distinctiveLetters))
    for (const ch of letters)
      for (const form of new Set([ch.toLowerCase(), ch.toUpperCase()]))
        if (form.length === 1) {
          const code = form.charCodeAt(0);
          letterIndex.set(code, [...(letterIndex.get(code) ?? []), lang]);
        }
  const distinctiveUnits = new Uint8Array(65536);
  for (const code of letterIndex.keys()) distinctiveUnits[code] = 1;
  return {
    francLatin: d.francLatin,
    wordIndex,
    letterIndex,
    distinctiveUnits,
    supported,
    scriptOf: new Map([...Object.entries(d.scripts), ...supported]),
    iso639: new Map(Object.entries(d.iso639_3to1)),
    stopwords: new Map(Object.entries(d.stopwords).map(([k, v]) => [k, new Set(v)])),
    cueWords: new Map(Object.entries(d.cueWords).map(([k, v]) => [k, new Set(v)])),
    distinctiveLetters: new Map(
      Object.entries(d.distinctiveLetters).map(([k, v]) => [k, new Set(v)]),
    ),
    confirmingLetters: new Map(Object.entries(d.confirmingLetters)),
    vetoLetters: new Map(Object.entries(d.vetoLetters) as [Script, string[]][]),
  };
}

let cached: LanguageData | undefined;

/** The bundled language data, loaded on first use. */
export function languageData(): LanguageData {
  return (cached ??= loadLanguageData());
}
