/**
 * The date of the event a sentence reports, as precise as the text gives (YYYY, YYYY-MM,
 * YYYY-MM-DD), resolved against the publication date (ontology.md "Time").
 *
 * Explicit dates come from the per-language patterns in data/time/<lang>.yaml and from
 * chrono-node's strict parsers where it has the language; relative expressions, weekdays,
 * bare months ("in June") and years with their preposition ("in 2023", "в 2023 году") from the
 * data files. A number is a year only inside a date or beside a year word, so "600 missiles" or
 * "Resolution 1718" never become dates; durations ("for three years") are not dates.
 *
 * @example
 * resolveEventDate({ sentence: 'Kim met Putin on Wednesday.', lang: 'en', published: '2023-09-14' });
 * // { date: '2023-09-13', span: { start: 17, end: 26 }, rule: 'time.en.weekday' }
 * @module
 */
import * as chrono from 'chrono-node';
import { unitClass, type UnitClass } from '../../lexicon/unit-class.js';
import {
  addDays,
  formatDay,
  formatMonth,
  inferYear,
  isValidDay,
  lastWeekdayOnOrBefore,
  mondayOfWeek,
  parsePublished,
  shiftMonth,
  type Day,
} from './calendar.js';
import {
  DATE_WORD_MONTH,
  DATE_WORD_RELATIVE,
  DATE_WORD_WEEKDAY,
  phraseKey,
  timeDataFor,
  wordHashStep,
  type CompiledTimeData,
  type DateWordKinds,
  type RelativeKind,
} from './time-data.js';
import { appendAll } from '../../domain/append-all.js';

export interface ResolveDateInput {
  readonly sentence: string;
  readonly lang: string;
  /** Publication date or timestamp (ISO 8601); relative dates stay null without it. */
  readonly published?: string;
  /** The last day (YYYY-MM-DD) the document gave before this sentence: what "that day" means. */
  readonly lastDay?: string;
}

export interface ResolvedDate {
  readonly date: string | null;
  /** Offsets of the time expression in `sentence`. */
  readonly span?: { readonly start: number; readonly end: number };
  /** The rule that gave the date, e.g. `time.ko.pattern.0`, `time.en.weekday`, `time.chrono.fr`. */
  readonly rule?: string;
}

interface Candidate {
  readonly date: string;
  /** Written calendar dates (2) beat relative expressions and weekdays (1) at equal precision. */
  readonly explicit: boolean;
  readonly start: number;
  readonly end: number;
  readonly rule: string;
}

/** Sentences longer than this are cut: a date sits near its verb, and work stays bounded. */
const MAX_SENTENCE = 2000;

type ChronoParser = { parse: (text: string, ref: Date) => chrono.ParsedResult[] };
const CHRONO: Record<string, ChronoParser> = {
  en: chrono.en.strict,
  fr: chrono.fr.strict,
  de: chrono.de.strict,
  es: chrono.es.strict,
  ja: chrono.ja.strict,
  ru: chrono.ru.strict,
  uk: chrono.uk.strict,
  zh: chrono.zh.strict,
  pt: chrono.pt.strict,
  nl: chrono.nl.strict,
  it: chrono.it.strict,
  sv: chrono.sv.strict,
};

function relativeDate(kind: RelativeKind, p: Day): string {
  switch (kind) {
    case 'today':
      return formatDay(p);
    case 'yesterday':
      return formatDay(addDays(p, -1));
    case 'tomorrow':
      return formatDay(addDays(p, 1));
    case 'lastWeek':
      return formatDay(mondayOfWeek(p, -1));
    case 'thisWeek':
      return formatDay(mondayOfWeek(p, 0));
    case 'nextWeek':
      return formatDay(mondayOfWeek(p, 1));
    case 'lastMonth':
      return formatShifted(p, -1);
    case 'thisMonth':
      return formatMonth(p.year, p.month);
    case 'nextMonth':
      return formatShifted(p, 1);
    case 'lastYear':
      return String(p.year - 1);
    case 'thisYear':
      return String(p.year);
    case 'nextYear':
      return String(p.year + 1);
    case 'sameDay':
      return formatDay(p);
  }
}

/** A date from year/month/day parts, inferring a missing year from publication. */
function fromParts(
  year: number | undefined,
  month: number,
  day: number | undefined,
  p: Day | undefined,
): string | undefined {
  const y = year ?? (p ? inferYear(p, month, day) : undefined);
  if (y === undefined) return undefined;
  if (day === undefined) return formatMonth(y, month);
  return isValidDay({ year: y, month, day }) ? formatDay({ year: y, month, day }) : undefined;
}

