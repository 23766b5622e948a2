/**
 * Picks the event type of a trigger from its frames: a frame whose object class is found
 * nearest to the trigger, on the object side (after it in SVO, before it in SOV), wins.
 * @module
 */
import type { Capability, EventType } from '../domain/ontology.js';
import type { CompiledLanguage, TriggerRef } from '../lexicon/load-lexicons.js';
import type { Frame } from '../lexicon/lexicon-schema.js';
import { perSentence } from './per-sentence.js';
import { isAttributive, type Hit, type SentenceFacts } from './scan-sentence.js';
import { restOfWordThenSpaces } from './text-runs.js';
import { clauseFinal, clausePunctuationIn } from './role-facts.js';

export interface FrameChoice {
  readonly type: EventType;
  readonly frame: Frame;
  readonly classHit: Hit<string> | null;
  /** Set when the frame comes from an event the document reported before (a restatement). */
  readonly restated?: {
    readonly type: EventType;
    readonly source: string | null;
    readonly target: string | null;
    readonly date?: string | null;
    readonly capabilities?: readonly Capability[];
  };
}

/** Extra distance charged to a class found on the subject side of the trigger. */
const WRONG_SIDE_PENALTY = 40;
/** Extra distance charged to a class read off a capability term: the lexicon's classes come first. */
const DERIVED_CLASS_PENALTY = 20;
/** Extra distance charged to a class word that only modifies an adjacent technology word. */
const MODIFIER_PENALTY = 30;
/**
 * A class past a clause break belongs to that clause ("soldiers … have been deployed to Kursk,
 * the region partly held by Ukrainian troops"): it loses to one on the wrong side in the same clause.
 */
const OTHER_CLAUSE_PENALTY = 60;
/** Frames without a class rank after every class frame that is satisfied. */
const UNCONDITIONAL_SCORE = 100_000;

/**
 * The object class a named capability stands for: "delivered MiG-29s" moves a weapon even when
 * the lexicon's weapon class does not list the model. Language-independent (ontology codes).
 */
const CAPABILITY_CLASS: Readonly<Record<Capability, string>> = {
  BALLISTIC_MISSILE: 'weapon',
  CRUISE_MISSILE: 'weapon',
  HYPERSONIC: 'weapon',
  AIR_DEFENSE: 'weapon',
  AIRCRAFT: 'weapon',
  ARTILLERY: 'weapon',
  DRONE: 'weapon',
  SUBMARINE: 'weapon',
  CONVENTIONAL: 'weapon',
  SPACE: 'space',
  NUCLEAR_WEAPON: 'nuclear',
  NUCLEAR_MATERIAL: 'nuclear',
};

interface SentenceClasses {
  readonly byClass: ReadonlyMap<string, readonly Hit<string>[]>;
  /** Hits read off capability terms or forces, not class words. */
  readonly derived: ReadonlySet<Hit<string>>;
  /**
   * Class words right before a technology word ("drone engines", "missile components",
   * "ракетные технологии"): the technology word heads the phrase, so what moves is technology.
   */
  readonly modifiers: ReadonlySet<Hit<string>>;
}

/** The class the lexicons give to technology, components and expertise. */
const TECH_CLASS = 'tech';

function techModifiers(facts: SentenceFacts): Set<Hit<string>> {
  const out = new Set<Hit<string>>();
  const tech = facts.classes.filter((c) => c.value === TECH_CLASS);
  if (tech.length === 0) return out;
  for (const c of facts.classes) {
    if (c.value === TECH_CLASS) continue;
    // The gap may hold the rest of the modifier's word (a stem matched "ракет" in "ракетные").
    const head = tech.find((t) => t.start >= c.end && t.start - c.end <= 12);
    if (head !== undefined && restOfWordThenSpaces(facts.norm, c.end, head.start)) out.add(c);
  }
  return out;
}

/**
 * Class hits of a sentence by class name, computed once per sentence. Forces count as troops,
 * and capability terms as the class of their capability, where the lexicon's class lists miss them.
 */
const classesOf = perSentence((facts): SentenceClasses => {
  const byClass = new Map<string, Hit<string>[]>();
  for (const c of facts.classes) {
    const list = byClass.get(c.value) ?? [];
    list.push(c);
    byClass.set(c.value, list);
  }
  const derived = new Set<Hit<string>>();
  const add = (name: string, hit: Hit<string>) => {
    const list = byClass.get(name) ?? [];
    if (list.some((h) => h.start < hit.end && hit.start < h.end)) return;
    list.push(hit);
    derived.add(hit);
    byClass.set(name, list);
  };
  for (const a of facts.actors)
    if (a.ref.kind === 'force') add('troops', { start: a.start, end: a.end, value: 'troops' });
  for (const c of facts.capabilities)
    for (const cap of c.value.capabilities) {
      const name = CAPABILITY_CLASS[cap];
      add(name, { start: c.start, end: c.end, value: name });
    }
  return { byClass, derived, modifiers: techModifiers(facts) };
});

/**
 * A participle right after the noun it qualifies and before its agent ("missiles supplied by
 * North Korea", "missiles fournis par Pyongyang") heads no clause of its own.
 */
function isReducedRelative(t: Hit<unknown>, facts: SentenceFacts, lang: CompiledLanguage): boolean {
  if (lang.lexicon.wordOrder === 'sov') return false;
  const nounBefore = [...facts.classes, ...facts.capabilities].some(
    (c) => c.end <= t.start && restOfWordThenSpaces(facts.norm, c.end, t.start),
  );
  if (!nounBefore) return false;
  return facts.markers.sourceBefore.some(
    (m) => m.start >= t.end && restOfWordThenSpaces(facts.norm, t.end, m.start),
  );
}

