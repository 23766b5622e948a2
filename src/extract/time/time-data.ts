/**
 * Per-language date words (data/time/<lang>.yaml), validated with zod and compiled to regexes once.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { VigieError, formatIssues } from '../../domain/errors.js';

export const RELATIVE_KINDS = [
  'today',
  'yesterday',
  'tomorrow',
  'lastWeek',
  'thisWeek',
  'nextWeek',
  'lastMonth',
  'thisMonth',
  'nextMonth',
  'lastYear',
  'thisYear',
  'nextYear',
  /** "that day", "当天", "同日": the day the sentence has just named, else the publication day. */
  'sameDay',
] as const;
export type RelativeKind = (typeof RELATIVE_KINDS)[number];

const Words = z.array(z.string().min(1)).default([]);

const TimeDataSchema = z
  .object({
    lang: z.string().regex(/^[a-z]{2,3}$/),
    chrono: z
      .enum(['en', 'fr', 'de', 'es', 'ja', 'ru', 'uk', 'zh', 'pt', 'nl', 'it', 'sv'])
      .optional(),
    wordBoundary: z.boolean(),
    months: z.record(z.string().min(1), z.number().int().min(1).max(12)),
    weekdays: z.record(z.string().min(1), z.number().int().min(1).max(7)),
    weekdayPrepositions: Words,
    /** Words beside a weekday that put it strictly before publication ("last Friday", "vendredi dernier"). */
    weekdayLast: Words,
    /** Words beside a weekday that put it strictly after publication ("next Friday", "vendredi prochain"). */
    weekdayNext: Words,
    /** Words before an expression that make it the bound of a range ("since June"): not a date. */
    notPrecededBy: Words,
    /** Words right after an expression that make it a range bound or a duration (6월부터, 3日間). */
    notFollowedBy: Words,
    monthPrepositions: Words,
    yearBefore: Words,
    yearAfter: Words,
    relative: z.object(
      Object.fromEntries(RELATIVE_KINDS.map((k) => [k, Words])) as Record<
        RelativeKind,
        typeof Words
      >,
    ),
    patterns: z
      .array(
        z
          .string()
          .refine(
            (p) => /\{(?:month|monthName)\}/.test(p),
            'a pattern needs {month} or {monthName}',
          )
          .refine(
            (p) =>
              (p.match(/\{[a-zA-Z]+\}/g) ?? []).every((x) =>
                ['{year}', '{month}', '{monthName}', '{day}'].includes(x),
              ),
            'placeholders are {year} {month} {monthName} {day}',
          ),
      )
      .default([]),
    /** Day of the month alone (18일, 27日): the most recent such day on or before publication. */
    dayPatterns: z
      .array(z.string().refine((p) => p.includes('{day}') && !/\{(?!day\})/.test(p), 'only {day}'))
      .default([]),
  })
  .strict();
export type TimeData = z.infer<typeof TimeDataSchema>;

export interface CompiledPattern {
  readonly re: RegExp;
  readonly name: string;
  /** The pattern holds {monthName}: it cannot match a sentence without a month word. */
  readonly needsMonthName: boolean;
}

export const DATE_WORD_MONTH = 1;
export const DATE_WORD_WEEKDAY = 2;
export const DATE_WORD_RELATIVE = 4;

/** Which kinds of date words a sentence holds (see `wordGates`). */
export interface DateWordKinds {
  readonly month: boolean;
  readonly weekday: boolean;
  readonly relative: boolean;
}

