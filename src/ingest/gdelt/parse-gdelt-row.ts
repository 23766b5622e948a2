/**
 * One GDELT event line → a gdelt_events row (pure). Throws GdeltRowError with a message naming
 * the column when the line cannot be a GDELT event; the importer counts and lists those.
 *
 * The hot path (`parseGdeltInto`) writes the values straight into a flat array in
 * GDELT_COLUMNS order and slices only the columns it stores or maps: at GDELT volumes, building
 * an object and 61 substrings per row costs more than storing it. Numbers and dates are checked
 * on character codes; the columns the store keeps in `detail` are one slice of the line.
 * @module
 */
import { GDELT_COLUMNS, GDELT_WIDTH } from '../../store/gdelt-insert.js';
import { toGdeltEvent, type GdeltEvent } from '../../store/gdelt-event.js';
import { COL, DETAIL_FIRST, layoutFor } from '../../store/gdelt-layout.js';
import type { GdeltEventRow } from '../../store/schema.js';
import type { GdeltMaps } from './cameo-map.js';

export class GdeltRowError extends Error {
  override readonly name = 'GdeltRowError';
}

const MAX_COLUMNS = 64;
/** starts[i] = offset of column i in the line last split; starts[columns] = length + 1. */
const starts = new Int32Array(MAX_COLUMNS + 2);
/** SQLDATE of the previous row and its YYYY-MM-DD form: a file holds few distinct days. */
let lastSqlDate = '';
let lastDay = '';

/**
 * Parses `line` into `out[offset … offset + GDELT_WIDTH)` (`out[offset + 1]` is the GDELT
 * version). @returns the ontology type written (null = unmapped).
 */
export function parseGdeltInto(
  line: string,
  maps: GdeltMaps,
  out: unknown[],
  offset: number,
): string | null {
  let columns = 1;
  let pos = line.indexOf('\t');
  while (pos !== -1) {
    if (columns <= MAX_COLUMNS) starts[columns] = pos + 1;
    columns++;
    pos = line.indexOf('\t', pos + 1);
  }
  const layout = layoutFor(columns);
  if (!layout) {
    throw new GdeltRowError(`${columns} columns (expected 61 for GDELT 2.0, 57 or 58 for 1.0)`);
  }
  starts[0] = 0;
  starts[columns] = line.length + 1;

  const id = idOf(line);
  const day = dayOf(line);
  const eventCode = fieldOf(line, COL.eventCode);
  if (eventCode.length < 2 || eventCode.length > 4 || !isDigits(line, COL.eventCode)) {
    throw new GdeltRowError(`EventCode "${eventCode}" is not a CAMEO code`);
  }
  const mapping = maps.mapEvent(eventCode);
  let o = offset;
  out[o++] = id;
  out[o++] = layout.version;
  out[o++] = day;
  out[o++] = eventCode;
  out[o++] = mapping.type;
  out[o++] = mapping.type === null ? null : mapping.modality;
  out[o++] = mapping.capabilities || null;
  out[o++] = maps.mapActor(fieldOf(line, COL.actor1Country), fieldOf(line, COL.actor1KnownGroup));
  out[o++] = maps.mapActor(fieldOf(line, COL.actor2Country), fieldOf(line, COL.actor2KnownGroup));
  out[o++] = real(line, COL.goldstein, 'GoldsteinScale');
  out[o++] = int(line, COL.numMentions, 'NumMentions');
  out[o++] = int(line, COL.numSources, 'NumSources');
  out[o++] = int(line, COL.numArticles, 'NumArticles');
  int(line, COL.quadClass, 'QuadClass');
  real(line, COL.avgTone, 'AvgTone');
  checkDateAdded(line, layout.dateAdded);
  // Columns 5 to the end (a slice shares the line's memory: nothing copied before binding).
  out[o] = line.slice(starts[DETAIL_FIRST]!);
  return mapping.type;
}

