/**
 * Streams the lines of a GDELT file, plain (`.CSV`, `.txt`, `.tsv`) or zipped (`.zip`, the first
 * CSV entry), in batches, without holding the file in memory.
 * @module
 */
import { createReadStream } from 'node:fs';
import { Unzip, UnzipInflate } from 'fflate';
import { InputError } from '../../domain/errors.js';

const CHUNK = 1 << 20;

/** Batches of lines (without line ends); empty lines are skipped. */
export async function* readGdeltLines(path: string): AsyncGenerator<string[]> {
  for await (const text of readGdeltText(path)) {
    const lines: string[] = [];
    forEachLine(text, (line) => lines.push(line));
    if (lines.length > 0) yield lines;
  }
}

/**
 * The file's text in pieces that each end at a line end (or the end of the file), decoded as
 * UTF-8 (a leading byte-order mark and every NUL dropped). Splitting the bytes at the last `\n`
 * of each chunk is safe (no UTF-8 sequence holds that byte) and lets one Buffer decode run per
 * chunk, several times faster than a streaming TextDecoder.
 */
export async function* readGdeltText(path: string): AsyncGenerator<string> {
  const chunks = /\.zip$/i.test(path) ? unzippedChunks(path) : fileChunks(path);
  let carry: Buffer | null = null;
  let first = true;
  const decode = (bytes: Buffer, end: number): string => {
    let text = bytes.toString('utf8', 0, end);
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    // PostgreSQL refuses NUL in text; UTF-8 decoding leaves no lone surrogate (domain/storable-text).
    if (text.includes('\0')) text = text.replaceAll('\0', '');
    first = false;
    return text;
  };
  for await (const chunk of chunks) {
    const view = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const bytes: Buffer = carry ? Buffer.concat([carry, view]) : view;
    const last = bytes.lastIndexOf(10);
    if (last === -1) {
      carry = carry ? bytes : Buffer.from(bytes);
      continue;
    }
    const text = decode(bytes, last + 1);
    carry = last + 1 < bytes.length ? Buffer.from(bytes.subarray(last + 1)) : null;
    yield text;
  }
  if (carry && carry.length > 0) yield decode(carry, carry.length);
}

/** Calls `fn` with each non-empty line of `text` (without `\n` or `\r\n`). */
export function forEachLine(text: string, fn: (line: string) => void): void {
  let start = 0;
  const length = text.length;
  while (start < length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = length;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (stop > start) fn(text.slice(start, stop));
    start = end + 1;
  }
}

async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
      yield chunk as Buffer;
    }
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${(error as Error).message}`, path, error);
  }
}

/** Zip methods by number (APPNOTE 4.4.5), for a message naming the one we cannot read. */
const ZIP_METHODS: Readonly<Record<number, string>> = {
  1: 'shrink',
  6: 'implode',
  9: 'Deflate64',
  12: 'bzip2',
  14: 'LZMA',
  93: 'Zstandard',
  95: 'XZ',
  98: 'PPMd',
  99: 'AES encryption',
};
/** Stored and deflated: what fflate decodes (and what GDELT publishes). */
const READABLE_METHODS: ReadonlySet<number> = new Set([0, 8]);

/** The decompressed bytes of the first CSV entry (or the first entry) of a zip file. */
async function* unzippedChunks(path: string): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: unknown;
  let chosen = false;
  let done = false;
  const unzip = new Unzip((file) => {
    if (chosen) return;
    chosen = true;
    // fflate would report an unknown method, then fail on it with an internal TypeError.
    if (!READABLE_METHODS.has(file.compression)) {
      const method = ZIP_METHODS[file.compression] ?? `method ${file.compression}`;
      failure = new InputError(
        `${path}: unsupported compression (${method}) in ${file.name}`,
        path,
      );
      return;
    }
    file.ondata = (error, data, final) => {
      if (error) failure = error;
      else if (data.length > 0) out.push(data);
      if (final) done = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const unreadable = (): InputError =>
    failure instanceof InputError
      ? failure
      : new InputError(`${path}: not a readable zip (${String(failure)})`, path);
  for await (const chunk of fileChunks(path)) {
    try {
      unzip.push(chunk);
    } catch (error) {
      failure ??= error;
    }
    if (failure) throw unreadable();
    while (out.length > 0) yield out.shift()!;
  }
  try {
    unzip.push(new Uint8Array(0), true);
  } catch (error) {
    failure ??= error;
  }
  if (failure) throw unreadable();
  while (out.length > 0) yield out.shift()!;
  if (!chosen) throw new InputError(`${path}: the zip file holds no entry`, path);
  if (!done) throw new InputError(`${path}: the zip entry is truncated`, path);
}
