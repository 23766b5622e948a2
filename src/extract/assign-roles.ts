/**
 * Source/target assignment from the facts of one sentence: type semantics, voice and
 * prepositions/particles/cases, "between X and Y", coordination and reported speech.
 * @module
 */
import { SOLO_TYPES, SYMMETRIC_TYPES, type EventType } from '../domain/ontology.js';
import type { CompiledLanguage } from '../lexicon/load-lexicons.js';
import { coordinatedWith, type ActorHit, type Hit, type SentenceFacts } from './scan-sentence.js';

/** Types whose source is the one who speaks (the sayer is a fine source). */
export const SPEECH_TYPES: ReadonlySet<EventType> = new Set([
  'CONCERN',
  'REJECTION',
  'THREAT',
  'REQUEST',
]);
const TRANSFER_TYPES: ReadonlySet<EventType> = new Set([
  'ARMS_TRANSFER',
  'TECH_TRANSFER',
  'TROOP_DEPLOYMENT',
]);

export interface RoleChoice {
  readonly source: ActorHit | null;
  readonly target: ActorHit | null;
  readonly rules: readonly string[];
}

/** Most participants a coordinated role is expanded into ("X, Y and Z condemned"). */
const MAX_COORDINATED = 4;

function distinctByCode(hits: readonly ActorHit[]): ActorHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => !seen.has(h.ref.code) && seen.add(h.ref.code));
}

/** A demonym right before a class noun or the trigger ("North Korean troops", "северокорейского оружия"). */
function isOriginModifier(a: ActorHit, facts: SentenceFacts, trigger: Hit<unknown>): boolean {
  if (a.ref.kind !== 'demonym') return false;
  const near = (start: number, end: number) =>
    (start >= a.end && start - a.end <= 2) || (a.start >= end && a.start - end <= 2);
  if (near(trigger.start, trigger.end)) return true;
  return facts.classes.some((c) => near(c.start, c.end));
}

function pickSymmetric(
  facts: SentenceFacts,
  cands: readonly ActorHit[],
  trigger: Hit<unknown>,
): RoleChoice {
  const between = facts.between.find((b) => cands.some((a) => a.start >= b.end));
  if (between !== undefined) {
    const after = distinctByCode(cands.filter((a) => a.start >= between.end));
    if (after.length >= 2)
      return { source: after[0]!, target: after[1]!, rules: ['role.between-x-and-y'] };
  }
  // Prefer participants around the trigger, then the rest of the sentence.
  const ordered = [...cands].sort(
    (x, y) => Math.abs(x.start - trigger.start) - Math.abs(y.start - trigger.start),
  );
  const firstTwo = distinctByCode(ordered);
  const pair = firstTwo.slice(0, 2).sort((x, y) => x.start - y.start);
  return {
    source: pair[0] ?? null,
    target: pair[1] ?? null,
    rules: [pair.length === 2 ? 'role.symmetric-pair' : 'role.symmetric-one'],
  };
}

function pickSource(
  type: EventType,
  facts: SentenceFacts,
  cands: readonly ActorHit[],
  trigger: Hit<unknown>,
  sov: boolean,
): { hit: ActorHit | null; rule: string } {
  const speech = SPEECH_TYPES.has(type);
  const explicit = cands.find((a) => a.marks.has('source') && !a.marks.has('target'));
  if (explicit !== undefined && !speech) return { hit: explicit, rule: 'role.source-marked' };
  if (TRANSFER_TYPES.has(type)) {
    const mod = cands.find((a) => isOriginModifier(a, facts, trigger));
    if (mod !== undefined) return { hit: mod, rule: 'role.origin-modifier' };
  }
  const before = cands.filter((a) => a.end <= trigger.start && !a.marks.has('target'));
  if (speech) {
    const sayer = cands.find((a) => a.marks.has('sayer'));
    if (sayer !== undefined) return { hit: sayer, rule: 'role.speaker' };
    const subj = before.find((a) => a.marks.has('subject'));
    if (subj !== undefined) return { hit: subj, rule: 'role.subject-first' };
    if (before[0] !== undefined) return { hit: before[0], rule: 'role.before-trigger-first' };
  } else {
    const subjects = before.filter((a) => a.marks.has('subject'));
    const subj = subjects[subjects.length - 1];
    if (subj !== undefined) return { hit: subj, rule: 'role.subject-nearest' };
    const last = before[before.length - 1];
    if (last !== undefined && !sov) return { hit: last, rule: 'role.before-trigger-nearest' };
    if (last !== undefined) return { hit: before[0]!, rule: 'role.before-trigger-first' };
  }
  if (explicit !== undefined) return { hit: explicit, rule: 'role.source-marked' };
  return { hit: null, rule: 'role.source-open' };
}

