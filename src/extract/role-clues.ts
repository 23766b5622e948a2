/**
 * Small clues the role rules read beside the main source/target choice: verb-second inversion,
 * agents that belong to another verb, events standing between a verb and a name, fronted and
 * compounded targets, relative heads and owners named after their event.
 * @module
 */
import type { EventType } from '../domain/ontology.js';
import type { CompiledLanguage, RoleMarkerKind } from '../lexicon/load-lexicons.js';
import { gapIsFiller, type ActorHit, type Hit, type SentenceFacts } from './scan-sentence.js';
import { acrossClause } from './role-facts.js';
import { letterRun } from './text-runs.js';

/** The end of the word the trigger starts (a stem may end inside its word). */
export function wordEnd(facts: SentenceFacts, trigger: Hit<unknown>): number {
  return trigger.end + letterRun(facts.norm, trigger.end, trigger.end + 12);
}

/**
 * "하르키우 공격", "ハリコフ攻撃": in a verb-final language a place compounded with a strike noun is
 * what is struck. Not for troops in combat ("쿠르스크 전투": where they fight, not whom).
 */
export function struckPlace(
  type: EventType,
  facts: SentenceFacts,
  cands: readonly ActorHit[],
  trigger: Hit<unknown>,
  lang: CompiledLanguage,
  classHit: Hit<string> | null,
): { hit: ActorHit; rule: string } | undefined {
  if (type !== 'ATTACK' || classHit?.value === 'troops' || lang.lexicon.wordOrder !== 'sov')
    return undefined;
  const hit = cands.find(
    (a) =>
      a.ref.kind === 'place' &&
      a.end <= trigger.start &&
      /^ ?$/u.test(facts.norm.slice(a.end, trigger.start)),
  );
  return hit === undefined ? undefined : { hit, rule: 'role.struck-place' };
}

/** How far after a fronted verb its subject may stand ("feuerte Nordkorea", "liefert seit Jahren Russland"). */
const INVERTED_REACH = 12;

/**
 * "Am Dienstag feuerte Nordkorea … ab": in a verb-second main clause opened by an adverbial, the
 * subject follows the verb. Only when no unmarked name stands before the verb in its clause.
 */
export function invertedSubject(
  facts: SentenceFacts,
  cands: readonly ActorHit[],
  trigger: Hit<unknown>,
): ActorHit | undefined {
  const unmarked = (a: ActorHit) =>
    !a.marks.has('target') &&
    !a.marks.has('opposed') &&
    !a.marks.has('place') &&
    !a.marks.has('source') &&
    !a.marks.has('ally');
  const fronted = cands.some(
    (a) => a.end <= trigger.start && unmarked(a) && !acrossClause(facts, a.end, trigger.start),
  );
  if (fronted) return undefined;
  const next = cands.find((a) => a.start >= trigger.end);
  if (
    next === undefined ||
    !unmarked(next) ||
    next.start - trigger.end > INVERTED_REACH ||
    acrossClause(facts, trigger.end, next.start)
  )
    return undefined;
  return next;
}

/** Longest gap from a verb to the marked agent that follows it ("received from", "полученные от"). */
const MARKED_AGENT_GAP = 8;

/**
 * "missiles received from North Korea to strike Ukraine": an agent marked right after another
 * event's word ("from", "от", "by"), or right after a verb of receiving, is that event's, not a
 * later one's.
 */
export function markedForPreceding(
  facts: SentenceFacts,
  agent: ActorHit,
  trigger: Hit<unknown>,
): boolean {
  if (agent.end > trigger.start) return false;
  return facts.triggers.some(
    (t) =>
      t.start !== trigger.start &&
      t.end <= agent.start &&
      agent.start - wordEnd(facts, t) <= MARKED_AGENT_GAP &&
      // "reçus de la Corée du Nord": a verb of receiving takes its giver unmarked too.
      (agent.marks.has('source') || t.value.entry.receiving === true),
  );
}

/** How long an aside between an event and its agent may be ("help, possibly from Russia"). */
const AGENT_ASIDE = 20;

export function agentOfAnother(
  facts: SentenceFacts,
  agent: ActorHit,
  trigger: Hit<unknown>,
): boolean {
  const from = Math.min(agent.end, trigger.end);
  const to = Math.max(agent.start, trigger.start);
  // "help, possibly from Russia": a short aside keeps its agent.
  // "a claim by Kyiv since North Korea sent…": a subject between them has its own verb.
  return (
    markedForPreceding(facts, agent, trigger) ||
    (to - from > AGENT_ASIDE && acrossClause(facts, from, to)) ||
    facts.markers.speech.some((v) => v.start >= from && v.end <= to) ||
    (agent.end <= trigger.start &&
      facts.actors.some(
        (a) => a.start >= from && a.end <= to && !a.marks.has('target') && !a.marks.has('place'),
      ))
  );
}

/**
 * Another event with its own actor stands between the two offsets ("вторжения России в
 * Украину"): what follows belongs to it. A bare modifier ("North Korean-supplied missiles at
 * Ukraine") claims nothing.
 */
export function eventBetween(facts: SentenceFacts, from: number, to: number): boolean {
  return facts.triggers.some(
    (t) =>
      t.start >= from &&
      t.end <= to &&
      facts.actors.some((x) => x.start >= t.end && x.end < to && x.start - wordEnd(facts, t) <= 2),
  );
}

