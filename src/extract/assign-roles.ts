/**
 * Source/target assignment from the facts of one sentence: type semantics, voice and
 * prepositions/particles/cases, "between X and Y", coordination and reported speech.
 * @module
 */
import { ORGANISATIONS, SOLO_TYPES, SYMMETRIC_TYPES, type EventType } from '../domain/ontology.js';
import type { CompiledLanguage, RoleMarkerKind } from '../lexicon/load-lexicons.js';
import { gapIsFiller, type ActorHit, type Hit, type SentenceFacts } from './scan-sentence.js';
import { pickSymmetric } from './pick-symmetric.js';
import {
  acrossClause,
  byPosition,
  clauseFinal,
  coordinated,
  distinctByCode,
  isOriginModifier,
  isSayer,
  isSubjectOf,
  makesWeapon,
  ownedByOther,
} from './role-facts.js';
import { perSentence } from './per-sentence.js';
import {
  agentOfAnother,
  caseParticleBetween,
  eventBetween,
  frontedTarget,
  invertedSubject,
  markedForPreceding,
  ownerAfter,
  relativeHead,
  struckPlace,
} from './role-clues.js';
import { sortSmall } from '../domain/sort-small.js';

/** Types whose source is the one who speaks (the sayer is a fine source). */
export const SPEECH_TYPES: ReadonlySet<EventType> = new Set([
  'CONCERN',
  'REJECTION',
  'THREAT',
  'REQUEST',
]);
/** Types that move things (not people, whose host is a place). */
const NO_CODES: ReadonlySet<string> = new Set();
const OBJECT_TRANSFER_TYPES: ReadonlySet<EventType> = new Set(['ARMS_TRANSFER', 'TECH_TRANSFER']);
const TRANSFER_TYPES: ReadonlySet<EventType> = new Set([
  'ARMS_TRANSFER',
  'TECH_TRANSFER',
  'TROOP_DEPLOYMENT',
]);

export interface RoleChoice {
  readonly source: ActorHit | null;
  readonly target: ActorHit | null;
  readonly rules: readonly string[];
  /** Who reports the event, for when context gives no better source. */
  readonly sayer?: ActorHit;
  /** Actors coordinated with the source or target ("Tokyo and Canberra"): cues, not roles. */
  readonly coordinated?: readonly ActorHit[];
}

/** Longest gap from a possessor to its nominal trigger ("북한의 신형 미사일 발사"). */
const POSSESSOR_REACH = 12;
/** Longest gap from a possessive to its nominal event ("its latest ballistic missile launches"). */
const PRONOUN_REACH = 40;

/** Most participants a coordinated role is expanded into ("X, Y and Z condemned"). */
const MAX_COORDINATED = 4;

const ORGANISATION_CODES: ReadonlySet<string> = new Set(ORGANISATIONS);

/**
 * A reaction in a reporting clause of its own after what it reports: "…, Seoul warned." or
 * "…, a averti le ministre". Cues of the reported clauses do not reach it.
 */
