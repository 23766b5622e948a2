/**
 * What the extractor produces: an event mention with the evidence that made it.
 * A superset of the prediction format: every mention can say why it fired.
 * @module
 */
import type { ActorCode, Capability, EventType, Modality, PartialDate } from './ontology.js';
import type { MentionAttribution } from './attribution.js';
import type { Span } from './document.js';

/** A highlighted piece of text and the lexicon entry or rule behind it. */
export interface Cue extends Span {
  readonly kind: 'actor' | 'trigger' | 'modality' | 'capability' | 'time' | 'negation' | 'origin';
  /** Lexicon entry id or rule name, e.g. `en.trigger.ARMS_TRANSFER.deliver` or `role.passive-by`. */
  readonly ref: string;
  /** Resolved value where there is one: actor code, modality, capability, date. */
  readonly value?: string;
}

export interface ExtractedMention {
  readonly type: EventType;
  readonly source: ActorCode | null;
  readonly target: ActorCode | null;
  readonly modality: Modality;
  readonly capabilities: readonly Capability[];
  readonly date: PartialDate | null;
  /** Sentence span, UTF-16 offsets into the document text. */
  readonly start: number;
  readonly end: number;
  readonly trigger?: Span;
  /** A directed type used as an exchange between the two actors. */
  readonly mutual?: boolean;
  /** Names of the lexicon entries and rules that produced the mention, in order. */
  readonly rules: readonly string[];
  readonly cues: readonly Cue[];
  /** 0–1: how sure the extractor is (rules with a weak basis lower it). */
  readonly confidence: number;
  /**
   * Whom the text says the claim comes from. The extractor leaves it out; ingest adds it
   * (src/ingest/dedup/mention-attribution.ts) before the mention is stored.
   */
  readonly attribution?: MentionAttribution | null;
}

export interface ExtractionResult {
  readonly lang: string;
  readonly mentions: readonly ExtractedMention[];
  /** Credited origins found in the text ("according to Yonhap"). */
  readonly origins: readonly { readonly name: string; readonly span: Span }[];
}
