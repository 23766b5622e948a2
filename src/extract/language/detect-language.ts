/**
 * Language identification: BCP 47 primary tag for a text, robust on short strings.
 * Script first (Hangul → ko, kana → ja, Han → zh, Cyrillic → ru/uk, Latin → en/fr/de/es or
 * another language through franc), then stopwords and distinctive letters, then trigrams.
 * @module
 */
import { francTop } from './franc-top.js';
import { unitClass } from '../../lexicon/unit-class.js';
import { countScripts, dominantScript } from './count-scripts.js';
import { languageData, type LanguageData, type Script } from './language-data.js';

export type DetectionMethod = 'hint' | 'script' | 'letters' | 'stopwords' | 'trigrams' | 'default';

export interface LanguageGuess {
  /** BCP 47 primary tag; `und` when the text has no letters and no usable hint. */
  readonly lang: string;
  readonly script: Script | undefined;
  readonly method: DetectionMethod;
}

/** Texts at least this long (letters) are decided by trigrams over all languages of the script. */
const LONG_TEXT_LETTERS = 100;
/** Share of words that are stopwords or cue words of a supported language above which it beats franc's other guess. */
const SUPPORTED_WORD_DENSITY = 0.2;
/** Above this share of stopwords and cue words, with a wide margin, the best supported language is taken at once. */
const CLEAR_WORD_DENSITY = 0.3;
/** Least share of stopwords and cue words for a confirming letter to settle the language. */
const CONFIRMED_WORD_DENSITY = 0.1;
/** Characters given to franc: trigram statistics settle well before this. */
const MAX_FRANC = 400;
/** Most characters looked at; longer texts are sampled at the start, middle and end. */
const MAX_SAMPLE = 6000;
/** franc codes per script, for restricting its answer. */
const FRANC_SUPPORTED: Partial<Record<Script, readonly string[]>> = {
  Latin: ['eng', 'fra', 'deu', 'spa'],
  Cyrillic: ['rus', 'ukr'],
};
const FRANC_CYRILLIC_ALL = ['rus', 'ukr', 'bel', 'bul', 'srp', 'mkd', 'kaz', 'khk'];

/** Lowercase primary subtag of a BCP 47 tag, or undefined when it is not one. */
export function normalizeLanguageTag(tag: string | undefined): string | undefined {
  if (tag === undefined) return undefined;
  // Documents come in runs with the same hint: the last answer is kept.
  if (tag === lastTag.tag) return lastTag.primary;
  const m = /^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$/.exec(tag.trim());
  const primary = m?.[1]?.toLowerCase();
  lastTag = { tag, primary };
  return primary;
}

let lastTag: { readonly tag: string; readonly primary: string | undefined } = {
  tag: '',
  primary: undefined,
};

/** Whether the text may hold a link, an address or a handle ("http", "www.", "@" or "#"). */
function mayHoldLink(text: string): boolean {
  return text.includes('http') || text.includes('www.') || text.includes('@') || text.includes('#');
}

function sample(text: string): string {
  if (text.length <= MAX_SAMPLE) return text;
  const third = MAX_SAMPLE / 3;
  const mid = Math.floor(text.length / 2 - third / 2);
  return `${text.slice(0, third)}\n${text.slice(mid, mid + third)}\n${text.slice(-third)}`;
}

const LETTER = unitClass(/\p{L}/u);

interface CandidateScores {
  readonly scores: Map<string, { score: number; words: number }>;
  /** Words of the text (runs of letters). */
  readonly tokens: number;
}

/**
 * Stopword, cue-word and distinctive-letter score of each candidate language, in one pass over
 * the words (runs of letters of the lowercased text) and one over the letters.
 */
