/**
 * Streams the lines of a GDELT file, plain (`.CSV`, `.txt`, `.tsv`) or zipped (`.zip`, the first
 * entry), in batches, without holding the file in memory. Two caps keep a hostile file bounded:
 * the decompressed size of a zip entry, and the length of one line. At a cap, every complete line
 * before it has been yielded, then an InputError names the cap and the setting that raises it.
 * @module
 */
import { createReadStream } from 'node:fs';
import { InputError } from '../../domain/errors.js';
import { unzipFirstEntry } from './unzip-entry.js';

const CHUNK = 1 << 20;

export interface GdeltReadLimits {
  /** Decompressed bytes read from a zip entry at most (vigie.yaml `gdelt.maxInflatedBytes`). */
  readonly maxInflatedBytes: number;
  /** Bytes in one line at most, line end excluded (vigie.yaml `gdelt.maxLineBytes`). */
  readonly maxLineBytes: number;
}

/**
 * The defaults of vigie.yaml's `gdelt` section: 4 GiB, the most a zip entry without ZIP64
 * extensions can hold (memory stays bounded whatever the size: this bounds the time a bomb
 * takes), and 64 KiB for a row of 58 or 61 short fields and one URL.
 */
export const DEFAULT_GDELT_LIMITS: GdeltReadLimits = {
  maxInflatedBytes: 4 * 1024 ** 3,
  maxLineBytes: 64 * 1024,
};

/** Batches of lines (without line ends); empty lines are skipped. */
export async function* readGdeltLines(
  path: string,
  limits: GdeltReadLimits = DEFAULT_GDELT_LIMITS,
): AsyncGenerator<string[]> {
  // A line holds at least one byte per UTF-16 unit and at most three: only lines past a third of
  // the cap need their bytes counted.
  const suspect = Math.floor(limits.maxLineBytes / 3);
  for await (const text of readGdeltText(path, limits)) {
    const lines: string[] = [];
    let tooLong = false;
    forEachLine(text, (line) => {
      if (tooLong) return;
      if (line.length > suspect && Buffer.byteLength(line) > limits.maxLineBytes) tooLong = true;
      else lines.push(line);
    });
    if (lines.length > 0) yield lines;
    if (tooLong) throw lineCapError(path, limits);
  }
}

/**
 * The file's text in pieces that each end at a line end (or the end of the file), decoded as
 * UTF-8 (a leading byte-order mark and every NUL dropped). Splitting the bytes at the last `\n`
 * of each chunk is safe (no UTF-8 sequence holds that byte) and lets one Buffer decode run per
 * chunk, several times faster than a streaming TextDecoder.
 */
export async function* readGdeltText(
  path: string,
  limits: GdeltReadLimits = DEFAULT_GDELT_LIMITS,
): AsyncGenerator<string> {
  const chunks = /\.zip$/i.test(path)
    ? unzipFirstEntry(path, fileChunks(path), {
        maxBytes: limits.maxInflatedBytes,
        capError: (entry) =>
          new InputError(
            `${path}: ${entry} inflates to more than ${limits.maxInflatedBytes} bytes, the cap on ` +
              `a zip entry's decompressed size; stopped there, the complete rows before it are read ` +
              `(raise gdelt.maxInflatedBytes in vigie.yaml for a larger file)`,
            path,
          ),
      })
    : fileChunks(path);
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
    } else {
      const text = decode(bytes, last + 1);
      carry = last + 1 < bytes.length ? Buffer.from(bytes.subarray(last + 1)) : null;
      yield text;
    }
    // A line without an end so far: the only bytes held across chunks, so they are capped.
    if (carry && carry.length > limits.maxLineBytes) throw lineCapError(path, limits);
  }
  if (carry && carry.length > limits.maxLineBytes) throw lineCapError(path, limits);
  if (carry && carry.length > 0) yield decode(carry, carry.length);
}

function lineCapError(path: string, limits: GdeltReadLimits): InputError {
  return new InputError(
    `${path}: a line is longer than ${limits.maxLineBytes} bytes, the cap on one row; stopped ` +
      `there, the complete rows before it are read (raise gdelt.maxLineBytes in vigie.yaml ` +
      `if such rows are genuine)`,
    path,
  );
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
