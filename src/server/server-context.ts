/** What every route handler gets: the store, the resolved config, services and the read cache. */
import type { Config } from '../config/schema.js';
import type { Store } from '../store/open-store.js';
import type { ReadCache } from './read-cache.js';
import type { ServerServices } from './services.js';

export interface ServerContext {
  readonly store: Store;
  readonly config: Readonly<Config>;
  readonly services: ServerServices;
  readonly cache: ReadCache;
  readonly now: () => Date;
}