/** The DateWordKinds of every combination of DATE_WORD_* bits (they are read, never changed). */
const KINDS: readonly DateWordKinds[] = Array.from({ length: 8 }, (_, bits) => ({
  month: (bits & DATE_WORD_MONTH) !== 0,
  weekday: (bits & DATE_WORD_WEEKDAY) !== 0,
  relative: (bits & DATE_WORD_RELATIVE) !== 0,
}));

const ALL_KINDS: DateWordKinds = KINDS[DATE_WORD_MONTH | DATE_WORD_WEEKDAY | DATE_WORD_RELATIVE]!;

/** Units whose lowercase depends on context or changes length, and surrogates (see below). */
const NOT_UNIT_BY_UNIT = /[\u0130\u03a3\ud800-\udfff]/;

let lowerUnits: Uint16Array | undefined;

/** The lowercase of each UTF-16 unit on its own (the unit itself when that is not one unit). */
function lowerUnitTable(): Uint16Array {
  if (lowerUnits !== undefined) return lowerUnits;
  const table = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    const low = String.fromCharCode(c).toLowerCase();
    table[c] = low.length === 1 ? low.charCodeAt(0) : c;
  }
  return (lowerUnits = table);
}

/** Which kinds of date words the text holds (one cheap word pass; all kinds when ungated). */
function dateWordKinds(text: string, data: CompiledTimeData): DateWordKinds {
  const gates = data.wordGates;
  const hashes = data.wordGateHashes;
  if (!gates || !hashes) return ALL_KINDS;
  // Where text.toLowerCase() is the lowercase of each unit (all text but a few letters), the
  // units are lowered as they are read and only a word that may be a date word is cut out.
  if (NOT_UNIT_BY_UNIT.test(text)) return dateWordKindsOfLower(text.toLowerCase(), gates, hashes);
  const lower = lowerUnitTable();
  const letterOrMark = LETTER_OR_MARK.table();
  const filter = hashFilter(hashes);
  let kinds = 0;
  let start = -1;
  let h = 0;
  for (let i = 0; i <= text.length; i++) {
    const unit = i < text.length ? lower[text.charCodeAt(i)]! : 0;
    if (i < text.length && letterOrMark[unit] === 1) {
      if (start < 0) {
        start = i;
        h = 0;
      }
      h = wordHashStep(h, unit);
      continue;
    }
    if (start >= 0 && filter[h & 0xffff] === 1 && hashes.has(h))
      kinds |= gates.get(text.slice(start, i).toLowerCase()) ?? 0;
    start = -1;
  }
  return KINDS[kinds]!;
}

const hashFilters = new WeakMap<ReadonlySet<number>, Uint8Array>();

/** 1 at the low 16 bits of every hash of `hashes`: most words are ruled out without a lookup. */
function hashFilter(hashes: ReadonlySet<number>): Uint8Array {
  let filter = hashFilters.get(hashes);
  if (filter === undefined) {
    filter = new Uint8Array(65536);
    for (const h of hashes) filter[h & 0xffff] = 1;
    hashFilters.set(hashes, filter);
  }
  return filter;
}

/** dateWordKinds over the lowercased text: the words of /[\p{L}\p{M}]+/gu, hashed as they are read. */
function dateWordKindsOfLower(
  lower: string,
  gates: ReadonlyMap<string, number>,
  hashes: ReadonlySet<number>,
): DateWordKinds {
  let kinds = 0;
  let start = -1;
  let h = 0;
  for (let i = 0; i <= lower.length; i++) {
    if (i < lower.length && LETTER_OR_MARK.has(lower, i)) {
      if (start < 0) {
        start = i;
        h = 0;
      }
      h = wordHashStep(h, lower.charCodeAt(i));
      continue;
    }
    if (start >= 0 && hashes.has(h)) kinds |= gates.get(lower.slice(start, i)) ?? 0;
    start = -1;
  }
  return KINDS[kinds & 7]!;
}

const LETTER_OR_MARK = unitClass(/[\p{L}\p{M}]/u);

