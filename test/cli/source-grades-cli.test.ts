/**
 * `vigie source suggest-grades` and `vigie source grade` end to end in child processes, on a
 * SQLite file and on a PostgreSQL database holding the seeded track records.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { seedStore } from '../server/seed.js';
import { TRACK, seedTrackRecords } from '../server/seed-track-records.js';
import { createPostgresDatabase, testBackends } from '../support/test-stores.js';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const backends = await testBackends();

function vigie(
  db: string,
  cwd: string,
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('VIGIE_')),
    );
    const child = spawn(process.execPath, ['--import', TSX, MAIN, '--db', db, ...args], {
      cwd,
      env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.each(backends)('vigie source suggest-grades and grade on $name', (backend) => {
  const run = it.skipIf(backend.skipReason !== null);
  let dir: string;
  let url: string;
  let drop: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    if (backend.skipReason) return;
    dir = mkdtempSync(join(tmpdir(), 'vigie-grades-'));
    if (backend.name === 'postgres') {
      const database = await createPostgresDatabase();
      url = database.url;
      drop = database.drop;
    } else url = join(dir, 'v.db');
    const store = await openStore({ url });
    await seedStore(store);
    await seedTrackRecords(store);
    await store.close();
  });
  afterAll(async () => {
    if (backend.skipReason) return;
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  run(
    'prints each record and suggestion, then applies a grade with its audit record',
    { timeout: 60_000 },
    async () => {
      const table = await vigie(url, dir, 'source', 'suggest-grades');
      expect(table.stderr).toBe('');
      expect(table.code).toBe(0);
      const nkLine = table.stdout.split('\n').find((l) => l.startsWith(TRACK.nkWatch))!;
      expect(nkLine.split(/\s{2,}/)).toEqual([
        TRACK.nkWatch,
        'NK Watch',
        '7',
        '5',
        '1',
        '1',
        '1/1',
        'F',
        'C *',
      ]);
      expect(table.stdout).toContain(
        '5 of 6 resolved claims confirmed (4 by a resolution, 1 by an independent origin); 1 contradicted by a resolution; lower bound 0.44 → C (fairly reliable)',
      );
      expect(table.stdout).toContain('2 document(s) carrying another origin’s report');

      const one = await vigie(
        url,
        dir,
        'source',
        'suggest-grades',
        '--source',
        TRACK.nkWatch,
        '--json',
      );
      const [record] = JSON.parse(one.stdout) as {
        source: { id: string };
        suggestion: { suggested: string };
        claims: { eventId: string; status: string }[];
      }[];
      expect(record!.source.id).toBe(TRACK.nkWatch);
      expect(record!.claims).toHaveLength(7);
      expect(record!.claims[0]).toMatchObject({ eventId: 'ev-tr-5', status: 'contradicted' });

      const missing = await vigie(url, dir, 'source', 'suggest-grades', '--source', 'src-none');
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toMatch(/no source src-none/);

      const bad = await vigie(url, dir, 'source', 'grade', TRACK.nkWatch, 'G');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/reliability must be one of A, B, C, D, E, F/);

      const applied = await vigie(
        url,
        dir,
        'source',
        'grade',
        TRACK.nkWatch,
        'C',
        '--note',
        'record since 2024',
      );
      expect(applied.code).toBe(0);
      expect(applied.stderr).toMatch(/NK Watch\) is now graded C, was F \(suggested C\)/);
      const again = await vigie(url, dir, 'source', 'set-reliability', TRACK.nkWatch, 'D');
      expect(again.code).toBe(0);

      const store = await openStore({ url });
      try {
        const source = await store.db
          .selectFrom('sources')
          .select('reliability')
          .where('id', '=', TRACK.nkWatch)
          .executeTakeFirstOrThrow();
        expect(source.reliability).toBe('D');
        const audit = await store.db
          .selectFrom('source_grades')
          .selectAll()
          .where('source_id', '=', TRACK.nkWatch)
          .orderBy('recorded_at')
          .execute();
        expect(audit.map((a) => [a.grade_before, a.grade_after, a.suggested, a.note])).toEqual([
          ['F', 'C', 'C', 'record since 2024'],
          ['C', 'D', 'C', null],
        ]);
        expect(audit[0]!.recorded_by).toMatch(/^cli:/);
        expect(JSON.parse(audit[0]!.record!)).toMatchObject({ confirmed: 5, contradicted: 1 });
      } finally {
        await store.close();
      }
    },
  );
});
