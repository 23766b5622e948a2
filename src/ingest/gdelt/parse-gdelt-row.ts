/**
 * One GDELT event line → a gdelt_events row (pure). Throws GdeltRowError with a message naming
 * the column when the line cannot be a GDELT event; the importer counts and lists those.
 *
 * The hot path (`parseGdeltInto`) writes the values straight into a flat array in
 * GDELT_COLUMNS order, slicing only the columns it keeps: at GDELT volumes, building an object
 * and 61 substrings per row costs more than storing it.
 * @module
 */
import { GDELT_COLUMNS } from '../../store/gdelt-repo.js';
import type { NewGdeltEvent } from '../../store/schema.js';
import type { GdeltMaps } from './cameo-map.js';
import { COL, layoutFor } from './gdelt-layout.js';

export class GdeltRowError extends Error {
  override readonly name = 'GdeltRowError';
}

const MAX_COLUMNS = 64;
const starts = new Int32Array(MAX_COLUMNS + 1);
const DIGITS = /^\d+$/;

/**
 * Parses `line` into `out[offset … offset + GDELT_COLUMNS.length)`.
 * @returns the ontology type written (null = unmapped) and the GDELT version.
 */
export function parseGdeltInto(
  line: string,
  maps: GdeltMaps,
  importedAt: string,
  out: unknown[],
  offset: number,
): { type: string | null; version: 1 | 2 } {
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

  const id = fieldOf(line, COL.id);
  if (id.length === 0 || id.length > 20 || !DIGITS.test(id)) {
    throw new GdeltRowError(`GLOBALEVENTID "${id}" is not a number`);
  }
  const sqlDate = fieldOf(line, COL.sqlDate);
  if (sqlDate.length !== 8 || !DIGITS.test(sqlDate)) {
    throw new GdeltRowError(`SQLDATE "${sqlDate}" is not YYYYMMDD`);
  }
  const eventCode = fieldOf(line, COL.eventCode);
  if (eventCode.length < 2 || eventCode.length > 4 || !DIGITS.test(eventCode)) {
    throw new GdeltRowError(`EventCode "${eventCode}" is not a CAMEO code`);
  }
  const mapping = maps.mapEvent(eventCode);
  const actor1Country = fieldOf(line, COL.actor1Country);
  const actor2Country = fieldOf(line, COL.actor2Country);
  const url = layout.sourceUrl >= 0 ? fieldOf(line, layout.sourceUrl) : '';
  let o = offset;
  out[o++] = id;
  out[o++] = layout.version;
  out[o++] = `${sqlDate.slice(0, 4)}-${sqlDate.slice(4, 6)}-${sqlDate.slice(6, 8)}`;
  out[o++] = parseDateAdded(fieldOf(line, layout.dateAdded));
  out[o++] = eventCode;
  out[o++] = fieldOf(line, COL.eventBaseCode) || eventCode.slice(0, 3);
  out[o++] = fieldOf(line, COL.eventRootCode) || eventCode.slice(0, 2);
  out[o++] = mapping.type;
  out[o++] = mapping.type === null ? null : mapping.modality;
  out[o++] = mapping.capabilities;
  out[o++] = fieldOf(line, COL.actor1Code) || null;
  out[o++] = fieldOf(line, COL.actor1Name) || null;
  out[o++] = actor1Country || null;
  out[o++] = fieldOf(line, COL.actor2Code) || null;
  out[o++] = fieldOf(line, COL.actor2Name) || null;
  out[o++] = actor2Country || null;
  out[o++] = maps.mapActor(actor1Country, fieldOf(line, COL.actor1KnownGroup));
  out[o++] = maps.mapActor(actor2Country, fieldOf(line, COL.actor2KnownGroup));
  out[o++] = fieldOf(line, COL.isRootEvent) === '1' ? 1 : 0;
  out[o++] = int(fieldOf(line, COL.quadClass), 'QuadClass');
  out[o++] = real(fieldOf(line, COL.goldstein), 'GoldsteinScale');
  out[o++] = int(fieldOf(line, COL.numMentions), 'NumMentions');
  out[o++] = int(fieldOf(line, COL.numSources), 'NumSources');
  out[o++] = int(fieldOf(line, COL.numArticles), 'NumArticles');
  out[o++] = real(fieldOf(line, COL.avgTone), 'AvgTone');
  out[o++] = fieldOf(line, layout.actionCountry) || null;
  out[o++] = fieldOf(line, layout.actionPlace) || null;
  out[o++] = url || null;
  out[o++] = importedAt;
  return { type: mapping.type, version: layout.version };
}

/** One line as a row object (tests, small imports). */
export function parseGdeltRow(line: string, maps: GdeltMaps, importedAt: string): NewGdeltEvent {
  const values: unknown[] = new Array(GDELT_COLUMNS.length);
  parseGdeltInto(line, maps, importedAt, values, 0);
  return Object.fromEntries(GDELT_COLUMNS.map((c, i) => [c, values[i]])) as NewGdeltEvent;
}

/** Column `i` of the line last split into `starts`. */
function fieldOf(line: string, i: number): string {
  return line.slice(starts[i]!, starts[i + 1]! - 1);
}

function int(value: string, column: string): number | null {
  if (value === '') return null;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new GdeltRowError(`${column} "${value}" is not an integer`);
  return n;
}

function real(value: string, column: string): number | null {
  if (value === '') return null;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new GdeltRowError(`${column} "${value}" is not a number`);
  return n;
}

/** `YYYYMMDDHHMMSS` → ISO timestamp; `YYYYMMDD` → date; empty → null. */
function parseDateAdded(value: string): string | null {
  if (value === '') return null;
  if (DIGITS.test(value)) {
    const day = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
    if (value.length === 8) return day;
    if (value.length === 14) {
      return `${day}T${value.slice(8, 10)}:${value.slice(10, 12)}:${value.slice(12, 14)}Z`;
    }
  }
  throw new GdeltRowError(`DATEADDED "${value}" is not YYYYMMDD[HHMMSS]`);
}
