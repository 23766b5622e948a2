/**
 * The stages every way in runs on a document between reading and storing: extraction (mentions,
 * credited origin, attribution) and enrichment (fingerprint, story). `vigie ingest` (files,
 * stdin, URLs), `vigie run` and workers (feeds, pages), the API and replay all take them from
 * here, so the same document leaves the same rows whichever way it came in
 * (test/pipeline/every-way-in.test.ts).
 * @module
 */
import { extractDocument } from '../extract/extract-document.js';
import { enrichDocument, prepareEnrichment } from '../ingest/dedup/enrich-document.js';
import type { ExtractFn, ProcessOptions } from './process-documents.js';

export type IngestStages = Required<Pick<ProcessOptions, 'extract' | 'enrich' | 'prepareEnrich'>>;

/** The stages with the rule-based extractor, or with `extract` in its place (tests, evaluations). */
export function ingestStages(extract: ExtractFn = (doc) => extractDocument(doc)): IngestStages {
  return { extract, enrich: enrichDocument, prepareEnrich: prepareEnrichment };
}
