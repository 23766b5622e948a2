import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_GDELT_LIMITS,
  forEachLine,
  readGdeltLines,
  type GdeltReadLimits,
} from './read-gdelt-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'vigie-gdelt-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(path: string, limits?: GdeltReadLimits): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of readGdeltLines(path, limits)) out.push(...batch);
  return out;
}

/** Lines read before the reader stopped, and the error it stopped with. */
async function readUntilError(path: string, limits: GdeltReadLimits) {
  const lines: string[] = [];
  try {
    for await (const batch of readGdeltLines(path, limits)) lines.push(...batch);
  } catch (error) {
    return { lines, error: error as Error };
  }
  return { lines, error: null };
}

describe('readGdeltLines', () => {
  it('drops a byte-order mark, CR line ends and empty lines, keeps a last line without end', async () => {
    const file = join(dir, 'small.CSV');
    writeFileSync(file, '\ufeff1\ta\r\n\r\n\n2\tb\n3\tc');
    expect(await readAll(file)).toEqual(['1\ta', '2\tb', '3\tc']);
  });

  it('decodes multi-byte characters cut by a read-chunk boundary, and lines longer than a chunk', async () => {
    const file = join(dir, 'large.CSV');
    // Reads come in 1 MiB chunks: the first line has no line end within the first chunk, and
    // its 3-byte "북" starts on the chunk's last byte.
    const first = `${'x'.repeat((1 << 20) - 1)}북한`;
    const lines = [first, ...Array.from({ length: 30_000 }, (_, i) => `${i}\tP’yŏngyang\t北朝鮮`)];
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    expect(await readAll(file, { ...DEFAULT_GDELT_LIMITS, maxLineBytes: 2 << 20 })).toEqual(lines);
  });

  it('stops at a line longer than the cap, counted in bytes, after the complete lines before it', async () => {
    const file = join(dir, 'long-line.CSV');
    // 700 three-byte characters: 700 UTF-16 units, 2,100 bytes.
    writeFileSync(file, `1\ta\n2\tb\n${'북'.repeat(700)}\n3\tc\n`);
    const limits = { ...DEFAULT_GDELT_LIMITS, maxLineBytes: 2048 };
    const { lines, error } = await readUntilError(file, limits);
    expect(lines).toEqual(['1\ta', '2\tb']);
    expect(error?.message).toBe(
      `${file}: a line is longer than 2048 bytes, the cap on one row; stopped there, the ` +
        `complete rows before it are read (raise gdelt.maxLineBytes in vigie.yaml if such rows are genuine)`,
    );
    expect(await readAll(file, { ...limits, maxLineBytes: 2100 })).toHaveLength(4);
  });

  it('stops holding a line without an end once it passes the cap, across read chunks', async () => {
    const file = join(dir, 'no-end.CSV');
    writeFileSync(file, `1\ta\n${'x'.repeat(3 << 20)}`);
    const { lines, error } = await readUntilError(file, DEFAULT_GDELT_LIMITS);
    expect(lines).toEqual(['1\ta']);
    expect(error).toMatchObject({ code: 'VIGIE_INPUT_INVALID' });
    expect(error?.message).toMatch(/longer than 65536 bytes/);
  });
});

describe('forEachLine', () => {
  it('yields each non-empty line without its line end', () => {
    const seen: string[] = [];
    forEachLine('a\r\n\nb\n\r\nc', (l) => seen.push(l));
    expect(seen).toEqual(['a', 'b', 'c']);
  });
});
