/**
 * The second story stage: a rewrite or translation of one announcement joins its story when
 * enough independent evidence agrees, and every join says which. Copies are the first stage's
 * (story-decision.ts: shingles); this stage compares what a rewrite keeps in any language —
 * the day, the attributed source, the figures, the events (type and actor pair) and the names.
 *
 * | source of the two reports | also needed |
 * |---|---|
 * | the same (`kor-nis` = `kor-nis`) | a shared event or a shared distinctive figure |
 * | one names the other's source, without a cue | a shared event, and a shared figure or a second shared event |
 * | neither attributes its news | a shared event and two shared figures |
 * | different, or only one attributes | never |
 *
 * Always: published at most `days` apart. Two reports of one source that both quote figures
 * must share one (the same source's next announcement quotes new figures), unless they appear the
 * same day and share two events (rewrites keep different figures of one briefing).
 * @module
 */
import type { SourceRelation, StoryEvidence } from '../../domain/story-join.js';
import { isDistinctive } from './quoted-numbers.js';
import { daysApart } from './story-decision.js';
import type { StoryFeatures } from './story-features.js';

export type { JoinEvidence, SourceRelation, StoryEvidence } from '../../domain/story-join.js';

export const EVIDENCE_THRESHOLDS = {
  /** Reports of one announcement appear within this many days of each other. */
  days: 2,
  /** Shared figures needed when neither report names its source. */
  figuresWithoutSource: 2,
  /** Shared events that outweigh differing figures between same-day reports of one source. */
  eventsOverFigures: 2,
} as const;

/** The features the evidence stage compares (a subset of StoryFeatures, all stored). */
export type EvidenceFeatures = Pick<
  StoryFeatures,
  'published' | 'source' | 'names' | 'numbers' | 'signatures'
>;

export function sourceRelation(
  a: EvidenceFeatures,
  b: EvidenceFeatures,
): { relation: SourceRelation; id: string | null } {
  if (a.source && b.source) {
    return a.source === b.source
      ? { relation: 'same', id: a.source }
      : { relation: 'different', id: null };
  }
  const one = a.source
    ? { src: a.source, other: b }
    : b.source
      ? { src: b.source, other: a }
      : null;
  if (!one) return { relation: 'none', id: null };
  return one.other.names.has(one.src)
    ? { relation: 'named', id: one.src }
    : { relation: 'one-sided', id: null };
}

/** Distinctive figures of a report (see isDistinctive). */
export function figuresOf(f: EvidenceFeatures): Set<string> {
  return new Set([...f.numbers].filter(isDistinctive));
}

/** Event signatures that name at least one actor: `MISSILE_TEST/-/-` tells nothing. */
function eventsOf(f: EvidenceFeatures): Set<string> {
  return new Set([...f.signatures].filter((s) => /\/[A-Z]/.test(s.slice(s.indexOf('/')))));
}

/**
 * The evidence that `doc` reports the same announcement as `candidate`, or null when it is
 * not enough (see the module table).
 */
export function compareEvidence(
  doc: EvidenceFeatures,
  candidate: EvidenceFeatures,
): StoryEvidence | null {
  const days = daysApart(doc.published, candidate.published);
  if (days === null || days > EVIDENCE_THRESHOLDS.days) return null;
  const { relation, id } = sourceRelation(doc, candidate);
  if (relation === 'different' || relation === 'one-sided') return null;
  const figA = figuresOf(doc);
  const figB = figuresOf(candidate);
  const figures = [...figA].filter((n) => figB.has(n)).sort();
  const evB = eventsOf(candidate);
  const events = [...eventsOf(doc)].filter((s) => evB.has(s)).sort();
  const names = [...doc.names].filter((n) => candidate.names.has(n)).sort();
  const figuresConflict = figA.size > 0 && figB.size > 0 && figures.length === 0;
  let enough = false;
  // The same source's figures may differ between rewrites of one day's announcement (one keeps
  // "10,000", another "11,000" of the same briefing) when two of its events agree.
  const sameDay = days < 1 && events.length >= EVIDENCE_THRESHOLDS.eventsOverFigures;
  if (relation === 'same')
    enough = (!figuresConflict || sameDay) && (events.length > 0 || figures.length > 0);
  else if (relation === 'named')
    enough = events.length > 0 && (figures.length > 0 || events.length >= 2);
  else enough = events.length > 0 && figures.length >= EVIDENCE_THRESHOLDS.figuresWithoutSource;
  if (!enough) return null;
  const score =
    (relation === 'same' ? 2 : relation === 'named' ? 1 : 0) +
    figures.length +
    0.5 * events.length +
    0.25 * names.length -
    0.25 * days;
  return { stage: 'evidence', days, source: relation, sourceId: id, figures, events, names, score };
}

/**
 * The best story for `doc` among candidates (each with its story id): the candidate with the most
 * evidence, in a story none of whose candidate documents attributes a different source.
 */
export function bestEvidenceMatch<
  T extends { readonly storyId: string; readonly features: EvidenceFeatures },
>(
  doc: EvidenceFeatures,
  candidates: readonly T[],
): { candidate: T; evidence: StoryEvidence } | null {
  const vetoed = new Set<string>();
  for (const c of candidates) {
    const days = daysApart(doc.published, c.features.published);
    if (days !== null && days <= EVIDENCE_THRESHOLDS.days) {
      if (sourceRelation(doc, c.features).relation === 'different') vetoed.add(c.storyId);
    }
  }
  let best: { candidate: T; evidence: StoryEvidence } | null = null;
  for (const candidate of candidates) {
    if (vetoed.has(candidate.storyId)) continue;
    const evidence = compareEvidence(doc, candidate.features);
    if (evidence && (!best || evidence.score > best.evidence.score)) best = { candidate, evidence };
  }
  return best;
}

/**
 * The keys under which a report is found by later reports of the same days (`stored`) and the
 * keys it looks up (`query`): its attributed source, distinctive figures and events; a report
 * also looks up every source it names (a rewrite that names the source without a cue).
 */
export function evidenceKeys(f: EvidenceFeatures): { stored: string[]; query: string[] } {
  const shared = [
    ...[...figuresOf(f)].map((n) => `n:${n}`),
    ...[...eventsOf(f)].map((e) => `e:${e}`),
  ];
  const stored = [...(f.source ? [`s:${f.source}`] : []), ...shared];
  const query = [...new Set([...stored, ...[...f.names].map((n) => `s:${n}`)])];
  return { stored, query };
}
