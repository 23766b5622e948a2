import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
/** Each test spawns the CLI (tsx) several times: seconds each on a loaded machine. */
const SPAWN_TIMEOUT = 240_000;
let dir: string;

/** Runs the CLI asynchronously (a blocking spawn would starve the test worker). */
function vigie(
  args: string[],
  input?: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, MAIN, ...args], {
      cwd: dir,
      env: { ...withoutVigieEnv(), ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

function withoutVigieEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VIGIE_')));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-cli-'));
  writeFileSync(
    join(dir, 'in.jsonl'),
    [
      JSON.stringify({
        id: 'kr-1',
        lang: 'ko',
        published: '2024-10-18',
        text: '북한이 러시아에 병력을 보냈다.',
      }),
      '{"id": broken',
      JSON.stringify({
        lang: 'en',
        published: '2024-06-19',
        text: 'Russia and North Korea signed a treaty.',
      }),
    ].join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vigie store commands', () => {
  it(
    'ingests, exits 3 on a bad line, keeps ids, lists and searches as JSON',
    async () => {
      const env = { VIGIE_DATABASE_URL: join(dir, 'v.db') };
      const ingest = await vigie(['ingest', 'in.jsonl', '--no-extract', '--json'], undefined, env);
      expect(ingest.code).toBe(3);
      const result = JSON.parse(ingest.stdout);
      expect(result.stored).toBe(2);
      expect(result.failed[0].reason).toMatch(/line 2 of .*in\.jsonl/);
      const again = await vigie(
        ['ingest', '-', '--no-extract'],
        `${JSON.stringify({ id: 'kr-1', text: 'x' })}\n`,
        env,
      );
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/1 duplicates/);
      const listed = JSON.parse((await vigie(['documents', '--json'], undefined, env)).stdout);
      expect(listed.items.map((d: { id: string }) => d.id)).toContain('kr-1');
      const found = JSON.parse(
        (await vigie(['documents', '--q', '북한', '--json'], undefined, env)).stdout,
      );
      expect(found.items.map((d: { id: string }) => d.id)).toEqual(['kr-1']);
      const table = await vigie(['documents', '--lang', 'ko'], undefined, env);
      expect(table.stdout.split('\n')[0]).toMatch(/^id\s+published/);
      expect(table.stdout).toMatch(/kr-1/);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'rejects a bad filter with exit code 2',
    async () => {
      const r = await vigie(['events', '--modality', 'MAYBE'], undefined, {
        VIGIE_DATABASE_URL: join(dir, 'v.db'),
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--modality/);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'exits 2 naming the field of an invalid config',
    async () => {
      writeFileSync(join(dir, 'bad.yaml'), 'server:\n  port: "eighty"\n');
      const r = await vigie(['--config', 'bad.yaml', 'documents']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/server\.port/);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'writes a default config once, and backs up the database',
    async () => {
      expect((await vigie(['init'])).code).toBe(0);
      expect(existsSync(join(dir, 'vigie.yaml'))).toBe(true);
      expect((await vigie(['init'])).code).toBe(2);
      const backup = await vigie(['backup', 'copy.db'], undefined, {
        VIGIE_DATABASE_URL: join(dir, 'v.db'),
      });
      expect(backup.code).toBe(0);
      expect(existsSync(join(dir, 'copy.db'))).toBe(true);
    },
    SPAWN_TIMEOUT,
  );
});
