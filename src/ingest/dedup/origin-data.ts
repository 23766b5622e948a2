/**
 * Loads data/origins/: agencies (agencies.yaml) and per-language credit patterns (<lang>.yaml),
 * validated with zod, compiled once into regular expressions.
 * @module
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { VigieError } from '../../domain/errors.js';
import { readDataYaml } from './read-data-yaml.js';

const AgenciesFileSchema = z.object({
  agencies: z
    .array(
      z.object({
        name: z.string().min(1),
        kind: z.enum(['agency', 'broadcaster', 'media', 'state-voice']),
        credited: z.boolean(),
        aliases: z.array(z.string().min(1)).default([]),
      }),
    )
    .min(1),
});

const LanguageFileSchema = z.object({
  lang: z.string().min(2),
  aliases: z.record(z.string(), z.array(z.string().min(1))).default({}),
  patterns: z
    .array(z.string().refine((p) => p.includes('{agency}'), 'pattern must contain {agency}'))
    .min(1),
});

export interface Agency {
  readonly name: string;
  readonly kind: 'agency' | 'broadcaster' | 'media' | 'state-voice';
  readonly credited: boolean;
}

export interface CreditPatterns {
  readonly lang: string;
  /** Case-insensitive; `{agency}` is compiled to AGENCY_MARK (see detectAttributions). */
  readonly regexes: readonly RegExp[];
}

/** Stands for the agency name in compiled patterns: the text is masked with it at each hit. */
export const AGENCY_MARK = '\uE000';

export interface OriginData {
  /** Lower-cased alias → agency. */
  readonly aliases: ReadonlyMap<string, Agency>;
  /** Aliases that must match with their exact case (acronyms such as AP, RIA, EFE). */
  readonly exactCase: ReadonlySet<string>;
  /** Every alias, longest first, with word boundaries for Latin and Cyrillic names (global). */
  readonly aliasRegex: RegExp;
  readonly languages: ReadonlyMap<string, CreditPatterns>;
  readonly common: CreditPatterns;
}

export const DEFAULT_ORIGINS_DIR = fileURLToPath(
  new URL('../../../data/origins/', import.meta.url),
);

let cached: OriginData | undefined;

/** The origin data of `dir` (default data/origins/); the default is loaded once and cached. */
export function loadOriginData(dir: string = DEFAULT_ORIGINS_DIR): OriginData {
  if (dir === DEFAULT_ORIGINS_DIR && cached) return cached;
  const agenciesFile = readDataYaml(join(dir, 'agencies.yaml'), AgenciesFileSchema);
  const byName = new Map<string, Agency>();
  const aliases = new Map<string, Agency>();
  const exactCase = new Set<string>();
  const addAlias = (alias: string, agency: Agency) => {
    aliases.set(alias.toLowerCase(), agency);
    if (/^[\p{Lu}\p{N}-]{2,6}$/u.test(alias)) exactCase.add(alias);
  };
  for (const a of agenciesFile.agencies) {
    const agency: Agency = { name: a.name, kind: a.kind, credited: a.credited };
    byName.set(a.name, agency);
    for (const alias of a.aliases) addAlias(alias, agency);
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'agencies.yaml');
  const parsed = files.map((f) => ({
    file: join(dir, f),
    data: readDataYaml(join(dir, f), LanguageFileSchema),
  }));
  for (const { file, data } of parsed) {
    for (const [name, list] of Object.entries(data.aliases)) {
      const agency = byName.get(name);
      if (!agency) {
        throw new VigieError('VIGIE_LEXICON_INVALID', `unknown agency "${name}" in aliases`, {
          where: file,
        });
      }
      for (const alias of list) addAlias(alias, agency);
    }
  }
  const alternation = [...aliases.keys()]
    .sort((a, b) => b.length - a.length)
    .map(aliasPattern)
    .join('|');
  const aliasRegex = new RegExp(alternation, 'giu');
  const languages = new Map<string, CreditPatterns>();
  let common: CreditPatterns = { lang: 'common', regexes: [] };
  for (const { file, data } of parsed) {
    const regexes = data.patterns.map((p, i) => compile(p, `${file}: patterns[${i}]`));
    if (data.lang === 'common') common = { lang: 'common', regexes };
    else languages.set(data.lang, { lang: data.lang, regexes });
  }
  const result: OriginData = { aliases, exactCase, aliasRegex, languages, common };
  if (dir === DEFAULT_ORIGINS_DIR) cached = result;
  return result;
}

/** An alias as a pattern: word boundaries where it starts or ends with a Latin or Cyrillic letter. */
function aliasPattern(alias: string): string {
  const escaped = alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  const wordy = /[\p{Script=Latin}\p{Script=Cyrillic}\p{N}]/u;
  const before = wordy.test(alias[0] ?? '') ? '(?<![\\p{L}\\p{N}])' : '';
  const after = wordy.test(alias.at(-1) ?? '') ? '(?![\\p{L}\\p{N}])' : '';
  return `${before}${escaped}${after}`;
}

function compile(pattern: string, where: string): RegExp {
  try {
    return new RegExp(pattern.replace('{agency}', AGENCY_MARK), 'iu');
  } catch (error) {
    throw new VigieError('VIGIE_LEXICON_INVALID', `invalid credit pattern: ${String(error)}`, {
      where,
      cause: error,
    });
  }
}
