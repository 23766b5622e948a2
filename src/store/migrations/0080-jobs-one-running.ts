/**
 * At most one running job per kind and key: two workers must never fetch one source at once.
 * Migration 0060's unique index covers the waiting states only, so a twin enqueued while a job
 * ran (a plain enqueue, or two workers racing past `unlessRunning`) could be claimed beside it.
 * A store that already holds running twins keeps the one whose lease ends last; the others are
 * closed as `done` with the reason (their work is the survivor's).
 */
import { sql, type Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';

export const jobsOneRunningMigration: VigieMigration = {
  name: '0080-jobs-one-running',
  async up(db: Kysely<unknown>) {
    const now = new Date().toISOString();
    await sql`
      UPDATE jobs SET state = 'done', finished_at = ${now}, locked_by = NULL, locked_until = NULL,
        last_error = 'closed by migration 0080: another run of this job was in progress'
      WHERE state = 'running' AND EXISTS (
        SELECT 1 FROM jobs AS other
        WHERE other.kind = jobs.kind AND other.key = jobs.key AND other.state = 'running'
          AND (COALESCE(other.locked_until, '') > COALESCE(jobs.locked_until, '')
            OR (COALESCE(other.locked_until, '') = COALESCE(jobs.locked_until, '')
              AND other.id > jobs.id)))`.execute(db);
    await db.schema
      .createIndex('jobs_running_key')
      .unique()
      .on('jobs')
      .columns(['kind', 'key'])
      .where(sql.ref('state'), '=', 'running')
      .execute();
  },
};
