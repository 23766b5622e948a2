/**
 * CSV exports, streamed: one row per event (ACLED-like columns) or one row per mention (with the
 * quoted span). RFC 4180 quoting and a formula-injection guard (csv-cell.ts). Lists are joined
 * with ';' (links with a space, as URLs may hold ';').
 * @module
 */
import type { Store } from '../../store/open-store.js';
import { csvRow } from './csv-cell.js';
import type { ExportFilter } from './export-filter.js';
import {
  EVENT_COLUMNS,
  MENTION_COLUMNS,
  eventRowPages,
  mentionRowPages,
  type Values,
} from './export-records.js';

export { EVENT_COLUMNS, MENTION_COLUMNS } from './export-records.js';

function csvValues(values: Values, columns: readonly string[]): string {
  return csvRow(
    values.map((v, i) => (Array.isArray(v) ? v.join(columns[i] === 'links' ? ' ' : ';') : v)),
  );
}

export async function* exportEventsCsv(
  store: Store,
  filter: ExportFilter = {},
): AsyncGenerator<string> {
  yield csvRow(EVENT_COLUMNS);
  for await (const rows of eventRowPages(store, filter))
    yield rows.map((r) => csvValues(r, EVENT_COLUMNS)).join('');
}

export async function* exportMentionsCsv(
  store: Store,
  filter: ExportFilter = {},
): AsyncGenerator<string> {
  yield csvRow(MENTION_COLUMNS);
  for await (const rows of mentionRowPages(store, filter))
    yield rows.map((r) => csvValues(r, MENTION_COLUMNS)).join('');
}
