import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { PredictionSchema } from '../../src/domain/document.js';
import { extractStream } from '../../src/cli/commands/extract.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/extract-support/docs.jsonl', import.meta.url));
const fixtureLines = readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .filter((_, i, all) => i < all.length - 1);

async function collect(input: string, extract?: Parameters<typeof extractStream>[2]) {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  const stats = await extractStream(Readable.from([input]), out, extract);
  out.end();
  const lines = chunks
    .join('')
    .split('\n')
    .filter((l) => l !== '');
  return { stats, predictions: lines.map((l) => PredictionSchema.parse(JSON.parse(l))) };
}

describe('vigie extract (stream)', () => {
  it('writes one valid prediction line per input line, in order, with errors for bad lines', async () => {
    const { stats, predictions } = await collect(readFileSync(FIXTURE, 'utf8'));
    expect(predictions).toHaveLength(fixtureLines.length);
    expect(predictions.map((p) => p.id)).toEqual([
      'fx-en-1',
      'fx-fr-1',
      'line-3',
      'fx-no-text',
      'line-5',
      'fx-ko-1',
      'fx-empty',
      'line-8',
    ]);
    expect(predictions[2]?.error).toMatch(/invalid JSON/);
    expect(predictions[3]?.error).toMatch(/text/);
    expect(predictions[4]?.error).toBe('empty line');
    expect(predictions[6]).toMatchObject({ events: [] });
    expect(predictions[6]?.error).toBeUndefined();
    expect(stats).toMatchObject({ lines: 8, ok: 5, failed: 3 });
    // The engine itself: an obvious missile test, with spans inside the text.
    const en = predictions[0];
    expect(en?.lang).toBe('en');
    expect(en?.events.map((e) => e.type)).toContain('MISSILE_TEST');
    expect(predictions[1]?.lang).toBe('fr');
    for (const e of en?.events ?? []) expect(e.end).toBeLessThanOrEqual(84);
  });

  it('maps mentions to the prediction format and keeps going when extraction throws', async () => {
    const input = [
      '{"id":"a","text":"x"}',
      '{"id":"b","text":"boom"}',
      '{"id":"c","text":"y"}',
    ].join('\n');
    const { predictions, stats } = await collect(input, (doc) => {
      if (doc.text === 'boom') throw new Error('kaput');
      return {
        lang: 'en',
        origins: [],
        mentions: [
          {
            type: 'MEETING',
            source: 'PRK',
            target: 'RUS',
            modality: 'ASSERTED',
            capabilities: [],
            date: null,
            start: 0,
            end: 1,
            mutual: true,
            trigger: { start: 0, end: 1 },
            rules: ['r'],
            cues: [],
            confidence: 0.9,
          },
        ],
      };
    });
    expect(predictions.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(predictions[1]).toEqual({ id: 'b', events: [], error: 'extraction failed: kaput' });
    expect(predictions[0]?.events[0]).toEqual({
      type: 'MEETING',
      source: 'PRK',
      target: 'RUS',
      modality: 'ASSERTED',
      capabilities: [],
      date: null,
      start: 0,
      end: 1,
      trigger: { start: 0, end: 1 },
      mutual: true,
    });
    expect(stats).toMatchObject({ lines: 3, ok: 2, failed: 1, events: 2 });
  });

  it('handles CRLF input and a final line without newline', async () => {
    const { predictions } = await collect('{"id":"a","text":""}\r\n{"id":"b","text":""}', () => ({
      lang: 'und',
      origins: [],
      mentions: [],
    }));
    expect(predictions.map((p) => p.id)).toEqual(['a', 'b']);
  });
});

describe('vigie extract (process)', () => {
  it('runs from the command line on stdin/stdout and exits 3 when some lines failed', async () => {
    const child = spawn(
      'npx',
      ['tsx', 'src/cli/main.ts', 'extract', '--input', '-', '--output', '-'],
      {
        cwd: ROOT,
        env: { ...process.env, VIGIE_CONFIG: '' },
      },
    );
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.stdin.end(readFileSync(FIXTURE));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const lines = Buffer.concat(out).toString('utf8').trim().split('\n');
    expect(lines).toHaveLength(fixtureLines.length);
    expect(JSON.parse(lines[2] ?? '{}')).toMatchObject({ id: 'line-3', events: [] });
    expect(Buffer.concat(err).toString('utf8')).toMatch(/8 line\(s\), 5 ok, 3 failed/);
    expect(code).toBe(3);
  }, 180_000);
});
