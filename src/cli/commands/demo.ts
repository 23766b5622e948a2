/**
 * `vigie demo [--db FILE] [--force]`: a fresh SQLite database filled from the bundled
 * multilingual demo corpus, then a summary of what it holds and what to try next.
 * @module
 */
import type { Command } from 'commander';
import { extractDocument } from '../../extract/extract-document.js';
import { runDemo } from '../../pipeline/demo.js';
import { EXIT } from '../exit-codes.js';
import { createProgress } from '../progress-bar.js';
import type { CommandModule } from './command-module.js';

export const demoCommand: CommandModule = {
  register(program: Command, run) {
    program
      .command('demo')
      .description('build a demo database (./vigie-demo.db) from the bundled multilingual corpus')
      .option('--force', 'replace --db even if it does not look like a demo database')
      .option('--json', 'print the result as JSON')
      .action((options: { force?: boolean; json?: boolean }, command: Command) =>
        run(async (ctx) => {
          const db = command.optsWithGlobals<{ db?: string }>().db;
          const progress = createProgress('demo');
          const demo = await runDemo({
            ...(db ? { dbPath: db } : {}),
            force: options.force === true,
            extract: (doc) => extractDocument(doc),
            onProgress: (p) => progress.update(p),
          }).finally(() => progress.stop());
          const r = demo.result;
          if (options.json) {
            ctx.out(JSON.stringify(demo));
            return r.failed.length > 0 ? EXIT.partial : EXIT.ok;
          }
          const langs = demo.languages.map((l) => `${l.lang} ${l.documents}`).join(', ');
          ctx.out(
            [
              `demo database: ${demo.dbPath}`,
              `ingested ${demo.files.length} file(s): ${r.stored} documents from ${demo.outlets} outlets ` +
                `(${langs}), ${demo.period.first?.slice(0, 10)} to ${demo.period.last?.slice(0, 10)}`,
              `extracted ${r.mentions} event mentions; ${r.duplicates} duplicates skipped, ${r.failed.length} failed`,
              '',
              'try:',
              `  vigie --db ${demo.dbPath} events --actor PRK --type ARMS_TRANSFER`,
              `  vigie --db ${demo.dbPath} documents --q 북한`,
              `  vigie --db ${demo.dbPath} documents --q "Koursk" --lang fr`,
            ].join('\n'),
          );
          for (const f of r.failed) ctx.info(`  line ${f.line} of ${f.file ?? '?'}: ${f.reason}`);
          return r.failed.length > 0 ? EXIT.partial : EXIT.ok;
        }),
      );
  },
};