/** Whether a "last" or "next" word stands right before or right after the weekday at [start, start+length). */
function weekdayShift(
  text: string,
  start: number,
  length: number,
  data: CompiledTimeData,
): 'last' | 'next' | null {
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(start + length, start + length + 16);
  if (data.weekdayLastBefore?.test(before) || data.weekdayLastAfter?.test(after)) return 'last';
  if (data.weekdayNextBefore?.test(before) || data.weekdayNextAfter?.test(after)) return 'next';
  return null;
}

/** A range bound ("since June", "6월부터") or a duration ("3日間") is not an event date. */
function isRangeBound(text: string, start: number, end: number, data: CompiledTimeData): boolean {
  if (data.notPrecededByRe?.test(text.slice(Math.max(0, start - 40), start))) return true;
  return data.notFollowedByRe?.test(text.slice(end, end + 20)) ?? false;
}

/**
 * A year expression next to a month or day ("지난해 8월", "June last year") gives one date: the
 * year of the first with the month (and day) of the second, over both spans.
 */
function combineYearAndMonth(text: string, candidates: readonly Candidate[]): readonly Candidate[] {
  // One expression has nothing to combine with.
  if (candidates.length < 2) return candidates;
  const used = new Set<Candidate>();
  const combined: Candidate[] = [];
  for (const a of candidates) {
    if (a.date.length !== 4) continue;
    for (const b of candidates) {
      // Only a month or day written without its own year.
      if (b.date.length < 7 || used.has(b) || /(?:19|20)\d\d/.test(text.slice(b.start, b.end)))
        continue;
      const [first, second] = a.start < b.start ? [a, b] : [b, a];
      if (second.start < first.end) continue;
      const gap = text.slice(first.end, second.start);
      if (gap.length > 3 || !/^[\s,]*$/.test(gap)) continue;
      used.add(a).add(b);
      combined.push({
        date: `${a.date}${b.date.slice(4)}`,
        explicit: b.explicit,
        start: first.start,
        end: second.end,
        rule: `${b.rule}+${a.rule.split('.').pop() ?? 'year'}`,
      });
      break;
    }
  }
  return [...candidates.filter((c) => !used.has(c)), ...combined];
}

/** The most recent given day of the month on or before publication. */
function dayOfMonthOnOrBefore(p: Day, day: number): string | undefined {
  if (day <= p.day) return formatDay({ year: p.year, month: p.month, day });
  const [year, month] = shiftMonth(p, -1);
  return isValidDay({ year, month, day }) ? formatDay({ year, month, day }) : undefined;
}

/** The word-boundary lookbehinds compileTimeData puts before every expression. */
const LEADING_LOOKBEHINDS: readonly (readonly [string, UnitClass])[] = [
  ['(?<![\\p{L}\\p{N}])', unitClass(/[\p{L}\p{N}]/u)],
  ['(?<!\\p{N})', unitClass(/\p{N}/u)],
];

interface Headless {
  /** The expression without its leading lookbehind (the same flags). */
  readonly body: RegExp;
  /** What may not stand right before a match, undefined when the expression had no lookbehind. */
  readonly before: UnitClass | undefined;
}

const headlessCache = new WeakMap<RegExp, Headless>();

/**
 * `re` split into its leading lookbehind and the rest. irregexp tries a leading lookbehind at
 * every position of the text, which made it most of the cost of these expressions; the rest finds
 * the same candidates, and the lookbehind is then checked on each by hand.
 */
function headless(re: RegExp): Headless {
  let h = headlessCache.get(re);
  if (h === undefined) {
    const lead = LEADING_LOOKBEHINDS.find(([source]) => re.source.startsWith(source));
    const rest = lead === undefined ? '' : re.source.slice(lead[0].length);
    h =
      lead === undefined || !isOneGroupThenLookahead(rest)
        ? { body: re, before: undefined }
        : { body: new RegExp(rest, re.flags), before: lead[1] };
    headlessCache.set(re, h);
  }
  return h;
}

/**
 * Whether `source` is `(?:…)` followed by a lookahead only, as compileTimeData writes them: then
 * the lookbehind before it applies to every match (no top-level alternation escapes it).
 */
function isOneGroupThenLookahead(source: string): boolean {
  if (!source.startsWith('(?:')) return false;
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) {
      const tail = source.slice(i + 1);
      return tail === '(?![\\p{L}\\p{N}])' || tail === '(?!\\p{N})';
    }
  }
  return false;
}

const NO_MATCHES: readonly RegExpExecArray[] = [];

/**
 * Every match of the global expression `re` in `text`, as `re.exec` would give them one after
 * another: where the lookbehind fails, the search goes on from the next code point.
 */
