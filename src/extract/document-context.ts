/**
 * What the rest of a document tells about roles a sentence leaves open: "the two countries",
 * "양국", "ces soldats" after a sentence about North Korean soldiers, "condemned the launch",
 * and the document's main pair of actors.
 * @module
 */
import { adversariesOf } from '../lexicon/load-conflicts.js';
import {
  MONITORING_BODIES,
  SOLO_TYPES,
  SYMMETRIC_TYPES,
  type Capability,
  type EventType,
} from '../domain/ontology.js';

export interface ContextMention {
  readonly type: EventType;
  readonly source: string | null;
  readonly target: string | null;
  /** The date the document gave the event, for later sentences that restate it. */
  readonly date?: string | null;
  readonly capabilities?: readonly Capability[];
  /** Who the sentence says reported it ("…, the IAEA said"): the author of a later-denied claim. */
  readonly sayer?: string | null;
}

export interface FilledRoles {
  readonly source: string | null;
  readonly target: string | null;
  readonly rule: string | null;
}

/** What the sentence offers besides its own role choice. */
export interface SentenceHints {
  /** The sentence refers to "the two countries" or the like. */
  readonly pairReference: boolean;
  /**
   * Event types that other triggers of the sentence can denote ("the launch" → MISSILE_TEST…),
   * computed when asked (few roles need them).
   */
  readonly anaphoricTypes: () => ReadonlySet<EventType>;
  /** The actor reporting the event, used when nothing better is known. */
  readonly sayer: string | null;
  /** Sources of accusations made earlier in the same sentence ("X accused Y …, a charge Z denies"). */
  readonly accusers?: readonly string[];
  /** The sentence names an act besides reactions ("denied selling weapons"), not just a report. */
  readonly namesAct?: boolean;
  /** Troops fight with no side named ("some of these units have fought"). */
  readonly troopsFight?: boolean;
  /** Actors the sentence names as allies ("alongside Russian troops"): never the one attacked. */
  readonly allies?: readonly string[];
  /** Where troops fight ("in Russia's Kursk region"): not whom they fight, nor a side. */
  readonly places?: readonly string[];
  /** The sayer is a body that reports (an agency, a ministry, an official), not a state. */
  readonly sayerReports?: boolean;
  /** The target is only the sentence's remaining actor (role.other-actor), no marked one. */
  readonly leftoverTarget?: boolean;
}

const REACTION_TYPES: ReadonlySet<EventType> = new Set([
  'CONCERN',
  'REJECTION',
  'REQUEST',
  'SANCTION',
  'THREAT',
]);
/** Types that move something from a source to a recipient. */
const MOVING_TYPES: ReadonlySet<EventType> = new Set([
  'ARMS_TRANSFER',
  'TECH_TRANSFER',
  'TROOP_DEPLOYMENT',
]);
/** Events between two actors that make them partners, never each other's target. */
const COOPERATIVE_TYPES: ReadonlySet<EventType> = new Set([
  'ARMS_TRANSFER',
  'TECH_TRANSFER',
  'TROOP_DEPLOYMENT',
  'MILITARY_COOPERATION',
  'AGREEMENT',
]);
/** How far back any context rule looks: a document's work stays linear in its length. */
const CONTEXT_LOOKBACK = 200;
/**
 * How many recent mentions a restatement may refer back to: "the launch" names an event of the
 * last few paragraphs, and the bound keeps a document's work linear however long it is.
 */
const RESTATEMENT_LOOKBACK = 40;
/** How many recent mentions a rejection may answer. */
const REJECTION_LOOKBACK = 2;
/** How far back a rejection looks for the one who reported what it denies ("the report"). */
const REJECTED_REPORT_LOOKBACK = 6;

/** Mentions seen so far in a document (most recent last) and its main pair of actors. */
export class DocumentContext {
  private readonly mentions: ContextMention[] = [];
  private readonly dyad: readonly string[];

  /** `dyad`: the document's two most mentioned actors, most mentioned first. */
  /** `published`: the document's day, which bounds the wars `adversary` reads. */
  constructor(
    dyad: readonly string[] = [],
    private readonly published?: string,
  ) {
    this.dyad = dyad;
  }

  add(m: ContextMention): void {
    this.mentions.push(m);
  }

