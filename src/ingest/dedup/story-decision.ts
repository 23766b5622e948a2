/**
 * The pure story decision: does a new document belong to a candidate's story?
 * Thresholds were tuned on test/fixtures/dedup/stories.jsonl (copies, rewrites, translations and
 * same-topic reports that share most entity words) and checked on the dev corpus.
 * @module
 */
import type { WordingReason } from '../../domain/story-join.js';
import { containment, jaccard, similarity } from './similarity.js';
import type { Shingled } from './shingle-prints.js';
import type { StoryFeatures } from './story-features.js';

/** Features as compared: a stored candidate brings the prints of its shingles, not the strings. */
export type ComparedFeatures = Omit<StoryFeatures, 'shingles'> & { readonly shingles: Shingled };

export const STORY_THRESHOLDS = {
  /** Long-shingle containment above which one text copies the other (with cuts or additions). */
  copy: 0.6,
  /** Short-shingle Jaccard above which one text rewrites the other. */
  rewrite: 0.45,
  /** Same-language candidates are searched this many days around publication. */
  sameLanguageDays: 7,
  /** A translation must be published within this many days of the original. */
  translationDays: 3,
  /** Translation: Jaccard of event signatures, shared signatures, Jaccard of actors. */
  translationSignatures: 0.6,
  translationSharedSignatures: 2,
  translationActors: 0.5,
} as const;

export type StoryReason = WordingReason;

export interface StoryMatch {
  readonly reason: StoryReason;
  /** 0–1, comparable across reasons: higher is a closer match. */
  readonly score: number;
  /** The measures behind the decision, recorded with the join (story_documents.evidence). */
  readonly detail: Readonly<Record<string, number | readonly string[]>>;
}

/** Whether `doc` joins `candidate`'s story, and why; null when they are different reports. */
export function matchStory(doc: ComparedFeatures, candidate: ComparedFeatures): StoryMatch | null {
  const days = daysApart(doc.published, candidate.published);
  const sameLanguage =
    doc.shingles.mode === candidate.shingles.mode &&
    (doc.lang === null || candidate.lang === null || doc.lang === candidate.lang);
  if (sameLanguage) {
    if (days !== null && days > STORY_THRESHOLDS.sameLanguageDays) return null;
    if (eventsContradict(doc, candidate)) return null;
    const sim = similarity(doc.shingles, candidate.shingles);
    const detail = { copy: round(sim.copy), vocabulary: round(sim.vocabulary) };
    if (sim.copy >= STORY_THRESHOLDS.copy)
      return { reason: 'near-duplicate', score: 1 + sim.copy, detail };
    if (sourcesDiffer(doc, candidate)) return null;
    if (sim.vocabulary >= STORY_THRESHOLDS.rewrite)
      return { reason: 'rewrite', score: 1 + sim.vocabulary, detail };
    return null;
  }
  if (sourcesDiffer(doc, candidate)) return null;
  return matchTranslation(doc, candidate, days);
}

/**
 * Both reports attribute their news and to different sources ("the NIS said" / "the JCS said"):
 * two announcements, however alike their wording. A copy keeps its original's source.
 */
function sourcesDiffer(a: ComparedFeatures, b: ComparedFeatures): boolean {
  return a.source !== null && b.source !== null && a.source !== b.source;
}

function matchTranslation(
  doc: ComparedFeatures,
  candidate: ComparedFeatures,
  days: number | null,
): StoryMatch | null {
  const t = STORY_THRESHOLDS;
  if (days === null || days > t.translationDays) return null;
  const sharedSignatures = [...doc.signatures].filter((s) => candidate.signatures.has(s)).sort();
  if (sharedSignatures.length < t.translationSharedSignatures) return null;
  const signatureScore = jaccard(doc.signatures, candidate.signatures);
  if (signatureScore < t.translationSignatures) return null;
  const actorScore = jaccard(doc.actors, candidate.actors);
  if (actorScore < t.translationActors) return null;
  if (numbersConflict(doc.numbers, candidate.numbers)) return null;
  // Among several reports of the same events, the translation also keeps the capabilities
  // and the sentence count of its original.
  const score =
    0.6 * signatureScore +
    0.2 * jaccard(doc.details, candidate.details) +
    0.2 * ratio(doc.sentences, candidate.sentences);
  return {
    reason: 'translation',
    score,
    detail: {
      signatures: round(signatureScore),
      actors: round(actorScore),
      events: sharedSignatures,
      days: round(days),
    },
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Both documents have extracted events and none in common: not one report, however alike. */
function eventsContradict(a: ComparedFeatures, b: ComparedFeatures): boolean {
  if (a.signatures.size === 0 || b.signatures.size === 0) return false;
  return containment(a.signatures, b.signatures) === 0;
}

/** Two texts that both quote numbers but share none report different facts. */
function numbersConflict(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const meaningful = (s: ReadonlySet<string>) => new Set([...s].filter((n) => n.length >= 2));
  const x = meaningful(a);
  const y = meaningful(b);
  return x.size > 0 && y.size > 0 && containment(x, y) === 0;
}

function ratio(a: number, b: number): number {
  return Math.max(a, b) === 0 ? 1 : Math.min(a, b) / Math.max(a, b);
}

export function daysApart(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  const ta = Date.parse(a.length === 10 ? `${a}T00:00:00Z` : a);
  const tb = Date.parse(b.length === 10 ? `${b}T00:00:00Z` : b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return null;
  return Math.abs(ta - tb) / 86_400_000;
}

/** The best match among candidates (highest score), or null. */
export function bestStoryMatch<T extends { readonly features: ComparedFeatures }>(
  doc: ComparedFeatures,
  candidates: readonly T[],
): { candidate: T; match: StoryMatch } | null {
  let best: { candidate: T; match: StoryMatch } | null = null;
  for (const candidate of candidates) {
    const match = matchStory(doc, candidate.features);
    if (match && (!best || match.score > best.match.score)) best = { candidate, match };
  }
  return best;
}
