/**
 * Whom a mention's text says its claim comes from (the primary source), kept apart from the
 * conduit that carried it: "the national security adviser told SBS" → the South Korean
 * government, SBS as conduit; "selon Yonhap" → no primary source, Yonhap as conduit.
 * Ingest records it on every mention (`mentions.attribution`, JSON); analysis counts independent
 * origins by it (docs/credibility.md §2).
 * @module
 */
import { z } from 'zod';
import { ActorCodeSchema } from './ontology.js';

/**
 * How the attribution was read:
 * - `named`: a listed source (data/stories/sources.yaml) is named with an attribution cue in the
 *   mention's sentence ("the NIS said", "합참에 따르면");
 * - `speaker`: a state or body speaks without a listed source ("Seoul said", "Kiev accuses"), or
 *   the mention is itself a statement (CONCERN, REJECTION, REQUEST, THREAT) and its speaker is
 *   the source;
 * - `continued`: the sentence carries on an earlier attributed statement ("it said", "the agency
 *   added", reported speech) and takes its source;
 * - `own`: the outlet's own reporting ("our correspondent saw", "satellite images obtained by");
 * - `conduit`: only a conduit is named ("selon Yonhap"), no primary source.
 */
export const ATTRIBUTION_BASES = ['named', 'speaker', 'continued', 'own', 'conduit'] as const;
export type AttributionBasis = (typeof ATTRIBUTION_BASES)[number];

export const MentionAttributionSchema = z.object({
  /** The state or organisation the claim comes from; null for own reporting or a conduit alone. */
  actor: ActorCodeSchema.nullable(),
  /** The listed source (`kor-nis`), finer than the actor; null when only the actor is known. */
  source: z.string().nullable(),
  /** The primary source in words ("the NIS", "South Korea"), for explanations. */
  label: z.string().nullable(),
  basis: z.enum(ATTRIBUTION_BASES),
  /** Where the text says it (UTF-16 offsets into the document text): the name or the cue. */
  span: z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }).nullable(),
  /** The agency or outlet that carried the claim ("Yonhap", "SBS"), when the text names one. */
  conduit: z.string().nullable(),
  /**
   * States that speak together ("Britain, France and Germany said"), sorted; `actor` is the
   * first the text names. Absent when one speaks alone.
   */
  joint: z.array(ActorCodeSchema).min(2).optional(),
});
export type MentionAttribution = z.infer<typeof MentionAttributionSchema>;

/**
 * The key independence groups by: the listed source, else the actor (the states speaking
 * together, in code order: `actor:DEU+FRA+GBR`); null when the claim has no
 * primary source (own reporting, a conduit alone).
 */
export function primarySourceKey(a: MentionAttribution | null | undefined): string | null {
  if (!a || a.basis === 'own' || a.basis === 'conduit') return null;
  if (a.joint) return `actor:${a.joint.join('+')}`;
  return a.source ?? (a.actor ? `actor:${a.actor}` : null);
}

/** A stored attribution (JSON text) read back; null when absent or unreadable. */
export function readAttribution(text: string | null | undefined): MentionAttribution | null {
  if (!text) return null;
  try {
    const parsed = MentionAttributionSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
