/**
 * Independent origins in words, for the credibility explanation, the event page and
 * `vigie board --explain`: "6 outlets, 1 origin: South Korea's NIS on 4 November 2025". Built as
 * messages (src/domain/messages.ts, worded from data/labels) so the dashboard words them in its
 * language; the explanation stores both the message and its English text.
 * @module
 */
import { englishMessages, englishText } from '../../domain/english-messages.js';
import { formatDay, message, type Message } from '../../domain/messages.js';
import { normaliseName as normalise, type OriginGroup } from './independence.js';

const DAY = /^(\d{4}-\d{2}-\d{2})/;

/** `2025-11-04…` → "4 November 2025"; null when not a date. */
export function dayInWords(iso: string | null | undefined): string | null {
  const m = DAY.exec(iso ?? '');
  return m ? formatDay(englishMessages(), m[1]!) : null;
}

/**
 * One origin: its primary source and day ("South Korea's NIS on 4 November 2025"), else the
 * outlet's own reporting, else the first outlet's report. A primary source is the message
 * `source.<id>`, which a language may name (data/labels/fr.json); else its stored label.
 */
export function originMessage(g: OriginGroup): Message {
  const day = DAY.exec(g.firstPublished ?? '')?.[1];
  const on = day ? message('origin.on', { day }) : '';
  if (g.primary) {
    const fallback = g.primary.label ?? g.primary.actor ?? g.primary.key;
    const source = message(`source.${g.primary.source ?? g.primary.key}`, { fallback });
    return message('origin.primary', { source, on });
  }
  const credited = g.keys.find((k) => k.startsWith('origin:'))?.slice('origin:'.length);
  const first = g.outlets[0];
  if (g.own && first) return message('origin.own', { outlet: first, on });
  const creditedOutlet =
    credited && !g.outlets.some((o) => normalise(o) === credited) ? credited : null;
  if (creditedOutlet) return message('origin.credited', { outlet: creditedOutlet, on });
  if (first) return message('origin.outlet', { outlet: first, on });
  return message('origin.document', { id: g.documentIds[0] ?? g.id, on });
}

export function describeOrigin(g: OriginGroup): string {
  return englishText(originMessage(g));
}

/**
 * The origins of an event in one line: "6 outlets, 1 origin: South Korea's NIS on 4 November
 * 2025". `supporting` are the groups with a supporting mention; denials are named after them.
 */
export function originsMessage(
  supporting: readonly OriginGroup[],
  denying: readonly OriginGroup[] = [],
): Message {
  const outlets = new Set<string>();
  for (const g of supporting) {
    for (const o of g.outlets) outlets.add(normalise(o));
    // A document without an outlet counts as one of its own.
    if (g.outlets.length === 0) for (const d of g.documentIds) outlets.add(`doc:${d}`);
  }
  const head = message('origins.head', {
    outlets: message('origins.outlets', { n: outlets.size }),
    origins: message('origins.independent', { n: supporting.length }),
  });
  const summary =
    supporting.length > 0
      ? message('origins.list', { head, parts: supporting.map(originMessage) })
      : head;
  return denying.length > 0
    ? message('origins.denied', { summary, denied: denying.map(originMessage) })
    : summary;
}

export function summariseOrigins(
  supporting: readonly OriginGroup[],
  denying: readonly OriginGroup[] = [],
): string {
  return englishText(originsMessage(supporting, denying));
}
