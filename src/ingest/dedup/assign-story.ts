/**
 * Story assignment in two stages. First copies, rewrites and translations by wording: candidate
 * documents by LSH band or event signature in a publication window, decided in pure code
 * (story-decision.ts). Then, when none matched, rewrites of one announcement by shared evidence:
 * candidates of the same days sharing a source, figure or event key (story_keys), decided by
 * story-evidence.ts. The membership is recorded with the evidence of the join.
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ExtractionResult } from '../../domain/mention.js';
import type { Database } from '../../store/schema.js';
import {
  findEvidenceCandidates,
  findStoryCandidates,
  findStoryByContentHash,
  getStoryDocument,
  indexStoryDocument,
} from '../../store/stories-repo.js';
import { lshBands, minhash } from './minhash.js';
import { contentHash } from './normalise-text.js';
import { storyFeatures, type StoryFeatures } from './story-features.js';
import { bestStoryMatch, STORY_THRESHOLDS, type StoryReason } from './story-decision.js';
import {
  bestEvidenceMatch,
  EVIDENCE_THRESHOLDS,
  evidenceKeys,
  type EvidenceFeatures,
  type JoinEvidence,
} from './story-evidence.js';
import { shingleText } from './shingles.js';

export interface StoryDocumentInput {
  readonly id: string;
  readonly text: string;
  readonly lang?: string | null;
  readonly published?: string | null;
  readonly content_hash?: string | null;
}

/** The document's own story features and LSH bands: pure, computed before the write lock. */
export interface StoryPreparation {
  readonly features: StoryFeatures;
  readonly bands: string[];
}

/** Features and bands of a document (prepareEnrichment computes them before the write lock). */
export function prepareStory(
  doc: StoryDocumentInput,
  extraction?: ExtractionResult,
): StoryPreparation {
  const features = storyFeatures(doc, extraction);
  const bands = lshBands(
    minhash(features.shingles.vocabulary),
    features.shingles.vocabulary.size === 0,
  );
  return { features, bands };
}

export interface StoryAssignment {
  readonly storyId: string;
  readonly matchedDocumentId?: string;
  readonly reason: StoryReason | 'evidence' | 'new-story' | 'exact-duplicate' | 'already-assigned';
  /** What the document shares with the matched one (the second stage's StoryEvidence, or the first stage's measures). */
  readonly evidence?: JoinEvidence;
}

/**
 * Puts a document into a story: the story of its closest near-duplicate, rewrite or
 * translation, or a new story. Idempotent per document id.
 * @example
 *   const { storyId, reason } = await assignStory(store.db, doc, extraction);
 */
export async function assignStory(
  db: Kysely<Database>,
  doc: StoryDocumentInput,
  extraction?: ExtractionResult,
  now: () => Date = () => new Date(),
  prepared?: StoryPreparation,
): Promise<StoryAssignment> {
  const existing = await getStoryDocument(db, doc.id);
  if (existing) {
    return {
      storyId: existing.story_id,
      reason: 'already-assigned',
      ...(existing.matched_document_id ? { matchedDocumentId: existing.matched_document_id } : {}),
    };
  }
  const twin = await findStoryByContentHash(db, doc.content_hash ?? contentHash(doc.text));
  if (twin && twin.document_id !== doc.id && twin.story_id) {
    return {
      storyId: twin.story_id,
      matchedDocumentId: twin.document_id,
      reason: 'exact-duplicate',
    };
  }

  const { features, bands } = prepared ?? prepareStory(doc, extraction);
  const window = publicationWindow(
    features.published,
    Math.max(STORY_THRESHOLDS.sameLanguageDays, STORY_THRESHOLDS.translationDays),
  );
  const rows = await findStoryCandidates(db, {
    bands,
    signatures: [...features.signatures],
    from: window?.from ?? null,
    to: window?.to ?? null,
    excludeDocumentId: doc.id,
  });
  const candidates = rows
    .filter((r) => r.text !== null)
    .map((r) => ({ row: r, features: candidateFeatures(r) }));
  const best = bestStoryMatch(features, candidates);
  const keys = features.published ? evidenceKeys(features) : { stored: [], query: [] };

  let joined: {
    storyId: string;
    documentId: string;
    reason: StoryReason | 'evidence';
    evidence: JoinEvidence;
  } | null = null;
  if (best) {
    joined = {
      storyId: best.candidate.row.story_id,
      documentId: best.candidate.row.document_id,
      reason: best.match.reason,
      evidence: { stage: best.match.reason, measures: best.match.detail },
    };
  } else {
    const evidenceWindow = publicationWindow(features.published, EVIDENCE_THRESHOLDS.days);
    if (evidenceWindow) {
      const found = await findEvidenceCandidates(db, {
        keys: keys.query,
        from: evidenceWindow.from,
        to: evidenceWindow.to,
        excludeDocumentId: doc.id,
      });
      const match = bestEvidenceMatch(
        features,
        found.map((r) => ({ row: r, storyId: r.story_id, features: evidenceFeatures(r) })),
      );
      if (match) {
        joined = {
          storyId: match.candidate.storyId,
          documentId: match.candidate.row.document_id,
          reason: 'evidence',
          evidence: match.evidence,
        };
      }
    }
  }

  const storyId = joined ? joined.storyId : `story-${randomUUID()}`;
  const reason: StoryAssignment['reason'] = joined ? joined.reason : 'new-story';
  await indexStoryDocument(db, {
    documentId: doc.id,
    storyId,
    lang: features.lang,
    published: features.published,
    signatures: [...features.signatures],
    actors: [...features.actors],
    numbers: [...features.numbers],
    details: [...features.details],
    sentences: features.sentences,
    bands,
    source: features.source,
    names: [...features.names],
    keys: keys.stored,
    reason,
    matchedDocumentId: joined?.documentId ?? null,
    evidence: joined ? JSON.stringify(joined.evidence) : null,
    newStory: joined === null,
    now: now().toISOString(),
  });
  return {
    storyId,
    reason,
    ...(joined ? { matchedDocumentId: joined.documentId, evidence: joined.evidence } : {}),
  };
}

