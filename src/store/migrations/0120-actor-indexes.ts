/**
 * Covering indexes for an actor's page: its events by month, type and partner are counted from
 * these alone (one branch per role), never from the events' rows, which carry long explanations
 * and are scattered over the file at 100,000 events.
 */
import type { Kysely } from 'kysely';
import { createIndexes, type IndexSpec, type VigieMigration } from './migration.js';

const INDEXES: readonly IndexSpec[] = [
  {
    name: 'events_actor_as_source',
    table: 'events',
    columns: ['source_actor', 'type', 'date', 'first_seen', 'last_seen', 'target_actor'],
  },
  {
    name: 'events_actor_as_target',
    table: 'events',
    columns: ['target_actor', 'source_actor', 'type', 'date', 'first_seen', 'last_seen'],
  },
];

export const actorIndexesMigration: VigieMigration = {
  name: '0120-actor-indexes',
  async up(db: Kysely<unknown>) {
    await createIndexes(db, INDEXES);
  },
};
