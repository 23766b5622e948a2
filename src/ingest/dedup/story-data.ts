/**
 * Loads data/stories/: the sources reports attribute announcements to (sources.yaml), the words
 * that attribute them per language (attribution-cues.yaml) and how numbers are written
 * (numbers.yaml); validated with zod, compiled once into regular expressions.
 * @module
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { VigieError } from '../../domain/errors.js';
import { readDataYaml } from './read-data-yaml.js';
import { ActorCodeSchema } from '../../domain/ontology.js';

const NamesSchema = z.record(z.string().min(2), z.array(z.string().min(1)));

const SourcesFileSchema = z.object({
  sources: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]+$/),
        actor: ActorCodeSchema,
        /** The source in words, for explanations ("the NIS"); default: its first name. */
        label: z.string().min(1).optional(),
        speaks: z.boolean().default(true),
        names: NamesSchema,
      }),
    )
    .min(1),
});

const CuesFileSchema = z.object({
  cues: NamesSchema,
  /** Words that mark an outlet's own reporting ("our correspondent", "obtained by"). */
  own: NamesSchema.default({}),
  /** Voices that are no primary source: commentary ("analysts said", "experts believe"). */
  commentary: NamesSchema.default({}),
  /** Reported speech without a speaker ("soll … haben", "aurait", "якобы"). */
  hearsay: NamesSchema.default({}),
  /** Looser statement words, read within one sentence by mention attribution only. */
  statements: NamesSchema.default({}),
  /** Cues that introduce their source after them ("according to", "selon", "据"). */
  preposed: NamesSchema.default({}),
  /** Finite speech verbs whose speaker may follow them after a comma ("…, said X"). */
  inverted: NamesSchema.default({}),
  /** Languages whose speech verbs follow their speaker ("국정원은 … 밝혔다"). */
  speakerFirst: z.array(z.string().min(2)).default([]),
  /** Words anchoring a sentence to another time or event ("its first launch since"). */
  background: NamesSchema.default({}),
  /** Attributions that point back at what was just said ("Об этом сообщил", "이같이 밝혔다"). */
  anaphoric: NamesSchema.default({}),
});

const NumbersFileSchema = z.object({
  attached: z.record(z.string().length(1), z.number().positive()),
  words: z.array(z.object({ pattern: z.string().min(1), value: z.number().positive() })),
  han: z.object({
    digits: z.record(z.string().length(1), z.number().int().min(0).max(9)),
    units: z.record(z.string().length(1), z.number().positive()),
  }),
});

export interface Source {
  readonly id: string;
  readonly actor: string;
  /** The source in words ("the NIS"). */
  readonly label: string;
  readonly speaks: boolean;
}

/**
 * The names of every source in one language, compiled into two regular expressions (acronyms
 * with their case, the rest without); group `g<i>` of a match is a name of `sources[i]`.
 */
export interface SourceNames {
  readonly sources: readonly Source[];
  readonly regexes: readonly RegExp[];
}

export interface NumberWriting {
  /** CJK units written right after digits (万 → 10000). */
  readonly attached: ReadonlyMap<string, number>;
  /** Multiplier words after a number and a space, anchored at the start of the rest (sticky). */
  readonly words: readonly { readonly regex: RegExp; readonly value: number }[];
  readonly hanDigits: ReadonlyMap<string, number>;
  readonly hanUnits: ReadonlyMap<string, number>;
}

