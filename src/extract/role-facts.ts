/**
 * Facts about an actor's place in a sentence that the role rules read: whether it speaks, what
 * it is coordinated with, whether a clause break or another verb stands between it and a trigger.
 * @module
 */
import type { CompiledLanguage } from '../lexicon/load-lexicons.js';
import { coordinatedWith, type ActorHit, type Hit, type SentenceFacts } from './scan-sentence.js';
import { hasBreak, PUNCTUATION } from './clause-breaks.js';
import { sortSmall } from '../domain/sort-small.js';

/**
 * A recipient before an inverted speech verb is no speaker: in "… à l'armée russe, a affirmé
 * le Pentagone" the comma ends the report ("В МИД России заявили" keeps its speaker).
 */
export function isSayer(a: ActorHit, facts: SentenceFacts): boolean {
  return (
    a.marks.has('sayer') &&
    !(a.marks.has('target') && /^\s*,/u.test(facts.text.slice(a.end, a.end + 3)))
  );
}

/**
 * The actors coordinated with `a`, minus the speaker of a reported event, and except two names
 * joined by a bare comma: "…to Moscow, Washington would…" is a clause break, not a list (lists
 * end with a conjunction).
 */
export function coordinated(a: ActorHit, facts: SentenceFacts, lang: CompiledLanguage): ActorHit[] {
  const speaker = isSayer(a, facts);
  // A member marked as a target ("contre la Corée du Nord, la Russie et la Chine …") is no
  // co-subject of an unmarked actor, and the other way round.
  const marked = a.marks.has('target');
  const group = coordinatedWith(a, facts, lang).filter(
    (x) => x === a || (isSayer(x, facts) === speaker && x.marks.has('target') === marked),
  );
  if (group.length !== 2) return group;
  const [x, y] = group as [ActorHit, ActorHit];
  const conjunction = facts.markers.coordination.some(
    (m) => m.start >= x.end && m.end <= y.start && facts.norm.slice(m.start, m.end).trim() !== ',',
  );
  return conjunction ? group : [a];
}

/** The first hit of each actor code, in order. */
export function distinctByCode(hits: readonly ActorHit[]): ActorHit[] {
  const out: ActorHit[] = [];
  for (const h of hits) {
    let seen = false;
    for (const o of out)
      if (o.ref.code === h.ref.code) {
        seen = true;
        break;
      }
    if (!seen) out.push(h);
  }
  return out;
}

/** A copy of `hits` in text order (actors come in text order: usually a plain copy). */
export function byPosition(hits: readonly ActorHit[]): ActorHit[] {
  for (let k = 1; k < hits.length; k++)
    if (hits[k - 1]!.start > hits[k]!.start)
      return sortSmall([...hits], (a, b) => a.start - b.start);
  return hits.slice();
}

/** A demonym next to the moved/tested object or the trigger ("North Korean troops", "satellite nord-coréen"). */
export function isOriginModifier(
  a: ActorHit,
  facts: SentenceFacts,
  trigger: Hit<unknown>,
  classHit: Hit<string> | null,
): boolean {
  if (a.ref.kind !== 'demonym') return false;
  const gapOk = (from: number, to: number) =>
    to >= from && to - from <= 3 && !/[,;:]/.test(facts.text.slice(from, to));
  // "北朝鮮兵": the demonym and the class are one word.
  // A name that takes a subject particle ("ロシア軍は北朝鮮兵を") modifies nothing after it.
  const near = (h: Hit<unknown>) =>
    (h.start < a.end && a.start < h.end) ||
    (!a.marks.has('subject') && gapOk(a.end, h.start)) ||
    gapOk(h.end, a.start);
  if (near(trigger)) return true;
  if (classHit !== null) return near(classHit);
  return facts.classes.some(near);
}

/** The actor stands right before the trigger as its subject ("Seoul warned", "officials in Tokyo protested"). */
export function isSubjectOf(a: ActorHit, trigger: Hit<unknown>, facts: SentenceFacts): boolean {
  return (
    a.end <= trigger.start &&
    trigger.start - a.end <= 24 &&
    !/[,;:.!?"«»“”()]/u.test(facts.text.slice(a.end, trigger.start))
  );
}

/** In SOV an actor is the argument of the first verb after it: is that another trigger? */
export function ownedByOther(facts: SentenceFacts, a: ActorHit, trigger: Hit<unknown>): boolean {
  const next = facts.triggers.find((t) => t.start >= a.end);
  return next !== undefined && next.start !== trigger.start;
}

/** A comma, semicolon or colon, but not the comma that groups digits ("1,000 containers"). */
export const CLAUSE_PUNCTUATION = /[;:，；：]|(?<!\d),|,(?!\d)/u;

/**
 * `CLAUSE_PUNCTUATION.test(facts.text.slice(from, to))` without the slice: a semicolon or colon,
 * or a comma not between two digits of the slice.
 */
export function clausePunctuationIn(facts: SentenceFacts, from: number, to: number): boolean {
  if (from < 0 || to < 0) return CLAUSE_PUNCTUATION.test(facts.text.slice(from, to));
  return hasBreak(facts, from, to, PUNCTUATION);
}

export function acrossClause(facts: SentenceFacts, x: number, y: number): boolean {
  return x < y ? clausePunctuationIn(facts, x, y) : clausePunctuationIn(facts, y, x);
}

/** A demonym right before a weapon word ("North Korean missiles"): the maker, not the one hit. */
export function makesWeapon(a: ActorHit, facts: SentenceFacts): boolean {
  return (
    a.ref.kind === 'demonym' &&
    facts.classes.some(
      (c) =>
        (c.value === 'weapon' || c.value === 'missile') &&
        c.start >= a.end &&
        // "North Korean missiles", "North Korean-supplied ballistic missiles": at most two words
        // (a hyphenated participle, a modifier) stand between.
        /^-?\s*(?:[\p{L}-]+\s+){0,2}$/u.test(facts.text.slice(a.end, c.start)),
    )
  );
}

/** The trigger ends its sentence or clause ("…, officials warned."). */
export function clauseFinal(facts: SentenceFacts, trigger: Hit<unknown>): boolean {
  return /^\s*(?:[.,;:!?"»”']|$)/u.test(facts.text.slice(trigger.end, trigger.end + 3));
}
