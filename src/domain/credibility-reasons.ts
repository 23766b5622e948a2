/**
 * Why an event has its credibility, in a few lines people read: the base rule, the best grade of
 * the origins that assert it, and the penalty for denials. Read from the explanation analysis
 * stores on the event (rules credibility-v2; src/analyse/credibility/credibility-rules.ts).
 * @module
 */

interface StoredExplanation {
  readonly base?: { readonly value?: unknown; readonly rule?: unknown } | null;
  readonly bestReliability?: unknown;
  readonly denialPenalty?: unknown;
  readonly counts?: {
    readonly firm?: unknown;
    readonly hedged?: unknown;
    readonly hypothetical?: unknown;
    readonly denials?: unknown;
  } | null;
}

const count = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The reasons of a stored explanation (JSON text or parsed); [] before credibility-v2. */
export function readCredibilityReasons(explanation: unknown): string[] {
  let value = explanation;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return [];
    }
  }
  if (!value || typeof value !== 'object') return [];
  const e = value as StoredExplanation;
  if (!e.base || typeof e.base.rule !== 'string' || typeof e.base.value !== 'number') return [];
  const reasons = [`${e.base.rule}: credibility ${e.base.value}`];
  const c = e.counts ?? {};
  const firm = count(c.firm);
  const hedged = count(c.hedged);
  const hypothetical = count(c.hypothetical);
  const denials = count(c.denials);
  const parts = [
    firm > 0 ? plural(firm, 'origin asserts it', 'origins assert it') : '',
    hedged > 0
      ? plural(hedged, 'origin reports it as possible', 'origins report it as possible')
      : '',
    hypothetical > 0
      ? plural(hypothetical, 'origin only supposes it', 'origins only suppose it')
      : '',
    denials > 0 ? plural(denials, 'origin denies it', 'origins deny it') : '',
  ].filter((p) => p !== '');
  if (parts.length > 0) reasons.push(parts.join(', '));
  if (typeof e.bestReliability === 'string') {
    reasons.push(`best source grade among them: ${e.bestReliability}`);
  }
  const penalty = count(e.denialPenalty);
  if (penalty > 0) reasons.push(`denials lower it by ${penalty}`);
  return reasons;
}
