/**
 * Watchboard match table (analysis): which events meet which indicator, kept up to date for the
 * events each analysis run changes, so board scoring never rescans the whole event history.
 */
import type { Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';

export const boardMatchesMigration: VigieMigration = {
  name: '0022-board-matches',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('board_matches')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('board_id', 'text', (c) => c.notNull())
      .addColumn('indicator_id', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('board_matches_board_event')
      .on('board_matches')
      .columns(['board_id', 'event_id'])
      .execute();
    await db.schema
      .createIndex('board_matches_event')
      .on('board_matches')
      .column('event_id')
      .execute();
  },
};
