/**
 * `vigie demo [--db FILE] [--force]`: a fresh SQLite database filled from the bundled
 * multilingual demo corpus, then a summary of what it holds and what to try next.
 * @module
 */
import type { Command } from 'commander';
import { runDemo } from '../../pipeline/demo.js';
import { EXIT } from '../exit-codes.js';
import { analysePending, loadAnalysisSetup } from '../../pipeline/analysis-pipeline.js';
import { ingestStages } from '../../pipeline/ingest-stages.js';
import { openStore } from '../../store/open-store.js';
import type { CliContext } from '../context.js';
import type { AlertRule } from '../../alert/evaluate-rules.js';
import type { ServerConfig } from '../../config/schema.js';
import { PUBLIC_FLAG } from '../../server/anonymous-exposure.js';
import { checkServeExposure, serveUntilStopped, type ServeExposure } from './run-analysis.js';
import { createProgress } from '../progress-bar.js';
import type { CommandModule } from './command-module.js';

export const demoCommand: CommandModule = {
  register(program: Command, run) {
    program
      .command('demo')
      .description('build a demo database (./vigie-demo.db) from the bundled multilingual corpus')
      .option('--force', 'replace --db even if it does not look like a demo database')
      .option('--json', 'print the result as JSON')
      .option('--no-serve', 'build and analyse only; do not serve the dashboard afterwards')
      .option('--port <port>', 'port for the dashboard (default: server.port)')
      .option(PUBLIC_FLAG, 'serve the demo without a token on a non-loopback server.host')
      .action((options: DemoOptions, command: Command) =>
        run(async (ctx) => {
          // The demo is read without a token: refused beyond loopback before anything is built.
          if (options.serve !== false) {
            const [server, exposure] = demoServer(options);
            checkServeExposure(ctx, server, exposure);
          }
          const db = command.optsWithGlobals<{ db?: string }>().db;
          const progress = createProgress('demo');
          const demo = await runDemo({
            ...(db ? { dbPath: db } : {}),
            force: options.force === true,
            ...ingestStages(),
            onProgress: (p) => progress.update(p),
          }).finally(() => progress.stop());
          const r = demo.result;
          const analysed = await analyseDemo(ctx, demo.dbPath);
          if (options.json) {
            ctx.out(JSON.stringify({ ...demo, analysis: analysed.summary }));
            if (options.serve !== false) await serveDemo(ctx, demo.dbPath, options);
            return r.failed.length > 0 ? EXIT.partial : EXIT.ok;
          }
          const langs = demo.languages.map((l) => `${l.lang} ${l.documents}`).join(', ');
          ctx.out(
            [
              `demo database: ${demo.dbPath}`,
              `ingested ${demo.files.length} file(s): ${r.stored} documents from ${demo.outlets} outlets ` +
                `(${langs}), ${demo.period.first?.slice(0, 10)} to ${demo.period.last?.slice(0, 10)}`,
              `extracted ${r.mentions} event mentions; ${r.duplicates} duplicates skipped, ${r.failed.length} failed`,
              `analysed: ${analysed.summary.events} events, ${analysed.summary.stories} stories, ` +
                `${analysed.summary.alerts} alerts`,
              ...analysed.lines,
              '',
              'try:',
              `  vigie --db ${demo.dbPath} events --actor PRK --type ARMS_TRANSFER`,
              `  vigie --db ${demo.dbPath} documents --q 북한`,
              `  vigie --db ${demo.dbPath} documents --q "Koursk" --lang fr`,
              `  vigie --db ${demo.dbPath} board russia-dprk --explain russia-dprk/bm-tech`,
            ].join('\n'),
          );
          for (const f of r.failed) ctx.info(`  line ${f.line} of ${f.file ?? '?'}: ${f.reason}`);
          if (options.serve !== false) await serveDemo(ctx, demo.dbPath, options);
          return r.failed.length > 0 ? EXIT.partial : EXIT.ok;
        }),
      );
  },
};

/** Without rules in vigie.yaml the demo fills the alerts inbox with these (no notifier: inbox only). */
const DEMO_RULES: AlertRule[] = [
  { id: 'demo-crossing', kind: 'threshold', above: 0.5, below: 0.5, notify: [] },
  {
    id: 'demo-first-transfer',
    kind: 'first-event',
    types: ['ARMS_TRANSFER', 'TECH_TRANSFER', 'TROOP_DEPLOYMENT'],
    notify: [],
  },
];

interface DemoOptions {
  force?: boolean;
  json?: boolean;
  serve?: boolean;
  port?: string;
  iKnowThisIsPublic?: boolean;
}

/** Events, boards and alerts for the demo corpus, with the default watchboard. */
async function analyseDemo(ctx: CliContext, dbPath: string) {
  const loaded = loadAnalysisSetup(ctx.config);
  for (const problem of loaded.problems) ctx.info(`warning: ${problem}`);
  const setup = loaded.rules.length > 0 ? loaded : { ...loaded, rules: DEMO_RULES };
  const store = await openStore({ url: dbPath });
  try {
    const done = await analysePending(store, setup);
    const count = async (table: 'events' | 'stories' | 'alerts') =>
      Number(
        (
          await store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const hypotheses = await store.db
      .selectFrom('hypotheses')
      .select(['id', 'title', 'prior', 'probability'])
      .orderBy('id')
      .execute();
    const lines = hypotheses.map(
      (h) =>
        `  ${(h.probability * 100).toFixed(0).padStart(3)}%  (prior ${(h.prior * 100).toFixed(0)}%)  ${h.title}`,
    );
    return {
      summary: {
        documents: done.documents,
        events: await count('events'),
        stories: await count('stories'),
        alerts: await count('alerts'),
        hypotheses,
      },
      lines,
    };
  } finally {
    await store.close();
  }
}

/** The demo's server: read-only without a token, on server.host (loopback unless told). */
function demoServer(options: DemoOptions): [Partial<ServerConfig>, ServeExposure] {
  return [
    {
      anonymousViewer: true,
      ...(options.port !== undefined ? { port: Number(options.port) } : {}),
    },
    { acceptPublic: options.iKnowThisIsPublic === true, via: 'vigie demo' },
  ];
}

/** Serves the demo database read-only to anyone on this machine until Ctrl-C. */
async function serveDemo(ctx: CliContext, dbPath: string, options: DemoOptions): Promise<void> {
  const store = await openStore({ url: dbPath });
  try {
    const [server, exposure] = demoServer(options);
    await serveUntilStopped(ctx, store, server, exposure);
  } finally {
    await store.close();
  }
}