function scoreCandidates(
  text: string,
  candidates: readonly string[],
  data: LanguageData,
): CandidateScores {
  const scores = new Map<string, { score: number; words: number }>();
  for (const lang of candidates) scores.set(lang, { score: 0, words: 0 });
  const lower = text.toLowerCase();
  const index = hashedWords(data);
  const letters = LETTER.table();
  let tokens = 0;
  let start = -1;
  let h = 0;
  for (let i = 0; i <= lower.length; i++) {
    if (i < lower.length) {
      const c = lower.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff ? LETTER.has(lower, i) : letters[c] === 1) {
        if (start < 0) {
          start = i;
          h = 0;
        }
        h = (Math.imul(h, 31) + c) | 0;
        continue;
      }
    }
    if (start < 0) continue;
    tokens++;
    // The word's entry, found by its hash and checked in place (no slice per word).
    let hits: readonly (readonly [string, number])[] | undefined;
    for (const entry of index.get(h) ?? NO_ENTRIES)
      if (entry.word.length === i - start && lower.startsWith(entry.word, start)) {
        hits = entry.hits;
        break;
      }
    start = -1;
    if (hits === undefined) continue;
    for (const [lang, weight] of hits) {
      const s = scores.get(lang);
      if (s) {
        s.score += weight;
        s.words++;
      }
    }
  }
  const distinctive = data.distinctiveUnits;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (distinctive[code] !== 1) continue;
    for (const lang of data.letterIndex.get(code) ?? []) {
      const s = scores.get(lang);
      if (s) s.score++;
    }
  }
  return { scores, tokens };
}

interface HashedWord {
  readonly word: string;
  readonly hits: readonly (readonly [string, number])[];
}

const NO_ENTRIES: readonly HashedWord[] = [];
const hashedIndexes = new WeakMap<LanguageData, ReadonlyMap<number, readonly HashedWord[]>>();

/** data.wordIndex keyed by the hash of each word's units (h = h * 31 + unit). */
function hashedWords(data: LanguageData): ReadonlyMap<number, readonly HashedWord[]> {
  let index = hashedIndexes.get(data);
  if (index === undefined) {
    const built = new Map<number, HashedWord[]>();
    for (const [word, hits] of data.wordIndex) {
      let h = 0;
      for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
      const list = built.get(h) ?? [];
      list.push({ word, hits });
      built.set(h, list);
    }
    hashedIndexes.set(data, (index = built));
  }
  return index;
}

function best(
  scores: Map<string, { score: number }>,
): { lang: string; margin: number; score: number } | undefined {
  const ranked = [...scores].sort((a, b) => b[1].score - a[1].score);
  const first = ranked[0];
  if (!first || first[1].score === 0) return undefined;
  return {
    lang: first[0],
    score: first[1].score,
    margin: first[1].score - (ranked[1]?.[1].score ?? 0),
  };
}

function fromFranc(code: string, data: LanguageData): string | undefined {
  if (code === 'und') return undefined;
  return data.iso639.get(code) ?? code;
}

const supportedCache = new WeakMap<LanguageData, Map<Script, readonly string[]>>();

/** The supported languages written in `script`, in data order. */
function supportedOf(script: Script, data: LanguageData): readonly string[] {
  let byScript = supportedCache.get(data);
  if (byScript === undefined) supportedCache.set(data, (byScript = new Map()));
  let list = byScript.get(script);
  if (list === undefined) {
    list = [...data.supported].filter(([, s]) => s === script).map(([l]) => l);
    byScript.set(script, list);
  }
  return list;
}

function detectAlphabetic(
  text: string,
  script: Script,
  letters: number,
  data: LanguageData,
): LanguageGuess {
  const candidates = supportedOf(script, data);
  const { scores, tokens } = scoreCandidates(text, candidates, data);
  const top = best(scores);
  const restricted = FRANC_SUPPORTED[script];
  if (letters >= LONG_TEXT_LETTERS) {
    const density = top ? (scores.get(top.lang)?.words ?? 0) / Math.max(1, tokens) : 0;
    // A clear winner among supported languages needs no trigrams (franc is the slow part: about
    // 350 µs a call, more than extracting a whole short article).
    // Where the data names confirming letters (Cyrillic: Bulgarian shares Russian stopwords),
    // only they may settle it; elsewhere a high stopword density does.
    if (top && top.margin >= Math.max(4, top.score * 0.5)) {
      if (!data.confirmingLetters.has(top.lang)) {
        if (density >= CLEAR_WORD_DENSITY) return { lang: top.lang, script, method: 'stopwords' };
      } else if (density >= CONFIRMED_WORD_DENSITY && confirmed(text, top.lang, script, data)) {
        return { lang: top.lang, script, method: 'letters' };
      }
    }
    const only =
      script === 'Latin'
        ? [...data.francLatin]
        : script === 'Cyrillic'
          ? FRANC_CYRILLIC_ALL
          : undefined;
    const head = text.slice(0, MAX_FRANC);
    const any = fromFranc(francTop(head, only), data);
    if (any !== undefined && data.supported.get(any) === script) {
      // Trigrams agree with the script; stopwords decide between close supported languages.
      if (top && top.lang !== any && top.margin >= 6)
        return { lang: top.lang, script, method: 'stopwords' };
      return { lang: any, script, method: 'trigrams' };
    }
    if (
      top &&
      top.margin > 0 &&
      density >= SUPPORTED_WORD_DENSITY &&
      (!data.confirmingLetters.has(top.lang) || confirmed(text, top.lang, script, data))
    )
      return { lang: top.lang, script, method: 'stopwords' };
    if (any !== undefined) return { lang: any, script, method: 'trigrams' };
  }
  if (top && top.margin > 0)
    return { lang: top.lang, script, method: script === 'Latin' ? 'stopwords' : 'letters' };
  if (restricted && letters >= 3) {
    const code = fromFranc(francTop(text.slice(0, MAX_FRANC), restricted), data);
    if (code !== undefined && (letters >= 30 || top?.lang === code))
      return { lang: code, script, method: 'trigrams' };
  }
  // A tie on a single word says little: fall back to the first listed language of the script.
  const fallback = top && top.score > 2 ? top.lang : candidates[0];
  return fallback === undefined
    ? { lang: 'und', script, method: 'default' }
    : { lang: fallback, script, method: 'default' };
}

