import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isoWeekday, isValidDay, type Day } from './calendar.js';

/** The same answers through Date, as calendar.ts gave them before it did its own arithmetic. */
const viaDate = {
  valid: (d: Day) =>
    d.month >= 1 &&
    d.month <= 12 &&
    d.day >= 1 &&
    d.day <= new Date(Date.UTC(d.year, d.month, 0)).getUTCDate(),
  add: (d: Day, n: number): Day => {
    const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + n * 86_400_000);
    return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
  },
  weekday: (d: Day) => new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() || 7,
};

describe('calendar arithmetic', () => {
  it('agrees with Date on every day of 1896–2104 (leap centuries included) and on overflowing days', () => {
    const mismatches: string[] = [];
    for (let year = 1896; year <= 2104; year++)
      for (let month = 1; month <= 12; month++)
        for (let day = 0; day <= 32; day++) {
          const d = { year, month, day };
          const tag = `${year}-${month}-${day}`;
          if (isValidDay(d) !== viaDate.valid(d)) mismatches.push(`valid ${tag}`);
          if (day === 0 || day === 32) {
            // Past the month's end the day runs on, as with Date.UTC.
            if (daysBetween({ year, month, day: 1 }, d) !== day - 1) mismatches.push(`run ${tag}`);
            continue;
          }
          for (const n of [-400, -8, -1, 0, 1, 7, 31, 366])
            if (JSON.stringify(addDays(d, n)) !== JSON.stringify(viaDate.add(d, n)))
              mismatches.push(`add ${tag} ${n}`);
          if (isoWeekday(d) !== viaDate.weekday(d)) mismatches.push(`weekday ${tag}`);
        }
    expect(mismatches).toEqual([]);
  });

  it('keeps Date.UTC’s reading of two-digit years', () => {
    expect(isValidDay({ year: 0, month: 2, day: 29 })).toBe(false); // read as 1900
    expect(addDays({ year: 24, month: 2, day: 28 }, 1)).toEqual({ year: 1924, month: 2, day: 29 });
    expect(isoWeekday({ year: 70, month: 1, day: 1 })).toBe(4);
  });

  it('knows the weekday of a known day', () => {
    expect(isoWeekday({ year: 2024, month: 1, day: 1 })).toBe(1);
    expect(isoWeekday({ year: 2023, month: 9, day: 13 })).toBe(3);
  });
});