  /**
   * The latest event of one of `types` the document reported: what a bare "the launch", "этот
   * пуск", "해당 발사" restates when its own sentence names no object (ontology v1.1).
   */
  restated(types: readonly EventType[]): ContextMention | undefined {
    return this.last((m) => types.includes(m.type), RESTATEMENT_LOOKBACK);
  }

  /** The most recent full day the document's mentions carry ("that day" refers to it). */
  lastDay(): string | null {
    return this.last((m) => m.date != null && m.date.length === 10)?.date ?? null;
  }

  /**
   * The date the document already gave this event: the latest dated mention of the same type
   * between the same actors ("the treaty" after "signed a treaty on Wednesday").
   */
  earlierDate(type: EventType, source: string | null, target: string | null): string | null {
    const same = (m: ContextMention) =>
      SYMMETRIC_TYPES.has(type)
        ? new Set([m.source, m.target, source, target]).size === 2 &&
          [source, target].every((x) => x === m.source || x === m.target)
        : m.source === source && m.target === target;
    return (
      this.last((m) => m.type === type && m.date != null && same(m), RESTATEMENT_LOOKBACK)?.date ??
      null
    );
  }

  private last(
    pred: (m: ContextMention) => boolean,
    lookback = CONTEXT_LOOKBACK,
  ): ContextMention | undefined {
    const floor = Math.max(0, this.mentions.length - lookback);
    for (let i = this.mentions.length - 1; i >= floor; i--)
      if (pred(this.mentions[i]!)) return this.mentions[i];
    return undefined;
  }

  /** The most recent pair of distinct participants, symmetric mentions first. */
  private lastPair(): [string, string] | null {
    const full = (x: ContextMention) =>
      x.source !== null && x.target !== null && x.source !== x.target;
    const m = this.last((x) => SYMMETRIC_TYPES.has(x.type) && full(x)) ?? this.last(full);
    if (m !== undefined) return [m.source!, m.target!];
    return this.dyad.length >= 2 ? [this.dyad[0]!, this.dyad[1]!] : null;
  }

  /** The party the document is most about, reporting bodies not counted. */
  mainParty(): string | null {
    return this.dyad[0] ?? null;
  }

  /** Whether the document has told of the two sending troops, arms or help to each other. */
  private cooperating(a: string | null, b: string | null): boolean {
    if (a === null || b === null) return false;
    return (
      this.last(
        (x) =>
          COOPERATIVE_TYPES.has(x.type) &&
          ((x.source === a && x.target === b) || (x.source === b && x.target === a)),
      ) !== undefined
    );
  }

  private partner(code: string | null): string | null {
    if (code === null || this.dyad.length < 2) return null;
    if (code === this.dyad[0]) return this.dyad[1]!;
    if (code === this.dyad[1]) return this.dyad[0]!;
    return null;
  }

  /** The actor most involved in the mentions so far (else the most mentioned), not `other`. */
  private mainActor(other: string): string | null {
    const counts = new Map<string, number>();
    for (const m of this.mentions.slice(-CONTEXT_LOOKBACK))
      for (const code of [m.source, m.target])
        if (code !== null && code !== other) counts.set(code, (counts.get(code) ?? 0) + 1);
    let best: string | null = null;
    let most = 0;
    for (const [code, n] of counts)
      if (n > most) {
        best = code;
        most = n;
      }
    const first = this.dyad[0];
    return best ?? (first !== undefined && first !== other ? first : null);
  }

