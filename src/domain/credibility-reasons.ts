/**
 * Why an event has its credibility, in a few lines people read: the base rule, the best grade of
 * the origins that assert it, and the penalty for denials. Read from the explanation analysis
 * stores on the event (rules credibility-v2; src/analyse/credibility/credibility-rules.ts), as
 * messages (src/domain/messages.ts) the dashboard words in its language.
 * @module
 */
import { englishText } from './english-messages.js';
import { message, type Message } from './messages.js';

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

/** The base rules' message keys (credibility-rules.ts writes their English text). */
export const CREDIBILITY_RULES = [
  'firm3',
  'firm2Strong',
  'firm2',
  'firm1Strong',
  'firm1E',
  'firm1',
  'hedged2',
  'hedged1',
  'hypothetical',
  'denials',
] as const;
export type CredibilityRule = (typeof CREDIBILITY_RULES)[number];

export const ruleMessage = (rule: CredibilityRule): Message => message(`credibility.rule.${rule}`);

let byText: Map<string, Message> | undefined;
/** A stored rule's message: stored explanations keep the rule's English text. */
function storedRule(text: string): Message {
  byText ??= new Map(CREDIBILITY_RULES.map((r) => [englishText(ruleMessage(r)), ruleMessage(r)]));
  return byText.get(text) ?? message('text', { text });
}

function parse(explanation: unknown): StoredExplanation | null {
  let value = explanation;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return null;
    }
  }
  return value && typeof value === 'object' ? (value as StoredExplanation) : null;
}

/** The reasons of a stored explanation (JSON text or parsed); [] before credibility-v2. */
export function readCredibilityReasonMessages(explanation: unknown): Message[] {
  const e = parse(explanation);
  if (!e?.base || typeof e.base.rule !== 'string' || typeof e.base.value !== 'number') return [];
  const reasons = [
    message('credibility.base', { rule: storedRule(e.base.rule), value: e.base.value }),
  ];
  const c = e.counts ?? {};
  const parts = (['firm', 'hedged', 'hypothetical', 'denials'] as const)
    .filter((k) => count(c[k]) > 0)
    .map((k) => message(`credibility.${k}`, { n: count(c[k]) }));
  if (parts.length > 0) reasons.push(message('credibility.counts', { parts }));
  if (typeof e.bestReliability === 'string') {
    reasons.push(message('credibility.best', { grade: e.bestReliability }));
  }
  const penalty = count(e.denialPenalty);
  if (penalty > 0) reasons.push(message('credibility.penalty', { n: penalty }));
  return reasons;
}

/** The same reasons in English. */
export function readCredibilityReasons(explanation: unknown): string[] {
  return readCredibilityReasonMessages(explanation).map(englishText);
}
