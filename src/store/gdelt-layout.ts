/**
 * Column positions of GDELT event files (tab-separated, no header):
 * - 2.0 exports (15-minute `*.export.CSV`): 61 columns; geography blocks have an ADM2 code,
 *   DATEADDED is `YYYYMMDDHHMMSS`.
 * - 1.0 daily files (`YYYYMMDD.export.CSV`): 58 columns (57 in the backfiles without SOURCEURL);
 *   no ADM2 codes, DATEADDED is `YYYYMMDD`.
 * Columns 0–34 (ids, dates, actors, event codes, Goldstein, counts, tone) are the same in both.
 *
 * The store keeps what it does not give a column of its own in `gdelt_events.detail`: columns
 * 5–34, then the ActionGeo block through DATEADDED, tab-separated as in the file (two slices of
 * the line, no per-field work at import time).
 * @module
 */
export type GdeltVersion = 1 | 2;

export interface GdeltLayout {
  readonly version: GdeltVersion;
  readonly columns: number;
  /** First column of the ActionGeo block (ActionGeo_Type). */
  readonly actionGeo: number;
  readonly actionCountry: number;
  readonly actionPlace: number;
  /** DATEADDED: the column right after the ActionGeo block. */
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
  actionGeo: 51,
  actionPlace: 52,
  actionCountry: 53,
  dateAdded: 59,
  sourceUrl: 60,
};
const V1_URL: GdeltLayout = {
  version: 1,
  columns: 58,
  actionGeo: 49,
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

/** The layout of a stored row's version (for reading `detail`). */
export function layoutOfVersion(version: number): GdeltLayout {
  return version === 1 ? V1_URL : V2;
}

/** `detail` holds file columns DETAIL_FIRST … DETAIL_LAST, then ActionGeo … DATEADDED. */
export const DETAIL_FIRST = COL.actor1Code;
export const DETAIL_LAST = COL.avgTone;

/** Index in the split `detail` of file column `column` (of the shared block or the ActionGeo block). */
export function detailIndex(layout: GdeltLayout, column: number): number {
  return column <= DETAIL_LAST
    ? column - DETAIL_FIRST
    : DETAIL_LAST - DETAIL_FIRST + 1 + column - layout.actionGeo;
}

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
