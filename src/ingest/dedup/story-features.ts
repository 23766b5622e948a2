/**
 * What story clustering compares between two documents, computed once per document:
 * shingles for same-language copies and rewrites, and language-independent keys (event
 * signatures, actors, quoted figures, the attributed source and named sources) for translations
 * and rewrites of one announcement.
 * @module
 */
import type { ExtractionResult } from '../../domain/mention.js';
import { SYMMETRIC_TYPES, type EventType } from '../../domain/ontology.js';
import { attributeSource } from './attributed-source.js';
import { quotedNumbers } from './quoted-numbers.js';
import { shingleText, type TextShingles } from './shingles.js';

export interface StoryFeatures {
  readonly lang: string | null;
  readonly published: string | null;
  readonly shingles: TextShingles;
  /** `TYPE/SOURCE/TARGET` per extracted mention (symmetric pairs sorted, open roles `-`). */
  readonly signatures: ReadonlySet<string>;
  /** Signatures with capabilities (`TYPE/SRC/TGT/CAP+CAP`), finer than `signatures`. */
  readonly details: ReadonlySet<string>;
  readonly actors: ReadonlySet<string>;
  /** Sentence count: a translation keeps it, a different report rarely does. */
  readonly sentences: number;
  /** Quoted values, language-independent ("1,500", "1천500", "1 500" → "1500"); no bare years. */
  readonly numbers: ReadonlySet<string>;
  /** The source of the first attributed statement ("the NIS said" → `kor-nis`), or null. */
  readonly source: string | null;
  /** Sources and people of data/stories/sources.yaml the text names, with or without a cue. */
  readonly names: ReadonlySet<string>;
}

export interface FeatureInput {
  readonly text: string;
  readonly lang?: string | null;
  readonly published?: string | null;
}

export function storyFeatures(doc: FeatureInput, extraction?: ExtractionResult): StoryFeatures {
  const lang = primaryLang(doc.lang ?? extraction?.lang ?? null);
  const attribution = attributeSource(doc.text, lang);
  return {
    lang,
    published: doc.published ?? null,
    shingles: shingleText(doc.text, lang),
    signatures: new Set(eventSignatures(extraction)),
    details: new Set(eventDetails(extraction)),
    actors: new Set(eventActors(extraction)),
    sentences: countSentences(doc.text),
    numbers: new Set(quotedNumbers(doc.text)),
    source: attribution.primary,
    names: new Set(attribution.named),
  };
}

export function primaryLang(lang: string | null): string | null {
  if (!lang) return null;
  return lang.toLowerCase().split(/[-_]/)[0] || null;
}

export function eventSignature(
  type: EventType,
  source: string | null,
  target: string | null,
): string {
  const a = source ?? '-';
  const b = target ?? '-';
  if (SYMMETRIC_TYPES.has(type) && b < a) return `${type}/${b}/${a}`;
  return `${type}/${a}/${b}`;
}

export function eventSignatures(extraction?: ExtractionResult): string[] {
  if (!extraction) return [];
  return [...new Set(extraction.mentions.map((m) => eventSignature(m.type, m.source, m.target)))];
}

export function eventDetails(extraction?: ExtractionResult): string[] {
  if (!extraction) return [];
  return [
    ...new Set(
      extraction.mentions.map(
        (m) =>
          `${eventSignature(m.type, m.source, m.target)}/${[...m.capabilities].sort().join('+')}`,
      ),
    ),
  ];
}

/** Sentences: runs of text ending in terminal punctuation (Latin, CJK) or a line break. */
export function countSentences(text: string): number {
  return text.split(/(?<=[.!?。！？])\s*|\n+/u).filter((s) => /[\p{L}\p{N}]/u.test(s)).length;
}

export function eventActors(extraction?: ExtractionResult): string[] {
  if (!extraction) return [];
  const actors = new Set<string>();
  for (const m of extraction.mentions) {
    if (m.source) actors.add(m.source);
    if (m.target) actors.add(m.target);
    for (const cue of m.cues) if (cue.kind === 'actor' && cue.value) actors.add(cue.value);
  }
  return [...actors];
}
