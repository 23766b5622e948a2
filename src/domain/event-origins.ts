/**
 * An event's independent origins as people read them: the one-line summary and, per origin that
 * supports the event, its words and the outlets that carried it. Read from the credibility
 * explanation analysis stores on the event (`events.explanation`, rules credibility-v2; see
 * src/analyse/credibility/credibility-rules.ts); the API, the dashboard, `vigie board --explain`
 * and the exports show it.
 * @module
 */

export interface EventOrigin {
  /** "South Korea's NIS on 4 November 2025". */
  readonly label: string;
  /** The primary source key (`kor-nis`, `actor:KOR`), or null when grouped by story or outlet. */
  readonly source: string | null;
  readonly outlets: string[];
  readonly documentIds: string[];
}

export interface EventOrigins {
  /** "6 outlets, 1 independent origin: South Korea's NIS on 4 November 2025". */
  readonly summary: string;
  /** Origins that support the event (denying ones are named in the summary only). */
  readonly origins: EventOrigin[];
}

interface StoredGroup {
  readonly label?: unknown;
  readonly primary?: { readonly key?: unknown } | null;
  readonly outlets?: unknown;
  readonly documentIds?: unknown;
  readonly supportModality?: unknown;
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
  const { summary, groups } = value as { summary?: unknown; groups?: unknown };
  if (typeof summary !== 'string' || !Array.isArray(groups)) return null;
  return {
    summary,
    origins: (groups as StoredGroup[])
      .filter((g) => typeof g.supportModality === 'string')
      .map((g) => ({
        label: typeof g.label === 'string' ? g.label : '',
        source: typeof g.primary?.key === 'string' ? g.primary.key : null,
        outlets: strings(g.outlets),
        documentIds: strings(g.documentIds),
      })),
  };
}
