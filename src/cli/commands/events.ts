/**
 * `vigie events [filters] [--resolved] [--json]`: lists event mentions (one claim in one sentence),
 * or with --resolved the events they were merged into.
 * @module
 */
import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import {
  countApiEvents,
  listApiEvents,
  type ApiEvent,
} from '../../store/api-queries/event-queries.js';
import { countMentions, listMentions } from '../../store/mentions-repo.js';
import { decodeCodes, type MentionRow } from '../../store/schema.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { formatTable } from '../format-rows.js';
import type { CommandModule } from './command-module.js';
import { addListFlags, parseListFlags, type ListFlags } from './list-filters.js';

interface EventFlags extends ListFlags {
  readonly resolved?: boolean;
  readonly document?: string;
  readonly event?: string;
}

export const eventsCommand: CommandModule = {
  register(program: Command, run) {
    addListFlags(
      program
        .command('events')
        .description('list event mentions, or merged events with --resolved'),
    )
      .option('--resolved', 'list resolved events (merged across documents) instead of mentions')
      .option('--document <id>', 'mentions of one document')
      .option('--event <id>', 'mentions merged into one event')
      .action((flags: EventFlags) =>
        run((ctx) => (flags.resolved ? listResolved(ctx, flags) : listMentionRows(ctx, flags))),
      );
  },
};

const actors = (source: string | null, target: string | null) =>
  `${source ?? '-'}${target ? ` → ${target}` : ''}`;

async function listMentionRows(ctx: CliContext, flags: EventFlags): Promise<number> {
  const { filters: base, page, json } = parseListFlags(flags);
  const filters = { ...base, documentId: flags.document, eventId: flags.event };
  const db = (await ctx.store()).db;
  const found = await listMentions(db, filters, page);
  const ids = [...new Set(found.items.map((m) => m.document_id))];
  const docs = ids.length
    ? await db
        .selectFrom('documents')
        .select(['id', 'text', 'outlet'])
        .where('id', 'in', ids)
        .execute()
    : [];
  const byId = new Map(docs.map((d) => [d.id, d]));
  const sentence = (m: MentionRow) =>
    byId.get(m.document_id)?.text.slice(m.span_start, m.span_end) ?? '';
  if (json) {
    const items = found.items.map((m) => ({
      ...m,
      capabilities: decodeCodes(m.capabilities),
      mutual: m.mutual === 1,
      rules: JSON.parse(m.rules) as unknown,
      cues: JSON.parse(m.cues) as unknown,
      sentence: sentence(m),
    }));
    ctx.out(JSON.stringify({ items, nextCursor: found.nextCursor }));
    return EXIT.ok;
  }
  if (found.items.length === 0) {
    ctx.info('no mentions match');
    return EXIT.ok;
  }
  ctx.out(
    formatTable<MentionRow>(
      [
        { header: 'id', value: (m) => m.id, max: 40 },
        { header: 'date', value: (m) => m.date ?? m.published?.slice(0, 10) },
        { header: 'lang', value: (m) => m.lang },
        { header: 'type', value: (m) => m.type },
        { header: 'actors', value: (m) => actors(m.source_actor, m.target_actor) },
        { header: 'modality', value: (m) => m.modality },
        { header: 'capabilities', value: (m) => decodeCodes(m.capabilities).join(','), max: 30 },
        { header: 'sentence', value: sentence, max: 80 },
      ],
      found.items,
    ),
  );
  const total = await countMentions(db, filters);
  ctx.info(
    `${found.items.length} of ${total} mentions` +
      (found.nextCursor ? `; next page: --cursor ${found.nextCursor}` : ''),
  );
  return EXIT.ok;
}

/** Resolved events through the API's own read (one filter, one keyset page): cursor paging only. */
async function listResolved(ctx: CliContext, flags: EventFlags): Promise<number> {
  const { filters, page, json } = parseListFlags(flags);
  if (page.offset !== undefined) {
    throw new InputError('--offset does not apply to --resolved: page with --cursor', '--offset');
  }
  const store = await ctx.store();
  const found = await listApiEvents(store, filters, { limit: page.limit, cursor: page.cursor });
  if (json) {
    ctx.out(JSON.stringify({ items: found.items, nextCursor: found.next }));
    return EXIT.ok;
  }
  if (found.items.length === 0) {
    ctx.info('no resolved events match (events are built by the analysis step)');
    return EXIT.ok;
  }
  ctx.out(
    formatTable<ApiEvent>(
      [
        { header: 'id', value: (e) => e.id, max: 40 },
        { header: 'date', value: (e) => e.date ?? e.lastSeen.slice(0, 10) },
        { header: 'type', value: (e) => e.type },
        { header: 'actors', value: (e) => actors(e.source, e.target) },
        { header: 'modality', value: (e) => e.modality },
        { header: 'mentions', value: (e) => e.mentionCount },
        { header: 'sources', value: (e) => e.independentSources },
        { header: 'cred', value: (e) => e.credibility },
        { header: 'capabilities', value: (e) => e.capabilities.join(','), max: 30 },
      ],
      found.items,
    ),
  );
  const total = await countApiEvents(store, filters);
  ctx.info(
    `${found.items.length} of ${total} events` +
      (found.next ? `; next page: --cursor ${found.next}` : ''),
  );
  return EXIT.ok;
}
