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
  readDocumentTexts,
  type StoryCandidateRow,
} from '../../store/story-candidates-repo.js';
import {
  findStoryByContentHash,
  getStoryDocument,
  indexStoryDocument,
} from '../../store/stories-repo.js';
import { lshBands, minhash } from './minhash.js';
import { contentHash } from './normalise-text.js';
import { storyFeatures, type StoryFeatures } from './story-features.js';
import {
  bestStoryMatch,
  STORY_THRESHOLDS,
  type ComparedFeatures,
  type StoryReason,
} from './story-decision.js';
import {
  bestEvidenceMatch,
  EVIDENCE_THRESHOLDS,
  evidenceKeys,
  type EvidenceFeatures,
  type JoinEvidence,
} from './story-evidence.js';
import { printsOf, type ShinglePrints } from './shingle-prints.js';
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
  // Printed here, before the write lock: the candidates are compared on prints.
  printsOf(features.shingles);
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
  const shingles = await candidateShingles(db, rows);
  const candidates = rows.flatMap((r) => {
    const s = shingles.get(r.document_id);
    return s ? [{ row: r, features: candidateFeatures(r, s) }] : [];
  });
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
  // The next documents compare with this one: its shingles are at hand.
  remember(doc.id, {
    hash: doc.content_hash ?? contentHash(doc.text),
    lang: features.lang,
    prints: printsOf(features.shingles),
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
 * Shingle prints (shingle-prints.ts) of recently seen documents, by id: a feed's items are each
 * other's candidates, and shingling every candidate again for every new document was a third of
 * `vigie run`'s CPU time (bench/run-throughput.ts). An entry holds for the document's content
 * hash (shingles are taken of the normalised text that hash covers), so only the texts of
 * candidates not at hand are read. Prints take ~6 KB for a 3 KB article (the strings took tens),
 * so 8,192 entries hold days of a few hundred feeds in ~50 MB at most.
 * The candidate look-up reads the latest documents first, which are the ones kept here.
 */
const SHINGLE_CACHE_SIZE = 8192;
interface CachedPrints {
  readonly hash: string;
  readonly lang: string | null;
  readonly prints: ShinglePrints;
}
const shingleCache = new Map<string, CachedPrints>();

/** Shingle prints of each candidate whose document row is stored, from the cache or its text. */
async function candidateShingles(
  db: Kysely<Database>,
  rows: readonly StoryCandidateRow[],
): Promise<Map<string, ShinglePrints>> {
  const out = new Map<string, ShinglePrints>();
  const missing: StoryCandidateRow[] = [];
  for (const r of rows) {
    if (r.content_hash === null) continue;
    const hit = shingleCache.get(r.document_id);
    if (hit && hit.hash === r.content_hash && hit.lang === r.lang) {
      remember(r.document_id, hit);
      out.set(r.document_id, hit.prints);
    } else missing.push(r);
  }
  if (missing.length === 0) return out;
  const texts = await readDocumentTexts(
    db,
    missing.map((r) => r.document_id),
  );
  for (const r of missing) {
    const text = texts.get(r.document_id);
    if (text === undefined) continue;
    const entry = {
      hash: r.content_hash!,
      lang: r.lang,
      prints: printsOf(shingleText(text, r.lang)),
    };
    remember(r.document_id, entry);
    out.set(r.document_id, entry.prints);
  }
  return out;
}

/** Puts an entry last in the cache (most recently used), dropping the oldest past its size. */
function remember(id: string, entry: CachedPrints): void {
  shingleCache.delete(id);
  shingleCache.set(id, entry);
  if (shingleCache.size > SHINGLE_CACHE_SIZE)
    shingleCache.delete(shingleCache.keys().next().value!);
}

function candidateFeatures(row: StoryCandidateRow, shingles: ShinglePrints): ComparedFeatures {
  return {
    lang: row.lang,
    published: row.published,
    shingles,
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