  /** Fills roles the sentence leaves open, when the type makes it safe. */
  fill(
    type: EventType,
    source: string | null,
    target: string | null,
    hints: SentenceHints,
  ): FilledRoles {
    // Monitors and forums (the UN, the IAEA, the MSMT…) report transfers and deployments; they
    // neither send nor receive them: such a name in a role is the reporter, and the role is open.
    if (MOVING_TYPES.has(type)) {
      if (source !== null && MONITORING_BODIES.has(source)) source = null;
      if (target !== null && MONITORING_BODIES.has(target)) target = null;
    }
    // "…为俄罗斯作战", "fought alongside Russian troops": a fight beside a named ally is aimed at
    // that ally's enemy, before any guess from the document's pair.
    if (type === 'ATTACK' && source !== null && target === null && hints.allies?.length) {
      // A side at war with the source is no ally, whatever the grammar ("朝鲜士兵与乌军交火").
      const enemies = adversariesOf(source, this.published);
      const allies = hints.allies.filter((x) => !enemies.includes(x));
      const a = this.withAdversary(type, { source, target, rule: null }, allies, []);
      if (allies.length > 0 && a.target !== null) return a;
    }
    const r = this.fillRaw(type, source, target, hints);
    if (
      MOVING_TYPES.has(type) &&
      (MONITORING_BODIES.has(r.source ?? '') || MONITORING_BODIES.has(r.target ?? ''))
    )
      return {
        source: MONITORING_BODIES.has(r.source ?? '') ? null : r.source,
        target: MONITORING_BODIES.has(r.target ?? '') ? null : r.target,
        rule: r.rule,
      };
    if (r.source !== null && r.source === r.target) return { ...r, target: null };
    if (
      (target === null || hints.leftoverTarget === true) &&
      r.target !== null &&
      (type === 'ATTACK' || type === 'THREAT') &&
      (hints.allies?.includes(r.target) === true ||
        hints.places?.includes(r.target) === true ||
        (type === 'ATTACK' && this.cooperating(r.source, r.target)))
    ) {
      const onlyPlace =
        hints.places?.includes(r.target) === true &&
        hints.allies?.includes(r.target) !== true &&
        !this.cooperating(r.source, r.target);
      return this.withAdversary(
        type,
        { ...r, target: null, rule: r.source === source ? null : r.rule },
        [...(onlyPlace ? [] : [r.target]), ...(hints.allies ?? [])],
        hints.places ?? [],
      );
    }
    if (r.target === null)
      return this.withAdversary(type, r, hints.allies ?? [], hints.places ?? []);
    return r;
  }

  /**
   * A fight whose target the text leaves open is aimed at the adversary, in a known war
   * (data/conflicts.yaml), of the side that fights or of the partner it fights for: "North
   * Korean troops fought in Kursk" fights Ukraine. Nothing when the wars give no single answer.
   */
  private withAdversary(
    type: EventType,
    r: FilledRoles,
    partners: readonly string[],
    places: readonly string[],
  ): FilledRoles {
    if (type !== 'ATTACK' || r.source === null) return r;
    const source = r.source;
    const enemies = (sides: readonly string[]): Set<string> => {
      const found = new Set<string>();
      for (const side of sides)
        for (const z of adversariesOf(side, this.published)) if (z !== source) found.add(z);
      return found;
    };
    // The sides the text or the document names come first: "在乌克兰前线作战" beside Russian
    // troops fights Ukraine. Only when they say nothing does the place fought in stand for a
    // side ("fought in Russia's Kursk region").
    let found = enemies([source, ...partners, ...this.partnersOf(source)]);
    if (found.size === 0) found = enemies(places);
    if (found.size !== 1) return r;
    const [z] = found;
    return { source, target: z!, rule: 'context.partner-adversary' };
  }

  /** Those the document has told `code` sending troops, arms or help to, or receiving them from. */
  private partnersOf(code: string): string[] {
    const out = new Set<string>();
    for (const x of this.mentions.slice(-CONTEXT_LOOKBACK)) {
      if (!COOPERATIVE_TYPES.has(x.type)) continue;
      if (x.source === code && x.target !== null) out.add(x.target);
      if (x.target === code && x.source !== null) out.add(x.source);
    }
    return [...out];
  }

