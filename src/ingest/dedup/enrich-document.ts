/**
 * The ingest pipeline's enrich hook: fingerprint, story and credited origin of a document
 * about to be stored (src/pipeline/process-documents.ts calls it once per new document).
 * @module
 */
import type { Kysely } from 'kysely';
import type { ExtractionResult } from '../../domain/mention.js';
import type { Database, NewDocument } from '../../store/schema.js';
import { assignStory, prepareStory, type StoryPreparation } from './assign-story.js';
import { detectCreditedOrigin } from './credited-origin.js';
import { simhash } from './simhash.js';

export interface DocumentEnrichment {
  fingerprint: string;
  story_id: string;
  origin: string | null;
  lang: string | null;
}

/** What enrichment computes from the document alone (no store): story features, fingerprint, origin. */
interface PreparedEnrichment {
  readonly text: string;
  readonly lang: string | null;
  readonly story: StoryPreparation;
  readonly fingerprint: string;
  readonly origin: string | null;
}

/**
 * Prepared enrichments by document object: prepareEnrichment fills it before the write lock,
 * enrichDocument takes from it under the lock (and computes what is missing).
 */
const prepared = new WeakMap<NewDocument, PreparedEnrichment>();

function computeEnrichment(doc: NewDocument, extraction?: ExtractionResult): PreparedEnrichment {
  const lang = doc.lang ?? extraction?.lang ?? null;
  const story = prepareStory(
    { id: doc.id, text: doc.text, lang, published: doc.published ?? null },
    extraction,
  );
  return {
    text: doc.text,
    lang,
    story,
    // The story's shingles: the mode follows the primary language, as shingleText's hint does.
    fingerprint: simhash(story.features.shingles.copy),
    origin: detectCreditedOrigin(doc.text, lang)?.name ?? null,
  };
}

/**
 * The pure part of {@link enrichDocument}, done ahead (process-documents calls it before it takes
 * the write lock, so that the lock covers only what reads and writes the store).
 */
export function prepareEnrichment(doc: NewDocument, extraction?: ExtractionResult): void {
  prepared.set(doc, computeEnrichment(doc, extraction));
}

/**
 * Fingerprints the document (SimHash of its long shingles), assigns its story (recording
 * stories and the clustering index) and detects its credited origin.
 * Documents must be enriched one at a time, each stored before the next is enriched:
 * candidates are compared on the stored text.
 * @example
 *   const extra = await enrichDocument(store.db, doc, extraction);
 *   await insertDocument({ ...doc, ...extra });
 */
export async function enrichDocument(
  db: Kysely<Database>,
  doc: NewDocument,
  extraction?: ExtractionResult,
): Promise<Partial<DocumentEnrichment>> {
  const ahead = prepared.get(doc);
  prepared.delete(doc);
  // Prepared from the same text and language, or computed now.
  const lang = doc.lang ?? extraction?.lang ?? null;
  const ready =
    ahead && ahead.text === doc.text && ahead.lang === lang
      ? ahead
      : computeEnrichment(doc, extraction);
  const story = await assignStory(
    db,
    {
      id: doc.id,
      text: doc.text,
      lang,
      published: doc.published ?? null,
      content_hash: doc.content_hash,
    },
    extraction,
    undefined,
    ready.story,
  );
  return {
    fingerprint: ready.fingerprint,
    story_id: story.storyId,
    origin: ready.origin,
    ...(lang ? { lang } : {}),
  };
}