function pickTarget(
  type: EventType,
  cands: readonly ActorHit[],
  source: ActorHit | null,
  trigger: Hit<unknown>,
  sov: boolean,
  sourceMarked: boolean,
): { hit: ActorHit | null; rule: string } {
  const others = cands.filter(
    (a) => a.ref.code !== source?.ref.code && !(a.marks.has('sayer') && !SPEECH_TYPES.has(type)),
  );
  const marked = others.filter((a) => a.marks.has('target'));
  const markedAfter = marked.find((a) => a.start >= trigger.end);
  if (!sov && markedAfter !== undefined) return { hit: markedAfter, rule: 'role.target-marked' };
  if (marked[0] !== undefined) return { hit: marked[0], rule: 'role.target-marked' };
  const after = others.filter((a) => a.start >= trigger.end && !a.marks.has('subject'));
  if (!sov && after[0] !== undefined) return { hit: after[0], rule: 'role.after-trigger' };
  // With an explicit source ("from Russia", "러시아로부터"), the subject is the recipient.
  const rest = others.filter(
    (a) => sourceMarked || !a.marks.has('subject') || a.start >= trigger.end,
  );
  if (rest[0] !== undefined) return { hit: rest[0], rule: 'role.other-actor' };
  return { hit: null, rule: 'role.target-open' };
}

/** One or more role pairs for a trigger (several when a role is coordinated). */
export function assignRoles(
  type: EventType,
  facts: SentenceFacts,
  trigger: Hit<unknown>,
  lang: CompiledLanguage,
): RoleChoice[] {
  let cands = facts.actors.filter((a) => !a.marks.has('origin') && !a.marks.has('inert'));
  if (!SPEECH_TYPES.has(type)) {
    const notSayers = cands.filter((a) => !a.marks.has('sayer'));
    if (notSayers.length > 0) cands = notSayers;
  }
  if (SYMMETRIC_TYPES.has(type)) return [pickSymmetric(facts, cands, trigger)];
  const sov = lang.lexicon.wordOrder === 'sov';
  const src = pickSource(type, facts, cands, trigger, sov);
  if (SOLO_TYPES.has(type)) return [{ source: src.hit, target: null, rules: [src.rule] }];
  const sourceGroup = src.hit === null ? [] : coordinatedWith(src.hit, facts, lang);
  const tgt = pickTarget(
    type,
    cands.filter((a) => !sourceGroup.includes(a)),
    src.hit,
    trigger,
    sov,
    src.rule === 'role.source-marked',
  );
  const sources = src.hit === null ? [null] : distinctByCode(sourceGroup);
  const targets = tgt.hit === null ? [null] : distinctByCode(coordinatedWith(tgt.hit, facts, lang));
  const out: RoleChoice[] = [];
  for (const s of sources.slice(0, MAX_COORDINATED))
    for (const t of targets.slice(0, MAX_COORDINATED)) {
      if (s !== null && t !== null && s.ref.code === t.ref.code) continue;
      const rules = [src.rule, tgt.rule];
      if (sources.length > 1 || targets.length > 1) rules.push('role.coordination');
      out.push({ source: s, target: t, rules });
    }
  return out.length > 0 ? out : [{ source: src.hit, target: null, rules: [src.rule] }];
}
