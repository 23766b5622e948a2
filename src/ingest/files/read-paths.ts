/**
 * Files and folders → input lines for processDocuments. Folders recurse (sorted, hidden entries
 * and symbolic links to folders skipped); unsupported files are reported, never fatal; a file
 * that cannot be read becomes one failed line with its reason.
 * @module
 */
import { lstat, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputDocument } from '../../domain/document.js';
import { readJsonLines } from '../jsonl-reader.js';
import { confineToRoots } from './allowed-roots.js';
import { fileKind, readDocumentFile } from './read-document-file.js';

/** One input for processDocuments: a document, or why it could not be read. */
export interface SourceLine {
  readonly line: number;
  readonly file?: string;
  readonly value?: InputDocument | unknown;
  readonly error?: string;
  /** A caveat the document is stored with (its charset declaration was overruled). */
  readonly warning?: string;
}

export interface ReadPathsOptions {
  /** Reader of corpus-format JSON Lines files (default: src/ingest/jsonl-reader.ts). */
  readonly readJsonl?: (path: string) => AsyncIterable<SourceLine>;
  /** Called for every file skipped because its type is not supported. */
  readonly onUnsupported?: (path: string) => void;
  /** When set, a symbolic link is followed only to a file inside one of these roots. */
  readonly allowedRoots?: readonly string[];
}

/**
 * Yields the documents of every supported file under the given paths.
 * @example for await (const line of readPaths(['reports/'], { onUnsupported: (p) => skipped.push(p) })) …
 */
export async function* readPaths(
  paths: readonly string[],
  options: ReadPathsOptions = {},
): AsyncGenerator<SourceLine> {
  for (const path of paths) yield* readPath(path, options, true);
}

async function* readPath(
  path: string,
  options: ReadPathsOptions,
  explicit: boolean,
): AsyncGenerator<SourceLine> {
  let info;
  try {
    info = explicit ? await stat(path) : await lstat(path);
  } catch (error) {
    yield {
      line: 0,
      file: path,
      error: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    };
    return;
  }
  if (info.isDirectory()) {
    const entries = (await readdir(path)).filter((name) => !name.startsWith('.')).sort();
    for (const name of entries) yield* readPath(join(path, name), options, false);
    return;
  }
  if (info.isSymbolicLink()) {
    const target = await stat(path).catch(() => null);
    if (!target?.isFile()) return;
    if (options.allowedRoots) {
      try {
        await confineToRoots(path, options.allowedRoots);
      } catch (error) {
        yield { line: 1, file: path, error: (error as Error).message };
        return;
      }
    }
  } else if (!info.isFile()) return;
  const kind = fileKind(path);
  if (kind === null) {
    options.onUnsupported?.(path);
    return;
  }
  if (kind === 'jsonl') {
    yield* (options.readJsonl ?? ((p: string) => readJsonLines(p)))(path);
    return;
  }
  try {
    yield { line: 1, file: path, value: await readDocumentFile(path, kind) };
  } catch (error) {
    yield { line: 1, file: path, error: (error as Error).message };
  }
}
