/**
 * Writes a stream of text chunks to a temporary file beside the target, then renames it: a
 * reader never sees a half-written export, and a failure leaves the previous file (or nothing).
 * @module
 */
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface WriteResult {
  readonly path: string;
  readonly bytes: number;
}

export async function writeAtomically(
  path: string,
  chunks: AsyncIterable<string | Uint8Array>,
): Promise<WriteResult> {
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  const out = createWriteStream(temp);
  let bytes = 0;
  try {
    await once(out, 'open');
    for await (const chunk of chunks) {
      bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    await rename(temp, path);
    return { path, bytes };
  } catch (error) {
    out.on('error', () => undefined);
    out.destroy();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
