/**
 * End to end through a child process: `vigie --help` lists every command, `NAME --help` and
 * `help NAME` give the command's own help, unknown commands and usage errors still fail, and a run
 * imports no command module but its own (every module the child loads is logged through
 * test/support/record-loads.js).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const RECORD_LOADS = new URL('../support/record-loads.js', import.meta.url).href;
const COMMANDS_DIR = new URL('../../src/cli/commands/', import.meta.url).href;
/** Each test spawns the CLI (tsx): seconds each on a loaded machine. */
const SPAWN_TIMEOUT = 120_000;

let dir: string;
let runs = 0;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Names of the command modules (src/cli/commands/NAME.ts, NAME a command) the run loaded. */
  commandsLoaded: string[];
  loaded: string[];
}

function vigie(...args: string[]): Promise<Run> {
  const log = join(dir, `loads-${++runs}.txt`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', TSX, '--import', RECORD_LOADS, MAIN, ...args],
      {
        cwd: dir,
        env: { ...withoutVigieEnv(), VIGIE_TEST_LOAD_LOG: log },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
      const names = new Set(COMMANDS.map((c) => c.name));
      const commandsLoaded = loaded
        .filter((url) => url.startsWith(COMMANDS_DIR))
        .map((url) => basename(url, '.ts'))
        .filter((name) => names.has(name))
        .sort();
      resolvePromise({ code, stdout, stderr, loaded, commandsLoaded });
    });
  });
}

function withoutVigieEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VIGIE_')));
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-lazy-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lazy command loading', { timeout: SPAWN_TIMEOUT }, () => {
  it('vigie --help lists every command with its description and loads no command module', async () => {
    const run = await vigie('--help');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    for (const c of COMMANDS)
      expect(flat(run.stdout)).toContain(
        flat(`${[c.name, c.term].filter(Boolean).join(' ')} ${c.description}`),
      );
    // The log works (it saw the entry point) and shows no command module nor the store context.
    expect(run.loaded).toContain(pathToFileURL(MAIN).href);
    expect(run.commandsLoaded).toEqual([]);
    expect(run.loaded.filter((url) => url.endsWith('/src/cli/context.ts'))).toEqual([]);
  });

  it.each([
    ['status', 'Usage: vigie status [options]', '--errors <n>'],
    ['export', 'Usage: vigie export [options]', '--format <format>'],
    ['worker', 'Usage: vigie worker [options]', '--lease-seconds'],
  ])('vigie %s --help prints its help and loads only its module', async (name, usage, option) => {
    const run = await vigie(name, '--help');
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith(`${usage}\n`)).toBe(true);
    expect(run.stdout).toContain(option);
    expect(run.commandsLoaded).toEqual([name]);
  });

  it('vigie help NAME and a sub-command’s --help print the same help as before', async () => {
    const [help, flag, nested] = await Promise.all([
      vigie('help', 'status'),
      vigie('status', '--help'),
      vigie('user', 'add', '--help'),
    ]);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(flag.stdout);
    expect(help.commandsLoaded).toEqual(['status']);
    expect(nested.code).toBe(0);
    expect(nested.stdout.startsWith('Usage: vigie user add [options] <name>\n')).toBe(true);
  });

  it('an unknown command fails with commander’s error and loads no command module', async () => {
    const run = await vigie('statu');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("error: unknown command 'statu'\n(Did you mean status?)");
    expect(run.commandsLoaded).toEqual([]);
  });

  it('usage errors of a command still come from the command and exit 2, as the README says', async () => {
    const [missing, bare, unknown] = await Promise.all([
      vigie('export'),
      vigie('user'),
      vigie('status', '--bogus'),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("error: unknown option '--bogus'");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("error: required option '--format <format>' not specified");
    expect(missing.stderr).toContain('Usage: vigie export [options]');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('Usage: vigie user [options] [command]');
    expect(bare.stderr).toContain('add [options] <name>');
  });

  it('the sign-in page’s hint works as written: user add NAME --role analyst, then token create NAME', async () => {
    // The hint as the dashboard prints it (web/src/login.tsx), run against a scratch database.
    const login = readFileSync(new URL('../../web/src/login.tsx', import.meta.url), 'utf8');
    const hinted = [...login.matchAll(/<code>npx vigie ([^<]+)<\/code>/g)].map((m) =>
      m[1]!.replace(/NAME/g, 'ana').split(' '),
    );
    expect(hinted).toEqual([
      ['user', 'add', 'ana', '--role', 'analyst'],
      ['token', 'create', 'ana'],
    ]);
    const db = join(dir, 'hint.db');
    for (const args of hinted) {
      const run = await vigie('--db', db, ...args);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    }
  });
});
