/**
 * Boards in several languages (issue #14): each watchboard, hypothesis and indicator row keeps
 * its title (and a board its description) in the languages other than English that its board
 * file gives, as JSON (`{"fr":{"title":"…"}}`, src/domain/board-wording.ts). The `title` and
 * `description` columns stay English, the text of every reader that asks for no language.
 */
import type { Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';

export const boardWordingMigration: VigieMigration = {
  name: '0180-board-wording',
  async up(db: Kysely<unknown>) {
    for (const table of ['watchboards', 'hypotheses', 'indicators'])
      await db.schema.alterTable(table).addColumn('wording', 'text').execute();
  },
};
