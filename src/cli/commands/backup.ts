/**
 * `vigie backup DEST`: a consistent copy of the SQLite database, safe while Vigie runs (SQLite's
 * online backup API). PostgreSQL databases are backed up with pg_dump; the command says how.
 * @module
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import { isPostgresUrl, redactUrl } from '../../store/open-store.js';
import { EXIT } from '../exit-codes.js';
import type { CommandModule } from './command-module.js';

export const backupCommand: CommandModule = {
  register(program: Command, run) {
    program
      .command('backup')
      .description('write a consistent copy of the SQLite database to DEST (safe while running)')
      .argument('<dest>', 'file to write')
      .option('--force', 'overwrite DEST')
      .action((dest: string, options: { force?: boolean }) =>
        run(async (ctx) => {
          const url = ctx.config.database.url;
          if (isPostgresUrl(url)) {
            ctx.info(
              `the database is PostgreSQL (${redactUrl(url)}); back it up with pg_dump, e.g.\n` +
                `  pg_dump --format=custom --file=${dest} '${redactUrl(url)}'\n` +
                `and restore with: pg_restore --clean --dbname=URL ${dest}`,
            );
            return EXIT.usage;
          }
          const target = resolve(dest);
          if (target === resolve(url)) throw new InputError('DEST is the database itself', dest);
          if (existsSync(target) && !options.force) {
            throw new InputError(`${target} exists; pass --force to overwrite it`, dest);
          }
          const store = await ctx.store('scan');
          if (!store.sqlite) throw new InputError('backup needs a SQLite database', dest);
          const started = Date.now();
          await store.sqlite.backup(target);
          const size = statSync(target).size;
          ctx.out(
            `backed up ${store.location} to ${target} (${(size / 1e6).toFixed(1)} MB in ${Date.now() - started} ms)`,
          );
          return EXIT.ok;
        }),
      );
  },
};
