/**
 * What earlier sentences of a document tell about open roles: "the two countries", "양국",
 * "ces soldats" after a sentence about North Korean soldiers, "condemned the launch".
 * @module
 */
import { SOLO_TYPES, SYMMETRIC_TYPES, type EventType } from '../domain/ontology.js';

export interface ContextMention {
  readonly type: EventType;
  readonly source: string | null;
  readonly target: string | null;
}

export interface FilledRoles {
  readonly source: string | null;
  readonly target: string | null;
  readonly rule: string | null;
}

const REACTION_TYPES: ReadonlySet<EventType> = new Set(['CONCERN', 'REJECTION', 'REQUEST']);

/** Mentions seen so far in a document, most recent last. */
export class DocumentContext {
  private readonly mentions: ContextMention[] = [];

  add(m: ContextMention): void {
    this.mentions.push(m);
  }

  private last(pred: (m: ContextMention) => boolean): ContextMention | undefined {
    for (let i = this.mentions.length - 1; i >= 0; i--)
      if (pred(this.mentions[i]!)) return this.mentions[i];
    return undefined;
  }

  /** The most recent pair of distinct participants (for "the two countries"). */
  lastPair(): [string, string] | null {
    const m = this.last((x) => x.source !== null && x.target !== null && x.source !== x.target);
    return m === undefined ? null : [m.source!, m.target!];
  }

  /** Fills roles the sentence leaves open from earlier mentions, when the type makes it safe. */
  fill(
    type: EventType,
    source: string | null,
    target: string | null,
    pairReference: boolean,
  ): FilledRoles {
    if (SYMMETRIC_TYPES.has(type)) {
      if (source !== null && target !== null) return { source, target, rule: null };
      const pair = this.lastPair();
      if (pair === null) return { source, target, rule: null };
      if (source === null) return { source: pair[0], target: pair[1], rule: 'context.last-pair' };
      const other = pair[0] === source ? pair[1] : pair[1] === source ? pair[0] : null;
      if (other === null && !pairReference) return { source, target, rule: null };
      return { source, target: other ?? pair[1], rule: 'context.pair-partner' };
    }
    if (SOLO_TYPES.has(type)) {
      if (source !== null) return { source, target: null, rule: null };
      const m = this.last((x) => SOLO_TYPES.has(x.type) && x.source !== null);
      return { source: m?.source ?? null, target: null, rule: m ? 'context.solo-actor' : null };
    }
    if (type === 'CONCERN' && target === null) {
      const m = this.last(
        (x) => !REACTION_TYPES.has(x.type) && x.source !== null && x.source !== source,
      );
      if (m !== undefined) return { source, target: m.source, rule: 'context.criticised-actor' };
      return { source, target, rule: null };
    }
    if (source === null && !REACTION_TYPES.has(type)) {
      const m = this.last((x) => x.type === type && x.source !== null);
      if (m !== undefined)
        return {
          source: m.source,
          target: target ?? (m.target !== m.source ? m.target : null),
          rule: 'context.same-type',
        };
      if (pairReference) {
        const pair = this.lastPair();
        if (pair !== null) return { source: pair[0], target: pair[1], rule: 'context.pair' };
      }
    }
    if (source !== null && target === null && !REACTION_TYPES.has(type)) {
      const m = this.last((x) => x.type === type && x.source === source && x.target !== null);
      if (m !== undefined) return { source, target: m.target, rule: 'context.same-type-target' };
    }
    return { source, target, rule: null };
  }
}
