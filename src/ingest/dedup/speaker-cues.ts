/**
 * Where the speaker of an attribution cue stands, read from data/stories/attribution-cues.yaml:
 * - a preposed cue introduces its source after it ("according to Seoul", "selon Kiev", "据韩联社"):
 *   a state before it is not its speaker;
 * - a speech verb has its speaker before it ("Seoul said") and, except in languages whose verbs
 *   follow their speaker (`speakerFirst`: Korean, Japanese, Chinese), may have it after
 *   ("said Seoul", "заявили в Сеуле"); "发言人指出，日方…" names Japan in what is said;
 * - a finite speech verb of the `inverted` list right after a comma ("…, said Ukraine's
 *   prosecutor general", "…, заявив координатор … США") has its speaker in the rest of its clause;
 * - a preposed cue or an `inverted` verb that a credited agency follows ("según informó la AFP",
 *   "повідомляє AFP") is the agency's: no state speaks through it ("told SBS" only addresses it).
 * @module
 */
import type { Span } from '../../domain/document.js';
import { defaultLexicons } from '../../lexicon/load-lexicons.js';
import type { ActorHit } from './speaker-actors.js';
import type { StoryData } from './story-data.js';

export interface PlacedCue extends Span {
  /** A speaker may stand before it ("Seoul said"). */
  readonly before: boolean;
  /** A speaker may stand after it ("according to Seoul", "said Seoul"). */
  readonly after: boolean;
  /** It introduces its source ("according to", "selon", "据"). */
  readonly preposed: boolean;
  /** Where the clause it opens ends: an inverted verb's speaker stands before that. */
  readonly clauseEnd: number;
  /** The first comma or stop after it: a speaker right after a cue stands before that ("he said, Pyongyang…"). */
  readonly phraseEnd: number;
}

/** How far after a cue a credited agency may stand and still be its speaker ("informó la AFP"). */
const AGENCY_AFTER_CUE = 12;
const CLAUSE_BREAK = /[,;:，。；：]/u;
/** A verb right after a comma (and a closing quote) opens an inverted clause. */
const AFTER_COMMA = /,["'»”’]?\s*$/u;
const CLAUSE_END = /[.;!?。；！？]/gu;

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The cues of a text (in order) with where their speaker may stand. */
export function placeCues(
  text: string,
  lang: string | null,
  cues: readonly Span[],
  data: StoryData,
  conduits: readonly Span[],
  actors: readonly ActorHit[],
): PlacedCue[] {
  const preposed = findCues(text, lang, data.preposed);
  const inverted = findCues(text, lang, data.inverted);
  const verbAfter = !(lang !== null && data.speakerFirst.has(lang));
  // A credited agency that is no state (AFP, Yonhap; not KCNA, read as North Korea).
  const agencies = conduits.filter((c) => !actors.some((a) => overlaps(a, c)));
  return cues.map((c) => {
    const base = {
      start: c.start,
      end: c.end,
      clauseEnd: c.end,
      phraseEnd: phraseEnd(text, c.end),
    };
    const isPreposed = preposed.some((p) => overlaps(p, c));
    const verb = inverted.find((v) => overlaps(v, c));
    const isInvertible = verb !== undefined;
    // "según informó la AFP", "повідомляє AFP": the agency speaks; "told SBS" addresses it.
    const agency =
      (isPreposed || isInvertible) &&
      agencies.some(
        (g) =>
          g.start >= c.end &&
          g.start - c.end <= AGENCY_AFTER_CUE &&
          !CLAUSE_BREAK.test(text.slice(c.end, g.start)),
      );
    if (agency) return { ...base, before: false, after: false, preposed: false };
    // "…, a indiqué X": the comma stands before the whole verb form, auxiliary included.
    const from = Math.min(c.start, verb?.start ?? c.start);
    const afterComma = AFTER_COMMA.test(text.slice(Math.max(0, from - 4), from));
    if (afterComma && isInvertible)
      return {
        ...base,
        before: false,
        after: true,
        preposed: false,
        clauseEnd: clauseEnd(text, c.end),
      };
    return { ...base, before: !isPreposed, after: isPreposed || verbAfter, preposed: isPreposed };
  });
}

/**
 * Whether a name stands where a cue's speaker does: before a cue that takes one there, or at most
 * `after` characters after one that takes one there (`after` < 0: never after).
 */
export function standsAsSpeaker(name: Span, cues: readonly PlacedCue[], after: number): boolean {
  return cues.some(
    (c) =>
      (c.before && name.end <= c.start) ||
      (c.after &&
        name.start >= c.end &&
        ((name.start - c.end <= after && name.start < c.phraseEnd) || name.end <= c.clauseEnd)),
  );
}

/** Whether a cue is an inverted verb ("…, said X"): its speaker follows within its clause. */
export const isInverted = (c: PlacedCue) => c.clauseEnd > c.end;

function findCues(text: string, lang: string | null, map: ReadonlyMap<string, RegExp>): Span[] {
  const regex = map.get(lang && map.has(lang) ? lang : '*');
  const out: Span[] = [];
  if (regex)
    for (const m of text.matchAll(new RegExp(regex.source, regex.flags)))
      if (m[0].length > 0) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function phraseEnd(text: string, from: number): number {
  const p = text.slice(from).search(CLAUSE_BREAK);
  return p < 0 ? text.length : from + p;
}

function clauseEnd(text: string, from: number): number {
  const re = new RegExp(CLAUSE_END.source, 'gu');
  re.lastIndex = from;
  return re.exec(text)?.index ?? text.length;
}

/**
 * Whether only the language's filler words stand in `gap` ("the", "'s", "der"): a name right after
 * a clause break in front of them opens its clause.
 */
export function onlyFiller(gap: string, lang: string | null): boolean {
  const { filler } = defaultLexicons().get(lang ?? 'en').lexicon.roles;
  return gap
    .toLowerCase()
    .split(/\s+/u)
    .filter(Boolean)
    .every((token) => filler.some((t) => matchesTerm(token, t)));
}

/**
 * Whether the text between two names joins them ("Britain, France and Germany", "한국과 미국",
 * "Südkorea und die USA"): only the language's coordination words, articles and punctuation
 * (data/lexicons/<lang>.yaml `roles.coordination` and `roles.filler`).
 */
export function joinsNames(gap: string, lang: string | null): boolean {
  const { coordination, filler } = defaultLexicons().get(lang ?? 'en').lexicon.roles;
  let rest = ` ${gap.toLowerCase()} `;
  let joined = false;
  // Marks and words of several tokens first ("、", "as well as", "а также").
  for (const term of [...coordination].sort((a, b) => b.length - a.length)) {
    const t = term.toLowerCase();
    const spaced = /\p{L}/u.test(t) ? ` ${t} ` : t;
    if (!t.endsWith('*') && (rest.includes(spaced) || (!/\p{L}/u.test(t) && rest.includes(t)))) {
      rest = rest.split(spaced).join(' ');
      joined = true;
    }
  }
  for (const token of rest.split(/\s+/u).filter(Boolean)) {
    // A coordination particle written onto the word before it (Korean 과/와, Japanese と).
    if (coordination.some((t) => matchesTerm(token, t))) joined = true;
    else if (!filler.some((t) => matchesTerm(token, t))) return false;
  }
  return joined;
}

function matchesTerm(word: string, term: string): boolean {
  const t = term.toLowerCase();
  return t.endsWith('*') ? word.startsWith(t.slice(0, -1)) : word === t;
}
