/**
 * Mention attribution (ingest, issue #16): whom each mention's text says its claim comes from
 * (the primary source: a listed body such as `kor-nis`, or a state) and the conduit that carried
 * it, as JSON (domain/attribution.ts). Analysis counts independent origins by it. Mentions stored
 * before this migration keep null: independence falls back to stories, credited origins and
 * outlets for them.
 */
import type { Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';

export const mentionAttributionMigration: VigieMigration = {
  name: '0015-mention-attribution',
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('mentions').addColumn('attribution', 'text').execute();
  },
};
