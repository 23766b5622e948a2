/**
 * Who a report attributes its news to: the first source of data/stories/sources.yaml named in a
 * sentence that also holds an attribution cue ("the NIS said", "합참에 따르면", "据朝中社报道",
 * "сообщили в МИД РФ"). Rewrites of one announcement name its source, whatever their language;
 * two announcements on one topic the same day usually come from different sources.
 * @module
 */
import { loadStoryData, type SourceNames, type StoryData } from './story-data.js';

export interface NamedSource {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

export interface SourceAttribution {
  /** The source of the first attributed statement, or null when the text names none. */
  readonly primary: string | null;
  /** Every source named with an attribution cue, in text order. */
  readonly attributed: readonly string[];
  /** Every source or person of the list the text names, with or without a cue. */
  readonly named: readonly string[];
}

/**
 * What the detector reads in a text, once: the sources of the list it names and the attribution
 * cues it holds, both in text order (UTF-16 offsets). Sentence-level attribution (attributeSource)
 * and mention-level attribution (mention-attribution.ts) are two readings of it.
 */
export interface SourceReading {
  readonly names: readonly NamedSource[];
  readonly cues: readonly { readonly start: number; readonly end: number }[];
  /** Whether a source speaks (false: named in reports but never their source). */
  readonly speaks: (id: string) => boolean;
}

/**
 * The names and cues of `text` in its language's lists (every language's when unknown);
 * `statements` adds the looser statement words mention attribution reads within one sentence.
 */
export function readSources(
  text: string,
  lang?: string | null,
  data: StoryData = loadStoryData(),
  options: { readonly statements?: boolean } = {},
): SourceReading {
  const primary = lang ? (lang.toLowerCase().split(/[-_]/)[0] ?? null) : null;
  const known = primary !== null && data.names.has(primary);
  const names = data.names.get(known ? primary : '*');
  const cueMap = options.statements ? data.statementCues : data.cues;
  const cueRegex = cueMap.get(known && cueMap.has(primary) ? primary : '*');
  const found = names ? findSources(text, names) : [];
  const cues: { start: number; end: number }[] = [];
  if (cueRegex) {
    const regex = new RegExp(cueRegex.source, cueRegex.flags);
    for (const m of text.matchAll(regex)) {
      if (m[0].length > 0) cues.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  const speakers = new Map(names?.sources.map((s) => [s.id, s.speaks]) ?? []);
  return { names: found, cues, speaks: (id) => speakers.get(id) === true };
}

/** How far after a cue a source may stand and still be its speaker ("a indiqué lundi le NIS"). */
export const SOURCE_AFTER_CUE = 20;

/**
 * Whether a name stands where a speaker does: before a cue ("the NIS said", "합참에 따르면"),
 * or at most `after` characters after one ("according to the NIS", "сообщили в МИД").
 */
export function speaksAt(
  name: { readonly start: number; readonly end: number },
  cues: readonly { readonly start: number; readonly end: number }[],
  after: number,
): boolean {
  return cues.some(
    (c) => name.end <= c.start || (name.start >= c.end && name.start - c.end <= after),
  );
}

/**
 * @example attributeSource('North Korea fired a missile, the JCS said.', 'en')
 *   // { primary: 'kor-jcs', attributed: ['kor-jcs'], named: ['kor-jcs'] }
 */
export function attributeSource(
  text: string,
  lang?: string | null,
  data: StoryData = loadStoryData(),
): SourceAttribution {
  const reading = readSources(text, lang, data);
  const attributed: string[] = [];
  for (const sentence of sentenceSpans(text)) {
    const inside = (s: { start: number; end: number }) =>
      s.start >= sentence.start && s.end <= sentence.end;
    if (!reading.cues.some(inside)) continue;
    for (const f of reading.names) if (inside(f) && reading.speaks(f.id)) attributed.push(f.id);
  }
  const unique = [...new Set(attributed)];
  return {
    primary: unique[0] ?? null,
    attributed: unique,
    named: [...new Set(reading.names.map((f) => f.id))],
  };
}

/** Every source name in the text, leftmost first; of overlapping names the longer wins. */
export function findSources(text: string, names: SourceNames): NamedSource[] {
  const hits: NamedSource[] = [];
  for (const regex of names.regexes) {
    for (const m of text.matchAll(regex)) {
      if (m[0].length === 0 || !m.groups) continue;
      const group = Object.keys(m.groups).find((g) => m.groups?.[g] !== undefined);
      const source = group ? names.sources[Number(group.slice(1))] : undefined;
      if (source) hits.push({ id: source.id, start: m.index, end: m.index + m[0].length });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: NamedSource[] = [];
  for (const h of hits) {
    const last = kept.at(-1);
    if (last && h.start < last.end) continue;
    kept.push(h);
  }
  return kept;
}

/**
 * Sentences as spans: a full stop, question or exclamation mark followed by a space and a
 * capital, a digit-free opening quote or a non-Latin letter; CJK terminal punctuation; line breaks.
 * "Oct. 8" and "U.S. officials" stay in one sentence.
 */
export function sentenceSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const boundary = /[.!?](?=\s+["«“„(]?[\p{Lu}\p{Lo}])|[。！？]|\n+/gu;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    if (end > start) spans.push({ start, end });
    start = end;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}