export interface CompiledTimeData {
  readonly lang: string;
  readonly chrono?: TimeData['chrono'];
  readonly months: ReadonlyMap<string, number>;
  readonly weekdays: ReadonlyMap<string, number>;
  readonly relative: ReadonlyMap<string, RelativeKind>;
  readonly relativeRe?: RegExp;
  readonly weekdayRe?: RegExp;
  /** A "last"/"next" word right before (…Before, tested on the text before the weekday) or right after a weekday. */
  readonly weekdayLastBefore?: RegExp;
  readonly weekdayLastAfter?: RegExp;
  readonly weekdayNextBefore?: RegExp;
  readonly weekdayNextAfter?: RegExp;
  readonly monthRe?: RegExp;
  readonly yearRe?: RegExp;
  readonly patterns: readonly CompiledPattern[];
  readonly dayPatterns: readonly CompiledPattern[];
  /** Tests whether a chrono match names a month (so durations like "86 minutes before" are dropped). */
  readonly monthNameRe?: RegExp;
  readonly notPrecededByRe?: RegExp;
  /**
   * For languages with word boundaries: the last word of every month name, weekday and relative
   * phrase → the kinds it belongs to (DATE_WORD_* bits). A sentence without any word of a kind
   * skips the regexes of that kind.
   */
  readonly wordGates?: ReadonlyMap<string, number>;
  /** wordHash of every key of wordGates: a word whose hash is not here is no date word. */
  readonly wordGateHashes?: ReadonlySet<number>;
  readonly notFollowedByRe?: RegExp;
}

/** One step of the hash of a word's UTF-16 units (h = 0 before the first). */
export function wordHashStep(h: number, unit: number): number {
  return (Math.imul(h, 31) + unit) | 0;
}

function wordHash(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = wordHashStep(h, word.charCodeAt(i));
  return h;
}

/** The regexes that find a "last" or "next" word right before or right after a weekday. */
function weekdayShift(words: readonly string[], kind: 'Last' | 'Next'): Partial<CompiledTimeData> {
  if (words.length === 0) return {};
  const alt = alternation(words);
  return {
    [`weekday${kind}Before`]: new RegExp(`(?:^|[^\\p{L}])(?:${alt})\\s*$`, 'iu'),
    [`weekday${kind}After`]: new RegExp(`^\\s*(?:${alt})(?![\\p{L}])`, 'iu'),
  };
}

export const TIME_DATA_DIR = fileURLToPath(new URL('../../../data/time/', import.meta.url));

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Escaped alternation, longest first, with any run of spaces matching any whitespace. */
function alternation(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => escape(w).replace(/\s+/g, '\\s+'))
    .join('|');
}

/** Normalised key of a matched phrase: lowercase, single spaces. */
export function phraseKey(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");
}

