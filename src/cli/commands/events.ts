/**
 * `vigie events [filters] [--resolved] [--json]`: lists event mentions (one claim in one sentence),
 * or with --resolved the events they were merged into.
 * @module
 */
import type { Command } from 'commander';
import { countEvents, listEvents } from '../../store/events-repo.js';
import { countMentions, listMentions } from '../../store/mentions-repo.js';
import { decodeCodes, type EventRow, type MentionRow } from '../../store/schema.js';
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

async function listResolved(ctx: CliContext, flags: EventFlags): Promise<number> {
  const { filters, page, json } = parseListFlags(flags);
  const db = (await ctx.store()).db;
  const found = await listEvents(db, filters, page);
  if (json) {
    const items = found.items.map((e) => ({
      ...e,
      capabilities: decodeCodes(e.capabilities),
      explanation: JSON.parse(e.explanation) as unknown,
    }));
    ctx.out(JSON.stringify({ items, nextCursor: found.nextCursor }));
    return EXIT.ok;
  }
  if (found.items.length === 0) {
    ctx.info('no resolved events match (events are built by the analysis step)');
    return EXIT.ok;
  }
  ctx.out(
    formatTable<EventRow>(
      [
        { header: 'id', value: (e) => e.id, max: 40 },
        { header: 'date', value: (e) => e.date ?? e.last_seen.slice(0, 10) },
        { header: 'type', value: (e) => e.type },
        { header: 'actors', value: (e) => actors(e.source_actor, e.target_actor) },
        { header: 'modality', value: (e) => e.modality },
        { header: 'mentions', value: (e) => e.mention_count },
        { header: 'sources', value: (e) => e.independent_sources },
        { header: 'cred', value: (e) => e.credibility },
        { header: 'capabilities', value: (e) => decodeCodes(e.capabilities).join(','), max: 30 },
      ],
      found.items,
    ),
  );
  const total = await countEvents(db, filters);
  ctx.info(
    `${found.items.length} of ${total} events` +
      (found.nextCursor ? `; next page: --cursor ${found.nextCursor}` : ''),
  );
  return EXIT.ok;
}
