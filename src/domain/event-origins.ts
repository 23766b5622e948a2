/**
 * An event's independent origins as people read them: the one-line summary and, per origin that
 * supports the event, its words and the outlets that carried it. Read from the credibility
 * explanation analysis stores on the event (`events.explanation`, rules credibility-v2; see
 * src/analyse/credibility/credibility-rules.ts); the API, the dashboard, `vigie board --explain`
 * and the exports show it.
 * @module
 */

import { message, type Message } from './messages.js';

export interface EventOrigin {
  /** "South Korea's NIS on 4 November 2025". */
  readonly label: string;
  /** The same as a message (src/domain/messages.ts), to word in another language. */
  readonly labelMessage: Message;
  /** The primary source key (`kor-nis`, `actor:KOR`), or null when grouped by story or outlet. */
  readonly source: string | null;
  readonly outlets: string[];
  readonly documentIds: string[];
}

export interface EventOrigins {
  /** "6 outlets, 1 independent origin: South Korea's NIS on 4 November 2025". */
  readonly summary: string;
  readonly summaryMessage: Message;
  /** Origins that support the event (denying ones are named in the summary only). */
  readonly origins: EventOrigin[];
}

interface StoredGroup {
  readonly label?: unknown;
  readonly labelMessage?: unknown;
  readonly primary?: { readonly key?: unknown } | null;
  readonly outlets?: unknown;
  readonly documentIds?: unknown;
  readonly supportModality?: unknown;
}

/** A stored message, or (explanations stored before messages) the English text as it is. */
function storedMessage(stored: unknown, text: string): Message {
  if (stored && typeof stored === 'object' && typeof (stored as Message).key === 'string')
    return stored as Message;
  return message('text', { text });
}

const strings = (x: unknown): string[] =>
  Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : [];

/** The origins of a stored explanation (JSON text or parsed); null before credibility-v2. */
export function readEventOrigins(explanation: unknown): EventOrigins | null {
  let value = explanation;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return null;
    }
  }
  if (!value || typeof value !== 'object') return null;
  const { summary, summaryMessage, groups } = value as {
    summary?: unknown;
    summaryMessage?: unknown;
    groups?: unknown;
  };
  if (typeof summary !== 'string' || !Array.isArray(groups)) return null;
  return {
    summary,
    summaryMessage: storedMessage(summaryMessage, summary),
    origins: (groups as StoredGroup[])
      .filter((g) => typeof g.supportModality === 'string')
      .map((g) => ({
        label: typeof g.label === 'string' ? g.label : '',
        labelMessage: storedMessage(g.labelMessage, typeof g.label === 'string' ? g.label : ''),
        source: typeof g.primary?.key === 'string' ? g.primary.key : null,
        outlets: strings(g.outlets),
        documentIds: strings(g.documentIds),
      })),
  };
}