export function reportingClause(
  type: EventType,
  facts: SentenceFacts,
  trigger: Hit<unknown>,
): boolean {
  if (!SPEECH_TYPES.has(type)) return false;
  const clauseFinal = /^\s*(?:[.,;:!?"»”']|$)/u.test(
    facts.text.slice(trigger.end, trigger.end + 3),
  );
  const inverted = /[,;:]\s*\S{0,4}\s*$/u.test(
    facts.text.slice(Math.max(0, trigger.start - 8), trigger.start),
  );
  return clauseFinal || inverted;
}

/** Longest gap between a weapon word and its maker: "missiles supplied by North Korea". */
const MAKER_GAP = 24;

/** Whether `a` follows a weapon word in the same phrase ("Raketen aus Nordkorea"). */
function namesWeaponMaker(a: ActorHit, facts: SentenceFacts): boolean {
  const near = (c: Hit<unknown>): boolean =>
    c.end <= a.start &&
    a.start - c.end <= MAKER_GAP &&
    !/[,;:.]/u.test(facts.norm.slice(c.end, a.start));
  return facts.classes.some(near) || facts.capabilities.some(near);
}

function pickSource(
  type: EventType,
  facts: SentenceFacts,
  named: readonly ActorHit[],
  trigger: Hit<unknown>,
  sov: boolean,
  classHit: Hit<string> | null,
  lang: CompiledLanguage,
): { hit: ActorHit | null; rule: string } {
  const speech = SPEECH_TYPES.has(type);
  // "…与俄罗斯军队一起作战", "fought alongside Russian units": the ally is not who fights here.
  const unallied = type === 'ATTACK' ? named.filter((a) => !a.marks.has('ally')) : named;
  const cands = unallied.length > 0 ? unallied : named;
  const explicit = cands.find(
    (a) =>
      a.marks.has('source') &&
      !a.marks.has('target') &&
      // "fired missiles supplied by North Korea": the weapon's maker is not the one who fired it.
      !(type === 'ATTACK' && namesWeaponMaker(a, facts)),
  );
  // "обстреливают … из этого российского региона": fire from a region names where, not who.
  // "…territoire occupé par l'Ukraine", "…a été confirmé par l'Otan": an agent past a clause
  // break or a speech verb is another verb's.
  if (
    explicit !== undefined &&
    !speech &&
    !(type === 'ATTACK' && explicit.ref.kind === 'demonym') &&
    !agentOfAnother(facts, explicit, trigger)
  )
    return { hit: explicit, rule: 'role.source-marked' };
  const head = relativeHead(facts, cands, trigger, lang, sov);
  if (head !== undefined) return { hit: head, rule: 'role.relative-head' };
  if (TRANSFER_TYPES.has(type) || SOLO_TYPES.has(type)) {
    // "ウクライナ軍に対する戦闘に北朝鮮兵を投入": the side fought is not where troops come from.
    const mod = cands.find(
      (a) =>
        !a.marks.has('opposed') &&
        !a.marks.has('ally') &&
        isOriginModifier(a, facts, trigger, classHit),
    );
    if (mod !== undefined) return { hit: mod, rule: 'role.origin-modifier' };
  }
  if (!speech) {
    const owner = ownerAfter(facts, cands, trigger, lang.lexicon.roles.sourceCases);
    if (owner !== undefined) return { hit: owner, rule: 'role.owner-after' };
  }
  if (!speech && lang.lexicon.wordOrder === 'v2') {
    const inverted = invertedSubject(facts, cands, trigger);
    if (inverted !== undefined) return { hit: inverted, rule: 'role.v2-inverted' };
  }
  if (SOLO_TYPES.has(type)) {
    // Organisations neither test nor build weapons: the state named with the event does.
    const states = cands.filter((a) => !ORGANISATION_CODES.has(a.ref.code));
    if (states.length < cands.length) {
      const own = pickSource(type, facts, states, trigger, sov, classHit, lang);
      if (own.hit !== null) return own;
      // "enrichment in Iran", "after its test … against the DPRK": a marked state still did it.
      const marked = states.filter((a) => !acrossClause(facts, a.start, trigger.start));
      const near = sortSmall(
        marked,
        (x, y) => Math.abs(x.start - trigger.start) - Math.abs(y.start - trigger.start),
      )[0];
      if (near !== undefined) return { hit: near, rule: 'role.solo-marked-state' };
      return own;
    }
  }
  // "朝鲜士兵正在乌克兰边境地区进行炮击": where it happens is not who does it.
  const allBefore = cands.filter(
    (a) =>
      a.end <= trigger.start &&
      !a.marks.has('target') &&
      !a.marks.has('place') &&
      !markedForPreceding(facts, a, trigger) &&
      // A test site stands for the state that tests there ("풍계리 핵실험장").
      (a.ref.kind !== 'place' || SOLO_TYPES.has(type)),
  );
  const sameClause = allBefore.filter((a) => !acrossClause(facts, a.end, trigger.start));
  const before = speech || sameClause.length === 0 ? allBefore : sameClause;
  if (speech) {
    const sayer = cands.find((a) => isSayer(a, facts));
    if (sayer !== undefined) return { hit: sayer, rule: 'role.speaker' };
    // "…, a averti le ministre japonais": an inverted reaction names its speaker after it.
    if (
      /[,;:]\s*\S{0,4}\s*$/u.test(facts.text.slice(Math.max(0, trigger.start - 8), trigger.start))
    ) {
      const next = cands.find(
        (a) => a.start >= trigger.end && !acrossClause(facts, trigger.end, a.start),
      );
      if (next !== undefined && next.start - trigger.end <= 40)
        return { hit: next, rule: 'role.speaker-inverted' };
    }
    const subj = before.find((a) => a.marks.has('subject'));
    if (subj !== undefined) return { hit: subj, rule: 'role.subject-first' };
    // "…, a U.S. official warned": the speaker is in the trigger's own clause, after the report.
    // "…, South Korean officials warned on Monday": the subject right before it, likewise.
    const first = sameClause[0];
    if (
      first !== undefined &&
      first !== allBefore[0] &&
      (clauseFinal(facts, trigger) || isSubjectOf(first, trigger, facts))
    )
      return { hit: first, rule: 'role.speaker-clause-final' };
    if (before[0] !== undefined) return { hit: before[0], rule: 'role.before-trigger-first' };
  } else {
    const referred = possessiveAntecedent(facts, cands, trigger);
    if (referred !== undefined) return { hit: referred, rule: 'role.possessive-pronoun' };
    // "북한의 미사일 발사" (North Korea's missile launch): the owner of a nominal event did it.
    const owner = before.findLast(
      (a) =>
        a.marks.has('possessor') &&
        trigger.start - a.end <= POSSESSOR_REACH &&
        // "北朝鮮の団体に制裁": a case particle closes the owned noun before the event.
        !caseParticleBetween(facts, lang, a.end + 1, trigger.start) &&
        // "북한의 핵잠수함 개발을 지원": the owner belongs to the nearer event (개발).
        !facts.triggers.some((t) => t.start >= a.end && t.end <= trigger.start),
    );
    if (owner !== undefined) return { hit: owner, rule: 'role.possessor' };
    // "…, которые россия использует в Украине, поставляет Северная Корея": with no name in its
    // own clause before it, a verb takes the subject its case marks right after it.
    if (sameClause.length === 0 && !sov) {
      const after = cands.find(
        (a) =>
          a.start >= trigger.end &&
          a.marks.has('subject') &&
          !a.marks.has('sayer') &&
          !acrossClause(facts, trigger.end, a.start),
      );
      if (after !== undefined) return { hit: after, rule: 'role.subject-after' };
    }
    const subjects = before.filter((a) => a.marks.has('subject'));
    const subj = subjects[subjects.length - 1];
    if (subj !== undefined) return { hit: subj, rule: 'role.subject-nearest' };
    const last = before[before.length - 1];
    if (last !== undefined && !sov) return { hit: last, rule: 'role.before-trigger-nearest' };
    if (last !== undefined) return { hit: before[0]!, rule: 'role.before-trigger-first' };
  }
  if (explicit !== undefined && !agentOfAnother(facts, explicit, trigger))
    return { hit: explicit, rule: 'role.source-marked' };
  return { hit: null, rule: 'role.source-open' };
}

const FILLER: readonly RoleMarkerKind[] = ['filler'];

/**
 * "sanctions on Pyongyang over its missile launches", "a condamné Moscou pour ses livraisons": a
 * possessive right before a nominal event gives the event to the nearest actor named before the
 * possessive, whatever role that actor plays in the rest of the sentence.
 */
function possessiveAntecedent(
  facts: SentenceFacts,
  cands: readonly ActorHit[],
  trigger: Hit<unknown>,
): ActorHit | undefined {
  const pronoun = facts.markers.possessivePronoun.findLast(
    (m) =>
      m.end <= trigger.start &&
      trigger.start - m.end <= PRONOUN_REACH &&
      !/[,;:.]/.test(facts.text.slice(m.end, trigger.start)) &&
      // The possessive belongs to the nearer event ("its support for the launch": the support).
      !facts.triggers.some((t) => t.start >= m.end && t.end <= trigger.start),
  );
  if (pronoun === undefined) return undefined;
  return cands.findLast((a) => a.end <= pronoun.start && !a.marks.has('origin'));
}

function pickTarget(
  type: EventType,
  facts: SentenceFacts,
  cands: readonly ActorHit[],
  source: ActorHit | null,
  trigger: Hit<unknown>,
  sov: boolean,
  sourceMarked: boolean,
  lang: CompiledLanguage,
): { hit: ActorHit | null; rule: string } {
  // "fought alongside Russian marines in the Kursk region": the ally, also named again as a
  // place, is not the one attacked.
  const allies =
    type === 'ATTACK' || type === 'THREAT'
      ? new Set(cands.flatMap((a) => (a.marks.has('ally') ? [a.ref.code] : [])))
      : NO_CODES;
  // What is moved goes to a recipient, never to the side it is used against.
  const others = cands.filter(
    (a) =>
      a.ref.code !== source?.ref.code &&
      !allies.has(a.ref.code) &&
      !isSayer(a, facts) &&
      !(TRANSFER_TYPES.has(type) && a.marks.has('opposed')) &&
      !(OBJECT_TRANSFER_TYPES.has(type) && a.marks.has('place')),
  );
  const after = others.filter(
    (a) => a.start >= trigger.end && !acrossClause(facts, trigger.end, a.start),
  );
  if (type === 'REJECTION') {
    // Only the direct object is rejected ("rejected Seoul's claims"); anything else is open.
    const direct = after.find((a) => a.start - trigger.end <= 6);
    return direct
      ? { hit: direct, rule: 'role.direct-object' }
      : { hit: null, rule: 'role.target-open' };
  }
  // A reaction targets the one who did what it is about: the owner of a nominal event
  // ("북한군의 러시아 파병을 규탄") or the subject of an embedded clause ("이란이 러시아에 … 이전한
  // 데 대해 우려").
  if (sov && type === 'CONCERN') {
    const inClause = others.filter(
      (a) => a.end <= trigger.start && !acrossClause(facts, a.end, trigger.start),
    );
    const owner = inClause.filter((a) => a.marks.has('possessor'));
    if (owner.length > 0) return { hit: owner[owner.length - 1]!, rule: 'role.possessor-target' };
    const doer = inClause.find((a) => a.marks.has('subject') && !a.marks.has('target'));
    if (doer !== undefined) return { hit: doer, rule: 'role.embedded-subject-target' };
  }
  // "Russia may help Iran…, fear officials in Israel": a reaction in its own reporting clause
  // targets the subject of the clause it reports.
  if (!sov && type === 'CONCERN' && reportingClause(type, facts, trigger)) {
    const reported = others.filter(
      (a) => a.end <= trigger.start && acrossClause(facts, a.end, trigger.start),
    );
    const doer = reported.find((a) => !a.marks.has('target')) ?? reported[0];
    if (doer !== undefined) return { hit: doer, rule: 'role.reported-subject-target' };
  }
  const marked = others.filter((a) => a.marks.has('target'));
  // "对基辅发动空袭": in unspaced SVO (Chinese) a preposition puts the target before the verb,
  // and it outranks whatever name follows the verb ("…时使用了朝鲜制造的导弹").
  const fronted = !sov && !lang.lexicon.spaced ? frontedTarget(marked, facts, trigger) : undefined;
  if (fronted !== undefined) return { hit: fronted, rule: 'role.target-fronted' };
  if (!sov) {
    const direct = after[0];
    // Right after the verb, or after filler only ("sanctioned three Iranian companies").
    if (
      direct !== undefined &&
      !direct.marks.has('subject') &&
      // "used North Korean missiles against Kyiv": the weapon's maker is not what is attacked.
      !(type === 'ATTACK' && makesWeapon(direct, facts)) &&
      (direct.start - trigger.end <= 4 ||
        gapIsFiller(facts, trigger.end, direct.start, lang, FILLER))
    )
      return { hit: direct, rule: 'role.direct-object' };
    // "поставки оружия … вторжения России в Украину": a target past another event is that event's.
    const markedAfter = after.find(
      (a) => a.marks.has('target') && !eventBetween(facts, trigger.end, a.start),
    );
    if (markedAfter !== undefined) return { hit: markedAfter, rule: 'role.target-marked' };
  }
  // In SOV a marked target belongs to the first verb after it ("러시아에 무기를 공급한 중국 기업을
  // 제재했다": Russia receives the weapons, not the sanction), not to one before or after that.
  const markedNear = marked.filter(
    (a) =>
      !acrossClause(facts, a.start, trigger.start) &&
      !(sov && ownedByOther(facts, a, trigger)) &&
      !(!sov && a.start >= trigger.end && eventBetween(facts, trigger.end, a.start)),
  );
  // "находятся в Курской области и обстреливают…": a place named before a strike is where it is.
  const aimed =
    type === 'ATTACK' && !sov
      ? markedNear.filter((a) => !(a.ref.kind === 'place' && a.end <= trigger.start))
      : markedNear;
  const m =
    (sov ? aimed[aimed.length - 1] : aimed[0]) ??
    // Across a clause only for a reaction ("If Seoul arms Kyiv, …, Moscow warned"): "Si la Chine
    // livrait des armes à Moscou, l'UE adopterait des sanctions" sanctions no Moscow.
    marked.find(
      (a) => !(sov && ownedByOther(facts, a, trigger)) && (sov || SPEECH_TYPES.has(type)),
    );
  if (m !== undefined) return { hit: m, rule: 'role.target-marked' };
  const free = after.filter((a) => !a.marks.has('subject'));
  if (!sov && free[0] !== undefined) return { hit: free[0], rule: 'role.after-trigger' };
  // With an explicit source ("from Russia", "러시아로부터"), the subject is the recipient.
  const rest = others.filter(
    (a) => sourceMarked || !a.marks.has('subject') || a.start >= trigger.end,
  );
  // Any other actor: a reaction may be about another clause ("North Korea is preparing…, officials
  // warned"); other events keep to their own ("Если Москва передаст…, Сеул введёт…"), and the
  // document's context may fill the role instead.
  // Fighting "in Russia's Kursk region" is not fighting Russia: a place is no fallback target.
  const unplaced =
    type === 'ATTACK' ? rest.filter((a) => !a.marks.has('place') && a.ref.kind !== 'place') : rest;
  const near = SPEECH_TYPES.has(type)
    ? unplaced
    : unplaced.filter((a) => !acrossClause(facts, a.start, trigger.start));
  // In SOV a clause opens on its subject: a name before a subject-marked source ("アメリカ当局者が、
  // 北朝鮮の兵士が…戦闘に参加した") stands outside that clause, as its sayer or topic.
  const inside =
    sov &&
    !SPEECH_TYPES.has(type) &&
    source?.marks.has('subject') === true &&
    source.end <= trigger.start
      ? near.filter((a) => a.start > source.start)
      : near;
  const pick = sov ? (inside.filter((a) => a.end <= trigger.start).pop() ?? inside[0]) : inside[0];
  if (pick !== undefined) return { hit: pick, rule: 'role.other-actor' };
  return { hit: null, rule: 'role.target-open' };
}

interface RoleActors {
  /** The actors that may take a role (no credited origin, no inert name). */
  readonly cands: readonly ActorHit[];
  /** The first of them that reports the sentence. */
  readonly sayer: ActorHit | undefined;
  /** The candidates that do not report it. */
  readonly others: readonly ActorHit[];
}

/** What every trigger of a sentence starts from (the marks are final once the sentence is scanned). */
const roleActors = perSentence((facts): RoleActors => {
  const cands = facts.actors.filter((a) => !a.marks.has('origin') && !a.marks.has('inert'));
  return {
    cands,
    sayer: cands.find((a) => isSayer(a, facts)),
    others: cands.filter((a) => !isSayer(a, facts)),
  };
});

/** One or more role pairs for a trigger (several when a role is coordinated). */
export function assignRoles(
  type: EventType,
  facts: SentenceFacts,
  trigger: Hit<unknown>,
  lang: CompiledLanguage,
  classHit: Hit<string> | null = null,
): RoleChoice[] {
  const actors = roleActors(facts);
  let cands = actors.cands;
  const sayer = actors.sayer;
  let selfReport = false;
  if (!SPEECH_TYPES.has(type)) {
    // "X said Y sent…": X only reports. "X announced new sanctions": X is also the agent.
    const others = actors.others;
    // An ally or a place before the verb ("与俄罗斯军队一起在乌克兰…作战") is no subject of its own.
    const ownSubject = others.some(
      (a) => a.end <= trigger.start && !a.marks.has('ally') && !a.marks.has('place'),
    );
    // A topic that reports a quoted clause ("정부는 … 이전이 … 위협한다고 강조했다") does none of it.
    const quoting = sayer?.markRules.includes('role.topic-speaker') === true;
    // A state's own organ reporting its launch or test ("北朝鮮の国防省は…発射したと発表した") did it.
    selfReport = quoting && SOLO_TYPES.has(type) && !ownSubject;
    if (
      !selfReport &&
      (ownSubject ||
        quoting ||
        SOLO_TYPES.has(type) ||
        // "Le Pentagone a confirmé des pertes parmi les soldats envoyés": an agency or ministry
        // that reports a deployment or a delivery is not its source (issue #12, phenomenon 9).
        (TRANSFER_TYPES.has(type) && sayer?.ref.kind === 'institution') ||
        sayer === undefined ||
        sayer.start > trigger.start)
    )
      cands = others;
  }
  if (SYMMETRIC_TYPES.has(type))
    return [withSayer(pickSymmetric(facts, cands, trigger, lang), sayer)];
  // Troops fighting "in Russia's Kursk region" / "在俄罗斯库尔斯克": where they fight is neither
  // who fights nor whom they fight.
  if (type === 'ATTACK' && classHit?.value === 'troops')
    cands = cands.filter((a) => !a.marks.has('place') && a.ref.kind !== 'place');
  // Verb-second clauses put both actors before a final verb: read roles as in SOV.
  const sov = lang.lexicon.wordOrder !== 'svo';
  const src = pickSource(type, facts, cands, trigger, sov, classHit, lang);
  if (SOLO_TYPES.has(type)) {
    // "В КНДР провели испытание": with no agent named, the state a test is held in held it.
    if (src.hit === null) {
      const host = facts.actors.find(
        (a) =>
          a.ref.kind === 'state' &&
          a.end <= trigger.start &&
          (a.marks.has('place') || a.marks.has('target')) &&
          !a.marks.has('origin'),
      );
      if (host !== undefined)
        return [withSayer({ source: host, target: null, rules: ['role.host-state'] }, sayer)];
    }
    // Marked so that a document about another actor's launch can overrule it (extract-document).
    const rules = selfReport && src.hit === sayer ? [src.rule, 'role.self-report'] : [src.rule];
    return [withSayer({ source: src.hit, target: null, rules }, sayer)];
  }
  const sourceGroup = src.hit === null ? [] : coordinated(src.hit, facts, lang);
  const tgt =
    struckPlace(type, facts, cands, trigger, lang, classHit) ??
    pickTarget(
      type,
      facts,
      cands.filter((a) => !sourceGroup.includes(a)),
      src.hit,
      trigger,
      sov,
      src.rule === 'role.source-marked',
      lang,
    );
  // Coordinated actors ("Tokyo and Canberra condemned…", "sanctions on Iran and Russia") make
  // one mention with the first-named of each (ontology v1.1); the others stay as cues.
  const sources = src.hit === null ? [] : distinctByCode(byPosition(sourceGroup));
  const targets =
    tgt.hit === null ? [] : distinctByCode(byPosition(coordinated(tgt.hit, facts, lang)));
  const s = sources[0] ?? null;
  const t = targets.find((x) => s === null || x.ref.code !== s.ref.code) ?? null;
  const rules = [src.rule, tgt.rule];
  const also: ActorHit[] = [];
  for (let k = 1; k < sources.length && also.length < MAX_COORDINATED; k++) also.push(sources[k]!);
  for (const x of targets) if (x !== t && also.length < MAX_COORDINATED) also.push(x);
  if (also.length > 0) rules.push('role.coordination');
  return [
    withSayer(
      also.length > 0
        ? { source: s, target: t, rules, coordinated: also }
        : { source: s, target: t, rules },
      sayer,
    ),
  ];
}

/** The choice with its reporter, when the sentence has one. */
function withSayer(c: RoleChoice, sayer: ActorHit | undefined): RoleChoice {
  if (sayer === undefined) return c;
  return c.coordinated === undefined
    ? { source: c.source, target: c.target, rules: c.rules, sayer }
    : { source: c.source, target: c.target, rules: c.rules, coordinated: c.coordinated, sayer };
}
