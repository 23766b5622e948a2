/**
 * The real services behind the API's write and compute routes: the ingest pipeline with
 * extraction, extraction alone, and URL ingest through the guarded
 * fetcher and the article reader.
 * @module
 */
import type { Config } from '../config/schema.js';
import type { InputDocument } from '../domain/document.js';
import { extractDocument } from '../extract/extract-document.js';
import { decodeBytes } from '../ingest/charset/decode-bytes.js';
import { SafeFetcher } from '../ingest/fetch/safe-fetch.js';
import { extractArticle } from '../ingest/pages/extract-article.js';
import { InputError } from '../domain/errors.js';
import { processDocuments, type FailedLine } from '../pipeline/process-documents.js';
import { analyseAndAlert, type AnalysisSetup } from '../pipeline/analysis-pipeline.js';
import { ExtractPool, OFF_LOOP_CHARS } from '../pipeline/extract-pool.js';
import { ingestStages } from '../pipeline/ingest-stages.js';
import { correctMention, revokeMentionCorrection } from '../pipeline/correct-mentions.js';
import type { Store } from '../store/open-store.js';
import type { IngestOutcome, ServerServices } from './services.js';

type Analysis = Pick<AnalysisSetup, 'boards' | 'rules'>;

/**
 * Stores, extracts and enriches (story, origin) the documents, then analyses them and records
 * alerts. A request whose texts reach OFF_LOOP_CHARS in all is extracted in the thread pool.
 */
async function ingestDocuments(
  store: Store,
  documents: readonly InputDocument[],
  options: { sourceId?: string },
  analysis: Analysis | undefined,
  pool: () => ExtractPool,
): Promise<IngestOutcome> {
  let chars = 0;
  for (const d of documents) chars += typeof d.text === 'string' ? d.text.length : 0;
  const offLoop = chars >= OFF_LOOP_CHARS ? pool() : null;
  const result = await processDocuments(
    store,
    documents.map((value, i) => ({ line: i + 1, value })),
    {
      ...ingestStages(offLoop ? (doc) => offLoop.extract(doc) : undefined),
      ...(options.sourceId ? { sourceId: options.sourceId } : {}),
    },
  );
  if (analysis && result.documentIds.length > 0) {
    await analyseAndAlert(store, result.documentIds, analysis);
  }
  return {
    stored: result.stored,
    duplicates: result.duplicates,
    mentions: result.mentions,
    documentIds: result.documentIds,
    failed: result.failed.map(indexed),
    warnings: result.warnings.map(indexed),
  };
}

/** A pipeline line note as the API reports it: the document's index in the request. */
function indexed(f: FailedLine): { index: number; id?: string; reason: string } {
  return { index: f.line - 1, ...(f.id ? { id: f.id } : {}), reason: f.reason };
}

export interface DefaultServices extends ServerServices {
  /** Closes the URL fetcher's connection pool and stops the extraction threads. */
  close(): Promise<void>;
}

/** `analysis`: boards and alert rules; without it, posted documents are stored and extracted only. */
export function defaultServices(
  config: Pick<Config, 'fetch'>,
  analysis?: Analysis,
): DefaultServices {
  let fetcher: SafeFetcher | undefined;
  // Started on the first large input: a server that never gets one starts no thread.
  let extractPool: ExtractPool | undefined;
  const pool = (): ExtractPool => (extractPool ??= new ExtractPool());
  return {
    ingestDocuments: (store, documents, options) =>
      ingestDocuments(store, documents, options, analysis, pool),
    extractText: (doc) =>
      doc.text.length >= OFF_LOOP_CHARS ? pool().extract(doc) : extractDocument(doc),
    // Without boards and rules a correction still re-resolves events and their credibility.
    correctMention: (store, input) =>
      correctMention(store, analysis ?? { boards: [], rules: [] }, input),
    revokeCorrection: (store, input) =>
      revokeMentionCorrection(store, analysis ?? { boards: [], rules: [] }, input),
    async ingestUrl(store, url, options) {
      fetcher ??= new SafeFetcher(config.fetch);
      const response = await fetcher.fetch({
        url,
        accept: ['text/html', 'application/xhtml+xml', 'text/plain'],
      });
      const html = decodeBytes(response.body, { contentType: response.contentType }).text;
      const article = extractArticle(html, response.url);
      if (article.text.trim().length === 0) {
        throw new InputError(`no article text found at ${response.url}`, 'url');
      }
      return ingestDocuments(
        store,
        [
          {
            text: article.text,
            url: response.url,
            ...(article.title ? { title: article.title } : {}),
            ...(article.published ? { published: article.published } : {}),
            ...(article.lang ? { lang: article.lang } : {}),
            ...(article.siteName ? { outlet: article.siteName } : {}),
          },
        ],
        options,
        analysis,
        pool,
      );
    },
    async close() {
      await Promise.all([fetcher?.close(), extractPool?.close()]);
    },
  };
}
