/**
 * Every `vigie` sub-command, in the order `vigie --help` lists them: name, what the list shows and
 * how to load the module. Modules are imported only when their command runs (see ../main.ts), so
 * the list is written out here; test/cli/command-table.test.ts fails when a line and its module
 * disagree. Add new commands here.
 */
import type { CommandEntry } from './command-module.js';

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'demo',
    term: '[options]',
    description: 'build a demo database (./vigie-demo.db) from the bundled multilingual corpus',
    load: async () => (await import('./demo.js')).demoCommand,
  },
  {
    name: 'init',
    term: '[options]',
    description: 'write a commented default vigie.yaml in the current directory',
    load: async () => (await import('./init.js')).initCommand,
  },
  {
    name: 'migrate',
    term: '[options]',
    description: 'create or update the database schema (SQLite file or PostgreSQL)',
    load: async () => (await import('./migrate.js')).migrateCommand,
  },
  {
    name: 'ingest',
    term: '[options] <paths...>',
    description:
      'store documents from files (.jsonl .txt .md .html .pdf .eml), folders, http(s) feeds or pages, or stdin (-)',
    load: async () => (await import('./ingest.js')).ingestCommand,
  },
  {
    name: 'documents',
    term: '[options]',
    description: 'list stored documents (filters on their mentions: --type --actor --modality)',
    load: async () => (await import('./documents.js')).documentsCommand,
  },
  {
    name: 'events',
    term: '[options]',
    description: 'list event mentions, or merged events with --resolved',
    load: async () => (await import('./events.js')).eventsCommand,
  },
  {
    name: 'correct',
    term: '[options] <mention>',
    description:
      'correct a mention (reject it, or change its type, actors, modality or date) and rescore',
    load: async () => (await import('./correct.js')).correctCommand,
  },
  {
    name: 'corrections',
    term: '',
    description: "list analysts' corrections of mentions, or revoke one",
    load: async () => (await import('./correct.js')).correctionsCommand,
  },
  {
    name: 'backup',
    term: '[options] <dest>',
    description: 'write a consistent copy of the SQLite database to DEST (safe while running)',
    load: async () => (await import('./backup.js')).backupCommand,
  },
  {
    name: 'eval',
    term: '[options] <gold>',
    description: 'score extraction against an annotated corpus (corpus-format.md)',
    load: async () => (await import('./eval.js')).evalCommand,
  },
  {
    name: 'extract',
    term: '[options]',
    description:
      'extract event mentions from JSON Lines documents (prediction format of corpus-format.md)',
    load: async () => (await import('./extract.js')).extractCommand,
  },
  {
    name: 'alerts',
    term: '[options]',
    description: 'list alerts and their delivery per notifier; acknowledge, deliver, re-queue',
    load: async () => (await import('./alerts.js')).alertsCommand,
  },
  {
    name: 'serve',
    term: '[options]',
    description: 'serve the HTTP API (OpenAPI at /openapi.json) and the dashboard',
    load: async () => (await import('./serve.js')).serveCommand,
  },
  {
    name: 'user',
    term: '',
    description: 'manage API users (roles: viewer < analyst < admin)',
    load: async () => (await import('./user.js')).userCommand,
  },
  {
    name: 'token',
    term: '',
    description: 'manage API tokens (stored hashed; shown once)',
    load: async () => (await import('./token.js')).tokenCommand,
  },
  {
    name: 'source',
    term: '',
    description: 'manage the sources `vigie run` polls',
    load: async () => (await import('./source.js')).sourceCommand,
  },
  {
    name: 'run',
    term: '[options]',
    description: 'poll sources continuously: fetch → extract → store (Ctrl-C stops cleanly)',
    load: async () => (await import('./run.js')).runCommand,
  },
  {
    name: 'worker',
    term: '[options]',
    description:
      'take fetch and analysis jobs from the shared queue (run several; Ctrl-C stops cleanly)',
    load: async () => (await import('./worker.js')).workerCommand,
  },
  {
    name: 'status',
    term: '[options]',
    description: 'sources, last and next fetch, errors, document counts, job queue',
    load: async () => (await import('./status.js')).statusCommand,
  },
  {
    name: 'board',
    term: '[options] [id]',
    description: 'score watchboards and show their hypotheses; --explain shows why one moved',
    load: async () => (await import('./board.js')).boardCommand,
  },
  {
    name: 'replay',
    term: '[options] <corpus>',
    description: 'replay a JSONL corpus day by day into a scratch store: trajectories and alerts',
    load: async () => (await import('./replay.js')).replayCommand,
  },
  {
    name: 'backtest',
    term: '[options] <corpus>',
    description: 'replay a corpus day by day, then score the board against known resolutions',
    load: async () => (await import('./backtest.js')).backtestCommand,
  },
  {
    name: 'import',
    term: '',
    description: 'import external event data',
    load: async () => (await import('./import.js')).importCommand,
  },
  {
    name: 'brief',
    term: '[options]',
    description: 'situation report for a watchboard: key judgements, cited events, trends, sources',
    load: async () => (await import('./brief.js')).briefCommand,
  },
  {
    name: 'export',
    term: '[options]',
    description:
      'export the store: STIX 2.1 bundle, CSV (events or mentions), JSONL (whole store) or gold (corrected documents)',
    load: async () => (await import('./export.js')).exportCommand,
  },
  {
    name: 'import-store',
    term: '<file>',
    description:
      'load a JSONL store export into an empty store (backup restore, SQLite → PostgreSQL)',
    load: async () => (await import('./import-store.js')).importStoreCommand,
  },
];
