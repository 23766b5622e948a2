/**
 * Which capability words of a sentence belong to which of its events: each word goes to the
 * event whose object it is, and some types carry none (ontology "Capabilities").
 * @module
 */
import type { Cue } from '../domain/mention.js';
import type { Capability, EventType } from '../domain/ontology.js';
import type { CapabilityRef, CompiledLanguage, TriggerRef } from '../lexicon/load-lexicons.js';
import { perSentence } from './per-sentence.js';
import { isAttributive, type Hit, type SentenceFacts } from './scan-sentence.js';
import { restOfWordThenSpaces } from './text-runs.js';
import { sortSmall } from '../domain/sort-small.js';

/** An event of the sentence as this module needs it: its type and its trigger. */
export interface EventOfTrigger {
  readonly type: EventType;
  readonly trigger: Hit<TriggerRef>;
}

/**
 * Types that never carry capabilities: the ontology tags "what the sentence says is moved, tested,
 * requested or developed", and a reaction, a sanction, a meeting, an agreement or a deployment of
 * troops moves, tests, requests or develops no weapon (training in one, military cooperation, does).
 */
const NO_CAPABILITY_TYPES: ReadonlySet<EventType> = new Set([
  'CONCERN',
  'REJECTION',
  'SANCTION',
  'MEETING',
  'AGREEMENT',
  'TROOP_DEPLOYMENT',
]);

export type CapabilityFinding = { caps: Capability[]; cues: Cue[]; rules: string[] };

const NO_CAPABILITIES: CapabilityFinding = { caps: [], cues: [], rules: [] };

/** Longest gap from a capability word to the trigger it modifies, the rest of its word included. */
const MODIFIER_GAP = 12;
/** Extra distance charged to a trigger with the capability word on its subject side. */
const SUBJECT_SIDE_PENALTY = 1_000;
/** Extra distance charged to a trigger in another clause than the capability word. */
const OTHER_CLAUSE_PENALTY = 10_000;

/** Offsets of the sentence's clause breaks (commas, semicolons, colons), found once. */
const clauseBreaks = perSentence((facts): number[] => {
  const out: number[] = [];
  for (let i = 0; i < facts.text.length; i++) {
    const ch = facts.text.charCodeAt(i);
    if (ch === 44 || ch === 59 || ch === 58 || ch === 0xff0c || ch === 0x3001) out.push(i);
  }
  return out;
});

/**
 * The capability word right before a trigger modifies it ("missile launch", "drone deliveries",
 * "ракетные пуски": the gap may hold the rest of the word a stem matched).
 */
function modifies(facts: SentenceFacts, cap: Hit<unknown>, trigger: Hit<unknown>): boolean {
  return (
    trigger.start >= cap.end &&
    trigger.start - cap.end <= MODIFIER_GAP &&
    restOfWordThenSpaces(facts.norm, cap.end, trigger.start)
  );
}

function breakBetween(breaks: readonly number[], x: number, y: number): boolean {
  const [from, to] = x < y ? [x, y] : [y, x];
  return breaks.some((b) => b >= from && b < to);
}

/**
 * The triggers whose object a capability word is: one right after it modifies it ("missile
 * launch"); else the nearest trigger with the word on its object side (after it in SVO, before
 * it in SOV, either in verb-second order), in the word's own clause first. A trigger glued to the
 * word before it by a hyphen ("North Korean-supplied missiles") only qualifies the noun: the noun
 * is also the object of the next trigger in line.
 */
function capabilityOwners(
  cap: Hit<CapabilityRef>,
  owners: readonly Hit<TriggerRef>[],
  facts: SentenceFacts,
  breaks: readonly number[],
  wordOrder: string,
): Hit<TriggerRef>[] {
  const ranked: { t: Hit<TriggerRef>; score: number }[] = [];
  for (const t of owners) {
    const after = cap.start >= t.end;
    const dist = after ? cap.start - t.end : t.start - cap.end;
    let score: number;
    if (t.start < cap.end && cap.start < t.end) score = -1;
    else if (!after && modifies(facts, cap, t)) score = 0;
    else {
      const objectSide = wordOrder === 'v2' || (wordOrder === 'sov' ? !after : after);
      score = dist + (objectSide ? 0 : SUBJECT_SIDE_PENALTY);
      if (breakBetween(breaks, cap.start, t.start)) score += OTHER_CLAUSE_PENALTY;
    }
    ranked.push({ t, score });
  }
  sortSmall(ranked, (x, y) => x.score - y.score);
  const out: Hit<TriggerRef>[] = [];
  for (const { t } of ranked) {
    out.push(t);
    if (!isAttributive(t, facts)) break;
  }
  return out;
}

