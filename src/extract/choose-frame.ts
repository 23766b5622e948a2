/**
 * Picks the event type of a trigger from its frames: a frame whose object class is found
 * nearest to the trigger, on the object side (after it in SVO, before it in SOV), wins.
 * @module
 */
import type { EventType } from '../domain/ontology.js';
import type { CompiledLanguage, TriggerRef } from '../lexicon/load-lexicons.js';
import type { Frame } from '../lexicon/lexicon-schema.js';
import type { Hit, SentenceFacts } from './scan-sentence.js';

export interface FrameChoice {
  readonly type: EventType;
  readonly frame: Frame;
  readonly classHit: Hit<string> | null;
}

/** Extra distance charged to a class found on the subject side of the trigger. */
const WRONG_SIDE_PENALTY = 40;
/** Frames without a class rank after every class frame that is satisfied. */
const UNCONDITIONAL_SCORE = 100_000;

// One-sentence cache: the triggers of a sentence are framed one after another. (A WeakMap keyed
// by short-lived facts objects made every young-generation GC walk its ephemeron table.)
let cachedFacts: SentenceFacts | undefined;
let cachedByClass: Map<string, Hit<string>[]> | undefined;

/** Class hits of a sentence by class name (forces count as troops), computed once per sentence. */
function classHits(facts: SentenceFacts, name: string): readonly Hit<string>[] {
  let byClass = cachedFacts === facts ? cachedByClass : undefined;
  if (byClass === undefined) {
    byClass = new Map();
    for (const c of facts.classes) {
      const list = byClass.get(c.value) ?? [];
      list.push(c);
      byClass.set(c.value, list);
    }
    const troops = byClass.get('troops') ?? [];
    for (const a of facts.actors)
      if (a.ref.kind === 'force') troops.push({ start: a.start, end: a.end, value: 'troops' });
    byClass.set('troops', troops);
    cachedFacts = facts;
    cachedByClass = byClass;
  }
  return byClass.get(name) ?? [];
}

export function chooseFrame(
  trigger: Hit<TriggerRef>,
  facts: SentenceFacts,
  lang: CompiledLanguage,
): FrameChoice | null {
  const entry = trigger.value.entry;
  const frames: Frame[] = entry.frames ?? (entry.type !== undefined ? [{ type: entry.type }] : []);
  const sov = lang.lexicon.wordOrder === 'sov';
  let best: FrameChoice | null = null;
  let bestScore = Infinity;
  frames.forEach((frame, i) => {
    if (frame.needsTarget === true) {
      const ok = facts.actors.some(
        (a) => a.marks.has('target') && (sov || a.start >= trigger.end) && !a.marks.has('origin'),
      );
      if (!ok) return;
    }
    let score = UNCONDITIONAL_SCORE + i;
    let classHit: Hit<string> | null = null;
    if (frame.class !== undefined) {
      score = Infinity;
      for (const c of classHits(facts, frame.class)) {
        const after = c.start >= trigger.start;
        const dist = after ? Math.max(0, c.start - trigger.end) : trigger.start - c.end;
        const wrongSide = lang.lexicon.wordOrder !== 'v2' && after === sov;
        const s = Math.max(0, dist) + (wrongSide ? WRONG_SIDE_PENALTY : 0) + i * 0.01;
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
