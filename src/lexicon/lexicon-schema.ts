/**
 * Shapes of the language data files: `data/lexicons/<lang>.yaml` and `data/gazetteer/*.yaml`.
 * The format is documented in docs/adding-a-language.md.
 * @module
 */
import { z } from 'zod';
import { ActorCodeSchema, CapabilitySchema, EventTypeSchema } from '../domain/ontology.js';
import { SeparableRulesSchema, SeparableVerbSchema } from './separable-verbs.js';

/** A term: `word`, `stem*` (any continuation), `=word` (whole word even in no-space scripts), `stem{set}`. */
const TermSchema = z.string().min(1).max(200);
const TermListSchema = z.array(TermSchema);

/** A trigger frame: which event type a trigger yields, under which conditions. */
export const FrameSchema = z.object({
  type: EventTypeSchema,
  /** An object class (see `classes`) that must occur in the sentence. */
  class: z.string().optional(),
  /** The sentence must hold an actor marked as target (preposition, particle or case). */
  needsTarget: z.boolean().optional(),
});
export type Frame = z.infer<typeof FrameSchema>;

export const TriggerEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase kebab-case'),
    /** May be empty when separable verbs (`separableVerbs`) name the entry. */
    terms: TermListSchema.default([]),
    /** Shorthand for a single unconditional frame. */
    type: EventTypeSchema.optional(),
    frames: z.array(FrameSchema).optional(),
    /**
     * Events named in the same sentence are denied: HEDGED, since the denial is the denier's word
     * (ontology.md, Modality).
     */
    denial: z.boolean().optional(),
    /** Events named after it ("accused Tehran of supplying drones") are alleged: HEDGED. */
    accusation: z.boolean().optional(),
    /**
     * A noun naming the event ("treaty", "조약"): a mention only beside a verb of its type in the
     * sentence ("signed a treaty") or as a restatement of one the document reported.
     */
    nominal: z.boolean().optional(),
    /** The trigger itself carries a modality (e.g. "plans", "threatened to"). */
    modality: z.enum(['PLANNED', 'HEDGED', 'HYPOTHETICAL', 'NEGATED']).optional(),
    /**
     * A light verb ("oversaw", "inspected", "watched") reports an event only when no other trigger
     * follows it closely: "oversaw the launch" is the launch, "oversaw production" is production.
     */
    light: z.boolean().optional(),
    /**
     * A verb of receiving ("received", "a reçu", "получила", "받았다"): its grammatical subject is
     * the recipient, so roles read from the subject position turn round (assign-roles).
     */
    receiving: z.boolean().optional(),
  })
  .refine((e) => e.type !== undefined || (e.frames !== undefined && e.frames.length > 0), {
    message: 'a trigger needs `type` or a non-empty `frames`',
  });
export type TriggerEntry = z.infer<typeof TriggerEntrySchema>;

export const CapabilityEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  capabilities: z.array(CapabilitySchema).min(1),
  terms: TermListSchema.min(1),
  /** Dropped when one of these capabilities is also found ("missile" next to "cruise"). */
  unless: z.array(CapabilitySchema).optional(),
});

