/**
 * Hedges that follow their verb. German and French put the hedging adverb after the finite verb
 * ("Nordkorea liefert offenbar Munition", "Pyongyang livre apparemment des obus"), inside a split
 * separable verb ("stellt … angeblich … bereit") and, in a verb-final clause, the hedging
 * auxiliary after the participle ("…, dass Pjöngjang Raketen geliefert haben soll"). Such a cue
 * hedges the trigger it follows in the same clause: no clause punctuation, no coordination and no
 * other trigger between them. Languages opt in with `modality.hedgeAfterVerb` (the reach).
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
  const reach = lang.lexicon.modality.hedgeAfterVerb;
  if (reach === undefined || cue.start < trigger.end) return false;
  // A split verb's clause runs to its particle; any other trigger has `reach` units after it.
  const particle = particleOf(trigger);
  const within = particle !== undefined ? cue.end <= particle.start : false;
  if (!within && cue.start - trigger.end > reach) return false;
  if (hasBreak(facts, trigger.end, cue.start, BREAK)) return false;
  if (facts.markers.coordination.some((m) => m.start >= trigger.end && m.end <= cue.start))
    return false;
  return !facts.triggers.some((t) => t !== trigger && t.start >= trigger.end && t.end <= cue.start);
}
