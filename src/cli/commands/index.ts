/**
 * Every `vigie` sub-command. Each module exports `register(program, run)`; add new ones here.
 */
import type { CommandModule } from './command-module.js';
import { importCommand } from './import.js';
import { demoCommand } from './demo.js';
import { initCommand } from './init.js';
import { migrateCommand } from './migrate.js';
import { ingestCommand } from './ingest.js';
import { documentsCommand } from './documents.js';
import { eventsCommand } from './events.js';
import { backupCommand } from './backup.js';
import { boardCommand } from './board.js';
import { replayCommand } from './replay.js';
import { evalCommand } from './eval.js';
import { extractCommand } from './extract.js';
import { alertsCommand } from './alerts.js';
import { serveCommand } from './serve.js';
import { userCommand } from './user.js';
import { tokenCommand } from './token.js';
import { sourceCommand } from './source.js';
import { runCommand } from './run.js';
import { workerCommand } from './worker.js';
import { statusCommand } from './status.js';
import { briefCommand } from './brief.js';
import { exportCommand } from './export.js';
import { importStoreCommand } from './import-store.js';

export const COMMANDS: readonly CommandModule[] = [
  demoCommand,
  initCommand,
  migrateCommand,
  ingestCommand,
  documentsCommand,
  eventsCommand,
  backupCommand,
  evalCommand,
  extractCommand,
  alertsCommand,
  serveCommand,
  userCommand,
  tokenCommand,
  sourceCommand,
  runCommand,
  workerCommand,
  statusCommand,
  boardCommand,
  replayCommand,
  importCommand,
  briefCommand,
  exportCommand,
  importStoreCommand,
];
