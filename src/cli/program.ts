/**
 * The top-level `vigie` program: name, version and global options, with no sub-command. main.ts
 * builds it twice (to find the command, then to run it), so both parses see the same options.
 * @module
 */
import { Command } from 'commander';

export function createProgram(): Command {
  return new Command('vigie')
    .description('Vigie: multilingual early warning for nuclear and missile proliferation')
    .version('0.1.0')
    .option('-c, --config <file>', 'config file (default ./vigie.yaml, or VIGIE_CONFIG)')
    .option('--db <url>', 'database: a SQLite file path or postgres:// URL (overrides config)')
    .showHelpAfterError();
}
