/**
 * The event candidates of one sentence: which triggers make a mention, with which frame and
 * which roles, before context fills what the sentence leaves open.
 * @module
 */
import type { ExtractedMention } from '../domain/mention.js';
import type { EventType } from '../domain/ontology.js';
import type { CompiledLanguage, TriggerRef } from '../lexicon/load-lexicons.js';
import type { Frame } from '../lexicon/lexicon-schema.js';
import { assignRoles, type RoleChoice } from './assign-roles.js';
import { clausePunctuationIn } from './role-facts.js';
import { chooseFrame, coTransferred, type FrameChoice } from './choose-frame.js';
import type { DocumentContext } from './document-context.js';
import { coordinatedWith, type ActorHit, type Hit, type SentenceFacts } from './scan-sentence.js';
import { asReceived, receivedBySubject } from './receiving.js';
import { splitVerbsFirst } from './separable-verbs.js';

/** Triggers examined per sentence: beyond this a "sentence" is a list, not prose. */
export const MAX_TRIGGERS_PER_SENTENCE = 48;

/** How far after a light verb ("oversaw the launch of") another trigger takes over. */
const LIGHT_VERB_REACH = 30;

/** `first` followed by `then`, in a new array. */
export function withRules(first: readonly string[], then: readonly string[]): string[] {
  const out = first.slice();
  for (const r of then) out.push(r);
  return out;
}

/**
 * Events a bare noun restates: launches and tests are discrete acts the press names again ("the
 * launch", "этот пуск", "해당 발사"); "help", "deliveries" or "development" without an object are
 * as often generic as they are a restatement.
 */
const RESTATABLE: ReadonlySet<EventType> = new Set([
  'MISSILE_TEST',
  'SPACE_LAUNCH',
  'NUCLEAR_TEST',
]);

/**
 * A trigger whose object class is missing from its sentence ("Tokyo condemned the launch",
 * "Пуск пришёлся на визит…") restates the document's latest event of one of its frame types
 * (ontology v1.1, restated events). Frames that need a target are never restated.
 */
function restatedFrame(
  frames: readonly Frame[] | undefined,
  ctx: DocumentContext,
): FrameChoice | null {
  const usable = (frames ?? []).filter(
    (f) => f.needsTarget !== true && f.class !== undefined && RESTATABLE.has(f.type),
  );
  const earlier = ctx.restated(usable.map((f) => f.type));
  const frame = usable.find((f) => f.type === earlier?.type);
  return earlier === undefined || frame === undefined
    ? null
    : { type: frame.type, frame, classHit: null, restated: earlier };
}

/** True when every type the entry can denote is in `seen` (or it denotes none). */
function allTypesSeen(e: TriggerRef['entry'], seen: ReadonlySet<EventType>): boolean {
  if (e.frames !== undefined) {
    for (const f of e.frames) if (!seen.has(f.type)) return false;
    return true;
  }
  return e.type === undefined || seen.has(e.type);
}

/**
 * A launch's flight and splash-down are that launch again, never a second one; a visit and the
 * talks held during it are one meeting.
 */
const SINGLE_PER_SENTENCE: ReadonlySet<EventType> = new Set([
  'MEETING',
  'MISSILE_TEST',
  'SPACE_LAUNCH',
  'NUCLEAR_TEST',
]);

/**
 * A second trigger of a type already found in the sentence is a mention of its own when its
 * clause has its own subject: the last actor between the two triggers, with no other event's
 * trigger before it (that would make the clause that event's complement: "urged the US to
 * supply"), neither a reporter nor a place, and not the first mention's source. "China abstained
 * and Russia voted against"; "Pyongyang sent shells, and Moscow handed over missiles".
 * Returns that subject, or null when the trigger repeats the first. Read before any role rule
 * runs: most repeated triggers have none.
 */
function secondClauseSubject(
  earlier: SentenceMention,
  trig: Hit<TriggerRef>,
  facts: SentenceFacts,
  lang: CompiledLanguage,
): ActorHit | null {
  const first = earlier.roles.source;
  if (first === null || SINGLE_PER_SENTENCE.has(earlier.type)) return null;
  const from = earlier.trigger.end;
  if (facts.triggers.some((t) => t.start >= from && t.end <= trig.start)) return null;
  let subject: ActorHit | null = null;
  for (const a of facts.actors) if (a.start >= from && a.end <= trig.start) subject = a;
  if (subject === null || subject.ref.code === first.ref.code) return null;
  // Its own clause: a comma or a conjunction opens it before the subject.
  const opened =
    clausePunctuationIn(facts, from, subject.start) ||
    facts.markers.coordination.some((m) => m.start >= from && m.end <= subject.start);
  // …and it heads its own list: "claims from Seoul and Kyiv" names no new subject.
  if (!opened || coordinatedWith(subject, facts, lang)[0] !== subject) return null;
  const m = subject.marks;
  if (m.has('sayer') || m.has('place') || m.has('origin') || m.has('possessor')) return null;
  if (m.has('target') || m.has('opposed') || m.has('ally') || m.has('inert')) return null;
  return subject;
}

