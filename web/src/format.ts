/** Display helpers: percentages, dates, actor pairs. */

export function pct(p: number): string {
  return `${Math.round(p * 100)}%`;
}

/**
 * Signed change in percentage points: `+21 pts`, `−0.4 pts`, `+<0.1 pts`; a small real change
 * never reads as "+0 pts".
 */
export function points(before: number, after: number): string {
  const d = (after - before) * 100;
  if (d === 0) return '±0 pts';
  const a = Math.abs(d);
  const size = a >= 0.95 ? String(Math.round(a)) : a >= 0.05 ? a.toFixed(1) : '<0.1';
  return `${d > 0 ? '+' : '−'}${size} pts`;
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

/** What a mention's attribution says, in the words of the document page. */
export interface AttributionLike {
  readonly actor: string | null;
  readonly label: string | null;
  readonly basis: string;
  readonly conduit: string | null;
}

/**
 * Whom a mention's text says the claim comes from: "South Korea's NIS (KOR) via Yonhap",
 * "the Kremlin (RUS), carried on", "own reporting", "via Yonhap, no primary source", "—".
 */
export function attributionText(a: AttributionLike | null | undefined): string {
  if (!a) return '—';
  if (a.basis === 'own') return 'own reporting';
  const via = a.conduit ? ` via ${a.conduit}` : '';
  if (!a.actor) return a.conduit ? `via ${a.conduit}, no primary source` : '—';
  const who = a.label && a.label !== a.actor ? `${a.label} (${a.actor})` : a.actor;
  return `${who}${a.basis === 'continued' ? ', carried on' : ''}${via}`;
}
