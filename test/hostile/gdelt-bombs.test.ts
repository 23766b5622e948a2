/**
 * Finding 4 of the hardening review: GDELT zip bombs. A 714 KB zip inflating to 700 MB without a
 * line end reached 2.2 GB RSS, then died with "Cannot create a string longer than …"; a 1 GB
 * entry of short lines reached 3 GB. The reader now inflates in bounded steps, caps the length of
 * a row and the decompressed size of an entry, and stops with an error naming the cap and the
 * vigie.yaml setting that raises it; the complete rows read before the cap are imported.
 * The bombs are made here, at test time, and weigh 1 to 3 MB each.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGdeltFile } from '../../src/ingest/gdelt/import-gdelt.js';
import {
  DEFAULT_GDELT_LIMITS,
  readGdeltLines,
  type GdeltReadLimits,
} from '../../src/ingest/gdelt/read-gdelt-lines.js';
import { listGdeltEvents } from '../../src/store/gdelt-repo.js';
import { openStore } from '../../src/store/open-store.js';
import { testBackends } from '../support/test-stores.js';
import { shortLines, writeZipBomb } from '../support/zip-bomb.js';

const MiB = 1024 * 1024;
const ENTRY = '20241101.export.CSV';
/** Eight valid GDELT 2.0 rows (ids 1001–1008), the rows a bomb's tail must not cost. */
const SAMPLE = readFileSync(new URL('../fixtures/gdelt/v2-sample.export.CSV', import.meta.url));
const SAMPLE_IDS = ['1001', '1002', '1003', '1004', '1005', '1006', '1007', '1008'];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-gdelt-bombs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const noLineEndBombs = new Map<string, string>();
/** A zip of 1 GiB without a line end, after the sample rows or not; made once per kind. */
function noLineEndBomb(withSample: boolean): string {
  const name = withSample ? 'sample-then-no-line-end.zip' : 'no-line-end.zip';
  let file = noLineEndBombs.get(name);
  if (!file) {
    file = join(dir, name);
    const unit = Buffer.alloc(MiB, 'x');
    writeZipBomb(file, {
      entry: ENTRY,
      unit,
      times: 1024,
      ...(withSample ? { prefix: SAMPLE } : {}),
    });
    noLineEndBombs.set(name, file);
  }
  return file;
}

