/** Display helpers: percentages, dates, actor pairs. */
import type { Words } from './i18n/i18n.js';

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
  /** The listed source (`kor-nis`), which the labels may name in the reader's language. */
  readonly source?: string | null;
  readonly label: string | null;
  readonly basis: string;
  readonly conduit: string | null;
}

/**
 * Whom a mention's text says the claim comes from: "South Korea's NIS (🇰🇷 South Korea) via
 * Yonhap", "the Kremlin (🇷🇺 Russia), carried on", "own reporting", "via Yonhap, no primary
 * source", "—". A listed source is named by the labels' `source.<id>` message, else its label.
 */
/**
 * "from South Korea's NIS (🇰🇷 South Korea) via Yonhap"; a claim with no primary source reads
 * "via Yonhap, no primary source", without "from".
 */
export function attributedFrom(a: AttributionLike, w: Words): string {
  const text = attributionText(a, w);
  return !a.actor && a.basis !== 'own' ? text : `${w.ui.wb.from} ${text}`;
}

export function attributionText(a: AttributionLike | null | undefined, w: Words): string {
  if (!a) return '—';
  const t = w.ui.attribution;
  if (a.basis === 'own') return t.own;
  if (!a.actor) return a.conduit ? w.fill(t.viaOnly, { conduit: a.conduit }) : '—';
  const name = a.source
    ? w.message({ key: `source.${a.source}`, params: { fallback: a.label ?? a.actor } })
    : null;
  // The state in brackets, unless the name already says whom (an organisation's acronym).
  let who = !name
    ? w.actor(a.actor)
    : name.includes(a.actor)
      ? name
      : `${name} (${w.actor(a.actor)})`;
  if (a.basis === 'continued') who = w.fill(t.carried, { who });
  return a.conduit ? w.fill(t.via, { who, conduit: a.conduit }) : who;
}
