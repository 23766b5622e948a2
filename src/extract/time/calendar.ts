/**
 * Calendar arithmetic on UTC days and partial dates (YYYY, YYYY-MM, YYYY-MM-DD).
 * @module
 */

export interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function formatDay(d: Day): string {
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

export function formatMonth(year: number, month: number): string {
  return `${year}-${pad(month)}`;
}

/** The calendar day of an ISO date or timestamp (its first ten characters), or undefined. */
export function parsePublished(published: string | undefined): Day | undefined {
  if (published === undefined) return undefined;
  // Every sentence of a document asks for the same date: remember the last answer.
  if (published === lastPublished.text) return lastPublished.day;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  const d = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
  const day = d !== undefined && isValidDay(d) ? Object.freeze(d) : undefined;
  lastPublished = { text: published, day };
  return day;
}

let lastPublished: { readonly text: string; readonly day: Day | undefined } = {
  text: '',
  day: undefined,
};

/**
 * Date.UTC reads years 0–99 as 1900–1999; a day in those years (never a news date) keeps the Date
 * path so every answer stays the same. Every other day is done in integer arithmetic: the date
 * resolver runs on most event sentences, and a Date per step was a visible share of its time.
 */
const FIRST_ARITHMETIC_YEAR = 100;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function isValidDay(d: Day): boolean {
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  if (d.year < FIRST_ARITHMETIC_YEAR)
    return d.day <= new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
  return d.day <= (d.month === 2 && isLeap(d.year) ? 29 : MONTH_DAYS[d.month - 1]!);
}

/**
 * Days from 1970-01-01 (proleptic Gregorian, H. Hinnant's days_from_civil). Like Date.UTC, a day
 * past the month's end runs on into the next (the count is linear in `day`); month is 1–12.
 */
function dayNumber(d: Day): number {
  if (d.year < FIRST_ARITHMETIC_YEAR) return Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((d.month + 9) % 12) + 2) / 5) + d.day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** The day `n` days from 1970-01-01 (civil_from_days, the inverse of dayNumber). */
function dayOfNumber(n: number): Day {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return {
    year: yoe + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: doy - Math.floor((153 * mp + 2) / 5) + 1,
  };
}

export function addDays(d: Day, days: number): Day {
  return dayOfNumber(dayNumber(d) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(d: Day): number {
  return ((((dayNumber(d) + 3) % 7) + 7) % 7) + 1;
}

/** Monday of the week `offset` weeks from the one holding `d` (−1: last week). */
export function mondayOfWeek(d: Day, offset: number): Day {
  return addDays(d, 1 - isoWeekday(d) + offset * 7);
}

/** The most recent given weekday on or before `d`. */
export function lastWeekdayOnOrBefore(d: Day, weekday: number): Day {
  return addDays(d, -((isoWeekday(d) - weekday + 7) % 7));
}

/** Month `offset` months from d's month: [year, month]. */
export function shiftMonth(d: Day, offset: number): [number, number] {
  const index = d.year * 12 + (d.month - 1) + offset;
  return [Math.floor(index / 12), (index % 12) + 1];
}

export function daysBetween(a: Day, b: Day): number {
  return Math.round(dayNumber(b) - dayNumber(a));
}

/**
 * The year of a month (and day) the text gives without one: news reports past events, so the
 * most recent such date on or before publication, except a date at most `aheadDays` ahead
 * (an announced meeting next week) or a month at most one ahead.
 */
export function inferYear(published: Day, month: number, day?: number, aheadDays = 31): number {
  if (day === undefined) {
    const ahead = (month - published.month + 12) % 12;
    return month > published.month && ahead > 1 ? published.year - 1 : published.year;
  }
  const same = { year: published.year, month, day };
  const diff = daysBetween(published, same);
  return diff > aheadDays ? published.year - 1 : published.year;
}
