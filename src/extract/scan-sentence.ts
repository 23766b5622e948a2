/**
 * Finds everything the rules need in one sentence: actors with their grammatical marks,
 * triggers, object classes, capabilities, modality cues, coordination and pair references.
 * Offsets are relative to the sentence.
 * @module
 */
import {
  type ActorRef,
  type CapabilityRef,
  type CompiledLanguage,
  type ModalityKind,
  type RoleMarkerKind,
  type ScannedMarker,
  type TriggerRef,
} from '../lexicon/load-lexicons.js';
import { normalizeBoth, wordMask, type NormalizedText } from '../lexicon/normalize-text.js';
import type { TermMatch } from '../lexicon/term-matcher.js';
import { appendAll } from '../domain/append-all.js';
import { sortSmall } from '../domain/sort-small.js';
import { perSentence } from './per-sentence.js';
import { addSeparableVerbs } from './separable-verbs.js';

export type ActorMark =
  | 'target'
  | 'source'
  | 'subject'
  | 'possessor'
  | 'sayer'
  | 'origin'
  | 'inert'
  /** After "against", "contre", "против": attacked or sanctioned, never a recipient. */
  | 'opposed'
  /** After "in", "en", "在": a place, never the recipient of arms or technology. */
  | 'place'
  | 'ally';

export interface ActorHit {
  readonly start: number;
  readonly end: number;
  readonly ref: ActorRef;
  readonly marks: Set<ActorMark>;
  /** Rule names that gave the marks, for explanations. */
  readonly markRules: string[];
}

export interface Hit<P> {
  readonly start: number;
  readonly end: number;
  readonly value: P;
}

export interface SentenceFacts {
  readonly text: string;
  readonly norm: string;
  readonly mask: Uint8Array;
  readonly actors: ActorHit[];
  readonly triggers: Hit<TriggerRef>[];
  readonly classes: Hit<string>[];
  readonly capabilities: Hit<CapabilityRef>[];
  readonly modality: Hit<ModalityKind>[];
  readonly pairReferences: Hit<RoleMarkerKind>[];
  readonly between: Hit<RoleMarkerKind>[];
  /** Role markers found over the whole sentence (prepositions, speech verbs, coordination…). */
  readonly markers: Readonly<Record<ScannedMarker, readonly TermMatch<RoleMarkerKind>[]>>;
}

function flatten<P>(matches: readonly TermMatch<P>[]): Hit<P>[] {
  const out: Hit<P>[] = [];
  for (const m of matches)
    for (const value of m.payloads) out.push({ start: m.start, end: m.end, value });
  return out;
}

const NO_MATCHES: readonly TermMatch<never>[] = [];

/** True when every case the matched form can carry is in `list`. */
function casesIn(a: ActorHit, list: readonly string[]): boolean {
  return a.ref.cases.length > 0 && list.length > 0 && a.ref.cases.every((c) => list.includes(c));
}

/** A `kind` marker within 40 units before the actor, separated from it by filler only. */
function markedBefore(
  a: ActorHit,
  facts: SentenceFacts,
  lang: CompiledLanguage,
  kind: ScannedMarker,
): boolean {
  const base = Math.max(0, a.start - 40);
  for (const m of facts.markers[kind]) {
    if (m.end > a.start) break;
    if (m.start >= base && gapIsFiller(facts, m.end, a.start, lang, FILLER)) return true;
  }
  return false;
}

const FILLER: readonly RoleMarkerKind[] = ['filler'];
/** Case endings of alphabetic languages, read past when a stem matched a name. */
const INFLECTED_LETTER = /[\p{Script=Latin}\p{Script=Cyrillic}]/u;
const MAX_ENDING = 4;
const FILLER_OR_COORDINATION: readonly RoleMarkerKind[] = ['filler', 'coordination'];
const COORDINATION_OR_FILLER: readonly RoleMarkerKind[] = ['coordination', 'filler'];

