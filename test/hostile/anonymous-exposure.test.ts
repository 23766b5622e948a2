/**
 * Finding 6 of the hardening review: the demo's anonymous read access followed `server.host`, so
 * `VIGIE_SERVER__HOST=0.0.0.0 vigie demo` served every document to the network without a token
 * or a warning. The anonymous viewer (`vigie demo`, `vigie serve` with
 * `server.anonymousViewer: true`) now refuses a non-loopback address with exit code 2 unless
 * `--i-know-this-is-public` is given. Each child is watched until it either says it listens or
 * exits: no timing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../src/server/anonymous-exposure.js';

const dir = mkdtempSync(join(tmpdir(), 'vigie-exposure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = (name: string, anonymousViewer: boolean): string => {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    `database:\n  url: ${join(dir, `${name}.db`)}\nserver:\n  port: 0\n  anonymousViewer: ${anonymousViewer}\n`,
  );
  return file;
};

interface Outcome {
  /** The child said it listens (then it was stopped), or it exited on its own with `code`. */
  readonly listening: boolean;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI until it listens (then stops it with SIGTERM) or exits. */
function vigie(env: Record<string, string>, ...args: string[]): Promise<Outcome> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VIGIE_')),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: process.cwd(),
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let listening = false;
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (!listening && /Vigie (listening on|dashboard:) http/.test(stdout)) {
      listening = true;
      child.kill('SIGTERM');
    }
  });
  return new Promise((resolve) =>
    child.once('close', (code) => resolve({ listening, code, stdout, stderr })),
  );
}

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.8.9.1', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1'])(
    '%s is loopback',
    (host) => expect(isLoopbackHost(host)).toBe(true),
  );
  it.each(['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'vigie.example', '::ffff:10.0.0.1', ''])(
    '%s is not',
    (host) => expect(isLoopbackHost(host)).toBe(false),
  );
});

describe('the anonymous viewer beyond loopback', { timeout: 120_000 }, () => {
  it('vigie demo on VIGIE_SERVER__HOST=0.0.0.0 refuses with exit 2, before building', async () => {
    const result = await vigie(
      { VIGIE_SERVER__HOST: '0.0.0.0' },
      '--db',
      join(dir, 'demo.db'),
      'demo',
      '--port',
      '0',
    );
    expect(result.listening).toBe(false);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('vigie demo');
    expect(result.stderr).toContain('not a loopback address');
    expect(result.stderr).toContain('--i-know-this-is-public');
    expect(result.stdout).not.toContain('demo database:');
  });

  it('vigie serve (and run --serve) with server.anonymousViewer on 0.0.0.0 refuses with exit 2', async () => {
    const file = config('anon', true);
    const viaEnv = await vigie({ VIGIE_SERVER__HOST: '0.0.0.0' }, '--config', file, 'serve');
    expect(viaEnv.listening).toBe(false);
    expect(viaEnv.code).toBe(2);
    expect(viaEnv.stderr).toMatch(/server\.anonymousViewer.*0\.0\.0\.0.*--i-know-this-is-public/s);
    const viaFlag = await vigie({}, '--config', file, 'serve', '--host', '::');
    expect(viaFlag).toMatchObject({ listening: false, code: 2 });
    const running = await vigie(
      { VIGIE_SERVER__HOST: '0.0.0.0' },
      '--config',
      file,
      'run',
      '--serve',
    );
    expect(running).toMatchObject({ listening: false, code: 2 });
  });

  it('starts beyond loopback with --i-know-this-is-public, and says so', async () => {
    const file = config('anon-public', true);
    const result = await vigie(
      { VIGIE_SERVER__HOST: '0.0.0.0' },
      '--config',
      file,
      'serve',
      '--i-know-this-is-public',
    );
    expect(result.listening).toBe(true);
    expect(result.stderr).toMatch(/warning: anonymous read access .* without a token/);
  });

  it('still starts on loopback, and with tokens on any address', async () => {
    const local = await vigie({}, '--config', config('anon-local', true), 'serve');
    expect(local.listening).toBe(true);
    const tokens = await vigie(
      { VIGIE_SERVER__HOST: '0.0.0.0' },
      '--config',
      config('tokens', false),
      'serve',
    );
    expect(tokens.listening).toBe(true);
    expect(tokens.stderr).not.toContain('warning');
  });
});