/** The roles of a second clause: its own subject, and a target only from after the first event. */
function secondClauseRoles(r: RoleChoice, subject: ActorHit, from: number): RoleChoice {
  const target =
    r.target !== null && r.target.start > from && r.target !== subject ? r.target : null;
  return { ...r, source: subject, target, rules: ['role.second-clause-subject'] };
}

export interface SentenceMention {
  readonly type: EventType;
  /** The earlier mention a bare event noun restates ("the launch"), when it has no object here. */
  readonly restated: FrameChoice['restated'] | undefined;
  readonly trigger: Hit<TriggerRef>;
  readonly roles: RoleChoice;
  readonly rules: string[];
  readonly classHit: Hit<string> | null;
  readonly triggerModality: ExtractedMention['modality'] | undefined;
  /** The sentence's first mention of this type, when this one is its second clause. */
  readonly repeatOf?: SentenceMention;
}

export function sentenceCandidates(
  facts: SentenceFacts,
  lang: CompiledLanguage,
  ctx: DocumentContext,
): SentenceMention[] {
  const out: SentenceMention[] = [];
  const seenTypes = new Set<EventType>();
  /** The first mention of each type, which a second clause of that type must differ from. */
  const firstOfType = new Map<EventType, SentenceMention>();
  const triggers = facts.triggers.slice(0, MAX_TRIGGERS_PER_SENTENCE);
  // A split verb ("setzte … ein") heads its clause: it reports before a noun of the same type.
  for (const trig of splitVerbsFirst(triggers)) {
    const e = trig.value.entry;
    if (
      e.light === true &&
      triggers.some(
        (t) =>
          t.value.entry.light !== true &&
          t.start >= trig.end &&
          t.start - trig.end <= LIGHT_VERB_REACH,
      )
    )
      continue;
    // "under the new treaty": a noun alone reports nothing unless a verb of its type stands in the
    // sentence or the document reported the event before (a restatement).
    if (
      e.nominal === true &&
      e.type !== undefined &&
      !triggers.some((t) => t.value.entry.type === e.type && t.value.entry.nominal !== true) &&
      ctx.restated([e.type]) === undefined
    )
      continue;
    const repeatable = e.nominal !== true && e.light !== true;
    if (allTypesSeen(e, seenTypes) && !repeatable) continue;
    const frame = chooseFrame(trig, facts, lang) ?? restatedFrame(e.frames, ctx);
    if (frame === null) continue;
    const earlier = firstOfType.get(frame.type);
    let repeatOf: SentenceMention | undefined;
    let ownRoles: RoleChoice[] | undefined;
    if (earlier !== undefined) {
      // "China abstained and Russia voted against": one type twice, each with its own subject.
      if (!repeatable || frame.restated !== undefined) continue;
      const subject = secondClauseSubject(earlier, trig, facts, lang);
      if (subject === null) continue;
      ownRoles = assignRoles(frame.type, facts, trig, lang, frame.classHit).map((r) =>
        secondClauseRoles(r, subject, earlier.trigger.end),
      );
      if (ownRoles.length === 0) continue;
      repeatOf = earlier;
    } else if (seenTypes.has(frame.type)) continue;
    seenTypes.add(frame.type);
    const entry = trig.value.entry;
    const base = [`${lang.lang}.trigger.${frame.type}.${entry.id}`];
    if (frame.classHit !== null) base.push(`frame.class-${frame.classHit.value}`);
    if (frame.frame.needsTarget === true) base.push('frame.needs-target');
    if (frame.restated !== undefined) base.push('frame.restated');
    const received = receivedBySubject(frame.type, trig, triggers, facts, lang);
    const cargo = frame.restated === undefined ? coTransferred(trig, frame, facts, lang) : null;
    const also = cargo !== null && !seenTypes.has(cargo.type) ? cargo : null;
    if (also !== null) seenTypes.add(also.type);
    for (const chosen of ownRoles ?? assignRoles(frame.type, facts, trig, lang, frame.classHit)) {
      const roles = received ? asReceived(chosen, facts, lang, trig) : chosen;
      const mention = {
        type: frame.type,
        trigger: trig,
        roles,
        rules: withRules(base, roles.rules),
        classHit: frame.classHit,
        restated: frame.restated,
        triggerModality: entry.modality,
        ...(repeatOf !== undefined ? { repeatOf } : {}),
      };
      out.push(mention);
      if (!firstOfType.has(mention.type)) firstOfType.set(mention.type, mention);
      if (also === null) continue;
      // The second cargo moves between the same parties, by the same verb.
      const rules = [`${lang.lang}.trigger.${also.type}.${entry.id}`, 'frame.co-cargo'];
      rules.push(`frame.class-${also.classHit!.value}`);
      out.push({
        ...mention,
        type: also.type,
        classHit: also.classHit,
        rules: withRules(rules, roles.rules),
      });
    }
  }
  return out;
}