/** Reads every batch, sampling the process's RSS; returns the lines, the error and the peak growth. */
async function readMeasured(file: string, limits: GdeltReadLimits) {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
  let lines = 0;
  let malformed = 0;
  let error: Error | null = null;
  try {
    for await (const batch of readGdeltLines(file, limits)) {
      lines += batch.length;
      for (const line of batch) if (line.length !== 63) malformed++;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
  } catch (caught) {
    error = caught as Error;
  } finally {
    clearInterval(sample);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return { lines, malformed, error, growthMiB: (peak - before) / MiB };
}

describe('zip bombs read by readGdeltLines', () => {
  it('an entry inflating to 1 GiB without a line end stops at the line cap, memory bounded', async () => {
    const file = noLineEndBomb(false);
    const read = await readMeasured(file, DEFAULT_GDELT_LIMITS);
    expect(read.error).toMatchObject({ code: 'VIGIE_INPUT_INVALID' });
    expect(read.error?.message).toBe(
      `${file}: a line is longer than 65536 bytes, the cap on one row; stopped there, the ` +
        `complete rows before it are read (raise gdelt.maxLineBytes in vigie.yaml if such rows are genuine)`,
    );
    expect(read.lines).toBe(0);
    // Before the fix one read of the zip inflated in one step: over 1 GiB at once.
    expect(read.growthMiB).toBeLessThan(256);
  });

  it('an entry of 1 GiB of short lines stops at the size cap after every complete line before it', async () => {
    const file = join(dir, 'short-lines.zip');
    const made = writeZipBomb(file, { entry: ENTRY, unit: shortLines(16_384, 64), times: 1024 });
    expect(made.inflatedBytes).toBe(1024 * MiB);
    expect(made.zipBytes).toBeLessThan(4 * MiB);
    // The cap falls 10 bytes into a line: the 2,097,152 lines before it are whole, that one is not.
    const cap = 128 * MiB + 10;
    const read = await readMeasured(file, { ...DEFAULT_GDELT_LIMITS, maxInflatedBytes: cap });
    expect(read.error).toMatchObject({ code: 'VIGIE_INPUT_INVALID' });
    expect(read.error?.message).toBe(
      `${file}: ${ENTRY} inflates to more than ${cap} bytes, the cap on a zip entry's decompressed ` +
        `size; stopped there, the complete rows before it are read (raise gdelt.maxInflatedBytes ` +
        `in vigie.yaml for a larger file)`,
    );
    expect(read.lines).toBe((128 * MiB) / 64);
    expect(read.malformed).toBe(0);
    // The old reader grew by over 1 GiB here. Growth now stays flat whatever the cap (tens of MiB
    // on an idle machine; up to ~190 MiB seen while the cores were shared, garbage not yet swept).
    expect(read.growthMiB).toBeLessThan(400);
  });
});

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason !== null)(`importGdeltFile on ${backend.name}`, () => {
    it('imports the rows before a size cap, counts the junk after them, and says why it stopped', async () => {
      const file = join(dir, `size-${backend.name}.zip`);
      // 8 rows, then 64 MiB of junk lines; the cap stops it at 4 MiB.
      writeZipBomb(file, { entry: ENTRY, prefix: SAMPLE, unit: shortLines(16_384, 64), times: 64 });
      const limits = { ...DEFAULT_GDELT_LIMITS, maxInflatedBytes: 4 * MiB };
      const store = await backend.open();
      try {
        const result = await importGdeltFile(store, file, { limits, maxListedErrors: 1 });
        const junkRows = Math.floor((4 * MiB - SAMPLE.length) / 64);
        expect(result).toMatchObject({ rows: 8 + junkRows, inserted: 8, errorCount: junkRows });
        expect(result.stopped).toMatch(/more than 4194304 bytes.*gdelt\.maxInflatedBytes/);
        const stored = await listGdeltEvents(store.db);
        expect(stored.map((e) => e.id).sort()).toEqual(SAMPLE_IDS);
      } finally {
        await store.close();
      }
    });

    it('imports the rows before a row without end and refuses a file with nothing before it', async () => {
      const file = noLineEndBomb(true);
      const store = await backend.open();
      try {
        const result = await importGdeltFile(store, file);
        expect(result).toMatchObject({ rows: 8, inserted: 8, errorCount: 0 });
        expect(result.stopped).toMatch(/longer than 65536 bytes.*gdelt\.maxLineBytes/);
        expect((await listGdeltEvents(store.db)).map((e) => e.id).sort()).toEqual(SAMPLE_IDS);
        const bare = noLineEndBomb(false);
        await expect(importGdeltFile(store, bare)).rejects.toThrow(/longer than 65536 bytes/);
      } finally {
        await store.close();
      }
    });
  });
}

describe('vigie import gdelt', () => {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([n]) => !n.startsWith('VIGIE_')),
  );
  const importCli = (file: string, db: string, env: NodeJS.ProcessEnv = {}) =>
    promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', '--db', db, 'import', 'gdelt', file],
      { cwd: process.cwd(), env: { ...clean, ...env } },
    ).then(
      (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
      (failed: { code: number; stdout: string; stderr: string }) => failed,
    );

  it('keeps the rows before the cap, names the cap, exits 2; the setting raises the cap', async () => {
    const file = join(dir, 'cli.zip');
    // 8 rows, then 1 MiB of one row without end.
    writeZipBomb(file, { entry: ENTRY, prefix: SAMPLE, unit: Buffer.alloc(MiB, 'x'), times: 1 });
    const db = join(dir, 'cli.db');
    const capped = await importCli(file, db);
    expect(capped.code).toBe(2);
    expect(capped.stdout).toMatch(/8 rows, 8 imported/);
    expect(capped.stderr).toMatch(
      /stopped after row 8: .*longer than 65536 bytes.*raise gdelt\.maxLineBytes in vigie\.yaml/,
    );
    const store = await openStore({ url: db });
    try {
      expect(await listGdeltEvents(store.db)).toHaveLength(8);
    } finally {
      await store.close();
    }
    // Raised past the long row, it is read to the end: one rejected row, the rest already stored.
    const raised = await importCli(file, db, { VIGIE_GDELT__MAX_LINE_BYTES: String(2 * MiB) });
    expect(raised.code).toBe(3);
    expect(raised.stdout).toMatch(
      /9 rows, 0 imported, 8 already stored, 1 unmapped \(kept\), 1 rejected/,
    );
  }, 60_000);
});