export function chooseFrame(
  trigger: Hit<TriggerRef>,
  facts: SentenceFacts,
  lang: CompiledLanguage,
): FrameChoice | null {
  const entry = trigger.value.entry;
  const frames: Frame[] = entry.frames ?? (entry.type !== undefined ? [{ type: entry.type }] : []);
  const sov = lang.lexicon.wordOrder === 'sov';
  const classes = classesOf(facts);
  let best: FrameChoice | null = null;
  let bestScore = Infinity;
  frames.forEach((frame, i) => {
    if (frame.needsTarget === true) {
      // The target is the trigger's own: on its object side, with no other event in between
      // ("launched a missile and shipped drones to Russia": Russia receives the drones).
      // A German participle ends its clause ("hat Raketen gegen Kiew abgefeuert"): there the
      // target stands before the trigger, in the same clause.
      const before = sov || (lang.lexicon.wordOrder === 'v2' && clauseFinal(facts, trigger));
      const ok = facts.actors.some((a) => {
        // "fired missiles against Ukraine": the side a weapon is used against is its target too.
        if (!(a.marks.has('target') || a.marks.has('opposed')) || a.marks.has('origin'))
          return false;
        const preceding = a.end <= trigger.start;
        if (preceding ? !before : sov || a.start < trigger.end) return false;
        if (preceding && !sov && clausePunctuationIn(facts, a.end, trigger.start)) return false;
        return !facts.triggers.some(
          (t) =>
            !isAttributive(t, facts) &&
            !isReducedRelative(t, facts, lang) &&
            (preceding
              ? t.start >= a.end && t.end <= trigger.start
              : t.start >= trigger.end && t.end <= a.start),
        );
      });
      if (!ok) return;
    }
    let score = UNCONDITIONAL_SCORE + i;
    let classHit: Hit<string> | null = null;
    if (frame.class !== undefined) {
      score = Infinity;
      for (const c of classes.byClass.get(frame.class) ?? []) {
        const after = c.start >= trigger.start;
        const dist = after ? Math.max(0, c.start - trigger.end) : trigger.start - c.end;
        const wrongSide = lang.lexicon.wordOrder !== 'v2' && after === sov;
        const s =
          Math.max(0, dist) +
          (wrongSide ? WRONG_SIDE_PENALTY : 0) +
          (classes.derived.has(c) && c.value !== 'troops' ? DERIVED_CLASS_PENALTY : 0) +
          (classes.modifiers.has(c) ? MODIFIER_PENALTY : 0) +
          (clausePunctuationIn(facts, after ? trigger.end : c.end, after ? c.start : trigger.start)
            ? OTHER_CLAUSE_PENALTY
            : 0) +
          i * 0.01;
        if (s < score) {
          score = s;
          classHit = c;
        }
      }
      if (classHit === null) return;
    }
    if (score < bestScore) {
      bestScore = score;
      best = { type: frame.type, frame, classHit };
    }
  });
  return best;
}

/** How far past the first cargo a second one may stand ("troops …, along with shells"). */
const CO_CARGO_REACH = 120;
const CARGO_TYPES: Readonly<Record<string, EventType>> = {
  troops: 'TROOP_DEPLOYMENT',
  weapon: 'ARMS_TRANSFER',
  missile: 'ARMS_TRANSFER',
};

/**
 * A transfer that moves troops and weapons at once ("sent 10,000 troops, along with shells and
 * missiles"; "a envoyé des soldats ainsi que des missiles") reports both: the frame not chosen,
 * when its cargo stands on the object side in the same stretch with no other event in between.
 */
export function coTransferred(
  trigger: Hit<TriggerRef>,
  chosen: FrameChoice,
  facts: SentenceFacts,
  lang: CompiledLanguage,
): FrameChoice | null {
  const first = chosen.classHit;
  if (first === null || CARGO_TYPES[first.value] !== chosen.type) return null;
  const sov = lang.lexicon.wordOrder === 'sov';
  // After the verb, a troops word is as often a recipient or another clause's agent ("shells to
  // Russian forces"): troops join weapons only in a list before a verb-final trigger.
  if (first.value !== 'troops' && !sov) return null;
  const classes = classesOf(facts);
  const tech = classes.byClass.get(TECH_CLASS) ?? [];
  for (const frame of trigger.value.entry.frames ?? []) {
    if (frame.class === undefined || frame.needsTarget === true) continue;
    if (CARGO_TYPES[frame.class] !== frame.type || frame.type === chosen.type) continue;
    const hit = (classes.byClass.get(frame.class) ?? []).find((c) => {
      if (classes.modifiers.has(c) || classes.derived.has(c)) return false;
      const [from, to] = sov ? [c.end, trigger.start] : [trigger.end, c.start];
      if (to < from || to - from > CO_CARGO_REACH) return false;
      // "troops in exchange for technology for submarines": what follows technology is its use.
      if (tech.some((t) => t.start >= from && t.end <= to)) return false;
      return !facts.triggers.some(
        (t) => t !== trigger && !isAttributive(t, facts) && t.start >= from && t.end <= to,
      );
    });
    if (hit !== undefined) return { type: frame.type, frame, classHit: hit };
  }
  return null;
}
