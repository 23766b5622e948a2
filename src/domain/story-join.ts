/**
 * Why a document joined its story, as ingest records it (story_documents.reason and .evidence)
 * and as the API, the dashboard and `vigie board --explain` show it.
 * @module
 */
import { englishText } from './english-messages.js';
import { message, type Message } from './messages.js';

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
  /** The same line as a message (src/domain/messages.ts), to word in another language. */
  readonly summaryMessage: Message;
}

/**
 * A stored join as the API and the CLI show it; unreadable evidence counts as none. The matched
 * document is named by its outlet (`matched_outlet`, the documents' `outlet`) where known.
 */
export function readStoryJoin(row: {
  readonly reason: string;
  readonly matched_document_id: string | null;
  readonly matched_outlet?: string | null;
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
  const summaryMessage = storyJoinMessage(
    row.reason,
    row.matched_document_id,
    evidence,
    row.matched_outlet ?? null,
  );
  return {
    reason: row.reason,
    matchedDocumentId: row.matched_document_id,
    source: row.source,
    evidence,
    summary: englishText(summaryMessage),
    summaryMessage,
  };
}

const percent = (x: unknown) => (typeof x === 'number' ? `${Math.round(x * 100)}%` : '?');
/**
 * A listed source (data/stories/sources.yaml id), named by each language's `source.<id>` message
 * (data/labels/<lang>.json), its id where none names it.
 */
const sourceName = (id: string | null): Message =>
  message(`source.${id ?? '?'}`, { fallback: id ?? '?' });

/** A source by its id, in every language (a key no table words). */
const sourceId = (id: string | null): Message => message('source-id', { fallback: id ?? '?' });

/** The matched report: "Yonhap's report", else "document doc-1". */
const reportOf = (id: string, outlet: string | null): Message =>
  outlet
    ? message('origin.outlet', { outlet, on: '' })
    : message('origin.document', { id, on: '' });

/**
 * @example englishText(storyJoinMessage('evidence', 'doc-1', evidence, 'Yonhap'))
 *   // "joined Yonhap's report on evidence: same source South Korea's NIS; figures 1500, 12000; event TROOP_DEPLOYMENT/PRK/RUS; 0 days apart"
 */
export function storyJoinMessage(
  reason: string,
  matchedId: string | null,
  evidence: JoinEvidence | null,
  matchedOutlet: string | null = null,
): Message {
  if (reason === 'new-story' || matchedId === null) return message('story.first');
  const matched = reportOf(matchedId, matchedOutlet);
  if (evidence?.stage === 'evidence')
    return message('story.evidence', { matched, parts: evidenceMessages(evidence, sourceName) });
  const m = evidence && 'measures' in evidence ? evidence.measures : {};
  if (reason === 'near-duplicate')
    return message('story.nearDuplicate', { matched, share: percent(m['copy']) });
  if (reason === 'rewrite')
    return message('story.rewrite', { matched, share: percent(m['vocabulary']) });
  if (reason === 'translation') {
    const events = Array.isArray(m['events']) ? (m['events'] as string[]).join(', ') : '?';
    return message('story.translation', { matched, events, share: percent(m['actors']) });
  }
  return message('story.other', { reason, matched });
}

export function describeStoryJoin(
  reason: string,
  matched: string | null,
  evidence: JoinEvidence | null,
  matchedOutlet: string | null = null,
): string {
  return englishText(storyJoinMessage(reason, matched, evidence, matchedOutlet));
}

/**
 * "same source South Korea's NIS", "figures 1500, 12000", "event TROOP_DEPLOYMENT/PRK/RUS",
 * "0 days apart"; each source as `name` gives it.
 */
function evidenceMessages(e: StoryEvidence, name: (id: string | null) => Message): Message[] {
  const parts: Message[] = [];
  if (e.source === 'same') parts.push(message('story.sameSource', { source: name(e.sourceId) }));
  else if (e.source === 'named')
    parts.push(message('story.namedSource', { source: name(e.sourceId) }));
  else parts.push(message('story.noSource'));
  if (e.figures.length) parts.push(message('story.figures', { figures: e.figures.join(', ') }));
  if (e.events.length)
    parts.push(message('story.events', { n: e.events.length, events: e.events.join(', ') }));
  const others = e.names.filter((n) => n !== e.sourceId);
  if (others.length) parts.push(message('story.alsoNaming', { names: others.map((n) => name(n)) }));
  parts.push(message('story.days', { n: e.days }));
  return parts;
}

/**
 * The evidence as ingest traces it, each source by its id: "same source kor-nis; figures 1500,
 * 12000; event TROOP_DEPLOYMENT/PRK/RUS; 0 days apart". People read `storyJoinMessage`, which
 * names the sources.
 */
export function describeEvidence(e: StoryEvidence): string {
  return evidenceMessages(e, sourceId).map(englishText).join('; ');
}
