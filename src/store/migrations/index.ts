import type { VigieMigration } from './migration.js';
import { coreMigration } from './0001-core.js';
import { alertOutboxMigration } from './0030-alert-outbox.js';
import { analysisMigration } from './0020-analysis.js';
import { searchMigration } from './0002-search.js';

/** Every migration, in the order it applies. Add new ones here. */
export const MIGRATIONS: readonly VigieMigration[] = [coreMigration, searchMigration, analysisMigration, alertOutboxMigration];
