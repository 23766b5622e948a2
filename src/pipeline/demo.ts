/**
 * `vigie demo`: a fresh SQLite database filled from the bundled demo corpus (data/demo/*.jsonl).
 * @module
 */
import { existsSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { InputError } from '../domain/errors.js';
import { listJsonlFiles } from '../ingest/jsonl-reader.js';
import { isPostgresUrl, openStore } from '../store/open-store.js';
import { ingestPaths } from './ingest-paths.js';
import type { ProcessOptions, ProcessResult } from './process-documents.js';

/** data/demo of this installation (the same from src/ and dist/). */
export const DEMO_CORPUS_DIR = fileURLToPath(new URL('../../data/demo/', import.meta.url));

export interface DemoOptions extends Pick<ProcessOptions, 'extract' | 'enrich' | 'onProgress'> {
  /** SQLite file to create (default ./vigie-demo.db). */
  readonly dbPath?: string;
  readonly corpusDir?: string;
  /** Replace an existing file whose name does not start with `vigie-demo`. */
  readonly force?: boolean;
}

export interface DemoResult {
  readonly dbPath: string;
  readonly files: string[];
  readonly result: ProcessResult;
  /** Stored documents per language, most first. */
  readonly languages: { lang: string; documents: number }[];
  readonly outlets: number;
  readonly period: { first: string | null; last: string | null };
}

export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const dbPath = resolve(options.dbPath ?? 'vigie-demo.db');
  if (isPostgresUrl(dbPath) || isPostgresUrl(options.dbPath ?? '')) {
    throw new InputError(
      'the demo builds a SQLite file; give a file path, not a postgres URL',
      '--db',
    );
  }
  if (existsSync(dbPath)) {
    if (!basename(dbPath).startsWith('vigie-demo') && !options.force) {
      throw new InputError(
        `${dbPath} exists and does not look like a demo database; pass --force to replace it`,
        '--db',
      );
    }
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  }
  const corpusDir = options.corpusDir ?? DEMO_CORPUS_DIR;
  const files = await listJsonlFiles(corpusDir);
  if (files.length === 0) throw new InputError(`no .jsonl files in ${corpusDir}`, corpusDir);
  const store = await openStore({ url: dbPath });
  try {
    const result = await ingestPaths(store, files, {
      ...(options.extract ? { extract: options.extract } : {}),
      ...(options.enrich ? { enrich: options.enrich } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    const languages = await store.db
      .selectFrom('documents')
      .select([
        sql<string>`coalesce(lang, '?')`.as('lang'),
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .groupBy(sql`coalesce(lang, '?')`)
      .orderBy(sql`count(*)`, 'desc')
      .execute();
    const summary = await store.db
      .selectFrom('documents')
      .select([
        (eb) => eb.fn.min('published').as('first'),
        (eb) => eb.fn.max('published').as('last'),
        sql<number>`count(distinct outlet)`.as('outlets'),
      ])
      .executeTakeFirstOrThrow();
    return {
      dbPath,
      files,
      result,
      languages: languages.map((l) => ({ lang: l.lang, documents: Number(l.n) })),
      outlets: Number(summary.outlets),
      period: { first: summary.first ?? null, last: summary.last ?? null },
    };
  } finally {
    await store.close();
  }
}
