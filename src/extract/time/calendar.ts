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

export function isValidDay(d: Day): boolean {
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  return d.day <= new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
}

function toUtc(d: Day): number {
  return Date.UTC(d.year, d.month - 1, d.day);
}

function fromUtc(ms: number): Day {
  const t = new Date(ms);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function addDays(d: Day, days: number): Day {
  return fromUtc(toUtc(d) + days * 86_400_000);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: Day): number {
  const w = new Date(toUtc(d)).getUTCDay();
  return w === 0 ? 7 : w;
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
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
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
