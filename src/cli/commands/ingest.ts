/**
 * `vigie ingest FILE|DIR|- …`: stores JSON Lines documents (corpus-format.md), extracting their
 * event mentions. Exit code 3 when some lines failed (they are listed; the rest is stored).
 * @module
 */
import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import { SafeFetcher } from '../../ingest/fetch/safe-fetch.js';
import { assertIngestTarget, createIngestReader } from '../../ingest/files/ingest-reader.js';
import { analysePending, loadAnalysisSetup } from '../../pipeline/analysis-pipeline.js';
import { ingestPaths } from '../../pipeline/ingest-paths.js';
import { ingestStages } from '../../pipeline/ingest-stages.js';
import type { FailedLine, ProcessResult } from '../../pipeline/process-documents.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { createProgress } from '../progress-bar.js';
import type { CommandModule } from './command-module.js';

interface IngestOptions {
  readonly source?: string;
  readonly extract: boolean;
  readonly analyse: boolean;
  readonly batchSize: string;
  readonly maxLineBytes: string;
  readonly json?: boolean;
}

function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InputError(`${flag} must be a positive integer`, flag);
  return n;
}

export const ingestCommand: CommandModule = {
  register(program: Command, run) {
    program
      .command('ingest')
      .description(
        'store documents from files (.jsonl .txt .md .html .pdf .eml), folders, http(s) feeds or pages, or stdin (-)',
      )
      .argument('<paths...>', 'files, folders, http(s) URLs, or - for JSON Lines on stdin')
      .option('--source <id>', 'source id recorded on every document')
      .option('--no-extract', 'store documents without extracting event mentions')
      .option('--no-analyse', 'leave stored documents for `vigie run` or a worker to analyse')
      .option(
        '--batch-size <n>',
        'documents extracted together (and at most 512 Ki characters)',
        '500',
      )
      .option('--max-line-bytes <n>', 'longest line accepted', String(16 * 1024 * 1024))
      .option('--json', 'print the result as JSON')
      .action((paths: string[], options: IngestOptions) =>
        run((ctx) => ingest(ctx, paths, options)),
      );
  },
};

/** Up to 20 failed or warned lines on stderr; --json lists all. */
function listLines(ctx: CliContext, lines: readonly FailedLine[], prefix: string): void {
  for (const f of lines.slice(0, 20)) {
    const where = f.reason.startsWith('line ')
      ? ''
      : `line ${f.line}${f.file ? ` of ${f.file}` : ''}: `;
    ctx.info(`  ${prefix}${where}${f.reason}`);
  }
  if (lines.length > 20) ctx.info(`  … and ${lines.length - 20} more (--json lists all)`);
}

async function ingest(ctx: CliContext, paths: string[], options: IngestOptions): Promise<number> {
  // A file:// or gopher:// target is refused before any other target is read or stored.
  for (const path of paths) assertIngestTarget(path);
  const store = await ctx.store();
  const progress = createProgress('ingest');
  const fetcher = paths.some((p) => /^https?:\/\//i.test(p))
    ? new SafeFetcher(ctx.config.fetch)
    : undefined;
  const reader = createIngestReader({
    ...(fetcher ? { fetcher } : {}),
    onUnsupported: (path) => ctx.info(`skipped (unsupported file type): ${path}`),
    onWarning: (url, message) => ctx.info(`warning: ${url}: ${message}`),
    sourceBudgetMs: ctx.config.fetch.sourceBudgetMs,
    pageConcurrency: ctx.config.fetch.pageConcurrency,
  });
  let result: ProcessResult;
  try {
    result = await ingestPaths(store, paths, {
      readers: [reader],
      batchSize: positive(options.batchSize, '--batch-size'),
      maxLineBytes: positive(options.maxLineBytes, '--max-line-bytes'),
      ...(options.source ? { sourceId: options.source } : {}),
      // The same stages as `vigie run`, the API and workers: stories, credited origins and
      // attribution come with extraction (one pipeline for every way in).
      ...(options.extract ? ingestStages() : {}),
      onProgress: (p) => progress.update(p),
    });
  } finally {
    progress.stop();
    await fetcher?.close();
  }
  // Stored documents are analysed at once, so boards never score the silence of pending ones.
  if (options.analyse && options.extract && result.stored > 0) {
    const done = await analysePending(store, loadAnalysisSetup(ctx.config));
    ctx.info(`analysed ${done.documents} documents, ${done.alertsRecorded} alerts recorded`);
  }
  if (options.json) {
    ctx.out(JSON.stringify(result));
  } else {
    ctx.out(
      `stored ${result.stored} documents (${result.mentions} mentions), ` +
        `${result.duplicates} duplicates skipped, ${result.failed.length} failed`,
    );
    listLines(ctx, result.failed, '');
    listLines(ctx, result.warnings, 'warning: ');
  }
  return result.failed.length > 0 ? EXIT.partial : EXIT.ok;
}
