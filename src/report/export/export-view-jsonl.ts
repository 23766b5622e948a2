/**
 * A filtered view as JSON Lines: one object per event or mention, with the CSV's columns as keys
 * (lists as arrays, numbers as numbers), for the tools that read JSONL. The whole-store backup is
 * export-jsonl.ts; this is what a dashboard view exports.
 * @module
 */
import type { Store } from '../../store/open-store.js';
import type { ExportFilter } from './export-filter.js';
import {
  EVENT_COLUMNS,
  MENTION_COLUMNS,
  eventRowPages,
  mentionRowPages,
  type Values,
} from './export-records.js';

function line(columns: readonly string[], values: Values): string {
  const record: Record<string, unknown> = {};
  columns.forEach((c, i) => (record[c] = values[i] ?? null));
  return `${JSON.stringify(record)}\n`;
}

export async function* exportViewJsonl(
  store: Store,
  what: 'events' | 'mentions',
  filter: ExportFilter = {},
): AsyncGenerator<string> {
  const columns = what === 'events' ? EVENT_COLUMNS : MENTION_COLUMNS;
  const pages = what === 'events' ? eventRowPages(store, filter) : mentionRowPages(store, filter);
  for await (const rows of pages) yield rows.map((r) => line(columns, r)).join('');
}
