/**
 * Separable verbs: a verb whose particle stands apart from its finite stem at the end of the
 * clause in main clauses ("Russland setzt Truppen … ein", Dutch "zet … in") and joins it in the
 * infinitive, the participle and verb-final clauses ("einsetzen", "eingesetzt", "einzusetzen",
 * "dass Russland Truppen einsetzt"). The lexicon lists them as data (`separableVerbs`); this module
 * checks them and turns them into the joined terms and the stems to look for apart.
 * @module
 */
import { z } from 'zod';
import { appendAll } from '../domain/append-all.js';
import { VigieError } from '../domain/errors.js';
import type { LanguageLexicon } from './lexicon-schema.js';

const TermSchema = z.string().min(1).max(200);

/** One separable verb: its particle, its finite stems and participles, and what it reports. */
export const SeparableVerbSchema = z
  .object({
    /** The particle, one word: "ein", "ab", "zurück". */
    particle: z.string().regex(/^\p{Ll}+$/u, 'a particle is one lowercase word'),
    /**
     * Finite stems, in the term syntax (`setz*`): found apart ("setzt … ein") and joined to the
     * particle ("einsetzt", "einsetzen", and with the infix "einzusetzen").
     */
    stems: z.array(TermSchema).min(1),
    /** Participles without the particle ("gesetzt"): joined only ("eingesetzt"). */
    participles: z.array(TermSchema).default([]),
    /** The trigger entry (its `id`) whose event the verb reports. */
    trigger: z.string().optional(),
    /** Or the modality cue the verb is ("kündigt … an": plan). */
    cue: z.enum(['hedge', 'plan', 'conditional', 'negation']).optional(),
    /**
     * A cue only with a negation between stem and particle, which it takes in: the litotes
     * "schließt … nicht aus" (may be) is a hedge, no negation. It has no joined forms here (the
     * lexicon lists "nicht auszuschließen" as a phrase).
     */
    negated: z.boolean().optional(),
  })
  .refine((v) => (v.trigger === undefined) !== (v.cue === undefined), {
    message: 'a separable verb names either a `trigger` or a `cue`',
  });
export type SeparableVerb = z.infer<typeof SeparableVerbSchema>;

/** How a language splits its verbs. */
export const SeparableRulesSchema = z.object({
  /** The infinitive marker written between particle and stem ("zu": "einzusetzen"). */
  infix: z.string().optional(),
  /**
   * Words that may follow a clause-final particle besides punctuation and the sentence end:
   * coordinating conjunctions ("…, setzt Truppen ein und liefert …").
   */
  clauseEnds: z.array(z.string()).default([]),
});
export type SeparableRules = z.infer<typeof SeparableRulesSchema>;

/**
 * The joined forms of a verb: particle + stem, particle + infix + stem, particle + participle
 * (none for a `negated` cue).
 */
export function joinedForms(verb: SeparableVerb, rules: SeparableRules | undefined): string[] {
  const out: string[] = [];
  if (verb.negated === true) return out;
  for (const stem of verb.stems) {
    out.push(verb.particle + stem);
    if (rules?.infix !== undefined) out.push(verb.particle + rules.infix + stem);
  }
  for (const p of verb.participles) out.push(verb.particle + p);
  return out;
}

/** The joined terms of every separable verb that reports trigger `id` (or is cue `cue`). */
export function joinedTermsOf(
  lexicon: LanguageLexicon,
  of: { readonly trigger: string } | { readonly cue: string },
): string[] {
  const out: string[] = [];
  for (const v of lexicon.separableVerbs)
    if ('trigger' in of ? v.trigger === of.trigger : v.cue === of.cue)
      appendAll(out, joinedForms(v, lexicon.separable));
  return out;
}

/**
 * Fails on a separable verb that names a trigger the lexicon has not, and on a trigger with
 * neither terms nor a separable verb (it could never fire).
 */
export function checkSeparableVerbs(lexicon: LanguageLexicon, where: string): void {
  const ids = new Set(lexicon.triggers.map((e) => e.id));
  const fail = (message: string) => {
    throw new VigieError('VIGIE_LEXICON_INVALID', `${where}: ${message}`, { where });
  };
  lexicon.separableVerbs.forEach((v, i) => {
    if (v.trigger !== undefined && !ids.has(v.trigger))
      fail(
        `separableVerbs[${i}] (${v.particle}) names trigger "${v.trigger}", which is not in triggers`,
      );
  });
  for (const e of lexicon.triggers)
    if (e.terms.length === 0 && !lexicon.separableVerbs.some((v) => v.trigger === e.id))
      fail(`trigger "${e.id}" has no terms and no separable verb`);
}
