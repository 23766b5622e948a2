/**
 * Hedges that follow their verb. German and French put the hedging adverb after the finite verb
 * ("Nordkorea liefert offenbar Munition", "Pyongyang livre apparemment des obus"), inside a split
 * separable verb ("stellt … angeblich … bereit") and, in a verb-final clause, the hedging
 * auxiliary after the participle ("…, dass Pjöngjang Raketen geliefert haben soll"). Such a cue
 * hedges the trigger it follows in the same clause: no clause punctuation, no coordination and no
 * other trigger between them, no word that opens another clause (French "qui"). Languages opt in
 * with `modality.hedgeAfterVerb`.
 * @module
 */
import type { CompiledLanguage, TriggerRef } from '../lexicon/load-lexicons.js';
import { BREAK, hasBreak } from './clause-breaks.js';
import type { Hit, SentenceFacts } from './scan-sentence.js';

function particleOf(trigger: Hit<unknown>): { readonly start: number } | undefined {
  const value = trigger.value as Partial<TriggerRef> | null;
  return typeof value === 'object' && value !== null ? value.particle : undefined;
}

/** Whether the hedge cue `cue` stands after `trigger` in its clause (see the module comment). */
export function hedgesAfterVerb(
  cue: Hit<unknown>,
  trigger: Hit<unknown>,
  facts: SentenceFacts,
  lang: CompiledLanguage,
): boolean {
  const rule = lang.lexicon.modality.hedgeAfterVerb;
  if (rule === undefined || cue.start < trigger.end) return false;
  // A split verb's clause runs to its particle; any other trigger has `reach` units after it.
  const particle = particleOf(trigger);
  const within = particle !== undefined ? cue.end <= particle.start : false;
  if (!within && cue.start - trigger.end > rule.reach) return false;
  if (hasBreak(facts, trigger.end, cue.start, BREAK)) return false;
  if (facts.markers.coordination.some((m) => m.start >= trigger.end && m.end <= cue.start))
    return false;
  if (facts.triggers.some((t) => t !== trigger && t.start >= trigger.end && t.end <= cue.start))
    return false;
  return !opensClause(facts.norm, trigger.end, cue.start, rule.clauseOpeners);
}

const WORD = /\p{L}+/gu;

/** Whether norm[from, to) holds one of `openers` as a whole word. */
function opensClause(norm: string, from: number, to: number, openers: readonly string[]): boolean {
  if (openers.length === 0) return false;
  const gap = norm.slice(from, to);
  for (const m of gap.matchAll(WORD)) if (openers.includes(m[0])) return true;
  return false;
}
