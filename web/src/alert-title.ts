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
  const threshold = thresholdTitle(a, w);
  if (threshold) return threshold;
  const p = a.payload as { eventType?: unknown; pair?: unknown } | null;
  const type = typeof p?.eventType === 'string' ? p.eventType : null;
  const pair =
    Array.isArray(p?.pair) && p.pair.length === 2 && p.pair.every((x) => typeof x === 'string')
      ? (p.pair as [string, string])
      : null;
  if (a.kind !== 'first-event' || !type || !pair) return relabel(a.title, w);
  return w.fill(w.ui.firstEventTitle, { type: w.type(type), pair: w.pair(pair[0], pair[1]) });
}

/**
 * "First ARMS_TRANSFER RUS → PRK" → "First Arms transfer 🇷🇺 Russia → 🇰🇵 North Korea"; an event
 * signature as story reasons write it ("MISSILE_TEST/PRK/-") reads "Missile test 🇰🇵 North Korea".
 */
export function relabel(text: string, w: Words): string {
  return text
    .replace(
      /\b([A-Z]+(?:_[A-Z]+)*)\/([A-Z]{3}|-)\/([A-Z]{3}|-)(?![\w/])/g,
      (all, type: string, s: string, t: string) => {
        const worded = w.type(type);
        if (worded === type) return all;
        const source = s === '-' ? null : s;
        const target = t === '-' ? null : t;
        return source || target ? `${worded} ${w.pair(source, target)}` : worded;
      },
    )
    .replace(/\b[A-Z]{2,}(?:_[A-Z]+)+\b|\b[A-Z]{3}\b/g, (code) => {
      if (code.includes('_')) {
        const type = w.type(code);
        return type !== code ? type : w.capability(code);
      }
      const actor = w.actor(code);
      return actor === code ? code : actor;
    });
}

/** "[board] Title rose above 50%: 10% → 78.4% on 2025-06-18", worded from the payload. */
function thresholdTitle(a: Alert, w: Words): string | null {
  const p = a.payload as {
    boardId?: unknown;
    hypothesisTitle?: unknown;
    direction?: unknown;
    level?: unknown;
    before?: unknown;
    after?: unknown;
    at?: unknown;
  } | null;
  if (a.kind !== 'threshold' || !p || typeof p.hypothesisTitle !== 'string') return null;
  const { level, before, after } = p;
  if (typeof level !== 'number' || typeof before !== 'number' || typeof after !== 'number')
    return null;
  if (p.direction !== 'up' && p.direction !== 'down') return null;
  const percent = (x: number) =>
    new Intl.NumberFormat(w.lang, { style: 'percent', maximumFractionDigits: 1 }).format(x);
  const text = w.message({
    key: `alert.threshold.${p.direction}`,
    params: {
      hypothesis: p.hypothesisTitle,
      level: percent(level),
      before: percent(before),
      after: percent(after),
      at: typeof p.at === 'string' ? p.at : '',
    },
  });
  return typeof p.boardId === 'string' ? `[${p.boardId}] ${text}` : text;
}
