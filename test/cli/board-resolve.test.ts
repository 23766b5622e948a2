import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const dir = mkdtempSync(join(tmpdir(), 'vigie-resolve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function vigie(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, reject) => {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('VIGIE_')),
    );
    const child = spawn(
      process.execPath,
      ['--import', TSX, MAIN, '--db', join(dir, 'v.db'), ...args],
      { cwd: dir, env },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('vigie board resolve', () => {
  it('records a resolution with who and when, refuses bad input, and freezes the hypothesis', async () => {
    const bad = await vigie([
      'board',
      'resolve',
      'russia-dprk/air-defence',
      '--outcome',
      'maybe',
      '--date',
      '2024-11-22',
      '--source',
      'https://example.org/a',
    ]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--outcome must be true or false/);
    const unknown = await vigie([
      'board',
      'resolve',
      'russia-dprk/nothing',
      '--outcome',
      'true',
      '--date',
      '2024-11-22',
      '--source',
      'https://example.org/a',
    ]);
    expect(unknown.stderr).toMatch(/no hypothesis "russia-dprk\/nothing"/);
    const ok = await vigie([
      'board',
      'resolve',
      'russia-dprk/air-defence',
      '--outcome',
      'true',
      '--date',
      '2024-11-22',
      '--source',
      'https://example.org/a',
      '--note',
      'the national security adviser said so',
      '--json',
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      hypothesisId: 'russia-dprk/air-defence',
      outcome: true,
      date: '2024-11-22',
      recordedBy: expect.stringMatching(/^cli:/) as unknown as string,
    });
    const board = await vigie(['board', 'russia-dprk', '--json']);
    const hypotheses = (
      JSON.parse(board.stdout) as { hypotheses: { id: string; probability: number }[] }[]
    )[0]!.hypotheses;
    expect(hypotheses.find((h) => h.id === 'russia-dprk/air-defence')!.probability).toBe(1);
  }, 240_000);

  it('shows the board, and explains a hypothesis, with titles in the language asked for', async () => {
    const fr = await vigie(['board', 'russia-dprk', '--lang', 'fr', '--json']);
    expect(fr.code, fr.stderr).toBe(0);
    const [board] = JSON.parse(fr.stdout) as {
      title: string;
      hypotheses: { id: string; title: string }[];
    }[];
    expect(board!.title).toBe('Coopération militaire Russie – Corée du Nord');
    expect(board!.hypotheses.find((h) => h.id === 'russia-dprk/air-defence')!.title).toBe(
      'La Russie livre des systèmes de défense aérienne à la Corée du Nord',
    );
    const why = await vigie(['board', '--explain', 'russia-dprk/air-defence', '--lang', 'fr']);
    expect(why.code, why.stderr).toBe(0);
    expect(why.stdout).toContain(
      'russia-dprk/air-defence: La Russie livre des systèmes de défense aérienne à la Corée du Nord',
    );
    // Scoring still stores the English titles: an English listing reads as before.
    const en = await vigie(['board', 'russia-dprk', '--explain', 'air-defence']);
    expect(en.stdout).toContain(
      'russia-dprk/air-defence: Russia supplies air-defence systems to North Korea',
    );
    const german = await vigie(['board', 'russia-dprk', '--lang', 'de']);
    expect(german.code).toBe(2);
    expect(german.stderr).toMatch(/unknown language "de" \(use en or fr\)/);
  }, 240_000);
});