/** The text has a confirming letter of `lang` and no letter of another language of the script. */
function confirmed(text: string, lang: string, script: Script, data: LanguageData): boolean {
  const letters = data.confirmingLetters.get(lang) ?? [];
  const lower = text.toLowerCase();
  if (data.vetoLetters.get(script)?.some((ch) => lower.includes(ch)) === true) return false;
  return letters.some((ch) => lower.includes(ch));
}

function scriptsCompatible(hinted: Script, detected: Script): boolean {
  if (hinted === detected) return true;
  // Japanese and Korean texts can be written, or headlined, in Han characters alone.
  return detected === 'Han' && (hinted === 'Japanese' || hinted === 'Hangul');
}

/** Detailed guess: the language, the script it rests on and how it was decided. */
export function identifyLanguage(
  text: string,
  hint?: string,
  data: LanguageData = languageData(),
): LanguageGuess {
  const sampled = sample(text);
  const counts = countScripts(sampled);
  const script = dominantScript(counts);
  const hinted = normalizeLanguageTag(hint);
  if (hinted !== undefined) {
    const hintScript = data.scriptOf.get(hinted);
    if (script === undefined) return { lang: hinted, script, method: 'hint' };
    if (hintScript === undefined) {
      // An unlisted language: trust it unless the script names a language by itself.
      if (script !== 'Hangul' && script !== 'Japanese' && script !== 'Han')
        return { lang: hinted, script, method: 'hint' };
    } else if (scriptsCompatible(hintScript, script)) {
      return { lang: hinted, script, method: 'hint' };
    }
  }
  if (script === undefined) return { lang: 'und', script, method: 'default' };
  if (script === 'Latin' || script === 'Cyrillic')
    return detectAlphabetic(sampled, script, counts[script], data);
  const bySupported = supportedOf(script, data)[0];
  if (bySupported !== undefined) return { lang: bySupported, script, method: 'script' };
  const code = fromFranc(francTop(sampled), data);
  return { lang: code ?? 'und', script, method: code ? 'trigrams' : 'default' };
}

/**
 * BCP 47 primary tag of a text. A valid `hint` wins unless the script contradicts it.
 * @example detectLanguage('북한은 러시아에 포탄을 보냈다') // 'ko'
 */
export function detectLanguage(text: string, hint?: string): string {
  return identifyLanguage(text, hint).lang;
}

/**
 * Language of a whole document (title may be prepended by the caller). Bounded work on any size:
 * long texts are sampled at the start, middle and end.
 */
export function detectDocumentLanguage(text: string, hint?: string): string {
  // URLs, e-mail addresses and handles are Latin in every language: leave them out.
  const sampled = sample(text);
  // The pattern needs "http", "www.", "@" or "#": skip its (backtracking) scan when none occurs.
  const cleaned = mayHoldLink(sampled)
    ? sampled.replace(/\b(?:https?:\/\/|www\.)\S+|\S+@\S+|[@#]\w+/g, ' ')
    : sampled;
  return identifyLanguage(cleaned, hint).lang;
}
