/**
 * The top-level `vigie` program: name, version and global options, with no sub-command. main.ts
 * builds it twice (to find the command, then to run it), so both parses see the same options.
 * @module
 */
import { Command, type CommanderError } from 'commander';
import { EXIT } from './exit-codes.js';

export function createProgram(): Command {
  return new Command('vigie')
    .description('Vigie: multilingual early warning for nuclear and missile proliferation')
    .version('0.1.0')
    .option('-c, --config <file>', 'config file (default ./vigie.yaml, or VIGIE_CONFIG)')
    .option('--db <url>', 'database: a SQLite file path or postgres:// URL (overrides config)')
    .showHelpAfterError()
    .exitOverride(exitForUsage);
}

/**
 * Commander exits 1 on a usage error (unknown option or command, missing argument); the README
 * promises 2, so a script can tell bad usage from a failed run. Help and version still exit 0.
 * Sub-commands made with `.command()` inherit this.
 */
function exitForUsage(error: CommanderError): never {
  process.exit(error.exitCode === 0 ? EXIT.ok : EXIT.usage);
}
