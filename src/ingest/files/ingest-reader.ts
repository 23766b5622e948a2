/**
 * The `vigie ingest` reader for everything beyond JSON Lines: folders of mixed files, .txt, .md,
 * .html, .pdf, .eml, and http(s) URLs (feed or page by the response). Plugs into ingestPaths'
 * `readers`; returns null for `-` and .jsonl files so the corpus reader keeps them.
 * @module
 */
import { statSync } from 'node:fs';
import { InputError } from '../../domain/errors.js';
import type { SafeFetcher } from '../fetch/safe-fetch.js';
import { readJsonLines, type JsonLinesOptions } from '../jsonl-reader.js';
import { isRemoteUrl } from '../scheduler/read-source.js';
import { fileKind } from './read-document-file.js';
import { readPaths, type SourceLine } from './read-paths.js';
import { readTargets } from './read-targets.js';

export interface IngestReaderOptions {
  /** Fetches URLs (built from the `fetch` config); URLs fail clearly without it. */
  readonly fetcher?: SafeFetcher;
  readonly onUnsupported?: (path: string) => void;
  readonly onWarning?: (url: string, message: string) => void;
  /** Longest time one URL is read, a feed's item pages included (`fetch.sourceBudgetMs`). */
  readonly sourceBudgetMs?: number;
  /** Item pages of one feed fetched at the same time (`fetch.pageConcurrency`). */
  readonly pageConcurrency?: number;
}

export type IngestReader = (
  path: string,
  options: JsonLinesOptions,
) => AsyncIterable<SourceLine> | null;

/**
 * Throws when `target` is a URL with a scheme other than http(s) (`file://`, `gopher://`…), so it
 * is named as such instead of read as a missing path. Call it on every target before ingesting.
 */
export function assertIngestTarget(target: string): void {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(target)?.[1]?.toLowerCase();
  if (scheme === undefined || scheme === 'http' || scheme === 'https') return;
  throw new InputError(
    `unsupported scheme "${scheme}:" in ${target}: vigie ingest reads http(s) URLs, files, folders and - (stdin)`,
    target,
  );
}

/**
 * @example ingestPaths(store, paths, { readers: [createIngestReader({ fetcher, onUnsupported })] })
 */
export function createIngestReader(options: IngestReaderOptions = {}): IngestReader {
  return (path, jsonl) => {
    if (path === '-') return null;
    assertIngestTarget(path);
    if (isRemoteUrl(path)) return readTargets([path], options);
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      return null; // the corpus reader reports the missing path
    }
    if (!isDirectory && fileKind(path) === 'jsonl') return null;
    return readPaths([path], {
      readJsonl: (p) => readJsonLines(p, jsonl),
      ...(options.onUnsupported ? { onUnsupported: options.onUnsupported } : {}),
    });
  };
}
