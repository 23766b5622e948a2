/**
 * Brief templates per language, from data/report/<lang>.yaml (validated on load).
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigError, InputError, formatIssues } from '../../domain/errors.js';
import { codeWords, type CodeWords } from './code-words.js';

export const BRIEF_LANGS = ['en', 'fr'] as const;
export type BriefLang = (typeof BRIEF_LANGS)[number];

const KEYS = [
  'title',
  'period',
  'generated',
  'keyJudgements',
  'judgement',
  'noChange',
  'movedBy',
  'step',
  'noSteps',
  'significantEvents',
  'eventLine',
  'citation',
  'noEvents',
  'noEvidence',
  'trends',
  'probabilityChart',
  'eventsChart',
  'sources',
  'sourceLine',
  'noSources',
  'unknown',
  'silence',
  'silenceDays',
  'silenceOneDay',
  'scores',
  'boardScore',
  'scoreLine',
  'noScores',
] as const;

export const BriefStringsSchema = z.strictObject(
  Object.fromEntries(KEYS.map((k) => [k, z.string().min(1)])) as Record<
    (typeof KEYS)[number],
    z.ZodString
  >,
);
/** The templates of data/report/<lang>.yaml, and the words for codes (data/labels/<lang>.json). */
export type BriefStrings = z.infer<typeof BriefStringsSchema> & { readonly words: CodeWords };

const DATA_DIR = fileURLToPath(new URL('../../../data/report/', import.meta.url));
const cache = new Map<string, BriefStrings>();

export function loadBriefStrings(lang: string, dir = DATA_DIR): BriefStrings {
  if (!(BRIEF_LANGS as readonly string[]).includes(lang))
    throw new InputError(
      `no brief template for language "${lang}" (use ${BRIEF_LANGS.join(' or ')})`,
      'lang',
    );
  const file = `${dir}${lang}.yaml`;
  const hit = cache.get(file);
  if (hit) return hit;
  const parsed = BriefStringsSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new ConfigError(`invalid brief strings: ${formatIssues(parsed.error.issues)}`, file);
  const strings = { ...parsed.data, words: codeWords(lang) };
  cache.set(file, strings);
  return strings;
}

/** `fill('{a} and {b}', {a: 1, b: 2})`; unknown placeholders stay as they are. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
