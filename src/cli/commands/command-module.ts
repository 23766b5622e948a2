import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Runs an action with a context, closing the store and mapping errors to exit codes. */
export type RunAction = (action: (ctx: CliContext) => Promise<number | void>) => Promise<void>;

export interface CommandModule {
  register(program: Command, run: RunAction): void;
}

/**
 * A line of the command table (commands/index.ts): what `vigie --help` lists for a command, so its
 * module is imported only when that command runs. test/cli/command-table.test.ts checks each line
 * against what the module registers.
 */
export interface CommandEntry {
  readonly name: string;
  /** What the command list shows after the name: `[options]` if it has any, then its arguments. */
  readonly term: string;
  readonly description: string;
  load(): Promise<CommandModule>;
}
