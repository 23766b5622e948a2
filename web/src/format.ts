/** Display helpers: percentages, dates, actor pairs. */

export function pct(p: number): string {
  return `${Math.round(p * 100)}%`;
}

/**
 * Signed change in percentage points: `+21 pts`; a change under half a point keeps one decimal
 * (`+0.3 pts`), so a real move never reads "+0 pts".
 */
export function points(before: number, after: number): string {
  const d = (after - before) * 100;
  const shown = Math.abs(d) < 0.5 ? Math.abs(d).toFixed(1) : String(Math.round(Math.abs(d)));
  return `${d >= 0 ? '+' : '−'}${shown} pts`;
}

/** Two probabilities, with one decimal when whole percentages would read the same ("8.2%", "8.4%"). */
export function pctPair(a: number, b: number): [string, string] {
  if (pct(a) !== pct(b) || a === b) return [pct(a), pct(b)];
  const one = (p: number) => `${(Math.round(p * 1000) / 10).toFixed(1)}%`;
  return [one(a), one(b)];
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
