/**
 * The job queue of `vigie worker`: one row per unit of work (fetch a source, analyse pending
 * documents). A partial unique index makes enqueueing idempotent per kind and key while a job
 * waits, and the claim index serves the due-first scan of every worker.
 */
import { sql, type Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';

export const jobsMigration: VigieMigration = {
  name: '0060-jobs',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('run_at', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull())
      .addColumn('locked_by', 'text')
      .addColumn('locked_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .execute();
    // At most one waiting job per kind and key: enqueue is ON CONFLICT DO NOTHING.
    await db.schema
      .createIndex('jobs_waiting_key')
      .unique()
      .on('jobs')
      .columns(['kind', 'key'])
      .where(sql.ref('state'), 'in', ['pending', 'failed'])
      .execute();
    await db.schema
      .createIndex('jobs_state_run_at')
      .on('jobs')
      .columns(['state', 'run_at'])
      .execute();
  },
};