/** True when norm[from, to) holds only spaces, punctuation-free filler words and `extra` matches. */
export function gapIsFiller(
  facts: { norm: string; mask: Uint8Array },
  from: number,
  to: number,
  lang: CompiledLanguage,
  allowed: readonly RoleMarkerKind[],
): boolean {
  if (to < from) return false;
  let i = from;
  while (i < to) {
    const ch = facts.norm[i]!;
    if (ch === ' ') {
      i++;
      continue;
    }
    let advanced = false;
    for (const kind of allowed) {
      const m = lang.markers.get(kind)?.matchAt(facts.norm, facts.mask, i, to);
      if (m !== null && m !== undefined) {
        i = m.end;
        advanced = true;
        break;
      }
    }
    if (!advanced) return false;
  }
  return true;
}

function removeOverlaps(hits: ActorHit[]): ActorHit[] {
  sortSmall(hits, (a, b) => a.start - b.start || b.end - a.end);
  const out: ActorHit[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last !== undefined && h.start < last.end) {
      if (h.end - h.start > last.end - last.start) out[out.length - 1] = h;
      continue;
    }
    out.push(h);
  }
  return out;
}

/**
 * Marks from prepositions, particles and cases around an actor. A source case (the Russian
 * genitive) marks nothing here: it makes a source only right after its event (assign-roles).
 */
function markActor(a: ActorHit, facts: SentenceFacts, lang: CompiledLanguage): void {
  const roles = lang.lexicon.roles;
  if (casesIn(a, roles.targetCases)) {
    a.marks.add('target');
    a.markRules.push('role.case-target');
  } else if (casesIn(a, roles.subjectCases)) {
    a.marks.add('subject');
    a.markRules.push('role.case-subject');
  }
  // An inflected name matched by its stem ("ukrainisch|en Angaben") reads its particle after
  // the word's ending.
  let after = a.end;
  for (let k = 0; k < MAX_ENDING && INFLECTED_LETTER.test(facts.norm[after] ?? ''); k++) after++;
  while (after < facts.norm.length && facts.norm[after] === ' ') after++;
  const particle =
    lang.particles.matchAt(facts.norm, facts.mask, a.end) ??
    lang.particles.matchAt(facts.norm, facts.mask, after);
  const kind = particle?.payloads[0];
  if (kind === 'opposedAfter') {
    // "ウクライナ軍に対する戦闘": what the fight is against, never a recipient or host.
    a.marks.add('target');
    a.marks.add('opposed');
    a.markRules.push('role.particle-opposed');
  } else if (kind === 'attributionAfter' || kind === 'inertAfter') {
    const mark = kind === 'attributionAfter' ? 'origin' : 'inert';
    a.marks.add(mark);
    a.markRules.push(`role.${mark}-after`);
  } else if (
    particle !== null &&
    particle.start === a.end &&
    (kind === 'targetAfter' ||
      kind === 'sourceAfter' ||
      kind === 'possessorAfter' ||
      kind === 'subjectAfter')
  ) {
    const mark =
      kind === 'targetAfter'
        ? 'target'
        : kind === 'sourceAfter'
          ? 'source'
          : kind === 'possessorAfter'
            ? 'possessor'
            : 'subject';
    a.marks.add(mark);
    a.markRules.push(`role.particle-${mark}`);
  }
  if (!casesIn(a, roles.locativeCases) && markedBefore(a, facts, lang, 'targetBefore')) {
    a.marks.add('target');
    a.markRules.push('role.preposition-target');
  }
  if (markedBefore(a, facts, lang, 'opposedBefore')) {
    a.marks.add('opposed');
    a.markRules.push('role.preposition-opposed');
  }
  if (markedBefore(a, facts, lang, 'allyBefore') || allyAfter(a, facts, lang)) {
    a.marks.add('ally');
    a.markRules.push('role.preposition-ally');
  }
  if (markedBefore(a, facts, lang, 'inertBefore')) {
    a.marks.add('inert');
    a.markRules.push('role.inert-before');
  }
  if (markedBefore(a, facts, lang, 'placeBefore')) {
    a.marks.add('place');
    a.markRules.push('role.preposition-place');
  }
  // "an der Seite von Moskaus Truppen": the "von" of an ally marks no agent.
  if (!a.marks.has('ally') && markedBefore(a, facts, lang, 'sourceBefore')) {
    a.marks.add('source');
    a.markRules.push('role.preposition-source');
  }
  if (markedBefore(a, facts, lang, 'attribution')) {
    a.marks.add('origin');
    a.markRules.push('role.attribution');
  }
}

