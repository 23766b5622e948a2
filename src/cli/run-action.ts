/**
 * The wrapper every command action runs in: builds the context from the global options, maps
 * errors to a message and an exit code, and closes the store.
 * @module
 */
import type { Command } from 'commander';
import { VigieError } from '../domain/errors.js';
import type { RunAction } from './commands/command-module.js';
import type { CliContext, GlobalOptions } from './context.js';
import { EXIT, exitCodeFor } from './exit-codes.js';

export function runAction(program: Command): RunAction {
  return async (action) => {
    let code: number = EXIT.ok;
    let ctx: CliContext | undefined;
    try {
      // Imported when an action runs: the context pulls in the config schema and the store
      // drivers, which help and usage errors never need.
      const { createContext } = await import('./context.js');
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
}
