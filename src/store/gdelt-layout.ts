/**
 * Column positions of GDELT event files (tab-separated, no header):
 * - 2.0 exports (15-minute `*.export.CSV`): 61 columns; geography blocks have an ADM2 code,
 *   DATEADDED is `YYYYMMDDHHMMSS`.
 * - 1.0 daily files (`YYYYMMDD.export.CSV`): 58 columns (57 in the backfiles without SOURCEURL);
 *   no ADM2 codes, DATEADDED is `YYYYMMDD`.
 * Columns 0–34 (ids, dates, actors, event codes, Goldstein, counts, tone) are the same in both.
 *
 * The store keeps the row from column 5 to its end in `gdelt_events.detail`, as in the file (one
 * slice of the line, no per-field work at import time); columns 0–4 are the id and SQLDATE
 * (stored as columns) and MonthYear, Year, FractionDate (derived from SQLDATE).
 * @module
 */
export type GdeltVersion = 1 | 2;

export interface GdeltLayout {
  readonly version: GdeltVersion;
  readonly columns: number;
  readonly actionCountry: number;
  readonly actionPlace: number;
  readonly dateAdded: number;
  /** -1 when the layout has no SOURCEURL. */
  readonly sourceUrl: number;
}

/** Shared columns 0–34. */
export const COL = {
  id: 0,
  sqlDate: 1,
  actor1Code: 5,
  actor1Name: 6,
  actor1Country: 7,
  actor1KnownGroup: 8,
  actor2Code: 15,
  actor2Name: 16,
  actor2Country: 17,
  actor2KnownGroup: 18,
  isRootEvent: 25,
  eventCode: 26,
  eventBaseCode: 27,
  eventRootCode: 28,
  quadClass: 29,
  goldstein: 30,
  numMentions: 31,
  numSources: 32,
  numArticles: 33,
  avgTone: 34,
} as const;

const V2: GdeltLayout = {
  version: 2,
  columns: 61,
  actionPlace: 52,
  actionCountry: 53,
  dateAdded: 59,
  sourceUrl: 60,
};
const V1_URL: GdeltLayout = {
  version: 1,
  columns: 58,
  actionPlace: 50,
  actionCountry: 51,
  dateAdded: 56,
  sourceUrl: 57,
};
const V1: GdeltLayout = { ...V1_URL, columns: 57, sourceUrl: -1 };

/** The layout for a row with this many columns, or undefined when no GDELT layout has it. */
export function layoutFor(columns: number): GdeltLayout | undefined {
  return columns === 61 ? V2 : columns === 58 ? V1_URL : columns === 57 ? V1 : undefined;
}

/** `detail` holds the file's columns DETAIL_FIRST … last: field i is column DETAIL_FIRST + i. */
export const DETAIL_FIRST = COL.actor1Code;

/**
 * DATEADDED (`YYYYMMDDHHMMSS` or `YYYYMMDD`) as ISO 8601 (timestamp or date); null when empty,
 * undefined when it is neither form.
 */
export function isoDateAdded(value: string): string | null | undefined {
  if (value === '') return null;
  if ((value.length !== 8 && value.length !== 14) || !allDigits(value)) return undefined;
  const day = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  if (value.length === 8) return day;
  return `${day}T${value.slice(8, 10)}:${value.slice(10, 12)}:${value.slice(12, 14)}Z`;
}

function allDigits(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
