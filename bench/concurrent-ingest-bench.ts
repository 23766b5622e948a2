/**
 * Concurrent writers on one SQLite file (issue #15 finding 9): three `vigie ingest` processes,
 * one file of ~24 KB documents each, against the reference of one process ingesting the same
 * three files in the same run. Records documents/s of both, their ratio, documents lost (not
 * stored) and exit codes, the load average and the commit in bench/results/concurrent-ingest.json.
 * Target: nothing lost, every process exits 0. Analysis is left out (`--no-analyse`): this
 * measures the writers (extract → enrich → store), not the analysis each process would repeat.
 * Uses the built CLI (`npm run bench` builds first). VIGIE_BENCH_DOCS: documents per file (60).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { writerJsonl } from '../test/hostile/support/writer-documents.js';
import { gitCommit, loadAverage, machineRecord, writeResult } from './bench-record.js';

const PER_FILE = Number(process.env['VIGIE_BENCH_DOCS'] ?? 60);
const BYTES = 24_000;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILT = join(ROOT, 'dist/cli/main.js');

const clean = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.startsWith('VIGIE_')),
);

/** One `vigie` process; resolves with its exit code and stderr. */
function vigie(args: readonly string[]): Promise<{ code: number; stderr: string }> {
  const entry = existsSync(BUILT) ? [BUILT] : ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...entry, ...args],
      { cwd: ROOT, env: clean, maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr }),
    );
  });
}

function storedCount(db: string): number {
  const sqlite = new SqliteDatabase(db, { readonly: true });
  try {
    return sqlite.prepare('SELECT count(*) FROM documents').pluck().get() as number;
  } finally {
    sqlite.close();
  }
}

/** Runs `groups` of files as concurrent processes on a fresh store; documents/s and losses. */
async function measure(dir: string, name: string, groups: readonly (readonly string[])[]) {
  const db = join(dir, `${name}.db`);
  // Migrated before the clock starts, as a store in use would be.
  await vigie(['--db', db, 'migrate']);
  const started = performance.now();
  const runs = await Promise.all(
    groups.map((files) => vigie(['--db', db, 'ingest', '--no-analyse', ...files])),
  );
  const seconds = (performance.now() - started) / 1000;
  const expected = groups.length === 1 ? groups[0]!.length * PER_FILE : groups.length * PER_FILE;
  const stored = storedCount(db);
  return {
    processes: groups.length,
    documents: expected,
    seconds: Number(seconds.toFixed(2)),
    documentsPerSecond: Number((stored / seconds).toFixed(2)),
    stored,
    lost: expected - stored,
    exitCodes: runs.map((r) => r.code),
    errors: runs.filter((r) => r.code !== 0).map((r) => r.stderr.trim().slice(-300)),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'vigie-concurrent-'));
try {
  const files = ['a', 'b', 'c'].map((prefix) => {
    const file = join(dir, `${prefix}.jsonl`);
    writeFileSync(file, writerJsonl(prefix, PER_FILE, BYTES));
    return file;
  });
  const loadBefore = loadAverage();
  const reference = await measure(dir, 'one-process', [files]);
  const concurrent = await measure(
    dir,
    'three-processes',
    files.map((f) => [f]),
  );
  const ratio = concurrent.documentsPerSecond / reference.documentsPerSecond;
  const met =
    concurrent.lost === 0 && reference.lost === 0 && concurrent.exitCodes.every((c) => c === 0);
  const report = {
    benchmark: 'concurrent-ingest',
    measuredAt: new Date().toISOString(),
    commit: gitCommit(),
    input: { files: 3, documentsPerFile: PER_FILE, bytesPerDocument: BYTES },
    concurrent,
    reference: { what: 'one process ingesting the same three files, same run', ...reference },
    /** Documents/s of three processes over one: up to the number of free cores. */
    ratioToReference: Number(ratio.toFixed(2)),
    target: { lost: 0, allExitZero: true, met },
    machine: machineRecord(loadBefore),
    note: 'A load average above the CPU count means other processes shared the cores.',
  };
  writeResult('concurrent-ingest', report);
  console.log(
    `concurrent-ingest: 3 processes ${concurrent.documentsPerSecond} docs/s (${concurrent.lost} lost, ` +
      `exit ${concurrent.exitCodes.join('/')}), 1 process ${reference.documentsPerSecond} docs/s ` +
      `(${reference.lost} lost); ratio ${ratio.toFixed(2)}; load ${loadAverage()[0]}; ` +
      `target ${met ? 'met' : 'MISSED'}`,
  );
  if (!met) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
