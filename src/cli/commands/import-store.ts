/**
 * `vigie import-store FILE`: load a JSONL store export (`vigie export --format jsonl`) into an
 * empty store, in one transaction. With `--db postgres://…` this is the SQLite → PostgreSQL path.
 * @module
 */
import type { Command } from 'commander';
import { importStoreJsonlFile } from '../../report/export/import-jsonl.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { CommandModule } from './command-module.js';

export const importStoreCommand: CommandModule = {
  register(program: Command, run) {
    program
      .command('import-store <file>')
      .description(
        'load a JSONL store export into an empty store (backup restore, SQLite → PostgreSQL)',
      )
      .action((file: string) => run((ctx) => runImportStore(ctx, file)));
  },
};

async function runImportStore(ctx: CliContext, file: string): Promise<number> {
  const store = await ctx.store();
  const result = await importStoreJsonlFile(store, file);
  const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
  ctx.info(
    `imported ${total} rows from ${file}: ${Object.entries(result.counts)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}`,
  );
  return EXIT.ok;
}
