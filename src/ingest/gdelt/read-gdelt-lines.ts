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
  const chunks = /\.zip$/i.test(path) ? unzippedChunks(path) : fileChunks(path);
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  for await (const chunk of chunks) {
    const text = rest + decoder.decode(chunk, { stream: true });
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    yield clean(lines);
  }
  const tail = rest + decoder.decode();
  if (tail.length > 0) yield clean([tail]);
}

function clean(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const l = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (l.length > 0) out.push(l);
  }
  return out;
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

/** The decompressed bytes of the first CSV entry (or the first entry) of a zip file. */
async function* unzippedChunks(path: string): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: unknown;
  let chosen = false;
  let done = false;
  const unzip = new Unzip((file) => {
    if (chosen) return;
    chosen = true;
    file.ondata = (error, data, final) => {
      if (error) failure = error;
      else if (data.length > 0) out.push(data);
      if (final) done = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for await (const chunk of fileChunks(path)) {
    try {
      unzip.push(chunk);
    } catch (error) {
      failure = error;
    }
    if (failure) throw new InputError(`${path}: not a readable zip (${String(failure)})`, path);
    while (out.length > 0) yield out.shift()!;
  }
  try {
    unzip.push(new Uint8Array(0), true);
  } catch (error) {
    failure = error;
  }
  if (failure) throw new InputError(`${path}: not a readable zip (${String(failure)})`, path);
  while (out.length > 0) yield out.shift()!;
  if (!chosen) throw new InputError(`${path}: the zip file holds no entry`, path);
  if (!done) throw new InputError(`${path}: the zip entry is truncated`, path);
}
