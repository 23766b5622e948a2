/**
 * Why a document joined its story, as ingest records it (story_documents.reason and .evidence)
 * and as the API, the dashboard and `vigie board --explain` show it.
 * @module
 */

/** How the attributed sources of two reports relate (see src/ingest/dedup/story-evidence.ts). */
export type SourceRelation = 'same' | 'named' | 'none' | 'different' | 'one-sided';

/** The second story stage's evidence: what two reports of one announcement share. */
export interface StoryEvidence {
  readonly stage: 'evidence';
  readonly days: number;
  readonly source: SourceRelation;
  /** The shared source (same) or the source one attributes and the other names (named). */
  readonly sourceId: string | null;
  readonly figures: readonly string[];
  readonly events: readonly string[];
  readonly names: readonly string[];
  readonly score: number;
}

/** The first stage's reasons: wording shared by copies, rewrites and translations. */
export type WordingReason = 'near-duplicate' | 'rewrite' | 'translation';

/** What story_documents.evidence holds (JSON): either stage's evidence. */
export type JoinEvidence =
  | StoryEvidence
  | {
      readonly stage: WordingReason;
      readonly measures: Readonly<Record<string, number | readonly string[]>>;
    };

export interface StoryJoin {
  /** new-story | near-duplicate | rewrite | translation | evidence */
  readonly reason: string;
  readonly matchedDocumentId: string | null;
  /** The document's attributed source (`kor-nis`), if it names one. */
  readonly source: string | null;
  readonly evidence: JoinEvidence | null;
  /** One line for people, e.g. "joined doc-1 on evidence: same source kor-nis; figures 1500". */
  readonly summary: string;
}

/** A stored join as the API and the CLI show it; unreadable evidence counts as none. */
export function readStoryJoin(row: {
  readonly reason: string;
  readonly matched_document_id: string | null;
  readonly source: string | null;
  readonly evidence: string | null;
}): StoryJoin {
  let evidence: JoinEvidence | null = null;
  if (row.evidence) {
    try {
      evidence = JSON.parse(row.evidence) as JoinEvidence;
    } catch {
      evidence = null;
    }
  }
  return {
    reason: row.reason,
    matchedDocumentId: row.matched_document_id,
    source: row.source,
    evidence,
    summary: describeStoryJoin(row.reason, row.matched_document_id, evidence),
  };
}

/**
 * @example describeStoryJoin('evidence', 'doc-1', evidence)
 *   // 'joined doc-1 on evidence: same source kor-nis; figures 1500, 12000; event TROOP_DEPLOYMENT/PRK/RUS; 0 days apart'
 */
export function describeStoryJoin(
  reason: string,
  matched: string | null,
  evidence: JoinEvidence | null,
): string {
  if (reason === 'new-story' || matched === null) return 'first report of its story';
  if (evidence?.stage === 'evidence')
    return `joined ${matched} on evidence: ${describeEvidence(evidence)}`;
  const m = evidence && 'measures' in evidence ? evidence.measures : {};
  const pct = (x: unknown) => (typeof x === 'number' ? `${Math.round(x * 100)}%` : '?');
  if (reason === 'near-duplicate')
    return `near-duplicate of ${matched} (${pct(m['copy'])} of the shorter text's passages shared)`;
  if (reason === 'rewrite') return `rewrite of ${matched} (${pct(m['vocabulary'])} shared wording)`;
  if (reason === 'translation') {
    const events = Array.isArray(m['events']) ? (m['events'] as string[]).join(', ') : '?';
    return `translation of ${matched} (events ${events}; actors ${pct(m['actors'])} shared)`;
  }
  return `${reason}: ${matched}`;
}

/** "same source kor-nis; figures 1500, 12000; event TROOP_DEPLOYMENT/PRK/RUS; 0 days apart". */
export function describeEvidence(e: StoryEvidence): string {
  const parts: string[] = [];
  if (e.source === 'same') parts.push(`same source ${e.sourceId}`);
  else if (e.source === 'named') parts.push(`source ${e.sourceId} named by both`);
  else parts.push('no attributed source');
  if (e.figures.length) parts.push(`figures ${e.figures.join(', ')}`);
  if (e.events.length)
    parts.push(`${e.events.length > 1 ? 'events' : 'event'} ${e.events.join(', ')}`);
  const others = e.names.filter((n) => n !== e.sourceId);
  if (others.length) parts.push(`also naming ${others.join(', ')}`);
  parts.push(`${e.days} ${e.days === 1 ? 'day' : 'days'} apart`);
  return parts.join('; ');
}
