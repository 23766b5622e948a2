import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { listJsonlFiles, readJsonLines, readJsonLinesFrom, type JsonLine } from './jsonl-reader.js';

async function collect(it: AsyncIterable<JsonLine>): Promise<JsonLine[]> {
  const out: JsonLine[] = [];
  for await (const x of it) out.push(x);
  return out;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-jsonl-'));
  const good = JSON.stringify({ id: 'a', text: 'first', lang: 'en' });
  const lines = [
    Buffer.from(`\uFEFF${good}\n`),
    Buffer.from('{"id": "b", "text": \n'),
    Buffer.from('\n'),
    Buffer.from('{"id": "c"}\r\n'),
    Buffer.from('{"id": "d", "text": 5}\n'),
    Buffer.concat([
      Buffer.from('{"id": "e", "text": "bad '),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}\n'),
    ]),
    Buffer.from('{"id": "f", "text": "북한과 러시아", "published": "2024-06-19"}'),
  ];
  writeFileSync(join(dir, 'mixed.jsonl'), Buffer.concat(lines));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'more.jsonl'), `${JSON.stringify({ id: 'g', text: 'nested' })}\n`);
  writeFileSync(join(dir, 'ignored.txt'), 'not jsonl');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readJsonLines', () => {
  it('yields documents and names the file and line of every bad one', async () => {
    const items = await collect(readJsonLines(join(dir, 'mixed.jsonl')));
    expect(items.map((i) => [i.line, i.value?.id ?? null])).toEqual([
      [1, 'a'],
      [2, null],
      [4, null],
      [5, null],
      [6, null],
      [7, 'f'],
    ]);
    const errors = items.filter((i) => i.error).map((i) => i.error!);
    expect(errors[0]).toMatch(/^line 2 of .*mixed\.jsonl: invalid JSON/);
    expect(errors[1]).toMatch(/^line 4 of .*: text: /);
    expect(errors[2]).toMatch(/^line 5 of .*: text: /);
    expect(errors[3]).toMatch(/^line 6 of .*: invalid UTF-8$/);
    expect(items[5]!.value?.text).toBe('북한과 러시아');
  });

  it('reads a directory recursively, .jsonl files only', async () => {
    expect((await listJsonlFiles(dir)).map((f) => f.slice(dir.length))).toEqual([
      '/mixed.jsonl',
      '/sub/more.jsonl',
    ]);
    const items = await collect(readJsonLines(dir));
    expect(items.filter((i) => i.value).map((i) => i.value!.id)).toEqual(['a', 'f', 'g']);
    expect(items.find((i) => i.value?.id === 'g')?.file).toMatch(/more\.jsonl$/);
  });

  it('reads stdin as -', async () => {
    const stdin = Readable.from([
      Buffer.from('{"id":"s1","text":"x"}\n{"id":'),
      Buffer.from('"s2","text":"y"}\n'),
    ]);
    const items = await collect(readJsonLines('-', { stdin }));
    expect(items.map((i) => [i.file, i.value?.id])).toEqual([
      ['-', 's1'],
      ['-', 's2'],
    ]);
  });

  it('skips a 50 MB line with an error and reads the next line', async () => {
    const mb = Buffer.alloc(1024 * 1024, 0x61);
    async function* huge() {
      yield Buffer.from('{"id":"before","text":"ok"}\n{"id":"big","text":"');
      for (let i = 0; i < 50; i++) yield mb;
      yield Buffer.from('"}\n{"id":"after","text":"still read"}\n');
    }
    const items = await collect(
      readJsonLinesFrom(huge(), 'huge.jsonl', { maxLineBytes: 16 * 1024 * 1024 }),
    );
    expect(items.map((i) => i.value?.id ?? i.error)).toEqual([
      'before',
      'line 2 of huge.jsonl: longer than 16777216 bytes, skipped',
      'after',
    ]);
  });

  it('fails clearly on a missing path', async () => {
    await expect(collect(readJsonLines(join(dir, 'nope.jsonl')))).rejects.toThrow(/no such file/);
  });
});