/** How long the noun after an owner may be ("兵士", "병사들") before its subject particle. */
const OWNED_NOUN_REACH = 6;
const NOUN_LETTER = /[\p{L}\p{N}]/u;

/**
 * "北朝鮮の兵士が…戦闘に参加した", "북한의 병사들이 …": in a verb-final language the owner of the
 * subject noun phrase is that clause's doer. The noun must hold no other name or event word.
 */
function markOwnedSubjects(facts: SentenceFacts, lang: CompiledLanguage): void {
  if (lang.lexicon.wordOrder !== 'sov') return;
  for (const a of facts.actors) {
    if (!a.marks.has('possessor') || a.marks.has('subject')) continue;
    const owner = lang.particles.matchAt(facts.norm, facts.mask, a.end);
    if (owner === null) continue;
    let k = owner.end;
    if (facts.norm[k] === ' ') k++;
    const noun = k;
    const stop = facts.actors.find((x) => x.start >= noun)?.start ?? facts.norm.length;
    const event = facts.triggers.find((t) => t.start >= noun)?.start ?? facts.norm.length;
    for (; k < Math.min(stop, event, noun + OWNED_NOUN_REACH + 1); k++) {
      if (!NOUN_LETTER.test(facts.norm[k] ?? '')) break;
      if (k === noun) continue;
      if (lang.particles.matchAt(facts.norm, facts.mask, k)?.payloads[0] !== 'subjectAfter')
        continue;
      a.marks.add('subject');
      a.markRules.push('role.owned-subject');
      break;
    }
  }
}

/** "ロシア軍と共に", "러시아군과 함께", "与俄罗斯军队一起": the words after the name, or after its force. */
function allyAfter(a: ActorHit, facts: SentenceFacts, lang: CompiledLanguage): boolean {
  let at = facts.classes.find((c) => c.start === a.end)?.end ?? a.end;
  if (facts.norm[at] === ' ') at++;
  return lang.particles.matchAt(facts.norm, facts.mask, at)?.payloads[0] === 'allyAfter';
}

/**
 * A name joined to a modifier name is one modifier: "联合国安理会决议", "resoluciones del Consejo
 * de Seguridad de la ONU" make both the UN and its council owners of the resolutions.
 */
function spreadInert(facts: SentenceFacts, lang: CompiledLanguage): void {
  const actors = facts.actors;
  for (let pass = 0; pass < 2; pass++)
    for (let k = 0; k + 1 < actors.length; k++) {
      const a = actors[k]!;
      const b = actors[k + 1]!;
      if (a.marks.has('inert') === b.marks.has('inert')) continue;
      if (!gapIsFiller(facts, a.end, b.start, lang, FILLER)) continue;
      const plain = a.marks.has('inert') ? b : a;
      // "북한이 우크라이나 전쟁 지원": a name with its own case particle is no modifier.
      if (plain.markRules.some((r) => r.startsWith('role.particle-'))) continue;
      plain.marks.add('inert');
      plain.markRules.push('role.inert-joined');
    }
}

/** "Russia's Kursk region", "러시아 쿠르스크", "俄罗斯库尔斯克": a state naming its own place is that place. */
function markPlaceOwners(facts: SentenceFacts, lang: CompiledLanguage): void {
  const actors = facts.actors;
  for (let k = 0; k + 1 < actors.length; k++) {
    const a = actors[k]!;
    const b = actors[k + 1]!;
    if (b.ref.kind !== 'place' || a.ref.code !== b.ref.code || a.ref.kind === 'place') continue;
    if (!gapIsFiller(facts, a.end, b.start, lang, FILLER)) continue;
    a.marks.add('place');
    a.markRules.push('role.place-owner');
  }
}

/** Korean and Japanese topic particles. */
export const TOPIC_PARTICLE = /^[은는は]/u;
/**
 * A quoted clause's end shortly before the speech verb, its addressee between them: Korean 고/라고
 * ("…다고 국회 정보위원회에 보고했다"), Japanese と/とみて.
 */
