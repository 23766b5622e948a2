import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forEachLine, readGdeltLines } from './read-gdelt-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'vigie-gdelt-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(path: string): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of readGdeltLines(path)) out.push(...batch);
  return out;
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
    expect(await readAll(file)).toEqual(lines);
  });
});

describe('forEachLine', () => {
  it('yields each non-empty line without its line end', () => {
    const seen: string[] = [];
    forEachLine('a\r\n\nb\n\r\nc', (l) => seen.push(l));
    expect(seen).toEqual(['a', 'b', 'c']);
  });
});