export function compileTimeData(data: TimeData): CompiledTimeData {
  const L = data.wordBoundary ? '(?<![\\p{L}\\p{N}])' : '(?<!\\p{N})';
  const R = data.wordBoundary ? '(?![\\p{L}\\p{N}])' : '(?!\\p{N})';
  const mk = (body: string): RegExp => new RegExp(`${L}(?:${body})${R}`, 'giu');
  const months = new Map(Object.entries(data.months).map(([k, v]) => [phraseKey(k), v]));
  const weekdays = new Map(Object.entries(data.weekdays).map(([k, v]) => [phraseKey(k), v]));
  const relative = new Map<string, RelativeKind>();
  for (const kind of RELATIVE_KINDS)
    for (const w of data.relative[kind]) relative.set(phraseKey(w), kind);
  const monthNames = alternation(months.keys());
  const year = '(?<year>(?:19|20)\\d{2})';
  const yearParts: string[] = [];
  if (data.yearBefore.length > 0) yearParts.push(`(?:${alternation(data.yearBefore)})\\s*${year}`);
  if (data.yearAfter.length > 0)
    yearParts.push(
      `${year.replace('<year>', '<year2>')}\\s*(?:${alternation(data.yearAfter)})\\.?`,
    );
  const weekdayBody = alternation(weekdays.keys());
  const patterns = data.patterns.map((p, i) => {
    const body = escape(p)
      .replace(/\s+/g, '\\s*')
      .replace('\\{year\\}', '(?<year>(?:19|20)\\d{2})')
      .replace('\\{month\\}', '(?<month>1[0-2]|0?[1-9])')
      .replace('\\{day\\}', '(?<day>3[01]|[12]\\d|0?[1-9])')
      .replace('\\{monthName\\}', `(?<monthName>${monthNames || '(?!)'})`);
    return { re: mk(body), name: `pattern.${i}`, needsMonthName: p.includes('{monthName}') };
  });
  const dayPatterns = data.dayPatterns.map((p, i) => ({
    re: mk(escape(p).replace(/\s+/g, '\\s*').replace('\\{day\\}', '(?<day>3[01]|[12]\\d|0?[1-9])')),
    name: `day.${i}`,
    needsMonthName: false,
  }));
  const lastWord = (phrase: string): string =>
    phraseKey(phrase)
      .match(/[\p{L}\p{M}]+/gu)
      ?.pop() ?? '';
  let wordGates: Map<string, number> | undefined;
  if (data.wordBoundary) {
    wordGates = new Map();
    const gate = (words: Iterable<string>, kind: number) => {
      for (const w of words) wordGates!.set(lastWord(w), (wordGates!.get(lastWord(w)) ?? 0) | kind);
    };
    gate(months.keys(), DATE_WORD_MONTH);
    gate(weekdays.keys(), DATE_WORD_WEEKDAY);
    gate(relative.keys(), DATE_WORD_RELATIVE);
  }
  return {
    lang: data.lang,
    dayPatterns,
    ...(wordGates
      ? { wordGates, wordGateHashes: new Set([...wordGates.keys()].map(wordHash)) }
      : {}),
    ...(months.size > 0 ? { monthNameRe: new RegExp(`${L}(?:${monthNames})${R}`, 'iu') } : {}),
    ...(data.notPrecededBy.length > 0
      ? {
          notPrecededByRe: new RegExp(
            `(?:^|[^\\p{L}])(?:${alternation(data.notPrecededBy)})\\s*$`,
            'iu',
          ),
        }
      : {}),
    ...(data.notFollowedBy.length > 0
      ? { notFollowedByRe: new RegExp(`^\\s*(?:${alternation(data.notFollowedBy)})`, 'iu') }
      : {}),
    ...(data.chrono ? { chrono: data.chrono } : {}),
    months,
    weekdays,
    ...weekdayShift(data.weekdayLast, 'Last'),
    ...weekdayShift(data.weekdayNext, 'Next'),
    relative,
    ...(relative.size > 0 ? { relativeRe: mk(alternation(relative.keys())) } : {}),
    ...(weekdays.size > 0
      ? {
          weekdayRe: mk(
            data.weekdayPrepositions.length > 0
              ? `(?:${alternation(data.weekdayPrepositions)})\\s+(?<weekday>${weekdayBody})`
              : `(?<weekday>${weekdayBody})`,
          ),
        }
      : {}),
    ...(months.size > 0 && data.monthPrepositions.length > 0
      ? {
          monthRe: mk(
            `(?:${alternation(data.monthPrepositions)})\\s*(?<monthName>${monthNames})(?!\\s*\\d)`,
          ),
        }
      : {}),
    ...(yearParts.length > 0 ? { yearRe: mk(yearParts.join('|')) } : {}),
    patterns,
  };
}

/** Reads and validates one language file; throws a VigieError naming the file and field. */
export function loadTimeData(file: string): TimeData {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new VigieError('VIGIE_LEXICON_INVALID', `cannot read date words: ${String(cause)}`, {
      where: file,
      cause,
    });
  }
  const parsed = TimeDataSchema.safeParse(raw);
  if (!parsed.success)
    throw new VigieError(
      'VIGIE_LEXICON_INVALID',
      `invalid date words: ${formatIssues(parsed.error.issues)}`,
      {
        where: file,
      },
    );
  return parsed.data;
}

const cache = new Map<string, CompiledTimeData | null>();

/** Compiled date words of a language, or null when data/time has no file for it. */
export function timeDataFor(lang: string): CompiledTimeData | null {
  let c = cache.get(lang);
  if (c === undefined) {
    const file = `${TIME_DATA_DIR}${lang}.yaml`;
    c = /^[a-z]{2,3}$/.test(lang) && existsSync(file) ? compileTimeData(loadTimeData(file)) : null;
    cache.set(lang, c);
  }
  return c;
}
