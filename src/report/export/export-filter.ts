/**
 * Filters shared by every export (CSV, JSONL view, STIX): a period, a watchboard, and the events
 * page's own filters (type, actor in either role or with a partner, capability, modality,
 * language, until), so what a view shows is what it exports. Events are kept when their sighting
 * window overlaps the period (the API's rule); mentions when their document was published in the
 * period and, under any other filter, when they belong to a kept event.
 * @module
 */
import { sql, type RawBuilder } from 'kysely';

export interface ExportFilter {
  /** ISO instant: keep what was seen/published since then. */
  readonly since?: string;
  /** YYYY, YYYY-MM, YYYY-MM-DD or an instant: keep events first seen by the end of it. */
  readonly until?: string;
  /** Watchboard id: keep events that moved one of its hypotheses. */
  readonly board?: string;
  readonly type?: string;
  /** Actor code, in either role. */
  readonly actor?: string;
  /** With `actor`: only events between the two, in either direction (the events page's "with"). */
  readonly partner?: string;
  readonly capability?: string;
  readonly modality?: string;
  /** Events with a mention in this language. */
  readonly lang?: string;
}

/** The keys of ExportFilter, for callers that copy a request's filter fields. */
export const EXPORT_FILTER_KEYS = [
  'since',
  'until',
  'board',
  'type',
  'actor',
  'partner',
  'capability',
  'modality',
  'lang',
] as const satisfies readonly (keyof ExportFilter)[];

/** `2024` → `2025`, `2024-12` → `2025-01`, `2024-06-30` → `2024-07-01`; an instant → itself. */
function endOf(until: string): { op: '<' | '<='; value: string } {
  const y = /^(\d{4})$/.exec(until);
  if (y) return { op: '<', value: String(Number(y[1]) + 1) };
  const m = /^(\d{4})-(\d{2})$/.exec(until);
  if (m) {
    const month = Number(m[2]);
    return {
      op: '<',
      value:
        month === 12 ? `${Number(m[1]) + 1}-01` : `${m[1]}-${String(month + 1).padStart(2, '0')}`,
    };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(until)) {
    const next = new Date(`${until}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return { op: '<', value: next.toISOString().slice(0, 10) };
  }
  return { op: '<=', value: until };
}

/** The conditions on the events table alone (no period on documents). */
function eventParts(filter: ExportFilter): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [];
  if (filter.since) parts.push(sql`last_seen >= ${filter.since}`);
  if (filter.until) {
    const end = endOf(filter.until);
    parts.push(sql`first_seen ${sql.raw(end.op)} ${end.value}`);
  }
  if (filter.type) parts.push(sql`type = ${filter.type}`);
  if (filter.modality) parts.push(sql`modality = ${filter.modality}`);
  if (filter.capability) parts.push(sql`capabilities LIKE ${`%|${filter.capability}|%`}`);
  if (filter.actor && filter.partner)
    parts.push(
      sql`((source_actor = ${filter.actor} AND target_actor = ${filter.partner}) OR (source_actor = ${filter.partner} AND target_actor = ${filter.actor}))`,
    );
  else if (filter.actor)
    parts.push(sql`(source_actor = ${filter.actor} OR target_actor = ${filter.actor})`);
  if (filter.lang)
    parts.push(
      sql`id IN (SELECT event_id FROM mentions WHERE lang = ${filter.lang} AND event_id IS NOT NULL)`,
    );
  if (filter.board)
    parts.push(sql`id IN (SELECT ev.event_id FROM evidence ev JOIN hypotheses h
      ON h.id = ev.hypothesis_id WHERE h.board_id = ${filter.board} AND ev.event_id IS NOT NULL)`);
  return parts;
}

export function eventCondition(filter: ExportFilter): RawBuilder<unknown> | undefined {
  const parts = eventParts(filter);
  return parts.length > 0 ? sql.join(parts, sql` AND `) : undefined;
}

/** Whether the filter narrows events beyond a period (then mentions follow the kept events). */
export function narrowsEvents(filter: ExportFilter): boolean {
  return eventParts({ ...filter, since: undefined }).length > 0;
}

export function mentionCondition(filter: ExportFilter): RawBuilder<unknown> | undefined {
  const parts: RawBuilder<unknown>[] = [];
  if (filter.since) parts.push(sql`published >= ${filter.since}`);
  if (narrowsEvents(filter)) {
    const events = eventCondition({ ...filter, since: undefined })!;
    parts.push(sql`event_id IN (SELECT id FROM events WHERE ${events})`);
  }
  return parts.length > 0 ? sql.join(parts, sql` AND `) : undefined;
}
