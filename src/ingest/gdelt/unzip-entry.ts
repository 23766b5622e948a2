/**
 * The decompressed bytes of the first entry of a zip file, inflated in bounded steps. fflate
 * inflates whatever one push hands it at once, and deflate expands up to 1032:1, so a 1 MiB read
 * could become a 1 GiB buffer: compressed input goes in 16 KiB pieces instead (at most ~16.5 MiB
 * out per piece), output is handed on in batches of about 1 MiB, and inflation stops at a cap on
 * the entry's decompressed size. Reading stops as soon as the entry ends (later entries are
 * never buffered).
 * @module
 */
import { Unzip, UnzipInflate } from 'fflate';
import { InputError } from '../../domain/errors.js';

/** Compressed bytes per push: bounds one push's output to PIECE × 1032 bytes. */
const PIECE = 16 * 1024;
/** Decompressed bytes gathered before they are handed on (fewer, larger text decodes). */
const BATCH = 1 << 20;

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

export interface UnzipEntryOptions {
  /** Decompressed bytes read at most; past them, the bytes up to the cap are yielded, then an error. */
  readonly maxBytes: number;
  /** The error thrown at the cap (the caller knows which setting raises it). */
  readonly capError: (entry: string) => Error;
}

/**
 * Yields the decompressed bytes of the first entry of the zip read from `compressed`.
 * @example for await (const bytes of unzipFirstEntry(path, createReadStream(path), limits)) use(bytes);
 */
export async function* unzipFirstEntry(
  path: string,
  compressed: AsyncIterable<Uint8Array>,
  options: UnzipEntryOptions,
): AsyncGenerator<Uint8Array> {
  const pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let handedOn = 0;
  let failure: unknown;
  let entry: string | null = null;
  let done = false;
  const unzip = new Unzip((file) => {
    if (entry !== null) return;
    entry = file.name;
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
      else if (data.length > 0) {
        pending.push(data);
        pendingBytes += data.length;
      }
      if (final) done = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);

  const push = (piece: Uint8Array, final: boolean): void => {
    try {
      unzip.push(piece, final);
    } catch (error) {
      failure ??= error;
    }
    if (failure === undefined) return;
    throw failure instanceof InputError
      ? failure
      : new InputError(`${path}: not a readable zip (${String(failure)})`, path);
  };
  /** The pending output as one array, cut to `limit` bytes. */
  const take = (limit: number): Uint8Array => {
    const bytes = join(pending, Math.min(pendingBytes, limit));
    handedOn += bytes.length;
    pending.length = 0;
    pendingBytes = 0;
    return bytes;
  };

  /** Hands on the output once it reaches `batch` bytes; at the cap, the bytes up to it, then the error. */
  function* handOn(batch: number): Generator<Uint8Array> {
    if (handedOn + pendingBytes > options.maxBytes) {
      const room = options.maxBytes - handedOn;
      if (room > 0) yield take(room);
      throw options.capError(entry ?? 'the zip entry');
    }
    if (pendingBytes > 0 && pendingBytes >= batch) yield take(pendingBytes);
  }

  for await (const chunk of compressed) {
    for (let at = 0; at < chunk.length && !done; at += PIECE) {
      push(chunk.subarray(at, at + PIECE), false);
      yield* handOn(BATCH);
    }
    if (done) break;
  }
  if (!done) push(new Uint8Array(0), true);
  yield* handOn(0);
  if (entry === null) throw new InputError(`${path}: the zip file holds no entry`, path);
  if (!done) throw new InputError(`${path}: the zip entry is truncated`, path);
}

function join(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!.subarray(0, length);
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    if (at >= length) break;
    const slice = part.subarray(0, length - at);
    out.set(slice, at);
    at += slice.length;
  }
  return out;
}
