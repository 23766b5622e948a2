/**
 * `vigie ingest FILE` goes through the same stages as `vigie run`, the API and workers:
 * extraction, enrichment (stories, credited origins, attribution) and analysis.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'vigie-ingest-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) =>
  exec(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: process.cwd(),
    env: { ...process.env, VIGIE_CONFIG: '' },
  });

describe('vigie ingest FILE', () => {
  it('extracts, enriches and analyses what it stores', async () => {
    const db = join(dir, 'ingest.db');
    const file = join(dir, 'docs.jsonl');
    const docs = [
      {
        id: 'i-1',
        lang: 'en',
        published: '2025-03-05',
        outlet: 'Harbour Wire',
        text: "North Korea has sent about 3,000 more soldiers to Russia, South Korea's spy agency told lawmakers on Wednesday.",
      },
      {
        id: 'i-2',
        lang: 'en',
        published: '2025-03-05',
        outlet: 'Valley Courier',
        text: "About 3,000 additional North Korean soldiers have been sent to Russia, South Korea's spy agency told lawmakers on Wednesday.",
      },
    ];
    writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n'));
    await cli('--db', db, 'migrate');
    const run = await cli('--db', db, 'ingest', file);
    expect(run.stdout).toMatch(/stored 2 documents/);
    expect(run.stderr).toMatch(/analysed 2 documents/);
    const sqlite = new SqliteDatabase(db, { readonly: true });
    try {
      const one = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
      expect(one('select count(*) as n from documents where story_id is not null')).toBe(2);
      expect(one('select count(distinct story_id) as n from documents')).toBe(1);
      expect(
        one('select count(*) as n from mentions where attribution is not null'),
      ).toBeGreaterThan(0);
      expect(one("select count(*) as n from events where type = 'TROOP_DEPLOYMENT'")).toBe(1);
      expect(one('select count(*) as n from documents where analysed_at is null')).toBe(0);
    } finally {
      sqlite.close();
    }
  }, 60_000);
});
