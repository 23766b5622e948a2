/**
 * Day arithmetic on partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) and ISO timestamps.
 * Days are integers (days since 1970-01-01, UTC) so windows and gaps are plain subtraction.
 * @module
 */

/** An inclusive range of days. */
export interface DayRange {
  readonly start: number;
  readonly end: number;
}

const MS_PER_DAY = 86_400_000;

/** `2024-06-12` or `2024-06-12T08:00:00Z` → day number; null when not a date. */
export function dayNumber(iso: string | null | undefined): number | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return null;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function dayString(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The days a partial date covers: `2024` → Jan 1..Dec 31; `2024-06` → June; a day → itself. */
export function partialDateRange(date: string): DayRange {
  const y = Number(date.slice(0, 4));
  if (date.length === 4) {
    return { start: utcDay(y, 0, 1), end: utcDay(y + 1, 0, 1) - 1 };
  }
  const m = Number(date.slice(5, 7));
  if (date.length === 7) return { start: utcDay(y, m - 1, 1), end: utcDay(y, m, 1) - 1 };
  const d = utcDay(y, m - 1, Number(date.slice(8, 10)));
  return { start: d, end: d };
}

/** 4 (year), 7 (month) or 10 (day). */
export function datePrecision(date: string): number {
  return date.length;
}

/** Days between two ranges: 0 when they overlap or touch. */
export function rangeGap(a: DayRange, b: DayRange): number {
  if (a.end < b.start) return b.start - a.end;
  if (b.end < a.start) return a.start - b.end;
  return 0;
}

export function pointRange(day: number): DayRange {
  return { start: day, end: day };
}

/** Every year, month and day string whose range intersects [start, end]. */
export function dateKeysIntersecting(range: DayRange): string[] {
  const keys: string[] = [];
  const first = dayString(range.start);
  const last = dayString(range.end);
  for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y++) keys.push(String(y));
  let month = first.slice(0, 7);
  const lastMonth = last.slice(0, 7);
  for (;;) {
    keys.push(month);
    if (month >= lastMonth) break;
    month = nextMonth(month);
  }
  for (let d = range.start; d <= range.end; d++) keys.push(dayString(d));
  return keys;
}

/** Merges overlapping or adjacent ranges; the result is sorted. */
export function mergeRanges(ranges: readonly DayRange[]): DayRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: DayRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end + 1) {
      out[out.length - 1] = { start: last.start, end: Math.max(last.end, r.end) };
    } else out.push(r);
  }
  return out;
}

function utcDay(y: number, monthIndex: number, d: number): number {
  return Math.floor(Date.UTC(y, monthIndex, d) / MS_PER_DAY);
}

function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
