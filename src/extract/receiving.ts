/**
 * Verbs of receiving ("received", "a reçu", "получила", "받았다", "获得"): their grammatical
 * subject is the recipient. Roles are first read as for any verb, then turned round when the
 * source came from the subject position (ontology: the source of a transfer is the giver).
 * @module
 */
import type { EventType } from '../domain/ontology.js';
import type { CompiledLanguage, TriggerRef } from '../lexicon/load-lexicons.js';
import type { RoleChoice } from './assign-roles.js';
import { clausePunctuationIn } from './role-facts.js';
import type { ActorMark, Hit, SentenceFacts } from './scan-sentence.js';

const TRANSFER_TYPES: ReadonlySet<EventType> = new Set([
  'ARMS_TRANSFER',
  'TECH_TRANSFER',
  'TROOP_DEPLOYMENT',
]);

/** Source rules that read the grammatical subject, the recipient of a verb of receiving. */
const SUBJECT_RULES: ReadonlySet<string> = new Set([
  'role.relative-head',
  'role.subject-nearest',
  'role.before-trigger-nearest',
  'role.before-trigger-first',
]);

/**
 * Longest gap between a receiving verb and the noun it takes: "received technical help", and in
 * SOV only a particle ("지원을 받았다", "支援を受けた").
 */
const OBJECT_REACH = 24;
const SOV_OBJECT_REACH = 4;

/**
 * Whether the event of `trig` is told from the recipient's side: `trig` is a verb of receiving,
 * or a transfer noun that one governs ("recibió asistencia", "지원을 받았다", "支援を受けた").
 */
export function receivedBySubject(
  type: EventType,
  trig: Hit<TriggerRef>,
  triggers: readonly Hit<TriggerRef>[],
  facts: SentenceFacts,
  lang: CompiledLanguage,
): boolean {
  if (!TRANSFER_TYPES.has(type)) return false;
  if (trig.value.entry.receiving === true) return true;
  const sov = lang.lexicon.wordOrder === 'sov';
  return triggers.some((t) => {
    if (t === trig || t.value.entry.receiving !== true) return false;
    const [from, to] = sov ? [trig.end, t.start] : [t.end, trig.start];
    return (
      from <= to &&
      to - from <= (sov ? SOV_OBJECT_REACH : OBJECT_REACH) &&
      !clausePunctuationIn(facts, from, to) &&
      !facts.actors.some((a) => a.start >= from && a.end <= to)
    );
  });
}

/**
 * "Pyongyang received Russian help", "Россия закупает у КНДР": a source read from the subject
 * position becomes the target and the other actor the source. A marked giver ("from Russia")
 * or a maker ("Iranian missiles") was read as the source already and stays.
 */
export function asReceived(
  c: RoleChoice,
  facts: SentenceFacts,
  lang: CompiledLanguage,
  trig: Hit<TriggerRef>,
): RoleChoice {
  if (c.rules[0] === 'role.source-marked') return withSubjectRecipient(c, facts, trig);
  if (!SUBJECT_RULES.has(c.rules[0] ?? '')) return c;
  // "러시아에서 기술 자문을 받아": with a verb of receiving, the place particle names the giver.
  const s = c.source;
  if (
    s !== null &&
    lang.particles.matchAt(facts.norm, facts.mask, s.end)?.payloads[0] === 'givenFromAfter'
  )
    return { ...c, rules: [...c.rules, 'role.received-from'] };
  // "…, an official in Seoul said": a place or a speaker left over is not the giver.
  const giver = c.target?.marks.has('place') || c.target?.marks.has('sayer') ? null : c.target;
  return {
    ...c,
    source: giver,
    target: c.source,
    rules: [...c.rules, 'role.receiving-subject'],
  };
}

const NOT_RECIPIENT_MARKS: readonly ActorMark[] = [
  'place',
  'sayer',
  'source',
  'target',
  'opposed',
  'origin',
  'inert',
];

/**
 * "Russia has begun using missiles received from North Korea to strike Ukraine", "Россия начала
 * применять полученные от КНДР ракеты для ударов по Украине": with its giver marked, a verb of
 * receiving gets its recipient from the subject before it, not from a name after it (which
 * belongs to the clause that follows).
 */
function withSubjectRecipient(
  c: RoleChoice,
  facts: SentenceFacts,
  trig: Hit<TriggerRef>,
): RoleChoice {
  if (c.target !== null && c.target.end <= trig.start) return c;
  const subject = facts.actors.findLast(
    (a) =>
      a.end <= trig.start &&
      a !== c.source &&
      a.ref.code !== c.source?.ref.code &&
      !NOT_RECIPIENT_MARKS.some((m) => a.marks.has(m)),
  );
  if (subject === undefined) return c;
  return { ...c, target: subject, rules: [...c.rules, 'role.receiving-subject'] };
}
