import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
/** Three tsx processes start: seconds each on a loaded machine. */
const SPAWN_TIMEOUT = 240_000;
let dir: string;
/** Every process a test started, killed at the end whatever happened (a failed test included). */
const started: number[] = [];

function env(): NodeJS.ProcessEnv {
  const clean = Object.entries(process.env).filter(([k]) => !k.startsWith('VIGIE_'));
  return Object.fromEntries(clean);
}

function startServe(args: string[]): {
  child: ChildProcess;
  output: () => { stdout: string; stderr: string };
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['--import', TSX, MAIN, ...args], { cwd: dir, env: env() });
  started.push(child.pid!);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => ({ stdout, stderr }), exited };
}

/** Child process ids of `pid`, read from /proc (Linux). */
function childrenOf(pid: number): number[] {
  const path = `/proc/${pid}/task/${pid}/children`;
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor<T>(probe: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 2400; i++) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-workers-'));
});
afterAll(() => {
  for (const pid of started) if (alive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('vigie serve --workers', () => {
  it(
    'starts N worker processes that all serve, and SIGTERM stops every one of them',
    async () => {
      const db = join(dir, 'workers.db');
      const serve = startServe(['--db', db, 'serve', '--port', '0', '--workers', '2']);
      try {
        const base = await waitFor(() => {
          const m = /http:\/\/[^\s/]+\//.exec(serve.output().stdout);
          if (serve.child.exitCode !== null) throw new Error(serve.output().stderr);
          return m ? m[0].replace(/\/$/, '') : undefined;
        }, 'the listening line');
        expect(serve.output().stdout).toContain('2 workers');
        const workers = childrenOf(serve.child.pid!);
        started.push(...workers);
        expect(workers).toHaveLength(2);
        // Fresh connections: the primary hands them out round-robin; all must be answered.
        const replies = await Promise.all(
          Array.from({ length: 8 }, () =>
            fetch(`${base}/api/health`, { headers: { connection: 'close' } }),
          ),
        );
        for (const r of replies) {
          expect(r.status).toBe(200);
          expect(((await r.json()) as { status: string }).status).toBe('ok');
        }
        expect((await fetch(`${base}/api/overview`)).status).toBe(401);

        serve.child.kill('SIGTERM');
        expect(await serve.exited).toBe(0);
        expect(serve.output().stderr).toContain('stopped all workers');
        await waitFor(() => (workers.some(alive) ? undefined : true), 'the workers to exit');
      } finally {
        if (serve.child.exitCode === null) serve.child.kill('SIGKILL');
      }
    },
    SPAWN_TIMEOUT,
  );

  it(
    'refuses a bad --workers value with a clear error',
    async () => {
      const serve = startServe(['--db', join(dir, 'bad.db'), 'serve', '--workers', '0']);
      expect(await serve.exited).not.toBe(0);
      expect(serve.output().stderr).toContain('invalid --workers "0": expected 1–64');
    },
    SPAWN_TIMEOUT,
  );
});
