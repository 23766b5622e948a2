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
 * @example attributeSource('North Korea fired a missile, the JCS said.', 'en')
 *   // { primary: 'kor-jcs', attributed: ['kor-jcs'], named: ['kor-jcs'] }
 */
export function attributeSource(
  text: string,
  lang?: string | null,
  data: StoryData = loadStoryData(),
): SourceAttribution {
  const primary = lang ? (lang.toLowerCase().split(/[-_]/)[0] ?? null) : null;
  const known = primary !== null && data.names.has(primary);
  const names = data.names.get(known ? primary : '*');
  const cues = data.cues.get(known && data.cues.has(primary) ? primary : '*');
  if (!names) return { primary: null, attributed: [], named: [] };
  const found = findSources(text, names);
  const speakers = new Map(names.sources.map((s) => [s.id, s.speaks]));
  const attributed: string[] = [];
  for (const sentence of sentenceSpans(text)) {
    const inside = found.filter((f) => f.start >= sentence.start && f.end <= sentence.end);
    if (inside.length === 0 || !cues) continue;
    cues.lastIndex = 0;
    if (!cues.test(text.slice(sentence.start, sentence.end))) continue;
    for (const f of inside) if (speakers.get(f.id)) attributed.push(f.id);
  }
  const unique = [...new Set(attributed)];
  return {
    primary: unique[0] ?? null,
    attributed: unique,
    named: [...new Set(found.map((f) => f.id))],
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