export const RoleCuesSchema = z.object({
  /** Words just before an actor that make it a target/recipient ("to", "à", "в"). */
  targetBefore: TermListSchema.default([]),
  /**
   * Words just before an actor that make it the side acted against ("against", "contre",
   * "против"): the target of a strike or a sanction, never the recipient of a transfer.
   */
  opposedBefore: TermListSchema.default([]),
  /** Words just before a place ("in", "en", "在"): where something happens, never a recipient of arms. */
  placeBefore: TermListSchema.default([]),
  /**
   * Words just before an ally ("alongside", "на стороне", "an der Seite"): the side fought with,
   * never the one attacked.
   */
  allyBefore: TermListSchema.default([]),
  /**
   * Words just before an actor that make it a mere modifier, the owner of a norm ("resolutions of
   * the UN Security Council", "résolutions de l'ONU"): never a party to the event.
   */
  inertBefore: TermListSchema.default([]),
  /**
   * "in return for", "en échange de", "в обмен на": what follows is paid back the other way
   * ("sent troops to Russia in return for missile technology": the technology goes to the sender).
   */
  exchange: TermListSchema.default([]),
  /** Particles or words just after an actor that make it a target (Korean 에, Japanese に). */
  targetAfter: TermListSchema.default([]),
  /** Words just before an actor that make it the source/agent ("by", "from", "из"). */
  sourceBefore: TermListSchema.default([]),
  sourceAfter: TermListSchema.default([]),
  /** Particles after an actor that mark the subject (Korean 이/가/은/는, Japanese が/は). */
  subjectAfter: TermListSchema.default([]),
  /** Particles marking a possessor (ko 의, ja の): the owner of a nominal event is its agent. */
  possessorAfter: TermListSchema.default([]),
  /** Phrases right after an actor that make it the origin of the report (Korean 에 따르면). */
  attributionAfter: TermListSchema.default([]),
  /** Words right after an actor that make it a mere modifier ("UN resolutions", "안보리 결의"). */
  inertAfter: TermListSchema.default([]),
  /** Particles right after an actor that set it against the event (ja に対する, ko 을 상대로). */
  opposedAfter: TermListSchema.default([]),
  /** Words after an actor (or its force: "俄罗斯军队一起") that make it an ally (ja と共に, ko 과 함께). */
  allyAfter: TermListSchema.default([]),
  /** Particles that, before a verb of receiving, mark the giver (ko 에서: "러시아에서 … 받았다"). */
  givenFromAfter: TermListSchema.default([]),
  /** Grammatical cases (from ending sets) marking target, source, subject. */
  targetCases: z.array(z.string()).default([]),
  sourceCases: z.array(z.string()).default([]),
  subjectCases: z.array(z.string()).default([]),
  /** Cases of a place (ru в Киеве): after a `targetBefore` preposition such a form is no target. */
  locativeCases: z.array(z.string()).default([]),
  /** Phrases whose following actor is the origin of the report ("according to"). */
  attribution: TermListSchema.default([]),
  /** Speech verbs: an actor just before one (or just after, inverted) is the sayer. */
  speech: TermListSchema.default([]),
  /** Gap words that coordinate two actors ("and", ","). */
  coordination: TermListSchema.default([]),
  /** Words skipped inside a gap (articles, titles). */
  filler: TermListSchema.default([]),
  /** "between X and Y" markers. */
  between: TermListSchema.default([]),
  /** Phrases referring to the two actors of the story ("the two countries"). */
  pairReference: TermListSchema.default([]),
  /** Possessives referring back to an actor named before ("its", "ses", "свои"): see assign-roles. */
  possessivePronoun: TermListSchema.default([]),
  /**
   * Endings of relative verb forms (ko 공급한, ru поставлявших): a trigger whose word ends in one
   * qualifies a noun beside it, its subject (assign-roles). Read at the end of a trigger's word,
   * never matched in running text.
   */
  relativeEndings: z.array(z.string().min(1)).default([]),
});
export type RoleCues = z.infer<typeof RoleCuesSchema>;

export const ModalityCuesSchema = z.object({
  hedge: TermListSchema.default([]),
  /** Word endings marking a hedge (French conditional -rait); `hedgeSuffixExcept` lists false friends. */
  hedgeSuffix: TermListSchema.default([]),
  hedgeSuffixExcept: TermListSchema.default([]),
  /**
   * How far (UTF-16 units) after its trigger a hedge may stand in the same clause ("liefert
   * offenbar", "livre apparemment"): post-verbal-hedge.ts. Unset: hedges count before it only.
   */
  hedgeAfterVerb: z
    .object({
      reach: z.number().int().min(1).max(200),
      /** Words that open another clause without a comma (French "qui", "que"). */
      clauseOpeners: z.array(z.string()).default([]),
    })
    .optional(),
  negation: TermListSchema.default([]),
  conditional: TermListSchema.default([]),
  plan: TermListSchema.default([]),
  /**
   * Auxiliaries that open a conditional clause by inversion ("Should Moscow share…", "Were Russia
   * to…"): a scenario only where one opens a clause with an actor right after it (decide-modality).
   */
  inversion: TermListSchema.default([]),
  /** A norm forbidding an act ("resolutions ban any launch"): the act it names is no event. */
  prohibition: TermListSchema.default([]),
  /**
   * Words that contain a cue but are none (Korean 하면서 "while doing" holds 하면 "if"): the
   * longest match wins, so listing them here hides the cue inside.
   */
  notCue: TermListSchema.default([]),
});
export type ModalityCues = z.infer<typeof ModalityCuesSchema>;

