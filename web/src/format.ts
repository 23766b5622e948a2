/** Display helpers: percentages, dates, actor pairs. */

export function pct(p: number): string {
  return `${Math.round(p * 100)}%`;
}

/** Signed change in percentage points: `+21 pts`. */
export function points(before: number, after: number): string {
  const d = Math.round((after - before) * 100);
  return `${d >= 0 ? '+' : '−'}${Math.abs(d)} pts`;
}

export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '—';
}

export function dateTime(iso: string | null | undefined): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}`.trim() : '—';
}

export function pair(source: string | null, target: string | null): string {
  if (source && target) return `${source} → ${target}`;
  return source ?? target ?? '—';
}
