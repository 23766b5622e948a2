/**
 * Alert delivery: a claim token on outbox rows (a worker only settles rows it still holds)
 * and an index to list deliveries per alert.
 */
import type { Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';

export const alertOutboxMigration: VigieMigration = {
  name: '0030-alert-outbox',
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('outbox').addColumn('claim_token', 'text').execute();
    await db.schema
      .createIndex('outbox_alert')
      .ifNotExists()
      .on('outbox')
      .column('alert_id')
      .execute();
  },
};
