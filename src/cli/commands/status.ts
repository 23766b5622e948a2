/**
 * `vigie status`: what the ingestion is doing — per source its last fetch, next due time,
 * documents stored and recent errors; totals of documents and mentions; the job queue of
 * `vigie worker` (jobs per state).
 * @module
 */
import type { Command } from 'commander';
import { countJobs } from '../../store/jobs-repo.js';
import { countDocumentsBySource, listSourceErrors, listSources } from '../../store/sources-repo.js';
import type { CliContext } from '../context.js';
import type { CommandModule } from './command-module.js';
import { sourceToJson } from './source-json.js';

export const statusCommand: CommandModule = {
  register(program: Command, run) {
    program
      .command('status')
      .description('sources, last and next fetch, errors, document counts, job queue')
      .option('--json', 'machine-readable output')
      .option('--errors <n>', 'recent errors shown', '10')
      .action((options: { json?: boolean; errors: string }) =>
        run((ctx) => status(ctx, options.json === true, Math.max(0, Number(options.errors) || 0))),
      );
  },
};

async function status(ctx: CliContext, json: boolean, errorLimit: number): Promise<void> {
  const { db } = await ctx.store();
  const [sources, perSource, errors, docs, mentions, queue] = await Promise.all([
    listSources(db),
    countDocumentsBySource(db),
    listSourceErrors(db, { limit: errorLimit }),
    db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('mentions')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow(),
    countJobs(db),
  ]);
  const report = {
    documents: Number(docs.n),
    mentions: Number(mentions.n),
    sources: sources.map((s) => ({ ...sourceToJson(s), documents: perSource.get(s.id) ?? 0 })),
    failing: sources.filter((s) => s.error_count > 0).length,
    // A source never fetched is due now.
    nextDueAt:
      sources
        .filter((s) => s.enabled === 1)
        .map((s) => s.next_fetch_at ?? new Date().toISOString())
        .sort()[0] ?? null,
    queue,
    recentErrors: errors.map((e) => ({
      sourceId: e.source_id,
      at: e.at,
      code: e.code,
      message: e.message,
      url: e.url,
    })),
  };
  if (json) {
    ctx.out(JSON.stringify(report, null, 2));
    return;
  }
  ctx.out(
    `${report.documents} documents, ${report.mentions} mentions; ${sources.length} sources (${report.failing} failing); next fetch ${report.nextDueAt ?? '—'}`,
  );
  ctx.out(
    `queue: ${queue.pending} pending, ${queue.running} running, ${queue.failed} failed (retrying), ${queue.dead} dead, ${queue.done} done`,
  );
  for (const s of report.sources) {
    const health = !s.enabled
      ? 'disabled'
      : s.errorCount > 0
        ? `FAILING ×${s.errorCount}: ${s.lastError ?? ''}`
        : 'ok';
    ctx.out(
      `  ${s.id}  ${s.reliability}  ${s.name}  docs ${s.documents}  last ${s.lastFetchedAt ?? 'never'}  next ${s.nextFetchAt ?? 'now'}  ${health}`,
    );
  }
  if (report.recentErrors.length > 0) {
    ctx.out('recent errors:');
    for (const e of report.recentErrors)
      ctx.out(`  ${e.at}  ${e.sourceId}  ${e.code}  ${e.message}${e.url ? `  (${e.url})` : ''}`);
  }
}
