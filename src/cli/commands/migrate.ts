/**
 * `vigie migrate [--json]`: brings the database schema up to date.
 * @module
 */
import type { Command } from 'commander';
import { migrateStore, openStore } from '../../store/open-store.js';
import { EXIT } from '../exit-codes.js';
import type { CommandModule } from './command-module.js';

export const migrateCommand: CommandModule = {
  register(program: Command, run) {
    program
      .command('migrate')
      .description('create or update the database schema (SQLite file or PostgreSQL)')
      .option('--json', 'machine-readable output')
      .action((options: { json?: boolean }) =>
        run(async (ctx) => {
          // Opened without migrating so the migrations applied now can be reported.
          const store = await openStore({ url: ctx.config.database.url, migrate: false });
          try {
            const { applied } = await migrateStore(store);
            if (options.json) ctx.out(JSON.stringify({ database: store.location, applied }));
            else if (applied.length === 0) ctx.out(`${store.location}: schema up to date`);
            else
              ctx.out(
                `${store.location}: applied ${applied.length} migrations: ${applied.join(', ')}`,
              );
          } finally {
            await store.close();
          }
          return EXIT.ok;
        }),
      );
  },
};