/**
 * The capabilities of each trigger of a sentence: every capability word goes to the one event
 * whose object it is, so "sent troops … and received North Korean shells" gives the shells to
 * the receiving. A trigger that yields no event of its own but could stand for one of the
 * sentence's types (a second "launched") hands its words to that event. `examined`: the
 * sentence's triggers the engine looks at. Returns each event's finding.
 */
export function eventCapabilities(
  facts: SentenceFacts,
  examined: readonly Hit<TriggerRef>[],
  candidates: readonly EventOfTrigger[],
  lang: CompiledLanguage,
): (event: EventOfTrigger) => CapabilityFinding {
  const out = new Map<Hit<TriggerRef>, CapabilityFinding>();
  const of = (event: EventOfTrigger): CapabilityFinding =>
    NO_CAPABILITY_TYPES.has(event.type)
      ? NO_CAPABILITIES
      : (out.get(event.trigger) ?? NO_CAPABILITIES);
  if (facts.capabilities.length === 0 || candidates.length === 0) return of;
  const byTrigger = new Map<Hit<TriggerRef>, Hit<TriggerRef>>();
  for (const c of candidates) byTrigger.set(c.trigger, c.trigger);
  for (const t of examined) {
    if (byTrigger.has(t)) continue;
    const e = t.value.entry;
    const possible = e.frames?.map((f) => f.type) ?? (e.type !== undefined ? [e.type] : []);
    const same = candidates.find((c) => possible.includes(c.type));
    if (same !== undefined) byTrigger.set(t, same.trigger);
  }
  const owners = [...byTrigger.keys()];
  const breaks = clauseBreaks(facts);
  const owned = new Map<Hit<TriggerRef>, Hit<CapabilityRef>[]>();
  const give = (event: Hit<TriggerRef>, hit: Hit<CapabilityRef>) => {
    const list = owned.get(event) ?? [];
    if (!list.includes(hit)) list.push(hit);
    owned.set(event, list);
  };
  const wordOrder = lang.lexicon.wordOrder;
  for (const hit of facts.capabilities)
    for (const owner of capabilityOwners(hit, owners, facts, breaks, wordOrder))
      give(byTrigger.get(owner)!, hit);
  // What is requested is the request's object: "asked Moscow to help it build satellites" asks
  // for space technology. A request takes the words of the events after it in its clause.
  for (const c of candidates) {
    if (c.type !== 'REQUEST') continue;
    for (const [event, hits] of [...owned]) {
      if (event === c.trigger || event.start < c.trigger.end) continue;
      if (breakBetween(breaks, c.trigger.end, event.start)) continue;
      for (const hit of hits) give(c.trigger, hit);
    }
  }
  for (const [trigger, hits] of owned) out.set(trigger, findingOf(hits, lang.lang));
  return of;
}

/** Capabilities, cues and rules of the capability words of one event. */
function findingOf(hits: readonly Hit<CapabilityRef>[], lang: string): CapabilityFinding {
  const all: Capability[] = [];
  for (const hit of hits) for (const c of hit.value.capabilities) if (!all.includes(c)) all.push(c);
  const cues: Cue[] = [];
  const rules: string[] = [];
  const kept: Capability[] = [];
  for (const hit of hits) {
    if (hit.value.unless.some((u) => all.includes(u))) continue;
    const rule = `${lang}.capability.${hit.value.id}`;
    for (const c of hit.value.capabilities) {
      cues.push({ kind: 'capability', start: hit.start, end: hit.end, ref: rule, value: c });
      if (!kept.includes(c)) kept.push(c);
    }
    if (!rules.includes(rule)) rules.push(rule);
  }
  return { caps: sortSmall(kept, (a, b) => (a < b ? -1 : a > b ? 1 : 0)), cues, rules };
}