export function matches(re: RegExp | undefined, text: string): readonly RegExpExecArray[] {
  if (!re) return NO_MATCHES;
  const { body, before } = headless(re);
  let out: RegExpExecArray[] | undefined;
  body.lastIndex = 0;
  for (let m = body.exec(text); m !== null; m = body.exec(text)) {
    const at = m.index;
    if (before !== undefined && at > 0 && before.has(text, at - 1)) {
      const c = text.charCodeAt(at);
      const pair = c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00;
      body.lastIndex = at + (pair ? 2 : 1);
      continue;
    }
    (out ??= []).push(m);
    if (m[0].length === 0) body.lastIndex++;
  }
  return out ?? NO_MATCHES;
}

function ruleCandidates(
  text: string,
  data: CompiledTimeData,
  p: Day | undefined,
  kinds: DateWordKinds,
  lastDay: string | undefined,
): Candidate[] {
  const out: Candidate[] = [];
  const rule = (name: string): string => `time.${data.lang}.${name}`;
  const push = (
    m: RegExpExecArray,
    date: string | undefined,
    name: string,
    explicit = false,
  ): void => {
    if (date !== undefined)
      out.push({ date, explicit, start: m.index, end: m.index + m[0].length, rule: rule(name) });
  };
  // Every pattern, day and year needs a digit: most sentences have none and skip them all.
  const digits = /\d/.test(text);
  for (const pattern of digits ? data.patterns : []) {
    if (pattern.needsMonthName && !kinds.month) continue;
    for (const m of matches(pattern.re, text)) {
      const g = m.groups ?? {};
      const month =
        g['monthName'] !== undefined
          ? data.months.get(phraseKey(g['monthName']))
          : Number(g['month']);
      if (month === undefined || !(month >= 1 && month <= 12)) continue;
      const year = g['year'] !== undefined ? Number(g['year']) : undefined;
      const day = g['day'] !== undefined ? Number(g['day']) : undefined;
      push(m, fromParts(year, month, day, p), pattern.name, true);
    }
  }
  if (p !== undefined && digits) {
    for (const pattern of data.dayPatterns) {
      for (const m of matches(pattern.re, text)) {
        const day = Number(m.groups?.['day']);
        push(m, dayOfMonthOnOrBefore(p, day), pattern.name, true);
      }
    }
  }
  for (const m of matches(digits ? data.yearRe : undefined, text)) {
    const y = m.groups?.['year'] ?? m.groups?.['year2'];
    if (y !== undefined) push(m, y, 'year', true);
  }
  if (p === undefined) return out;
  for (const m of matches(kinds.relative ? data.relativeRe : undefined, text)) {
    const kind = data.relative.get(phraseKey(m[0]));
    // "24日说，俄罗斯当天凌晨…": that day is the day named before it in the sentence.
    const named =
      kind === 'sameDay'
        ? (out.findLast((c) => c.explicit && c.date.length === 10 && c.end <= m.index)?.date ??
          lastDay)
        : undefined;
    if (kind !== undefined) push(m, named ?? relativeDate(kind, p), `relative.${kind}`);
  }
  for (const m of matches(kinds.weekday ? data.weekdayRe : undefined, text)) {
    const w = m.groups?.['weekday'];
    const weekday = w !== undefined ? data.weekdays.get(phraseKey(w)) : undefined;
    if (weekday === undefined || w === undefined) continue;
    const shift = weekdayShift(text, m.index + m[0].lastIndexOf(w), w.length, data);
    // A bare weekday in news is the most recent one (publication day included); "last" is the one
    // before that day, "next" the first after it.
    const day =
      shift === 'next'
        ? lastWeekdayOnOrBefore(addDays(p, 7), weekday)
        : lastWeekdayOnOrBefore(shift === 'last' ? addDays(p, -1) : p, weekday);
    push(m, formatDay(day), shift === null ? 'weekday' : `weekday-${shift}`);
  }
  for (const m of matches(kinds.month ? data.monthRe : undefined, text)) {
    const name = m.groups?.['monthName'];
    const month = name !== undefined ? data.months.get(phraseKey(name)) : undefined;
    if (month !== undefined) push(m, fromParts(undefined, month, undefined, p), 'month');
  }
  return out;
}

const NO_CANDIDATES: readonly Candidate[] = [];

/** Numeric dates with a year (2024-06-19, 19.06.2024, 19/06/2024). */
const NUMERIC_DATE = /\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}/;