export const LanguageLexiconSchema = z.object({
  lang: z.string().regex(/^[a-z]{2,3}$/, 'a BCP 47 primary tag such as `en`'),
  name: z.string(),
  /** false for scripts written without spaces (ja, zh) or with agglutinated particles (ko). */
  wordBoundaries: z.boolean(),
  /** Words (Korean eojeol included) are separated by spaces: a particle then ends its word. */
  spaced: z.boolean().default(true),
  /**
   * svo: objects follow the verb; sov: objects and markers precede it; v2 (German): the subject
   * comes first and the lexical verb often last, modal cues precede it.
   */
  wordOrder: z.enum(['svo', 'sov', 'v2']),
  /** How far (UTF-16 units) a negation cue may stand from its trigger. */
  negationWindow: z.number().int().min(1).max(200).default(30),
  abbreviations: z.array(z.string()).default([]),
  /** Words that continue a sentence after a quoted one (Korean 라고, Japanese と). */
  continuations: z.array(z.string()).default([]),
  /**
   * The language writes ordinals with a period ("am 13. Oktober", "das 15. Sanktionspaket"): a
   * period after a number of one to three digits ends no sentence.
   */
  ordinalPeriod: z.boolean().default(false),
  /** Ending sets for inflected names and words: set → grammatical case → endings. */
  endings: z.record(z.string(), z.record(z.string(), z.array(z.string()))).default({}),
  classes: z.record(z.string(), TermListSchema).default({}),
  capabilities: z.array(CapabilityEntrySchema).default([]),
  triggers: z.array(TriggerEntrySchema).default([]),
  /** Phrases that contain a trigger word but report no event ("launch site", "no sign of"). */
  blockers: TermListSchema.default([]),
  /** Verbs whose particle stands apart at the clause end ("setzt … ein"): separable-verbs.ts. */
  separableVerbs: z.array(SeparableVerbSchema).default([]),
  separable: SeparableRulesSchema.optional(),
  modality: ModalityCuesSchema.default({
    hedge: [],
    hedgeSuffix: [],
    hedgeSuffixExcept: [],
    negation: [],
    conditional: [],
    plan: [],
    inversion: [],
    prohibition: [],
    notCue: [],
  }),
  roles: RoleCuesSchema.default({
    targetBefore: [],
    opposedBefore: [],
    placeBefore: [],
    allyBefore: [],
    inertBefore: [],
    exchange: [],
    targetAfter: [],
    sourceBefore: [],
    sourceAfter: [],
    subjectAfter: [],
    possessorAfter: [],
    attributionAfter: [],
    inertAfter: [],
    opposedAfter: [],
    allyAfter: [],
    givenFromAfter: [],
    targetCases: [],
    sourceCases: [],
    subjectCases: [],
    locativeCases: [],
    attribution: [],
    speech: [],
    coordination: [],
    filler: [],
    between: [],
    pairReference: [],
    possessivePronoun: [],
    relativeEndings: [],
  }),
});
export type LanguageLexicon = z.infer<typeof LanguageLexiconSchema>;

export const ACTOR_KINDS = [
  'state',
  'capital',
  'person',
  'institution',
  'force',
  'demonym',
  'organisation',
  'place',
  'epithet',
] as const;

export const GazetteerEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase kebab-case'),
  code: ActorCodeSchema,
  kind: z.enum(ACTOR_KINDS),
  /** Names per language tag; `all` applies to every language. */
  names: z.record(z.string(), TermListSchema).default({}),
  /** Case-sensitive names (acronyms like UN, US, NIS), matched as whole words in every language. */
  exact: TermListSchema.default([]),
  /**
   * A compound naming several actors in one word ("북러", "俄朝", "日米韓"): the codes in the order
   * the word names them; each term marks where one name ends with `|` ("북|러").
   */
  parts: z.array(ActorCodeSchema).min(2).optional(),
});
export type GazetteerEntry = z.infer<typeof GazetteerEntrySchema>;

export const GazetteerFileSchema = z.object({ entries: z.array(GazetteerEntrySchema) });