const CASE_PARTICLES: ReadonlySet<string> = new Set(['targetAfter', 'subjectAfter', 'sourceAfter']);

/** A target, subject or source particle right after a word between `from` and `to`. */
export function caseParticleBetween(
  facts: SentenceFacts,
  lang: CompiledLanguage,
  from: number,
  to: number,
): boolean {
  for (let k = from; k < to; k++) {
    const p = lang.particles.matchAt(facts.norm, facts.mask, k);
    if (p !== null && p.end <= to && CASE_PARTICLES.has(p.payloads[0] ?? '')) return true;
  }
  return false;
}

/** How far before its verb a fronted target may stand ("对基辅发动"). */
const FRONTED_REACH = 8;

export function frontedTarget(
  marked: readonly ActorHit[],
  facts: SentenceFacts,
  trigger: Hit<unknown>,
): ActorHit | undefined {
  return marked.findLast(
    (a) =>
      a.end <= trigger.start &&
      trigger.start - a.end <= FRONTED_REACH &&
      a.markRules.includes('role.preposition-target') &&
      !acrossClause(facts, a.end, trigger.start),
  );
}

const FILLER_OR_COMMA: readonly RoleMarkerKind[] = ['filler', 'coordination'];

/**
 * "러시아에 무기를 공급한 중국 기업", "포탄을 넘긴 북한은": a trigger in a relative form (its word ends
 * in one of the language's relative endings) qualifies the noun right after it, an actor
 * here, which is its subject, unless the relative clause names its own subject ("미국이 제재한
 * 러시아 기업": the head is then its object).
 */
export function relativeHead(
  facts: SentenceFacts,
  cands: readonly ActorHit[],
  trigger: Hit<unknown>,
  lang: CompiledLanguage,
  sov: boolean,
): ActorHit | undefined {
  const endings = lang.lexicon.roles.relativeEndings;
  if (endings.length === 0) return undefined;
  const end = wordEnd(facts, trigger);
  const word = facts.norm.slice(trigger.start, end);
  if (!endings.some((e) => word.length > e.length && word.endsWith(e))) return undefined;
  if (!sov) {
    // "китайских компаний, поставлявших России …": the participle follows the noun it qualifies.
    const before = facts.actors.filter((a) => a.end <= trigger.start).pop();
    return before !== undefined &&
      cands.includes(before) &&
      gapIsFiller(facts, before.end, trigger.start, lang, FILLER_OR_COMMA)
      ? before
      : undefined;
  }
  const head = facts.actors.find((a) => a.start >= end);
  if (
    head === undefined ||
    !cands.includes(head) ||
    facts.norm.slice(end, head.start).trim() !== ''
  )
    return undefined;
  const clauseStart = facts.triggers
    .filter((t) => t.end <= trigger.start)
    .reduce((max, t) => Math.max(max, wordEnd(facts, t)), 0);
  const ownSubject = facts.actors.some(
    (a) =>
      a.start >= clauseStart &&
      a.end <= trigger.start &&
      a.marks.has('subject') &&
      !acrossClause(facts, a.end, trigger.start),
  );
  return ownSubject ? undefined : head;
}

/** Longest gap from an event to the actor owning it after it ("поставки ракет КНДР"). */
const OWNER_AFTER_REACH = 24;

/**
 * "санкции Евросоюза против Ирана", "поставки КНДР в Россию": in a language with a source case
 * (the Russian genitive), the actor right after an event is its source when it stands in that
 * case, or when it may (or shows no case) and a marked target follows it in the clause. Only object words
 * (classes, capabilities) may stand between ("поставки ракет КНДР в Россию").
 */
export function ownerAfter(
  facts: SentenceFacts,
  cands: readonly ActorHit[],
  trigger: Hit<unknown>,
  sourceCases: readonly string[],
): ActorHit | undefined {
  if (sourceCases.length === 0) return undefined;
  const a = facts.actors.find((x) => x.start >= trigger.end);
  if (a === undefined || !cands.includes(a) || a.start - trigger.end > OWNER_AFTER_REACH)
    return undefined;
  if (a.marks.size > 0 || facts.triggers.some((t) => t.start >= trigger.end && t.end <= a.start))
    return undefined;
  // A stem may end inside its word ("санкци|и"): the gap starts after the word.
  const rest = letterRun(facts.norm, trigger.end, a.start);
  if (!objectWordsOnly(facts, trigger.end + rest, a.start)) return undefined;
  const cases = a.ref.cases;
  if (cases.length > 0 && cases.every((c) => sourceCases.includes(c))) return a;
  // A form that may be in the source case, or shows no case, needs a marked target after it.
  if (cases.length > 0 && !cases.some((c) => sourceCases.includes(c))) return undefined;
  const targetFollows = cands.some(
    (y) => y.start >= a.end && y.marks.has('target') && !acrossClause(facts, a.end, y.start),
  );
  return targetFollows ? a : undefined;
}

/** True when every word of text[from, to) is (part of) an object class or capability word. */
function objectWordsOnly(facts: SentenceFacts, from: number, to: number): boolean {
  const re = /[^\s]+/gu;
  const gap = facts.norm.slice(from, to);
  for (let m = re.exec(gap); m !== null; m = re.exec(gap)) {
    const ws = from + m.index;
    const we = ws + m[0].length;
    const covered = (h: Hit<unknown>) => h.start < we && ws < h.end;
    if (!facts.classes.some(covered) && !facts.capabilities.some(covered)) return false;
  }
  return true;
}
