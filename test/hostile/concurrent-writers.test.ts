/**
 * Finding 9 of the hardening review: SQLite writers lost documents. Three `vigie ingest`
 * processes on one file: two exited 1 "database is locked" and a third of the documents were not
 * stored; API writes during an ingest got HTTP 500 after 5 s. A batch held the write lock while it
 * extracted, and a writer gave up after SQLite's 5-second wait.
 * Now extraction runs before the write transaction, write transactions are short, and a writer
 * refused by a busy database retries with backoff (src/store/sqlite-busy.ts).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/extract-document.js';
import { ingestStages } from '../../src/pipeline/ingest-stages.js';
import { processDocuments } from '../../src/pipeline/process-documents.js';
import { openStore } from '../../src/store/open-store.js';
import { buildHarness } from '../server/harness.js';
import { writerDocument, writerJsonl } from './support/writer-documents.js';

const dir = mkdtempSync(join(tmpdir(), 'vigie-writers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const clean = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.startsWith('VIGIE_')),
);

/** `vigie --db DB ingest --json FILE` in its own process; resolves with its exit code and output. */
async function ingestProcess(db: string, file: string) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', '--db', db, 'ingest', '--json', file],
      { cwd: process.cwd(), env: clean, maxBuffer: 16 * 1024 * 1024 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/**
 * Longer than SQLite's old 5-second wait, after which a writer gave up: what one batch of
 * 24 KB documents held while it extracted. Also any other long writer (a backup, an older vigie).
 */
const LOCK_HOLD_MS = 6_000;

describe('extraction and the write lock', () => {
  it('extracts with the write lock free: another connection writes at once meanwhile', async () => {
    const db = join(dir, 'free-lock.db');
    const store = await openStore({ url: db, use: 'batch' });
    const other = new SqliteDatabase(db);
    other.pragma('busy_timeout = 0');
    const blocked: string[] = [];
    try {
      const docs = [0, 1, 2].map((i) => writerDocument('free', i, 2_000));
      const result = await processDocuments(
        store,
        docs.map((value, i) => ({ line: i + 1, value })),
        {
          extract: (doc) => {
            // Without waiting: this throws "database is locked" if the batch holds the lock.
            try {
              other.exec('BEGIN IMMEDIATE; ROLLBACK');
            } catch (error) {
              blocked.push(`${doc.id}: ${(error as Error).message}`);
            }
            return extractDocument(doc);
          },
        },
      );
      expect(blocked).toEqual([]);
      expect(result.stored).toBe(3);
    } finally {
      other.close();
      await store.close();
    }
  });
});

describe('story grouping and the write lock', () => {
  it('computes story features before the lock and extracts large documents in short batches', async () => {
    const db = join(dir, 'prepared.db');
    const store = await openStore({ url: db, use: 'batch' });
    const other = new SqliteDatabase(db);
    other.pragma('busy_timeout = 0');
    const stages = ingestStages();
    const blocked: string[] = [];
    /** Extractions and first stores, in order: a batch is written before the next is extracted. */
    const order: string[] = [];
    try {
      const docs = Array.from({ length: 30 }, (_, i) => writerDocument('prep', i, 24_000));
      const result = await processDocuments(
        store,
        docs.map((value, i) => ({ line: i + 1, value })),
        {
          ...stages,
          extract: (doc) => {
            order.push(`extract ${doc.id}`);
            return stages.extract(doc);
          },
          prepareEnrich: (doc, extraction) => {
            try {
              other.exec('BEGIN IMMEDIATE; ROLLBACK');
            } catch (error) {
              blocked.push(`${doc.id}: ${(error as Error).message}`);
            }
            stages.prepareEnrich(doc, extraction);
          },
          enrich: async (trx, doc, extraction) => {
            order.push(`store ${doc.id}`);
            return stages.enrich(trx, doc, extraction);
          },
        },
      );
      expect(blocked).toEqual([]);
      expect(result.stored).toBe(30);
      // 512 Ki characters a batch: about 21 documents of 24 KB, then their writes, then the rest.
      const firstStore = order.findIndex((o) => o.startsWith('store'));
      expect(firstStore).toBeGreaterThan(0);
      expect(firstStore).toBeLessThan(30);
      expect(order.slice(firstStore).some((o) => o.startsWith('extract'))).toBe(true);
    } finally {
      other.close();
      await store.close();
    }
  });
});

describe('three `vigie ingest` processes and the API on one SQLite file', () => {
  it('store every document exactly once, all exit 0, and the API write succeeds', async () => {
    const db = join(dir, 'shared.db');
    // Each process: 4 documents of its own and the same 2 as the others, of ~24 KB.
    const files = ['p0', 'p1', 'p2'].map((prefix) => {
      const file = join(dir, `${prefix}.jsonl`);
      writeFileSync(file, writerJsonl(prefix, 4) + writerJsonl('shared', 2));
      return file;
    });
    const expected = [
      ...['p0', 'p1', 'p2'].flatMap((p) => [0, 1, 2, 3].map((i) => `${p}-${i}`)),
      ...[0, 1].map((i) => `shared-${i}`),
    ];
    // The server analyses what it stores, as `vigie serve` does; the ingest processes may finish
    // before the API's document is stored, so none of them can be relied on to analyse it.
    const h = await buildHarness({
      store: await openStore({ url: db }),
      extra: { analysis: { boards: [], rules: [] } },
    });
    const holder = new SqliteDatabase(db);
    try {
      // Another writer holds the lock as the processes start and the API request comes in.
      holder.exec('BEGIN IMMEDIATE');
      const release = new Promise<void>((resolve) =>
        setTimeout(() => {
          holder.exec('COMMIT');
          resolve();
        }, LOCK_HOLD_MS),
      );
      const runs = files.map((file) => ingestProcess(db, file));
      const api = h.as('analyst', {
        method: 'POST',
        url: '/api/documents',
        payload: writerDocument('api', 0, 24_000),
      });
      const [posted, ...done] = await Promise.all([api, ...runs, release]);

      expect(posted!.statusCode, posted!.body).toBe(201);
      expect(JSON.parse(posted!.body)).toMatchObject({ stored: 1, failed: [] });
      let stored = 0;
      for (const run of done.filter((r) => r !== undefined)) {
        expect(run.code, run.stderr).toBe(0);
        const result = JSON.parse(run.stdout) as { stored: number; duplicates: number; failed: [] };
        expect(result.failed).toEqual([]);
        expect(result.stored + result.duplicates).toBe(6);
        stored += result.stored;
      }
      // The shared documents went in once, whichever process stored them.
      expect(stored).toBe(expected.length);

      const rows = h.store.sqlite!.prepare(
        `SELECT d.id, d.analysed_at, d.story_id, count(m.id) AS mentions
           FROM documents d LEFT JOIN mentions m ON m.document_id = d.id
          WHERE d.id LIKE 'p_-%' OR d.id LIKE 'shared-%' OR d.id = 'api-0'
          GROUP BY d.id ORDER BY d.id`,
      );
      const all = rows.all() as {
        id: string;
        analysed_at: string | null;
        story_id: string | null;
        mentions: number;
      }[];
      expect(all.map((r) => r.id).sort()).toEqual([...expected, 'api-0'].sort());
      for (const row of all) {
        expect(row.mentions, row.id).toBeGreaterThan(0);
        expect(row.story_id, row.id).not.toBeNull();
        expect(row.analysed_at, row.id).not.toBeNull();
      }
    } finally {
      if (holder.inTransaction) holder.exec('ROLLBACK');
      holder.close();
      await h.close();
    }
  }, 180_000);
});
