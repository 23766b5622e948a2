/**
 * What the API calls in other layers for its write and compute routes. createServer takes them
 * as a seam so the server does not hard-wire the pipeline; `defaultServices()` wires the real ones.
 * A missing service makes its route answer 501 with a message saying what is missing.
 * @module
 */
import type { InputDocument } from '../domain/document.js';
import type { ExtractionResult } from '../domain/mention.js';
import type { Store } from '../store/open-store.js';
import type { NewCorrection } from '../store/corrections-repo.js';
import type { RescoredCorrection } from '../pipeline/correct-mentions.js';

export interface IngestOutcome {
  stored: number;
  duplicates: number;
  mentions: number;
  documentIds: string[];
  failed: { index: number; id?: string; reason: string }[];
  /** Documents stored with a caveat (mentions capped). */
  warnings: { index: number; id?: string; reason: string }[];
}

export interface ServerServices {
  /** Stores documents and their extracted mentions (pipeline/process-documents). */
  readonly ingestDocuments?: (
    store: Store,
    documents: readonly InputDocument[],
    options: { sourceId?: string },
  ) => Promise<IngestOutcome>;
  /** Extraction of one text (extract/extract-document). */
  readonly extractText?: (doc: {
    id: string;
    text: string;
    lang?: string;
    published?: string;
    title?: string;
  }) => ExtractionResult | Promise<ExtractionResult>;
  /** Fetches a page and ingests its article (ingest/pages). */
  readonly ingestUrl?: (
    store: Store,
    url: string,
    options: { sourceId?: string },
  ) => Promise<IngestOutcome>;
  /** Records an analyst's correction and rescores from it (pipeline/correct-mentions). */
  readonly correctMention?: (store: Store, input: NewCorrection) => Promise<RescoredCorrection>;
  /** Revokes a correction and rescores (pipeline/correct-mentions). */
  readonly revokeCorrection?: (
    store: Store,
    input: { id: string; by: string; note?: string | null; now?: string },
  ) => Promise<RescoredCorrection>;
}
