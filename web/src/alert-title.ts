/**
 * An alert's title in words. The server writes titles with codes ("First ARMS_TRANSFER RUS →
 * PRK"): a first-event alert whose payload names its event type and pair is retold with labels;
 * in any other title, ontology codes (upper-case with an underscore, or a state's alpha-3 code)
 * are swapped for their labels and the rest (the rule author's words) is kept.
 * @module
 */
import type { Alert } from './api-types.js';
import type { Words } from './i18n/i18n.js';

export function alertTitle(a: Alert, w: Words): string {
  const p = a.payload as { eventType?: unknown; pair?: unknown } | null;
  const type = typeof p?.eventType === 'string' ? p.eventType : null;
  const pair =
    Array.isArray(p?.pair) && p.pair.length === 2 && p.pair.every((x) => typeof x === 'string')
      ? (p.pair as [string, string])
      : null;
  if (a.kind !== 'first-event' || !type || !pair) return relabel(a.title, w);
  return w.fill(w.ui.firstEventTitle, { type: w.type(type), pair: w.pair(pair[0], pair[1]) });
}

/** "First ARMS_TRANSFER RUS → PRK" → "First Arms transfer 🇷🇺 Russia → 🇰🇵 North Korea". */
export function relabel(text: string, w: Words): string {
  return text.replace(/\b[A-Z]{2,}(?:_[A-Z]+)+\b|\b[A-Z]{3}\b/g, (code) => {
    if (code.includes('_')) {
      const type = w.type(code);
      return type !== code ? type : w.capability(code);
    }
    const actor = w.actor(code);
    return actor === code ? code : actor;
  });
}
