/**
 * Every `vigie` sub-command. Each module exports `register(program, run)`; add new ones here.
 */
import type { CommandModule } from './command-module.js';
import { importCommand } from './import.js';
import { boardCommand } from './board.js';
import { replayCommand } from './replay.js';
import { evalCommand } from './eval.js';
import { alertsCommand } from './alerts.js';
import { serveCommand } from './serve.js';
import { userCommand } from './user.js';
import { tokenCommand } from './token.js';
import { sourceCommand } from './source.js';
import { runCommand } from './run.js';
import { statusCommand } from './status.js';

export const COMMANDS: readonly CommandModule[] = [
  evalCommand,
  alertsCommand,
  serveCommand,
  userCommand,
  tokenCommand,
  sourceCommand,
  runCommand,
  statusCommand,
  boardCommand,
  replayCommand,
  importCommand,
];
