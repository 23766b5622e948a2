/**
 * Story assignment: finds candidate documents in the store (LSH bands, event signatures, a
 * publication window), decides in pure code (story-decision.ts) and records the membership.
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ExtractionResult } from '../../domain/mention.js';
import type { Database } from '../../store/schema.js';
import {
  findStoryCandidates,
  findStoryByContentHash,
  getStoryDocument,
  indexStoryDocument,
} from '../../store/stories-repo.js';
import { lshBands, minhash } from './minhash.js';
import { contentHash } from './normalise-text.js';
import { storyFeatures, type StoryFeatures } from './story-features.js';
import { bestStoryMatch, STORY_THRESHOLDS, type StoryReason } from './story-decision.js';
import { shingleText } from './shingles.js';

export interface StoryDocumentInput {
  readonly id: string;
  readonly text: string;
  readonly lang?: string | null;
  readonly published?: string | null;
  readonly content_hash?: string | null;
}

export interface StoryAssignment {
  readonly storyId: string;
  readonly matchedDocumentId?: string;
  readonly reason: StoryReason | 'new-story' | 'exact-duplicate' | 'already-assigned';
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

  const features = storyFeatures(doc, extraction);
  const bands = lshBands(
    minhash(features.shingles.vocabulary),
    features.shingles.vocabulary.size === 0,
  );
  const window = publicationWindow(features.published);
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

  const storyId = best ? best.candidate.row.story_id : `story-${randomUUID()}`;
  const reason: StoryAssignment['reason'] = best ? best.match.reason : 'new-story';
  const matchedDocumentId = best?.candidate.row.document_id;
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
    reason,
    matchedDocumentId: matchedDocumentId ?? null,
    newStory: best === null,
    now: now().toISOString(),
  });
  return { storyId, reason, ...(matchedDocumentId ? { matchedDocumentId } : {}) };
}

function candidateFeatures(row: {
  text: string | null;
  lang: string | null;
  published: string | null;
  signatures: string[];
  actors: string[];
  numbers: string[];
  details: string[];
  sentences: number;
}): StoryFeatures {
  return {
    lang: row.lang,
    published: row.published,
    shingles: shingleText(row.text ?? '', row.lang),
    signatures: new Set(row.signatures),
    actors: new Set(row.actors),
    numbers: new Set(row.numbers),
    details: new Set(row.details),
    sentences: row.sentences,
  };
}

/** The ISO date range that holds every possible match of a document published on `published`. */
function publicationWindow(published: string | null): { from: string; to: string } | null {
  if (!published) return null;
  const t = Date.parse(published.length === 10 ? `${published}T00:00:00Z` : published);
  if (Number.isNaN(t)) return null;
  const days = Math.max(STORY_THRESHOLDS.sameLanguageDays, STORY_THRESHOLDS.translationDays);
  const span = (days + 1) * 86_400_000;
  // Dates compare as text: the lower bound is a day prefix, the upper one sorts after any time.
  return {
    from: new Date(t - span).toISOString().slice(0, 10),
    to: `${new Date(t + span).toISOString().slice(0, 10)}\uffff`,
  };
}
