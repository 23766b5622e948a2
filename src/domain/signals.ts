/**
 * What the analysis hands to the alert rules: changes worth a warning, each pointing back to its evidence.
 * @module
 */
import type { ActorCode, Capability, EventType, Modality } from './ontology.js';

export interface HypothesisChange {
  readonly boardId: string;
  readonly hypothesisId: string;
  readonly title: string;
  readonly before: number;
  readonly after: number;
  /** Date (YYYY-MM-DD) or timestamp the change applies to. */
  readonly at: string;
  /** Evidence rows (evidence.id) that made the change. */
  readonly evidenceIds: readonly string[];
}

export interface NewEventSignal {
  readonly eventId: string;
  readonly type: EventType;
  readonly source: ActorCode | null;
  readonly target: ActorCode | null;
  readonly capabilities: readonly Capability[];
  readonly modality: Modality;
  readonly date: string | null;
  /** The day it was first reported (events.first_seen): when an undated event happened, roughly. */
  readonly firstSeen?: string;
  readonly credibility: number;
  /** True when no earlier event of this type exists for this actor pair. */
  readonly firstForPair: boolean;
  readonly mentionIds: readonly string[];
}

export interface SpikeSignal {
  readonly pair: readonly [ActorCode, ActorCode];
  readonly type: EventType | null;
  readonly day: string;
  readonly count: number;
  readonly expected: number;
  /** Tail probability of a count this high under the baseline. */
  readonly pValue: number;
}

export interface MentionSignal {
  readonly mentionId: string;
  readonly documentId: string;
  readonly type: EventType;
  readonly source: ActorCode | null;
  readonly target: ActorCode | null;
  readonly capabilities: readonly Capability[];
  readonly modality: Modality;
  /** The sentence, for keyword rules and the alert text. */
  readonly sentence: string;
}

export interface AlertSignals {
  readonly hypothesisChanges: readonly HypothesisChange[];
  readonly newEvents: readonly NewEventSignal[];
  readonly spikes: readonly SpikeSignal[];
  readonly newMentions: readonly MentionSignal[];
}
