/**
 * Streaming JSON Lines reader for a file, a directory (every *.jsonl below it, sorted) or stdin.
 * Never throws on bad content: a malformed line, a line that fails the document schema, invalid
 * UTF-8 or an over-long line becomes an error item naming the file and line, and reading goes
 * on. Memory stays bounded by `maxLineBytes` whatever the input.
 * @module
 */
import { createReadStream, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InputDocumentSchema, type InputDocument } from '../domain/document.js';
import { InputError, formatIssues } from '../domain/errors.js';

/** One line read: the document, or why the line was rejected. Empty lines yield nothing. */
export interface JsonLine {
  readonly file: string;
  readonly line: number;
  readonly value?: InputDocument;
  readonly error?: string;
}

export interface JsonLinesOptions {
  /** Longest line accepted, in bytes (default 16 MiB); longer lines are skipped with an error. */
  readonly maxLineBytes?: number;
  /** Validate against the document schema (default true). */
  readonly validate?: boolean;
  /** Where `-` reads from (default process.stdin). */
  readonly stdin?: NodeJS.ReadableStream;
}

export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

/** Every `*.jsonl` file under a directory, recursively, in path order. */
export async function listJsonlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.jsonl'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Reads `-` (stdin), a file or a directory of `.jsonl` files. */
export async function* readJsonLines(
  path: string,
  options: JsonLinesOptions = {},
): AsyncGenerator<JsonLine> {
  if (path === '-') {
    yield* readJsonLinesFrom(options.stdin ?? process.stdin, '-', options);
    return;
  }
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new InputError(`no such file or directory: ${path}`, path);
  }
  const files = isDirectory ? await listJsonlFiles(path) : [path];
  for (const file of files) yield* readJsonLinesFrom(createReadStream(file), file, options);
}

/** Reads JSON Lines from a byte stream; `file` names the source in errors. */
export async function* readJsonLinesFrom(
  stream: AsyncIterable<unknown> | NodeJS.ReadableStream,
  file: string,
  options: JsonLinesOptions = {},
): AsyncGenerator<JsonLine> {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const validate = options.validate !== false;
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = false;
  let lineNo = 0;

  const finish = (): JsonLine | null => {
    lineNo += 1;
    if (overflow) {
      const error = `line ${lineNo} of ${file}: longer than ${maxLineBytes} bytes, skipped`;
      overflow = false;
      return { file, line: lineNo, error };
    }
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    parts = [];
    size = 0;
    return parseLine(bytes, file, lineNo, validate);
  };

  for await (const chunk of stream as AsyncIterable<unknown>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    let start = 0;
    for (let nl = buffer.indexOf(10, start); nl >= 0; nl = buffer.indexOf(10, start)) {
      append(buffer.subarray(start, nl));
      const item = finish();
      if (item) yield item;
      start = nl + 1;
    }
    append(buffer.subarray(start));
  }
  if (size > 0 || overflow) {
    const item = finish();
    if (item) yield item;
  }

  function append(piece: Buffer): void {
    if (overflow || piece.length === 0) return;
    if (size + piece.length > maxLineBytes) {
      overflow = true;
      parts = [];
      size = 0;
      return;
    }
    parts.push(piece);
    size += piece.length;
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function parseLine(bytes: Buffer, file: string, line: number, validate: boolean): JsonLine | null {
  const where = `line ${line} of ${file}`;
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { file, line, error: `${where}: invalid UTF-8` };
  }
  if (text.trim().length === 0) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { file, line, error: `${where}: invalid JSON (${(error as Error).message})` };
  }
  if (!validate) return { file, line, value: value as InputDocument };
  const parsed = InputDocumentSchema.safeParse(value);
  if (!parsed.success) {
    return { file, line, error: `${where}: ${formatIssues(parsed.error.issues)}` };
  }
  return { file, line, value: parsed.data };
}
