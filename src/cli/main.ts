/** The `vigie` command line. */
import { Command } from 'commander';
import { createContext, type GlobalOptions } from './context.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { COMMANDS } from './commands/index.js';
import type { RunAction } from './commands/command-module.js';
import { VigieError } from '../domain/errors.js';

const program = new Command('vigie')
  .description('Vigie: multilingual early warning for nuclear and missile proliferation')
  .version('0.1.0')
  .option('-c, --config <file>', 'config file (default ./vigie.yaml, or VIGIE_CONFIG)')
  .option('--db <url>', 'database: a SQLite file path or postgres:// URL (overrides config)')
  .showHelpAfterError();

const run: RunAction = async (action) => {
  let code: number = EXIT.ok;
  let ctx;
  try {
    ctx = createContext(program.opts<GlobalOptions>());
    code = (await action(ctx)) ?? EXIT.ok;
  } catch (error) {
    code = exitCodeFor(error);
    const where = error instanceof VigieError && error.where ? ` (${error.where})` : '';
    process.stderr.write(
      `vigie: ${error instanceof Error ? error.message : String(error)}${where}\n`,
    );
    if (process.env['VIGIE_DEBUG'] && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
  } finally {
    await ctx?.close().catch(() => undefined);
  }
  process.exitCode = code;
};

for (const command of COMMANDS) command.register(program, run);

await program.parseAsync(process.argv);
