/** Time-axis ticks for the dashboard's charts. */
const DAY_MS = 86_400_000;

/** Axis ticks on month starts (every 1, 2, 3, 6, 12 or 24 months), labelled "Jun 2024". */
export function monthTicks(
  min: number,
  max: number,
  maxTicks: number,
  lang: string,
): { t: number; label: string }[] {
  const months = Math.max(1, Math.round((max - min) / (30 * DAY_MS)));
  const step = [1, 2, 3, 6, 12, 24].find((s) => months / s <= maxTicks) ?? 24;
  const fmt = new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const start = new Date(min);
  const ticks: { t: number; label: string }[] = [];
  // Month index counted from year 0, so ticks fall on the same months whatever the start.
  for (let i = start.getUTCFullYear() * 12 + start.getUTCMonth(); ; i++) {
    const t = Date.UTC(Math.floor(i / 12), i % 12, 1);
    if (t > max) break;
    if (t >= min && i % step === 0) ticks.push({ t, label: fmt.format(t) });
  }
  if (ticks.length === 0) ticks.push({ t: min, label: fmt.format(min) });
  return ticks;
}