/** The stored features the evidence stage compares. */
function evidenceFeatures(row: {
  published: string | null;
  source: string | null;
  names: string[];
  numbers: string[];
  signatures: string[];
}): EvidenceFeatures {
  return {
    published: row.published,
    source: row.source,
    names: new Set(row.names),
    numbers: new Set(row.numbers),
    signatures: new Set(row.signatures),
  };
}

/**
 * Shingles of recently seen documents, by id: a feed's items are each other's candidates, and
 * shingling every candidate again for every new document was a third of `vigie run`'s CPU time
 * (bench/run-throughput.ts). The text is compared, so an edited document is shingled afresh.
 */
const SHINGLE_CACHE_SIZE = 512;
const shingleCache = new Map<
  string,
  { text: string; lang: string | null; shingles: StoryFeatures['shingles'] }
>();

function cachedShingles(id: string, text: string, lang: string | null): StoryFeatures['shingles'] {
  const hit = shingleCache.get(id);
  const shingles =
    hit && hit.text === text && hit.lang === lang ? hit.shingles : shingleText(text, lang);
  shingleCache.delete(id);
  shingleCache.set(id, { text, lang, shingles });
  if (shingleCache.size > SHINGLE_CACHE_SIZE)
    shingleCache.delete(shingleCache.keys().next().value!);
  return shingles;
}

function candidateFeatures(row: {
  document_id: string;
  text: string | null;
  lang: string | null;
  published: string | null;
  signatures: string[];
  actors: string[];
  numbers: string[];
  details: string[];
  sentences: number;
  source: string | null;
  names: string[];
}): StoryFeatures {
  return {
    lang: row.lang,
    published: row.published,
    shingles: cachedShingles(row.document_id, row.text ?? '', row.lang),
    signatures: new Set(row.signatures),
    actors: new Set(row.actors),
    numbers: new Set(row.numbers),
    details: new Set(row.details),
    sentences: row.sentences,
    source: row.source,
    names: new Set(row.names),
  };
}

/** The ISO date range that holds every match `days` apart of a document published on `published`. */
function publicationWindow(
  published: string | null,
  days: number,
): { from: string; to: string } | null {
  if (!published) return null;
  const t = Date.parse(published.length === 10 ? `${published}T00:00:00Z` : published);
  if (Number.isNaN(t)) return null;
  const span = (days + 1) * 86_400_000;
  // Dates compare as text: the lower bound is a day prefix, the upper one sorts after any time.
  return {
    from: new Date(t - span).toISOString().slice(0, 10),
    to: `${new Date(t + span).toISOString().slice(0, 10)}\uffff`,
  };
}
