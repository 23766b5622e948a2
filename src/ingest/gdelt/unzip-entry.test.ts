import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { writeZipBomb } from '../../../test/support/zip-bomb.js';
import { unzipFirstEntry } from './unzip-entry.js';

const dir = mkdtempSync(join(tmpdir(), 'vigie-unzip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MiB = 1024 * 1024;
const capError = (entry: string) => new Error(`cap in ${entry}`);

/** The bytes as one chunk, counting how many chunks the reader pulled. */
function chunked(bytes: Uint8Array, size: number) {
  const pulled = { count: 0 };
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < bytes.length; at += size) {
      pulled.count++;
      yield bytes.subarray(at, at + size);
    }
  }
  return { chunks: chunks(), pulled };
}

describe('unzipFirstEntry', () => {
  it('inflates a bomb handed over in one piece in steps of bounded size', async () => {
    const file = join(dir, 'bomb.zip');
    writeZipBomb(file, { entry: 'a.CSV', unit: Buffer.alloc(MiB, 'x'), times: 64 });
    const zip = readFileSync(file);
    const { chunks } = chunked(zip, zip.length);
    let total = 0;
    let largest = 0;
    for await (const bytes of unzipFirstEntry(file, chunks, { maxBytes: 2 ** 32, capError })) {
      total += bytes.length;
      largest = Math.max(largest, bytes.length);
    }
    expect(total).toBe(64 * MiB);
    // A batch of 1 MiB plus what one 16 KiB piece inflates to (at most 1032 times as much).
    expect(largest).toBeLessThanOrEqual(MiB + 16 * 1024 * 1032);
  });

  it('yields exactly the bytes up to the cap, then throws the cap error', async () => {
    const text = new TextEncoder().encode('0123456789'.repeat(300_000));
    const zip = zipSync({ 'a.CSV': text, 'b.CSV': text });
    const out: Uint8Array[] = [];
    const read = async () => {
      const { chunks } = chunked(zip, 64 * 1024);
      for await (const bytes of unzipFirstEntry('z', chunks, { maxBytes: 1_234_567, capError }))
        out.push(bytes);
    };
    await expect(read()).rejects.toThrow('cap in a.CSV');
    const got = Buffer.concat(out);
    expect(got.length).toBe(1_234_567);
    expect(got.equals(text.subarray(0, 1_234_567))).toBe(true);
  });

  it('stops reading once the first entry ends', async () => {
    const first = new TextEncoder().encode('1\ta\n2\tb\n');
    // A stored second entry of 4 MiB: reading it would pull 64 more chunks.
    const zip = zipSync({ 'a.CSV': first, 'b.bin': [new Uint8Array(4 * MiB), { level: 0 }] });
    const { chunks, pulled } = chunked(zip, 64 * 1024);
    const out: Uint8Array[] = [];
    for await (const bytes of unzipFirstEntry('z', chunks, { maxBytes: MiB, capError }))
      out.push(bytes);
    expect(Buffer.concat(out).toString()).toBe('1\ta\n2\tb\n');
    expect(pulled.count).toBe(1);
  });

  it('says a cut-off entry is truncated and an empty zip holds no entry', async () => {
    const zip = zipSync({ 'a.CSV': new TextEncoder().encode('x'.repeat(100_000) + '\n') });
    // The header and half of the compressed data.
    const cut = chunked(zip.subarray(0, zip.length / 2), 64);
    const drain = async (chunks: AsyncIterable<Uint8Array>) => {
      for await (const _ of unzipFirstEntry('z', chunks, { maxBytes: MiB, capError }));
    };
    await expect(drain(cut.chunks)).rejects.toThrow(
      /z: (the zip entry is truncated|not a readable zip)/,
    );
    await expect(drain(chunked(zipSync({}), 64).chunks)).rejects.toThrow(
      'z: the zip file holds no entry',
    );
  });
});
