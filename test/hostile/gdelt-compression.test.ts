/**
 * Low finding of the hardening review: a zipped GDELT export whose entry is bzip2-compressed
 * (zip method 12) leaked an fflate internal, "ctr is not a constructor". The reader now names
 * the method and the entry: "unsupported compression (bzip2) in ENTRY". Stored and deflated
 * entries read as before.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { readGdeltLines } from '../../src/ingest/gdelt/read-gdelt-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'vigie-gdelt-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ENTRY = '20240101.export.CSV';
const TEXT = '1\t20240101\n2\t20240101\n';

/**
 * A zip of one entry whose method field says `method` (the bytes stay stored: a reader must
 * refuse on the method before it decodes anything).
 */
function zipWithMethod(name: string, method: number): string {
  const zip = zipSync({ [ENTRY]: [new TextEncoder().encode(TEXT), { level: 0 }] });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50) view.setUint16(i + 8, method, true); // local file header
    if (signature === 0x02014b50) view.setUint16(i + 10, method, true); // central directory
  }
  const file = join(dir, name);
  writeFileSync(file, zip);
  return file;
}

async function readAll(path: string): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of readGdeltLines(path)) out.push(...batch);
  return out;
}

describe('zipped GDELT exports', () => {
  it.each([
    [12, 'bzip2'],
    [14, 'LZMA'],
    [93, 'Zstandard'],
    [9, 'Deflate64'],
    [77, 'method 77'],
  ])(
    'names zip method %i (%s) and the entry instead of an internal error',
    async (method, name) => {
      const file = zipWithMethod(`m${method}.zip`, method);
      const read = readAll(file);
      await expect(read).rejects.toMatchObject({
        code: 'VIGIE_INPUT_INVALID',
        message: `${file}: unsupported compression (${name}) in ${ENTRY}`,
      });
      await expect(readAll(file)).rejects.not.toThrow(/ctr|constructor/);
    },
  );

  it('still reads stored and deflated entries', async () => {
    expect(await readAll(zipWithMethod('stored.zip', 0))).toEqual(['1\t20240101', '2\t20240101']);
    const deflated = join(dir, 'deflated.zip');
    writeFileSync(deflated, zipSync({ [ENTRY]: new TextEncoder().encode(TEXT) }));
    expect(await readAll(deflated)).toEqual(['1\t20240101', '2\t20240101']);
  });

  it('vigie import gdelt says so and exits 2', async () => {
    const file = zipWithMethod('cli.zip', 12);
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(([n]) => !n.startsWith('VIGIE_')),
    );
    const run = promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', '--db', join(dir, 'cli.db'), 'import', 'gdelt', file],
      { cwd: process.cwd(), env: clean },
    );
    await expect(run).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining(`unsupported compression (bzip2) in ${ENTRY}`),
    });
  }, 60_000);
});
