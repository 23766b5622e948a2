/**
 * Every `vigie` sub-command. Each module exports `register(program, run)`; add new ones here.
 */
import type { CommandModule } from './command-module.js';

export const COMMANDS: readonly CommandModule[] = [];
