import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Runs an action with a context, closing the store and mapping errors to exit codes. */
export type RunAction = (action: (ctx: CliContext) => Promise<number | void>) => Promise<void>;

export interface CommandModule {
  register(program: Command, run: RunAction): void;
}