export interface StoryData {
  /** Per language (`all` names included); `*` holds every language's names. */
  readonly names: ReadonlyMap<string, SourceNames>;
  /** Per language; `*` holds every language's cues. Global, case-insensitive. */
  readonly cues: ReadonlyMap<string, RegExp>;
  /** The cues and the looser statement words together, the same way (mention attribution). */
  readonly statementCues: ReadonlyMap<string, RegExp>;
  /** Own-reporting cues per language, the same way (`*`: every language's). */
  readonly own: ReadonlyMap<string, RegExp>;
  /** Commentary voices per language ("analysts"), the same way. */
  readonly commentary: ReadonlyMap<string, RegExp>;
  /** Reported-speech markers per language ("soll", "aurait"), the same way. */
  readonly hearsay: ReadonlyMap<string, RegExp>;
  /** Cues that introduce their source after them, per language, the same way. */
  readonly preposed: ReadonlyMap<string, RegExp>;
  /** Finite speech verbs that may put their speaker after them, per language, the same way. */
  readonly inverted: ReadonlyMap<string, RegExp>;
  /** Languages whose speech verbs follow their speaker (a state after one is what is said). */
  readonly speakerFirst: ReadonlySet<string>;
  /** Background markers per language, the same way: no attribution carries into their sentence. */
  readonly background: ReadonlyMap<string, RegExp>;
  /** Attributions pointing back per language, the same way: their source goes to the sentence before. */
  readonly anaphoric: ReadonlyMap<string, RegExp>;
  readonly numbers: NumberWriting;
}

export const DEFAULT_STORY_DATA_DIR = fileURLToPath(
  new URL('../../../data/stories/', import.meta.url),
);

let cached: StoryData | undefined;

/** The story data of `dir` (default data/stories/); the default is loaded once and cached. */
export function loadStoryData(dir: string = DEFAULT_STORY_DATA_DIR): StoryData {
  if (dir === DEFAULT_STORY_DATA_DIR && cached) return cached;
  const sources = readDataYaml(join(dir, 'sources.yaml'), SourcesFileSchema);
  const cues = readDataYaml(join(dir, 'attribution-cues.yaml'), CuesFileSchema);
  const numbers = readDataYaml(join(dir, 'numbers.yaml'), NumbersFileSchema);

  const languages = new Set<string>();
  for (const s of sources.sources) for (const l of Object.keys(s.names)) languages.add(l);
  for (const l of Object.keys(cues.cues)) languages.add(l);
  languages.delete('all');

  const names = new Map<string, SourceNames>();
  const list: Source[] = sources.sources.map((s) => ({
    id: s.id,
    actor: s.actor,
    label: s.label ?? defaultLabel(s.names, s.id),
    speaks: s.speaks,
  }));
  for (const lang of [...languages, '*']) {
    const exact: string[] = [];
    const loose: string[] = [];
    sources.sources.forEach((s, i) => {
      const own =
        lang === '*'
          ? Object.values(s.names).flat()
          : [...(s.names['all'] ?? []), ...(s.names[lang] ?? [])];
      const acronyms = own.filter(isAcronym);
      const words = own.filter((n) => !isAcronym(n));
      if (acronyms.length > 0) exact.push(`(?<g${i}>${alternation(acronyms, namePattern)})`);
      if (words.length > 0) loose.push(`(?<g${i}>${alternation(words, namePattern)})`);
    });
    const where = `${dir}sources.yaml (${lang})`;
    names.set(lang, {
      sources: list,
      regexes: [
        ...(exact.length > 0 ? [compile(exact.join('|'), 'gu', where)] : []),
        ...(loose.length > 0 ? [compile(loose.join('|'), 'giu', where)] : []),
      ],
    });
  }

  const where = `${dir}attribution-cues.yaml`;
  const cueRegexes = compileCues(cues.cues, where);
  const statementRegexes = compileCues(mergeLists(cues.cues, cues.statements), where);
  const ownRegexes = compileCues(cues.own, where);
  const commentaryRegexes = compileCues(cues.commentary, where);
  const hearsayRegexes = compileCues(cues.hearsay, where);

  const result: StoryData = {
    names,
    cues: cueRegexes,
    statementCues: statementRegexes,
    own: ownRegexes,
    commentary: commentaryRegexes,
    hearsay: hearsayRegexes,
    preposed: compileCues(cues.preposed, where),
    inverted: compileCues(cues.inverted, where),
    speakerFirst: new Set(cues.speakerFirst),
    background: compileCues(cues.background, where),
    anaphoric: compileCues(cues.anaphoric, where),
    numbers: {
      attached: new Map(Object.entries(numbers.attached)),
      words: numbers.words.map((w) => ({
        regex: compile(
          `(?:${w.pattern})(?!${WORD_CHAR})`,
          'iuy',
          `${dir}numbers.yaml: ${w.pattern}`,
        ),
        value: w.value,
      })),
      hanDigits: new Map(Object.entries(numbers.han.digits)),
      hanUnits: new Map(Object.entries(numbers.han.units)),
    },
  };
  if (dir === DEFAULT_STORY_DATA_DIR) cached = result;
  return result;
}

