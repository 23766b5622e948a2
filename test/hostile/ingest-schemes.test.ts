/**
 * Low finding of the hardening review: `vigie ingest file:///etc/passwd` (or `gopher://…`) said
 * "no such file or directory", as if the URL were a missing path. A target with a scheme other
 * than http(s) is now refused as an unsupported scheme (exit code 2), before anything is read or
 * stored.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createIngestReader } from '../../src/ingest/files/ingest-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'vigie-schemes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'vigie.db');

const clean = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.startsWith('VIGIE_')),
);
async function vigie(...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', '--db', db, ...args],
      { cwd: process.cwd(), env: clean },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('vigie ingest with a non-http(s) URL', { timeout: 60_000 }, () => {
  it.each([
    ['file:///etc/passwd', 'file:'],
    ['gopher://example.org/1', 'gopher:'],
    ['FTP://example.org/feed.xml', 'ftp:'],
  ])('refuses %s as an unsupported scheme, exit 2', async (target, scheme) => {
    const result = await vigie('ingest', target);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`unsupported scheme "${scheme}"`);
    expect(result.stderr).toContain(target);
    expect(result.stderr).not.toMatch(/no such file/);
  });

  it('refuses before storing the other targets of the same command', async () => {
    const good = join(dir, 'good.jsonl');
    writeFileSync(
      good,
      `${JSON.stringify({ id: 'ok-1', text: 'Russia delivered missiles to North Korea.' })}\n`,
    );
    const result = await vigie('ingest', '--json', good, 'file:///etc/passwd');
    expect(result.code).toBe(2);
    expect((await vigie('documents', '--json')).stdout).not.toContain('ok-1');
    // The file alone is stored: the refusal above was the URL's.
    expect((await vigie('ingest', good)).code).toBe(0);
    expect((await vigie('documents', '--json')).stdout).toContain('ok-1');
  });

  it('the reader refuses it too, for callers other than the CLI', () => {
    const reader = createIngestReader();
    expect(() => reader('gopher://example.org/', {})).toThrow(/unsupported scheme "gopher:"/);
  });
});