// Korean writes a space before the speech verb ("…다고 밝혔다"), Japanese none ("…と述べた").
const QUOTATIVE = /고\s|と/u;
const QUOTE_REACH = 16;
/** Letters a final speech verb may still carry after its stem ("밝혔다.", "述べた。"). */
export const FINAL_VERB_TAIL = 6;

/**
 * "국정원은 … 러시아가 기술을 지원했다고 밝혔다", "防衛省は、… と述べた": in a verb-final sentence
 * that ends on a speech verb, the topic that opens it is who speaks, not a party to what it tells.
 */
function markTopicSayer(facts: SentenceFacts, lang: CompiledLanguage): void {
  if (lang.lexicon.wordOrder !== 'sov') return;
  const speech = facts.markers.speech;
  const last = speech[speech.length - 1];
  if (last === undefined || facts.norm.trimEnd().length - last.end > FINAL_VERB_TAIL) return;
  // It reports a quoted clause ("…다고 밝혔다", "…と述べた"), and no name speaks right before it
  // ("…보냈다고 국정원이 밝혔다").
  if (!QUOTATIVE.test(facts.norm.slice(Math.max(0, last.start - QUOTE_REACH), last.start))) return;
  if (facts.actors.some((a) => a.marks.has('sayer'))) return;
  // Only the sentence's opening name, with its topic particle inside its match ("정부는") or
  // right after it ("국정원은"); a later, contrastive topic speaks for nothing.
  // Agencies and ministries that brief ("국정원은", "防衛省は"); a state that speaks of itself
  // ("北朝鮮は…発射したと発表した") is also the one that acted.
  const first = facts.actors[0];
  if (first === undefined || first.start >= last.start || first.ref.kind !== 'institution') return;
  const particle = facts.norm.slice(first.end - 1, first.end + 1);
  if (!TOPIC_PARTICLE.test(particle) && !TOPIC_PARTICLE.test(particle.slice(1))) return;
  for (const a of coordinatedWith(first, facts, lang)) {
    a.marks.add('sayer');
    a.markRules.push('role.topic-speaker');
  }
}

/**
 * A comma right after a name, the only one before the speech verb, closes the reported clause:
 * "…shells to Russia, officials said", "…поставляет Северная Корея, сообщают СМИ". Two enclose
 * an apposition ("Zakharova, the ministry spokeswoman, said"); one further on ends it ("Peskov,
 * the Kremlin spokesman, said": the Kremlin speaks).
 */
function opensInvertedReport(gap: string): boolean {
  let commas = 0;
  for (const ch of gap) if (ch === ',' || ch === '，' || ch === '、') commas++;
  return commas === 1 && /^\s*[,，、]/u.test(gap);
}

/**
 * The speakers a speech verb's subject stands with: "Japan, South Korea and the United States
 * said" is a list because a conjunction closes it; "…to strike Ukraine, a US official said" has
 * only a comma, and the name before it belongs to the report. The enumeration comma "、" is a
 * conjunction.
 */
function speakingList(last: ActorHit, facts: SentenceFacts, lang: CompiledLanguage): ActorHit[] {
  const group = coordinatedWith(last, facts, lang);
  const first = group[0]!;
  const closed = facts.markers.coordination.some(
    (m) =>
      m.start >= first.end &&
      m.end <= last.start &&
      !/^[\s,，]*$/u.test(facts.text.slice(m.start, m.end)),
  );
  return group.length === 1 || closed ? group : [last];
}