/** Cue lists per language compiled into global case-insensitive expressions, plus `*` (all). */
function compileCues(
  lists: Readonly<Record<string, readonly string[]>>,
  where: string,
): Map<string, RegExp> {
  const out = new Map<string, RegExp>();
  for (const [lang, list] of Object.entries(lists))
    out.set(lang, compile(alternation(list, namePattern), 'giu', where));
  const all = Object.values(lists).flat();
  if (all.length > 0) out.set('*', compile(alternation(all, namePattern), 'giu', where));
  return out;
}

/** Two lists per language merged (a language in either). */
function mergeLists(
  a: Readonly<Record<string, readonly string[]>>,
  b: Readonly<Record<string, readonly string[]>>,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const lang of new Set([...Object.keys(a), ...Object.keys(b)]))
    out[lang] = [...(a[lang] ?? []), ...(b[lang] ?? [])];
  return out;
}

/** A source's first acronym, else its first English name, else its id. */
function defaultLabel(names: Readonly<Record<string, readonly string[]>>, id: string): string {
  const all = names['all'] ?? [];
  return all.find(isAcronym) ?? names['en']?.[0] ?? all[0] ?? id;
}

/** Acronyms (2–6 capitals or digits, any script) match with their case only. */
function isAcronym(name: string): boolean {
  return /^[\p{Lu}\p{N}]{2,6}$/u.test(name);
}

const WORDY = /[\p{Script=Latin}\p{Script=Cyrillic}\p{N}]/u;

/**
 * Latin and Cyrillic letters and digits, spelled as ranges: a Unicode property class under the
 * `i` flag makes V8 compute case closures, which cost tens of milliseconds per expression.
 * Names are whole words among these; a Hangul particle or a Han character may touch them.
 */
const WORD_CHAR = '[0-9A-Za-z\u00c0-\u024f\u0300-\u036f\u0400-\u052f]';

function escape(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** Longest first, so that the regex engine prefers "Rat der EU" to "EU" at one position. */
function alternation(list: readonly string[], pattern: (s: string) => string): string {
  return [...new Set(list)]
    .sort((a, b) => b.length - a.length)
    .map(pattern)
    .join('|');
}

/** `*` → any letters; a space → spaces or hyphens; ' → any apostrophe; Cyrillic е ≈ ё. */
function wordPattern(text: string): string {
  return escape(text)
    .replace(/\*/g, `${WORD_CHAR}*`)
    .replace(/ /g, '[\\s\\u00a0\\-\u2010\u2011]+')
    .replace(/'/g, "['\u2019\u02bc]")
    .replace(/[её]/gu, '[её]');
}

/** A name or a cue as a pattern: whole words where it starts or ends with a Latin or Cyrillic letter. */
function namePattern(name: string): string {
  const before = WORDY.test(name[0] ?? '') ? `(?<!${WORD_CHAR})` : '';
  const after = WORDY.test(name.at(-1) ?? '') ? `(?!${WORD_CHAR})` : '';
  return `${before}${wordPattern(name)}${after}`;
}

function compile(pattern: string, flags: string, where: string): RegExp {
  try {
    return new RegExp(pattern, flags);
  } catch (error) {
    throw new VigieError('VIGIE_LEXICON_INVALID', `invalid story data: ${String(error)}`, {
      where,
      cause: error,
    });
  }
}