/** One line as a row the way readers see it (tests, small imports). */
export function parseGdeltRow(line: string, maps: GdeltMaps, importedAt: string): GdeltEvent {
  const values: unknown[] = new Array(GDELT_WIDTH);
  parseGdeltInto(line, maps, values, 0);
  const row = Object.fromEntries(GDELT_COLUMNS.map((c, i) => [c, values[i]]));
  return toGdeltEvent({ ...row, imported_at: importedAt } as GdeltEventRow);
}

/** Column `i` of the line last split into `starts`. */
function fieldOf(line: string, i: number): string {
  return line.slice(starts[i]!, starts[i + 1]! - 1);
}

function isDigits(line: string, i: number): boolean {
  const end = starts[i + 1]! - 1;
  for (let p = starts[i]!; p < end; p++) {
    const c = line.charCodeAt(p);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** GLOBALEVENTID: 1 to 20 digits, kept as text (like every id of the store). */
function idOf(line: string): string {
  const id = fieldOf(line, COL.id);
  if (id.length === 0 || id.length > 20 || !isDigits(line, COL.id)) {
    throw new GdeltRowError(`GLOBALEVENTID "${id}" is not a number`);
  }
  return id;
}

/** SQLDATE `YYYYMMDD` → `YYYY-MM-DD`. */
function dayOf(line: string): string {
  const start = starts[COL.sqlDate]!;
  const length = starts[COL.sqlDate + 1]! - 1 - start;
  if (length === 8 && lastSqlDate !== '' && line.startsWith(lastSqlDate, start)) return lastDay;
  const value = fieldOf(line, COL.sqlDate);
  if (length !== 8 || !isDigits(line, COL.sqlDate)) {
    throw new GdeltRowError(`SQLDATE "${value}" is not YYYYMMDD`);
  }
  lastSqlDate = value;
  lastDay = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  return lastDay;
}

/** An integer column: plain digits parsed in place, anything else through Number(). */
function int(line: string, i: number, column: string): number | null {
  const start = starts[i]!;
  const end = starts[i + 1]! - 1;
  if (start === end) return null;
  let p = start;
  const negative = line.charCodeAt(p) === 45;
  if (negative) p++;
  let n = 0;
  for (; p < end; p++) {
    const c = line.charCodeAt(p);
    if (c < 48 || c > 57) break;
    n = n * 10 + c - 48;
  }
  if (p === end && end - start <= 15 && (!negative || end > start + 1)) return negative ? -n : n;
  const value = fieldOf(line, i);
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new GdeltRowError(`${column} "${value}" is not an integer`);
  return parsed;
}

/**
 * A decimal column (`-2.0`, `7.4`): plain `-?digits[.digits]` parsed in place — an integer of at
 * most 15 digits divided by a power of ten is the correctly rounded double, as Number() gives —
 * anything else through Number().
 */
function real(line: string, i: number, column: string): number | null {
  const start = starts[i]!;
  const end = starts[i + 1]! - 1;
  if (start === end) return null;
  let p = start;
  const negative = line.charCodeAt(p) === 45;
  if (negative) p++;
  let n = 0;
  let scale = 1;
  let digits = 0;
  let point = false;
  for (; p < end; p++) {
    const c = line.charCodeAt(p);
    if (c >= 48 && c <= 57) {
      n = n * 10 + c - 48;
      digits++;
      if (point) scale *= 10;
    } else if (c === 46 && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (p === end && digits > 0 && digits <= 15) return (negative ? -n : n) / scale;
  const value = fieldOf(line, i);
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new GdeltRowError(`${column} "${value}" is not a number`);
  return parsed;
}

/** DATEADDED: empty, `YYYYMMDD` or `YYYYMMDDHHMMSS`. */
function checkDateAdded(line: string, i: number): void {
  const length = starts[i + 1]! - 1 - starts[i]!;
  if (length === 0 || ((length === 8 || length === 14) && isDigits(line, i))) return;
  throw new GdeltRowError(`DATEADDED "${fieldOf(line, i)}" is not YYYYMMDD[HHMMSS]`);
}