function chronoCandidates(
  text: string,
  lang: string,
  p: Day | undefined,
  data: CompiledTimeData | null,
  kinds: DateWordKinds,
): readonly Candidate[] {
  const parser = CHRONO[lang];
  if (!parser || !/\d/.test(text)) return NO_CANDIDATES;
  // chrono is the slow part: only sentences that write a month (name, 月 or numeric date) reach it.
  const monthName = kinds.month && (data?.monthNameRe?.test(text) ?? false);
  if (!(monthName || text.includes('月') || NUMERIC_DATE.test(text))) return NO_CANDIDATES;
  const ref = p
    ? new Date(Date.UTC(p.year, p.month - 1, p.day, 12))
    : new Date(Date.UTC(2000, 0, 1, 12));
  const out: Candidate[] = [];
  for (const r of parser.parse(text, ref)) {
    const c = r.start;
    // Only explicit calendar dates: a month must be written (drops times and bare weekdays).
    if (!c.isCertain('month')) continue;
    // …and written: a month name, 月, or a numeric date with its year (not "86 minutes before", "24/7").
    if (!(data?.monthNameRe?.test(r.text) || r.text.includes('月') || NUMERIC_DATE.test(r.text)))
      continue;
    const month = c.get('month');
    if (month === null) continue;
    const year = c.isCertain('year') ? (c.get('year') ?? undefined) : undefined;
    if (year !== undefined && (year < 1900 || year > 2099)) continue;
    const day = c.isCertain('day') ? (c.get('day') ?? undefined) : undefined;
    const date = fromParts(year, month, day, p);
    if (date !== undefined)
      out.push({
        date,
        explicit: true,
        start: r.index,
        end: r.index + r.text.length,
        rule: `time.chrono.${lang}`,
      });
  }
  return out;
}

/** Whether candidate `c` beats `best`: the more precise, then a written date, then the first. */
function beats(c: Candidate, best: Candidate | undefined): boolean {
  return (
    best === undefined ||
    c.date.length > best.date.length ||
    (c.date.length === best.date.length &&
      (Number(c.explicit) > Number(best.explicit) ||
        (c.explicit === best.explicit && c.start < best.start)))
  );
}

function sentenceCandidates(input: ResolveDateInput): Candidate[] {
  const text =
    input.sentence.length > MAX_SENTENCE ? input.sentence.slice(0, MAX_SENTENCE) : input.sentence;
  const lang = input.lang.toLowerCase();
  const p = parsePublished(input.published);
  const data = timeDataFor(lang);
  const kinds = data ? dateWordKinds(text, data) : ALL_KINDS;
  const candidates = data ? ruleCandidates(text, data, p, kinds, input.lastDay) : [];
  // chrono (the slow part) cannot beat a written full date the rules already found.
  if (!candidates.some((c) => c.explicit && c.date.length === 10))
    appendAll(candidates, chronoCandidates(text, lang, p, data, kinds));
  return combineYearAndMonth(text, candidates).filter(
    (c) => !(data && isRangeBound(text, c.start, c.end, data)),
  );
}

const toResolved = (c: Candidate): ResolvedDate => ({
  date: c.date,
  span: { start: c.start, end: c.end },
  rule: c.rule,
});

/**
 * The event date a sentence gives. Among several expressions the most precise wins, then a written
 * calendar date over a relative one, then the first.
 */
export function resolveEventDate(input: ResolveDateInput): ResolvedDate {
  let best: Candidate | undefined;
  for (const c of sentenceCandidates(input)) if (beats(c, best)) best = c;
  return best ? toResolved(best) : { date: null };
}

/**
 * Every time expression of a sentence, each with its date, in text order; where two readings
 * overlap ("on 3 March" read by a rule and by chrono) the better one stands for both. A sentence
 * may time several events ("reported on the 1st that it fired on the 31st").
 */
export function resolveEventDates(input: ResolveDateInput): ResolvedDate[] {
  const kept: Candidate[] = [];
  for (const c of sentenceCandidates(input)) {
    const i = kept.findIndex((k) => k.start < c.end && c.start < k.end);
    if (i < 0) kept.push(c);
    else if (beats(c, kept[i])) kept[i] = c;
  }
  return kept.sort((a, b) => a.start - b.start).map(toResolved);
}

function formatShifted(p: Day, months: number): string {
  const [year, month] = shiftMonth(p, months);
  return formatMonth(year, month);
}
