/**
 * `vigie ingest`: reads JSON Lines from files, directories or stdin and stores them through
 * processDocuments. Other input kinds (feeds, pages, URLs) plug in through `readers`.
 * @module
 */
import { readJsonLines, type JsonLinesOptions } from '../ingest/jsonl-reader.js';
import type { Store } from '../store/open-store.js';
import {
  processDocuments,
  type InputLine,
  type ProcessOptions,
  type ProcessResult,
} from './process-documents.js';

/** Turns one path argument into input lines, or returns null when it is not its kind. */
export type PathReader = (
  path: string,
  options: JsonLinesOptions,
) => AsyncIterable<InputLine> | null;

export interface IngestPathsOptions extends ProcessOptions, JsonLinesOptions {
  /** Tried in order before the JSON Lines reader (the default for files, directories and `-`). */
  readonly readers?: readonly PathReader[];
}

export async function* inputLines(
  paths: readonly string[],
  options: IngestPathsOptions = {},
): AsyncGenerator<InputLine> {
  for (const path of paths) {
    let lines: AsyncIterable<InputLine> | null = null;
    for (const reader of options.readers ?? []) {
      lines = reader(path, options);
      if (lines) break;
    }
    yield* lines ?? readJsonLines(path, options);
  }
}

/** Ingests every path in order; one result for all of them (failures name file and line). */
export async function ingestPaths(
  store: Pick<Store, 'db' | 'dialect'>,
  paths: readonly string[],
  options: IngestPathsOptions = {},
): Promise<ProcessResult> {
  return processDocuments(store, inputLines(paths, options), options);
}
