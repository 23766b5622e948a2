/**
 * The ingest pipeline's enrich hook: fingerprint, story and credited origin of a document
 * about to be stored (src/pipeline/process-documents.ts calls it once per new document).
 * @module
 */
import type { Kysely } from 'kysely';
import type { ExtractionResult } from '../../domain/mention.js';
import type { Database, NewDocument } from '../../store/schema.js';
import { assignStory } from './assign-story.js';
import { detectCreditedOrigin } from './credited-origin.js';
import { shingleText } from './shingles.js';
import { simhash } from './simhash.js';

export interface DocumentEnrichment {
  fingerprint: string;
  story_id: string;
  origin: string | null;
  lang: string | null;
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
  const lang = doc.lang ?? extraction?.lang ?? null;
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
  );
  const origin = detectCreditedOrigin(doc.text, lang);
  return {
    fingerprint: simhash(shingleText(doc.text, lang).copy),
    story_id: story.storyId,
    origin: origin?.name ?? null,
    ...(lang ? { lang } : {}),
  };
}
