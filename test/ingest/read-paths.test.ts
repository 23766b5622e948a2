import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { readPaths, type SourceLine } from '../../src/ingest/files/read-paths.js';
import { articlePage } from '../fixtures/ingest/pages.js';
import { makePdf } from '../fixtures/ingest/make-pdf.js';
import { SAMPLES } from '../fixtures/ingest/samples.js';

let dir: string;
const ko = SAMPLES.find((s) => s.lang === 'ko')!;
const koi8 = SAMPLES.find((s) => s.charset === 'koi8-r')!;
const ja = SAMPLES.find((s) => s.lang === 'ja')!;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigie-files-'));
  await mkdir(join(dir, 'nested', 'deeper'), { recursive: true });
  await writeFile(join(dir, 'a-en.txt'), `${SAMPLES[0]!.title}\n\n${SAMPLES[0]!.text}\n`);
  await writeFile(join(dir, 'b-notes.md'), `# ${SAMPLES[1]!.title}\n\n${SAMPLES[1]!.text}\n`);
  await writeFile(
    join(dir, 'c-ko.html'),
    iconv.encode(articlePage(ko, { date: 'json-ld' }), 'euc-kr'),
  );
  await writeFile(
    join(dir, 'd-report.pdf'),
    makePdf([
      'Sanctions report: transfer of missile parts',
      'reported by the panel of experts in 2024.',
    ]),
  );
  await writeFile(join(dir, 'e-scan.pdf'), makePdf(null));
  await writeFile(
    join(dir, 'f-mail.eml'),
    iconv.encode(
      [
        'From: "Desk Tokyo" <desk@wire.example>',
        'To: analyst@example.org',
        'Subject: =?Shift_JIS?B?' + iconv.encode(ja.title, 'shift_jis').toString('base64') + '?=',
        'Date: Tue, 12 Nov 2024 08:30:00 +0900',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=Shift_JIS',
        'Content-Transfer-Encoding: 8bit',
        '',
        ja.text,
        '',
      ].join('\r\n'),
      'shift_jis',
    ),
  );
  await writeFile(join(dir, 'g-image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await writeFile(join(dir, 'nested', 'deeper', 'ru.txt'), iconv.encode(koi8.text, 'koi8-r'));
  await writeFile(join(dir, 'nested', 'corpus.jsonl'), '{"id":"x1","text":"one"}\n');
  await writeFile(join(dir, '.hidden.txt'), 'secret');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(
  paths: string[],
  withJsonl: boolean,
): Promise<{ lines: SourceLine[]; unsupported: string[] }> {
  const unsupported: string[] = [];
  const lines: SourceLine[] = [];
  const readJsonl = async function* (path: string): AsyncGenerator<SourceLine> {
    yield { line: 1, file: path, value: { id: 'x1', text: 'one' } };
  };
  for await (const line of readPaths(paths, {
    onUnsupported: (p) => unsupported.push(p),
    ...(withJsonl ? { readJsonl } : {}),
  }))
    lines.push(line);
  return { lines, unsupported };
}

describe('readPaths', () => {
  it('reads a folder recursively, every supported type, in a stable order', async () => {
    const { lines, unsupported } = await collect([dir], true);
    const byFile = new Map(lines.map((l) => [l.file!.slice(dir.length + 1), l]));
    expect([...byFile.keys()]).toEqual([
      'a-en.txt',
      'b-notes.md',
      'c-ko.html',
      'd-report.pdf',
      'e-scan.pdf',
      'f-mail.eml',
      'nested/corpus.jsonl',
      'nested/deeper/ru.txt',
    ]);
    expect(unsupported).toEqual([join(dir, 'g-image.png')]);

    expect(byFile.get('a-en.txt')!.value).toMatchObject({
      title: 'a-en.txt',
      text: `${SAMPLES[0]!.title}\n\n${SAMPLES[0]!.text}`,
    });
    expect(byFile.get('b-notes.md')!.value).toMatchObject({ title: SAMPLES[1]!.title });
    expect(byFile.get('c-ko.html')!.value).toMatchObject({
      title: ko.title,
      lang: 'ko',
      published: '2024-11-11T23:30:00.000Z',
    });
    expect((byFile.get('c-ko.html')!.value as { text: string }).text).toContain(ko.text);
    expect((byFile.get('d-report.pdf')!.value as { text: string }).text).toContain(
      'Sanctions report: transfer of missile parts',
    );
    expect(byFile.get('e-scan.pdf')!.error).toMatch(/no text layer/);
    expect(byFile.get('f-mail.eml')!.value).toMatchObject({
      title: ja.title,
      text: ja.text,
      outlet: 'Desk Tokyo',
      published: '2024-11-11T23:30:00.000Z',
    });
    expect(byFile.get('nested/deeper/ru.txt')!.value).toMatchObject({ text: koi8.text });
    expect(byFile.get('nested/corpus.jsonl')!.value).toMatchObject({ id: 'x1' });
  });

  it('reads JSON Lines with the corpus reader by default, and reports missing paths', async () => {
    const { lines, unsupported } = await collect(
      [join(dir, 'nested'), join(dir, 'missing.txt')],
      false,
    );
    expect(unsupported).toEqual([]);
    expect(lines[0]).toMatchObject({ line: 1, value: { id: 'x1', text: 'one' } });
    expect(lines.map((l) => l.error ?? 'ok')).toEqual([
      'ok',
      'ok',
      expect.stringMatching(/cannot read .*missing\.txt: ENOENT/),
    ]);
  });

  it('gives the same id to the same file twice and a different one when it changes', async () => {
    const first = (await collect([join(dir, 'a-en.txt')], false)).lines[0]!.value as { id: string };
    const again = (await collect([join(dir, 'a-en.txt')], false)).lines[0]!.value as { id: string };
    expect(again.id).toBe(first.id);
    await writeFile(join(dir, 'a-en.txt'), 'changed text');
    const changed = (await collect([join(dir, 'a-en.txt')], false)).lines[0]!.value as {
      id: string;
    };
    expect(changed.id).not.toBe(first.id);
  });
});
