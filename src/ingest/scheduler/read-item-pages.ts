/**
 * The full pages of a feed's summary-only items, fetched a few at a time (the fetcher's per-host
 * limit still applies) rather than one after another, so 30 pages that hang cost one page
 * time-out, not 30. When the source's time budget runs out, the fetches in flight stop, the
 * pages not yet asked for are skipped, and their items keep their summaries.
 * @module
 */
import { VigieError } from '../../domain/errors.js';
import { decodeBytes } from '../charset/decode-bytes.js';
import type { SafeFetcher } from '../fetch/safe-fetch.js';
import { extractArticle, type PageArticle } from '../pages/extract-article.js';

const PAGE_TYPES = ['text/html', 'application/xhtml+xml'];

export interface ItemPagesOptions {
  readonly fetcher: SafeFetcher;
  /** Pages fetched at the same time (default 4). */
  readonly concurrency?: number;
  /** The source's time budget. */
  readonly signal?: AbortSignal;
}

export interface ItemPageFailure {
  readonly code: string;
  readonly message: string;
}

export interface ItemPages {
  /** Pages read, by item URL. */
  readonly articles: Map<string, PageArticle>;
  /** Pages whose charset declaration was overruled, by item URL: the decoder's warning. */
  readonly warnings: Map<string, string>;
  /** Pages that could not be read, by item URL (their items keep their summaries). */
  readonly failures: Map<string, ItemPageFailure>;
  /** Pages left unread because the budget ran out, with the budget's reason; 0 and null otherwise. */
  readonly unread: number;
  readonly stoppedBy: Error | null;
}

/**
 * Fetches and reads the pages at `urls`.
 * @example const pages = await readItemPages(urls, { fetcher, concurrency: 4, signal: budget });
 */
export async function readItemPages(
  urls: readonly string[],
  options: ItemPagesOptions,
): Promise<ItemPages> {
  const articles = new Map<string, PageArticle>();
  const failures = new Map<string, ItemPageFailure>();
  const warnings = new Map<string, string>();
  const { signal, fetcher } = options;
  let unread = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let at = next++; at < urls.length; at = next++) {
      const url = urls[at]!;
      if (signal?.aborted) {
        unread += 1;
        continue;
      }
      try {
        const res = await fetcher.fetch({ url, accept: PAGE_TYPES, ...(signal ? { signal } : {}) });
        const decoded = decodeBytes(res.body, { contentType: res.contentType });
        if (decoded.warning !== null) warnings.set(url, decoded.warning);
        articles.set(url, extractArticle(decoded.text, url));
      } catch (error) {
        if (signal?.aborted) unread += 1;
        else
          failures.set(url, {
            code: error instanceof VigieError ? error.code : 'VIGIE_FETCH_FAILED',
            message: (error as Error).message,
          });
      }
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, urls.length));
  await Promise.all(Array.from({ length: workers }, worker));
  const stoppedBy = unread > 0 ? budgetReason(signal) : null;
  return { articles, failures, warnings, unread, stoppedBy };
}

function budgetReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new Error(String(reason));
}