  private fillRaw(
    type: EventType,
    source: string | null,
    target: string | null,
    hints: SentenceHints,
  ): FilledRoles {
    if (SYMMETRIC_TYPES.has(type)) {
      if (source !== null && target !== null) return { source, target, rule: null };
      const pair = this.lastPair();
      if (pair === null) return { source, target, rule: null };
      if (source === null) return { source: pair[0], target: pair[1], rule: 'context.last-pair' };
      const other = pair[0] === source ? pair[1] : pair[1] === source ? pair[0] : null;
      if (other === null && !hints.pairReference) return { source, target, rule: null };
      return { source, target: other ?? pair[1], rule: 'context.pair-partner' };
    }
    if (SOLO_TYPES.has(type)) {
      if (source !== null) return { source, target: null, rule: null };
      const m = this.last((x) => SOLO_TYPES.has(x.type) && x.source !== null);
      if (m !== undefined) return { source: m.source, target: null, rule: 'context.solo-actor' };
      // The document's main party (reporting bodies not counted) before a body that reports it.
      const main = this.dyad[0];
      if (main !== undefined && hints.sayerReports === true && main !== hints.sayer)
        return { source: main, target: null, rule: 'context.main-party' };
      return { source: hints.sayer, target: null, rule: hints.sayer ? 'context.sayer' : null };
    }
    if (type === 'CONCERN' && target === null) {
      const anaphoric = hints.anaphoricTypes();
      const anaphor = this.last(
        (x) => anaphoric.has(x.type) && x.source !== null && x.source !== source,
      );
      if (anaphor !== undefined)
        return { source, target: anaphor.source, rule: 'context.anaphoric-event' };
      const m = this.last(
        (x) => !REACTION_TYPES.has(x.type) && x.source !== null && x.source !== source,
      );
      if (m !== undefined) return { source, target: m.source, rule: 'context.criticised-actor' };
      return { source, target, rule: null };
    }
    if (type === 'REJECTION') {
      // "Both governments deny any arms deal": the pair the document is about denies.
      const pair = source === null && hints.pairReference ? this.lastPair() : null;
      if (pair !== null) return { source: pair[0], target, rule: 'context.pair' };
      if (target !== null || source === null) return { source, target, rule: null };
      const accuser = hints.accusers?.find((a) => a !== source);
      if (accuser !== undefined)
        return { source, target: accuser, rule: 'context.rejected-accuser' };
      const m = this.last(
        (x) => REACTION_TYPES.has(x.type) && x.source !== null && x.source !== source,
        REJECTION_LOOKBACK,
      );
      if (m !== undefined) return { source, target: m.source, rule: 'context.rejected-speaker' };
      // "Iran rejected the report" after "…, the IAEA said in a report": the denied claim's author.
      // A denied act ("denied selling weapons") answers no one in particular.
      if (hints.namesAct === true) return { source, target, rule: null };
      const r = this.last((x) => x.sayer != null && x.sayer !== source, REJECTED_REPORT_LOOKBACK);
      return r === undefined
        ? { source, target, rule: null }
        : { source, target: r.sayer!, rule: 'context.rejected-reporter' };
    }
    // "Some of these units have fought": the troops the document has deployed.
    if (source === null && hints.troopsFight === true) {
      const d = this.last((x) => x.type === 'TROOP_DEPLOYMENT' && x.source !== null);
      if (d !== undefined) return { source: d.source, target, rule: 'context.deployed-troops' };
    }
    if (source === null && !REACTION_TYPES.has(type)) {
      const m = this.last((x) => x.type === type && x.source !== null);
      if (m !== undefined)
        return {
          source: m.source,
          target: target ?? (m.target !== m.source ? m.target : null),
          rule: 'context.same-type',
        };
      if (hints.pairReference) {
        const pair = this.lastPair();
        if (pair !== null) return { source: pair[0], target: pair[1], rule: 'context.pair' };
      }
    }
    let s = source;
    let rule: string | null = null;
    if (s === null && hints.sayer !== null) {
      s = hints.sayer;
      rule = 'context.sayer';
    }
    if (s === null && target !== null && !REACTION_TYPES.has(type)) {
      s = this.partner(target);
      if (s !== null) rule = 'context.document-pair';
    }
    if (s !== null && target === null && !REACTION_TYPES.has(type)) {
      const m = this.last((x) => x.type === type && x.source === s && x.target !== null);
      if (m !== undefined) return { source: s, target: m.target, rule: 'context.same-type-target' };
      const p = this.partner(s);
      if (p !== null) return { source: s, target: p, rule: 'context.document-pair' };
      // "Analysts believe Russia may be sharing technology" after a launch by North Korea and the
      // reactions to it: a transfer from an actor outside the main pair goes to the actor the
      // document's events so far are about.
      const main = MOVING_TYPES.has(type) && !this.dyad.includes(s) ? this.mainActor(s) : null;
      if (main !== null) return { source: s, target: main, rule: 'context.main-actor' };
    }
    if (s !== null && target === null && (type === 'REQUEST' || type === 'THREAT')) {
      const p = this.partner(s);
      if (p !== null) return { source: s, target: p, rule: 'context.document-pair' };
    }
    return { source: s, target, rule };
  }
}
