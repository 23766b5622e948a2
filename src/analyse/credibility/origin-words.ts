/**
 * Independent origins in words, for the credibility explanation, the event page and
 * `vigie board --explain`: "6 outlets, 1 origin: South Korea's NIS on 4 November 2025".
 * @module
 */
import { normaliseName as normalise, type OriginGroup } from './independence.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** `2025-11-04…` → "4 November 2025"; null when not a date. */
export function dayInWords(iso: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return null;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : null;
}

/**
 * One origin in words: its primary source and day ("South Korea's NIS on 4 November 2025"),
 * else the outlet's own reporting, else the first outlet's report.
 */
export function describeOrigin(g: OriginGroup): string {
  const day = dayInWords(g.firstPublished);
  const on = day ? ` on ${day}` : '';
  if (g.primary) return `${g.primary.label ?? g.primary.actor ?? g.primary.key}${on}`;
  const credited = g.keys.find((k) => k.startsWith('origin:'))?.slice('origin:'.length);
  const first = g.outlets[0];
  if (g.own && first) return `${first}'s own reporting${on}`;
  const creditedOutlet =
    credited && !g.outlets.some((o) => normalise(o) === credited) ? credited : null;
  if (creditedOutlet) return `a report credited to ${creditedOutlet}${on}`;
  if (first) return `${first}'s report${on}`;
  return `document ${g.documentIds[0] ?? g.id}${on}`;
}

/**
 * The origins of an event in one line: "6 outlets, 1 origin: South Korea's NIS on 4 November
 * 2025". `supporting` are the groups with a supporting mention; denials are named after them.
 */
export function summariseOrigins(
  supporting: readonly OriginGroup[],
  denying: readonly OriginGroup[] = [],
): string {
  const outlets = new Set<string>();
  for (const g of supporting) {
    for (const o of g.outlets) outlets.add(normalise(o));
    // A document without an outlet counts as one of its own.
    if (g.outlets.length === 0) for (const d of g.documentIds) outlets.add(`doc:${d}`);
  }
  const n = supporting.length;
  const head =
    `${outlets.size} outlet${outlets.size === 1 ? '' : 's'}, ` +
    `${n} independent origin${n === 1 ? '' : 's'}`;
  const parts = supporting.map(describeOrigin);
  const denied = denying.map(describeOrigin);
  return (
    (parts.length > 0 ? `${head}: ${parts.join('; ')}` : head) +
    (denied.length > 0 ? `; denied by ${denied.join('; ')}` : '')
  );
}
