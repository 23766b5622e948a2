/**
 * `vigie documents [filters] [--json]`: lists stored documents, newest first; with --q, each
 * comes with a snippet around the match.
 * @module
 */
import type { Command } from 'commander';
import { countDocuments, searchDocuments, listDocuments } from '../../store/documents-repo.js';
import type { DocumentRow } from '../../store/schema.js';
import type { Snippet } from '../../store/text-search.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { formatTable } from '../format-rows.js';
import type { CommandModule } from './command-module.js';
import { addListFlags, parseListFlags, type ListFlags } from './list-filters.js';

interface DocumentFlags extends ListFlags {
  readonly outlet?: string;
  readonly source?: string;
  readonly story?: string;
  readonly text?: boolean;
}

export const documentsCommand: CommandModule = {
  register(program: Command, run) {
    addListFlags(
      program
        .command('documents')
        .description(
          'list stored documents (filters on their mentions: --type --actor --modality)',
        ),
    )
      .option('--outlet <name>', 'exact outlet name')
      .option('--source <id>', 'source id')
      .option('--story <id>', 'story id (syndicated copies of one report)')
      .option('--text', 'with --json: include the full text')
      .action((flags: DocumentFlags) => run((ctx) => list(ctx, flags)));
  },
};

function toJson(d: DocumentRow, withText: boolean, snippet?: Snippet) {
  const { text, meta, ...rest } = d;
  return {
    ...rest,
    meta: meta ? (JSON.parse(meta) as unknown) : null,
    ...(withText ? { text } : {}),
    ...(snippet ? { snippet } : {}),
  };
}

async function list(ctx: CliContext, flags: DocumentFlags): Promise<number> {
  const { filters: base, page, json } = parseListFlags(flags);
  const filters = {
    ...base,
    outlet: flags.outlet,
    sourceId: flags.source,
    storyId: flags.story,
  };
  const db = (await ctx.store()).db;
  let rows: { document: DocumentRow; snippet?: Snippet }[];
  let nextCursor: string | null;
  if (filters.q) {
    const found = await searchDocuments(db, filters.q, filters, page);
    rows = found.items;
    nextCursor = found.nextCursor;
  } else {
    const found = await listDocuments(db, filters, page);
    rows = found.items.map((document) => ({ document }));
    nextCursor = found.nextCursor;
  }
  if (json) {
    ctx.out(
      JSON.stringify({
        items: rows.map((r) => toJson(r.document, flags.text === true, r.snippet)),
        nextCursor,
      }),
    );
    return EXIT.ok;
  }
  const total = await countDocuments(db, filters);
  if (rows.length === 0) {
    ctx.info('no documents match');
    return EXIT.ok;
  }
  ctx.out(
    formatTable(
      [
        { header: 'id', value: (r) => r.document.id, max: 36 },
        { header: 'published', value: (r) => r.document.published?.slice(0, 10) },
        { header: 'lang', value: (r) => r.document.lang },
        { header: 'outlet', value: (r) => r.document.outlet, max: 24 },
        filters.q
          ? { header: 'match', value: (r) => r.snippet?.text, max: 70 }
          : { header: 'title', value: (r) => r.document.title ?? r.document.text, max: 70 },
      ],
      rows,
    ),
  );
  ctx.info(
    `${rows.length} of ${total} documents${nextCursor ? `; next page: --cursor ${nextCursor}` : ''}`,
  );
  return EXIT.ok;
}
