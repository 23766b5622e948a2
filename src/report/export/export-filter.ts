/**
 * Filters shared by the CSV and STIX exports: a period start and a watchboard. Events are kept
 * when last seen in the period (and, with a board, when they are evidence for one of its
 * hypotheses); mentions when their document was published in the period or belongs to a kept event.
 * @module
 */
import { sql, type RawBuilder } from 'kysely';

export interface ExportFilter {
  /** ISO instant: keep what was seen/published since then. */
  readonly since?: string;
  /** Watchboard id: keep events that moved one of its hypotheses. */
  readonly board?: string;
}

export function eventCondition(filter: ExportFilter): RawBuilder<unknown> | undefined {
  const parts: RawBuilder<unknown>[] = [];
  if (filter.since) parts.push(sql`last_seen >= ${filter.since}`);
  if (filter.board)
    parts.push(sql`id IN (SELECT ev.event_id FROM evidence ev JOIN hypotheses h
      ON h.id = ev.hypothesis_id WHERE h.board_id = ${filter.board} AND ev.event_id IS NOT NULL)`);
  return parts.length > 0 ? sql.join(parts, sql` AND `) : undefined;
}

export function mentionCondition(filter: ExportFilter): RawBuilder<unknown> | undefined {
  const parts: RawBuilder<unknown>[] = [];
  if (filter.since) parts.push(sql`published >= ${filter.since}`);
  if (filter.board)
    parts.push(sql`event_id IN (SELECT ev.event_id FROM evidence ev JOIN hypotheses h
      ON h.id = ev.hypothesis_id WHERE h.board_id = ${filter.board} AND ev.event_id IS NOT NULL)`);
  return parts.length > 0 ? sql.join(parts, sql` AND `) : undefined;
}
