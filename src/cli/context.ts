/**
 * What every command gets: the resolved config, a lazily opened store, and output helpers.
 * Commands never read process.env or open databases themselves.
 * @module
 */
import { resolveConfig, type ResolvedConfig } from '../config/resolve-config.js';
import { openStore, type Store } from '../store/open-store.js';
import type { StoreUse } from '../store/sqlite-memory.js';

export interface GlobalOptions {
  readonly config?: string;
  readonly db?: string;
}

export interface CliContext {
  readonly config: ResolvedConfig;
  /**
   * Opens (and migrates) the store once; later calls return the same one. `use` sizes SQLite's
   * cache and memory map (default `batch`: a CLI job, no map); the first call's use wins.
   */
  store(use?: StoreUse): Promise<Store>;
  /** Human progress and messages: stderr, so stdout stays clean for data and --json. */
  info(message: string): void;
  /** Data output (stdout). */
  out(text: string): void;
  close(): Promise<void>;
}

export function createContext(options: GlobalOptions): CliContext {
  const base = resolveConfig(options.config ? { file: options.config } : {});
  const config: ResolvedConfig = options.db
    ? Object.freeze({ ...base, database: Object.freeze({ ...base.database, url: options.db }) })
    : base;
  let opened: Promise<Store> | undefined;
  return {
    config,
    store: (use = 'batch') => (opened ??= openStore({ url: config.database.url, use })),
    info: (message) => process.stderr.write(`${message}\n`),
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    close: async () => {
      if (opened) await (await opened).close();
    },
  };
}
