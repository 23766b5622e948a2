/**
 * The `vigie` command line. Commands load lazily, so each run imports only its own command's
 * implementation: a first parse against placeholders (lazy-commands.ts) finds the addressed
 * command, or lets commander answer alone (top-level help, version, unknown command); then that
 * command's module is registered on a fresh program and argv parsed again, as if every command
 * had been registered.
 */
import { COMMANDS } from './commands/index.js';
import { addressedCommand } from './lazy-commands.js';
import { createProgram } from './program.js';
import { runAction } from './run-action.js';

const entry = await addressedCommand(createProgram(), COMMANDS, process.argv);
if (entry) {
  const program = createProgram();
  (await entry.load()).register(program, runAction(program));
  await program.parseAsync(process.argv);
}