/** Actor followed by a speech verb ("Seoul said", "В МИД России заявили"), or after one when inverted. */
function markSayers(facts: SentenceFacts, lang: CompiledLanguage): void {
  for (const v of facts.markers.speech) {
    let prev: ActorHit | undefined;
    for (let k = facts.actors.length - 1; k >= 0; k--) {
      if (facts.actors[k]!.end <= v.start) {
        prev = facts.actors[k];
        break;
      }
    }
    if (
      prev !== undefined &&
      gapIsFiller(facts, prev.end, v.start, lang, FILLER_OR_COORDINATION) &&
      !opensInvertedReport(facts.text.slice(prev.end, v.start))
    ) {
      for (const a of speakingList(prev, facts, lang)) {
        a.marks.add('sayer');
        a.markRules.push('role.speaker');
      }
      continue;
    }
    // Inverted only after a quote or clause: "…, said Japan's defence ministry".
    const lead = facts.text.slice(Math.max(0, v.start - 3), v.start);
    const next = facts.actors.find((a) => a.start >= v.end);
    if (
      next !== undefined &&
      /[,"»”'」]\s*$/u.test(lead) &&
      gapIsFiller(facts, v.end, next.start, lang, FILLER)
    ) {
      next.marks.add('sayer');
      next.markRules.push('role.speaker-inverted');
    }
  }
}

/** The actors joined to `a` by coordination ("Seoul and Tokyo", "한국과 미국, 일본"), `a` included. */
export function coordinatedWith(
  a: ActorHit,
  facts: SentenceFacts,
  lang: CompiledLanguage,
): ActorHit[] {
  const idx = facts.actors.indexOf(a);
  if (idx < 0) return [a];
  const links = coordinationLinks(facts);
  const joined = (k: number): boolean => {
    let link = links[k];
    if (link === undefined) {
      const x = facts.actors[k]!;
      const y = facts.actors[k + 1]!;
      link =
        isFree(x) &&
        isFree(y) &&
        gapIsFiller(facts, x.end, y.start, lang, COORDINATION_OR_FILLER) &&
        facts.markers.coordination.some((m) => m.start >= x.end && m.end <= y.start);
      links[k] = link;
    }
    return link;
  };
  let lo = idx;
  while (lo > 0 && joined(lo - 1)) lo--;
  let hi = idx;
  while (hi + 1 < facts.actors.length && joined(hi)) hi++;
  return facts.actors.slice(lo, hi + 1);
}

function isFree(x: ActorHit): boolean {
  return !x.marks.has('origin') && !x.marks.has('inert');
}

/**
 * Per sentence, whether actor k is coordinated with actor k + 1, found when first asked. The
 * marks it reads (origin, inert) are all set before anyone asks (markActor runs first).
 */
const coordinationLinks = perSentence((): (boolean | undefined)[] => []);

/**
 * A trigger glued by a hyphen to the word before it ("North Korean-supplied missiles",
 * "Iranian-made drones") qualifies a noun: it heads no clause of its own.
 */
export function isAttributive(trigger: Hit<unknown>, facts: SentenceFacts): boolean {
  return trigger.start > 0 && facts.text[trigger.start - 1] === '-';
}

/** Drops an institution right after its own state ("러시아 국방부", "Japan's defence ministry"). */
function mergeHeads(actors: ActorHit[], norm: string): ActorHit[] {
  const out: ActorHit[] = [];
  for (const a of actors) {
    const prev = out[out.length - 1];
    if (
      prev !== undefined &&
      (prev.ref.code === a.ref.code ||
        (a.ref.kind === 'institution' &&
          (prev.ref.kind === 'state' || prev.ref.kind === 'demonym'))) &&
      a.start - prev.end <= 4 &&
      /^(?:\s|'s|의|の|的)*$/u.test(norm.slice(prev.end, a.start))
    ) {
      const merged: ActorHit = {
        start: prev.start,
        end: a.end,
        ref: a.ref.kind === 'demonym' || a.ref.code !== prev.ref.code ? prev.ref : a.ref,
        marks: new Set([...prev.marks]),
        markRules: [...prev.markRules],
      };
      out[out.length - 1] = merged;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** The actors of name matches (a compound of several names gives one per part). */
function addActorHits(out: ActorHit[], matches: readonly TermMatch<ActorRef>[]): void {
  for (const m of matches) {
    const ref = m.payloads[0]!;
    if (ref.parts === undefined) {
      out.push({ start: m.start, end: m.end, ref, marks: new Set(), markRules: [] });
      continue;
    }
    // "북러 군사협력": one word, two actors, each a modifier of what follows.
    let from = m.start;
    for (const p of ref.parts) {
      const hit: ActorHit = {
        start: from,
        end: m.start + p.end,
        ref: { ...ref, code: p.code, kind: 'demonym' },
        marks: new Set(),
        markRules: [],
      };
      from = hit.end;
      out.push(hit);
    }
  }
}

/**
 * The facts of one sentence. `normalized`: its normalised forms when the caller has them (slices
 * of its document's, normalize-text.ts), else they are made here.
 */
export function scanSentence(
  text: string,
  lang: CompiledLanguage,
  normalized?: NormalizedText,
): SentenceFacts {
  let norm: string;
  let exactNorm: string;
  let mask: Uint8Array;
  if (normalized !== undefined) ({ lower: norm, exact: exactNorm, mask } = normalized);
  else {
    ({ lower: norm, exact: exactNorm } = normalizeBoth(text));
    mask = wordMask(text);
  }
  const found = lang.vocabulary.find(norm, mask);
  const marker = (kind: ScannedMarker): readonly TermMatch<RoleMarkerKind>[] => {
    const m = lang.markers.get(kind);
    return m === undefined ? NO_MATCHES : found.of(m);
  };
  // One literal, so that every sentence's markers share one shape.
  const markers: Record<ScannedMarker, readonly TermMatch<RoleMarkerKind>[]> = {
    targetBefore: marker('targetBefore'),
    opposedBefore: marker('opposedBefore'),
    placeBefore: marker('placeBefore'),
    allyBefore: marker('allyBefore'),
    inertBefore: marker('inertBefore'),
    exchange: marker('exchange'),
    sourceBefore: marker('sourceBefore'),
    attribution: marker('attribution'),
    speech: marker('speech'),
    coordination: marker('coordination'),
    between: marker('between'),
    pairReference: marker('pairReference'),
    possessivePronoun: marker('possessivePronoun'),
  };
  const rawActors: ActorHit[] = [];
  addActorHits(rawActors, found.of(lang.actors));
  addActorHits(rawActors, lang.actorsExact.find(exactNorm, mask));
  const facts: SentenceFacts = {
    text,
    norm,
    mask,
    actors: [],
    triggers: flatten(found.of(lang.triggers)),
    classes: flatten(found.of(lang.classes)),
    capabilities: flatten(found.of(lang.capabilities)),
    modality: flatten(found.of(lang.modality)),
    pairReferences: flatten(markers.pairReference),
    between: flatten(markers.between),
    markers,
  };
  addSeparableVerbs(facts, markers, lang);
  // A longer trigger holding a name is the word it is ("인도할" delivers, 인도 alone is India).
  const named = removeOverlaps(rawActors).filter(
    (a) =>
      !facts.triggers.some(
        (t) =>
          t.value.blocked !== true &&
          t.start <= a.start &&
          a.end <= t.end &&
          t.end - t.start > a.end - a.start,
      ),
  );
  appendAll(facts.actors, mergeHeads(named, norm));
  // Blocker phrases and trigger words inside names ("Sanctions Monitoring Team") report nothing.
  const kept = facts.triggers.filter(
    (t) =>
      t.value.blocked !== true && !facts.actors.some((a) => a.start < t.end && t.start < a.end),
  );
  facts.triggers.length = 0;
  appendAll(facts.triggers, kept);
  // A cue inside a name ("ли" in "Ли Цян") or inside another event's own words ("did not
  // recognise" is a rejection's term, not a negation of the sanction beside it) modalises nothing;
  // a cue inside the trigger it qualifies is read by decide-modality itself.
  const cues = facts.modality.filter(
    (c) =>
      !facts.actors.some((a) => a.start <= c.start && c.end <= a.end) &&
      !(
        c.value === 'negation' &&
        facts.triggers.some(
          (t) => t.start <= c.start && c.end <= t.end && t.end - t.start > c.end - c.start,
        )
      ),
  );
  facts.modality.length = 0;
  appendAll(facts.modality, cues);
  for (const a of facts.actors) markActor(a, facts, lang);
  markOwnedSubjects(facts, lang);
  spreadInert(facts, lang);
  markPlaceOwners(facts, lang);
  markSayers(facts, lang);
  markTopicSayer(facts, lang);
  return facts;
}
