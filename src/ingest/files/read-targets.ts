/**
 * What `vigie ingest` reads: `-` (JSON Lines on stdin), http(s) URLs (a feed or a page, decided
 * by the response) and local files or folders of any supported type.
 * @module
 */
import type { InputDocument } from '../../domain/document.js';
import { VigieError } from '../../domain/errors.js';
import type { SafeFetcher } from '../fetch/safe-fetch.js';
import { readJsonLines } from '../jsonl-reader.js';
import { isRemoteUrl, readSource } from '../scheduler/read-source.js';
import { DEFAULT_SOURCE_BUDGET_MS, withTimeBudget } from '../scheduler/time-budget.js';
import { readPaths, type SourceLine } from './read-paths.js';

export interface ReadTargetsOptions {
  /** Needed only when a target is a URL. */
  readonly fetcher?: SafeFetcher;
  readonly onUnsupported?: (path: string) => void;
  /** A feed item whose page could not be read (its summary is stored instead). */
  readonly onWarning?: (url: string, message: string) => void;
  /** Where `-` reads from (default process.stdin). */
  readonly stdin?: NodeJS.ReadableStream;
  /** Longest time one URL is read, a feed's item pages included (`fetch.sourceBudgetMs`). */
  readonly sourceBudgetMs?: number;
  /** Item pages of one feed fetched at the same time (`fetch.pageConcurrency`). */
  readonly pageConcurrency?: number;
}

/**
 * Yields input lines for processDocuments from every target, in order; a target that cannot
 * be read becomes one failed line, the others go on.
 * @example await processDocuments(store, readTargets(['reports/', 'https://wire.example/rss']), { extract })
 */
export async function* readTargets(
  targets: readonly string[],
  options: ReadTargetsOptions = {},
): AsyncGenerator<SourceLine> {
  for (const target of targets) {
    if (target === '-') {
      yield* readJsonLines('-', options.stdin ? { stdin: options.stdin } : {});
    } else if (isRemoteUrl(target)) {
      if (!options.fetcher)
        throw new VigieError('VIGIE_CONFIG_INVALID', 'reading URLs needs a fetcher', {
          where: target,
        });
      try {
        const { fetcher } = options;
        const read = await withTimeBudget(
          options.sourceBudgetMs ?? DEFAULT_SOURCE_BUDGET_MS,
          target,
          (signal) =>
            readSource(
              { id: target, name: new URL(target).hostname, url: target },
              {
                fetcher,
                signal,
                ...(options.pageConcurrency ? { pageConcurrency: options.pageConcurrency } : {}),
              },
            ),
        );
        for (const line of read.lines) yield line as SourceLine & { value: InputDocument };
        for (const e of read.itemErrors) options.onWarning?.(e.url ?? target, e.message);
      } catch (error) {
        yield { line: 0, file: target, error: `${target}: ${(error as Error).message}` };
      }
    } else {
      yield* readPaths(
        [target],
        options.onUnsupported ? { onUnsupported: options.onUnsupported } : {},
      );
    }
  }
}
