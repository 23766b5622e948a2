/**
 * `vigie init [--force] [--path FILE]`: writes a commented default vigie.yaml.
 * @module
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { writeDefaultConfig } from '../../config/default-config.js';
import { EXIT } from '../exit-codes.js';
import type { CommandModule } from './command-module.js';

export const initCommand: CommandModule = {
  register(program: Command, run) {
    program
      .command('init')
      .description('write a commented default vigie.yaml in the current directory')
      .option('--path <file>', 'where to write it', 'vigie.yaml')
      .option('--force', 'overwrite an existing file')
      .action((options: { path: string; force?: boolean }) =>
        run(async (ctx) => {
          const file = resolve(options.path);
          writeDefaultConfig(file, options.force === true);
          ctx.info(`wrote ${file}; edit it, then: vigie migrate`);
          return EXIT.ok;
        }),
      );
  },
};
