/**
 * Silence, said as silence: an absence step (no matching report for a while) is labelled the
 * same way by the CLI, the API, the dashboard and the brief, so it never reads as evidence of
 * something that happened.
 * @module
 */

/** "silence: no new report for 734 days". */
export function silenceText(silentDays: number): string {
  return `silence: no new report for ${silentDays} day${silentDays === 1 ? '' : 's'}`;
}

/** The silent days of a stored step's explanation (JSON text or object), or null if not silence. */
export function silentDaysOf(explanation: unknown): number | null {
  let value = explanation;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!value || typeof value !== 'object') return null;
  const f = value as { kind?: unknown; silentDays?: unknown };
  return f.kind === 'absence' && typeof f.silentDays === 'number' ? f.silentDays : null;
}

/** "3 documents not analysed yet": shown wherever a probability is, while any are pending. */
export function pendingText(pending: number): string | null {
  return pending > 0
    ? `${pending} document${pending === 1 ? '' : 's'} not analysed yet: silence may be unread news`
    : null;
}
