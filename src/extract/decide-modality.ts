/**
 * Modality of one trigger from the cues of its sentence, with scope: a cue counts only on
 * the side of the trigger that governs it in the language (before in SVO, after in SOV) and
 * not across a clause break.
 * @module
 */
import type { EventType, Modality } from '../domain/ontology.js';
import type { CompiledLanguage, ModalityKind } from '../lexicon/load-lexicons.js';
import { reportingClause, SPEECH_TYPES } from './assign-roles.js';
import { BREAK, countBreaks, hasBreak } from './clause-breaks.js';
import { perSentence } from './per-sentence.js';
import { hedgesAfterVerb } from './post-verbal-hedge.js';
import { governsInfinitive } from './infinitive-clause.js';
import { unitClass } from '../lexicon/unit-class.js';
import type { Hit, SentenceFacts } from './scan-sentence.js';

const LETTER = unitClass(/\p{L}/u);

export interface ModalityDecision {
  readonly modality: Modality;
  readonly cue: Hit<string> | null;
  readonly rule: string;
}

const CLAUSE_BREAK = /[;:，；：—–()（）«»"]|(?<!\d),|,(?!\d)/u;
/** How far (UTF-16 units) a plan cue may stand from its trigger. */
const PLAN_WINDOW = 45;
/** How far a negation may stand before a denial trigger to negate it. */
const DENIAL_NEGATION_WINDOW = 10;
/** How far after its verb an SOV conditional ending may stand (지원할 경우, 강행한다면). */
const SOV_CONDITIONAL_WINDOW = 8;

function governs(
  cue: Hit<unknown>,
  trigger: Hit<unknown>,
  sov: boolean,
  window: number,
  facts: SentenceFacts,
  allowOtherSide = false,
): boolean {
  if (cue.end <= trigger.start) {
    if (sov && !allowOtherSide) return false;
    return trigger.start - cue.end <= window && !clauseBreakIn(facts, cue.end, trigger.start);
  }
  if (cue.start >= trigger.end) {
    if (!sov && !allowOtherSide) return false;
    return cue.start - trigger.end <= window && !clauseBreakIn(facts, trigger.end, cue.start);
  }
  return true; // cue overlaps the trigger ("test-fired" inside "did not test-fire")
}

/** Words ending like the French conditional (-rait, -raient), minus false friends. */
const suffixHedges = perSentence((facts, lang: CompiledLanguage): Hit<string>[] => {
  const { hedgeSuffix, hedgeSuffixExcept } = lang.lexicon.modality;
  if (hedgeSuffix.length === 0) return [];
  const out: Hit<string>[] = [];
  // The runs of /[\p{L}']+/gu, read unit by unit (LETTER reads a surrogate pair as one letter).
  const norm = facts.norm;
  const letters = LETTER.table();
  let start = -1;
  // Where the word of the run starts: after its last apostrophe.
  let word = -1;
  for (let i = 0; i <= norm.length; i++) {
    if (i < norm.length) {
      const c = norm.charCodeAt(i);
      if (c === 39 || (c >= 0xd800 && c <= 0xdfff ? LETTER.has(norm, i) : letters[c] === 1)) {
        if (start < 0) start = word = i;
        if (c === 39) word = i + 1;
        continue;
      }
    }
    if (start < 0) continue;
    // The word is norm[word, i): tested in place, without cutting it out.
    if (
      i - word >= 6 &&
      hedgeSuffix.some((x) => i - word >= x.length && norm.endsWith(x, i)) &&
      !hedgeSuffixExcept.some((e) => i - word >= e.length && norm.startsWith(e, word))
    )
      out.push({ start, end: i, value: 'hedge' });
    start = -1;
  }
  return out;
});

/** Longest gap from an inverted auxiliary to the actor that is its subject ("Should the Kremlin"). */
const INVERSION_SUBJECT_REACH = 12;

/**
 * Inverted conditional clauses ("Should Moscow share the technology, …", "Were Russia to deliver…",
 * "Had Pyongyang tested…"): an auxiliary of the language's `modality.inversion` list that opens the
 * sentence or a clause, with an actor right after it as its subject.
 */
const inversionCues = perSentence((facts): Hit<ModalityKind>[] => {
  const out: Hit<ModalityKind>[] = [];
  for (const c of facts.modality) {
    if (c.value !== 'inversion') continue;
    if (!/(?:^|[,;:—–(«"“])[\s"'“«]*$/u.test(facts.text.slice(Math.max(0, c.start - 4), c.start)))
      continue;
    const subject = facts.actors.find((a) => a.start >= c.end);
    if (
      subject !== undefined &&
      subject.start - c.end <= INVERSION_SUBJECT_REACH &&
      !clauseBreakIn(facts, c.end, subject.start)
    )
      out.push({ start: c.start, end: c.end, value: 'conditional' });
  }
  return out;
});

/** Clause breaks between two offsets. */
function breaksBetween(facts: SentenceFacts, from: number, to: number): number {
  if (from < 0 || to < 0) return facts.text.slice(from, to).split(CLAUSE_BREAK).length - 1;
  return countBreaks(facts, from, to, BREAK);
}

/** `CLAUSE_BREAK.test(facts.text.slice(from, to))`, without the slice. */
function clauseBreakIn(facts: SentenceFacts, from: number, to: number): boolean {
  if (from < 0 || to < 0) return CLAUSE_BREAK.test(facts.text.slice(from, to));
  return hasBreak(facts, from, to, BREAK);
}

/**
 * A conditional cue that puts the trigger in a scenario. Threats are made even when their
 * content is conditional ("will retaliate if Seoul sends arms", "지원할 경우 대응하겠다"): only
 * a cue in the threat's own clause counts. A reaction reported in a clause of its own after the
 * scenario ("If X, Y would follow, the minister warned") is asserted. In SOV, an ending right
 * after the verb (지원할 경우) makes that verb conditional.
 */
function conditionalCue(
  type: EventType,
  facts: SentenceFacts,
  trigger: Hit<unknown>,
  sov: boolean,
): Hit<ModalityKind> | undefined {
  const sovAfter = (c: Hit<unknown>) =>
    sov &&
    c.start >= trigger.end &&
    c.start - trigger.end <= SOV_CONDITIONAL_WINDOW &&
    breaksBetween(facts, trigger.end, c.start) === 0;
  const threatOwn = (c: Hit<unknown>) =>
    sovAfter(c) ||
    (!sov && c.end <= trigger.start && breaksBetween(facts, c.end, trigger.start) === 0);
  if (type === 'THREAT')
    return (
      firstCue(facts.modality, 'conditional', threatOwn) ?? inversionCues(facts).find(threatOwn)
    );
  const reportedAfter = (c: Hit<unknown>) =>
    breaksBetween(facts, c.end, trigger.start) >= 2 && reportingClause(type, facts, trigger);
  const ok = (c: Hit<unknown>) => (c.end <= trigger.start && !reportedAfter(c)) || sovAfter(c);
  return firstCue(facts.modality, 'conditional', ok) ?? inversionCues(facts).find(ok);
}

/** The first cue of `kind` that satisfies `ok`, in sentence order. */
function firstCue(
  cues: readonly Hit<ModalityKind>[],
  kind: ModalityKind,
  ok: (c: Hit<ModalityKind>) => boolean,
): Hit<ModalityKind> | undefined {
  for (const c of cues) if (c.value === kind && ok(c)) return c;
  return undefined;
}

export function namesTreaty(facts: SentenceFacts): boolean {
  return facts.triggers.some((t) => t.value.entry.type === 'AGREEMENT');
}

export function decideModality(
  type: EventType,
  facts: SentenceFacts,
  trigger: Hit<unknown>,
  lang: CompiledLanguage,
  options: {
    denied: boolean;
    isDenial?: boolean;
    /** An accusation in the sentence governs the event ("accused Tehran of supplying…"). */
    accused?: boolean;
    triggerModality?: Modality;
    /** The sentence's date expression: a hedge word inside it is a date word ("in May"). */
    dateSpans?: readonly { readonly start: number; readonly end: number }[];
    /** The trigger is a bare event noun, or names again an event already reported ("the treaty"). */
    restated?: boolean;
  },
): ModalityDecision {
  // Verb-second languages place modal cues before the verb, like SVO ones.
  const sov = lang.lexicon.wordOrder === 'sov';
  // A treaty's mutual-assistance clause ("the pact commits each to help the other if attacked",
  // wherever its condition stands) is a promise: PLANNED; the aggression is no event (v1.1).
  if (type === 'MILITARY_COOPERATION' && namesTreaty(facts)) {
    const clause = firstCue(facts.modality, 'conditional', () => true);
    if (clause !== undefined)
      return { modality: 'PLANNED', cue: clause, rule: 'modality.treaty-clause' };
  }
  const cond = conditionalCue(type, facts, trigger, sov);
  if (cond !== undefined)
    return { modality: 'HYPOTHETICAL', cue: cond, rule: 'modality.conditional' };
  // A denied or alleged event is the denier's or the accuser's word, whatever negation it
  // carries ("denied having ever delivered missiles"): HEDGED (ontology.md, Modality).
  if ((options.denied || options.accused === true) && type !== 'REJECTION')
    return {
      modality: 'HEDGED',
      cue: null,
      rule: options.denied ? 'modality.denied-event' : 'modality.accused-event',
    };
  const inside = (c: Hit<unknown>) => c.start >= trigger.start && c.end <= trigger.end;
  // A denial is negative by itself: only a negation right before it ("did not deny") counts.
  const negWindow =
    options.isDenial === true ? DENIAL_NEGATION_WINDOW : lang.lexicon.negationWindow;
  const neg = firstCue(
    facts.modality,
    'negation',
    (c) => !inside(c) && governs(c, trigger, sov, negWindow, facts, sov),
  );
  if (neg !== undefined) return { modality: 'NEGATED', cue: neg, rule: 'modality.negation-scope' };
  const speech = SPEECH_TYPES.has(type);
  // A conditional verb may itself be the trigger ("fournirait"): suffix hedges count inside it.
  const reporting = !sov && reportingClause(type, facts, trigger);
  const inDate = (c: Hit<unknown>) =>
    (options.dateSpans ?? []).some((span) => c.start >= span.start && c.end <= span.end);
  // "did not rule out cooperation … under the treaty": a hedge that another event's trigger
  // follows first is that event's, not the earlier event the sentence names again.
  const hedgesAnother = (c: Hit<unknown>): boolean =>
    options.restated === true &&
    facts.triggers.some(
      (t) =>
        t.start !== trigger.start &&
        (sov
          ? t.start >= trigger.end && t.end <= c.start
          : t.start >= c.end && t.end <= trigger.start),
    );
  const hedgeScope = (c: Hit<unknown>): boolean =>
    !inDate(c) &&
    !hedgesAnother(c) &&
    (sov
      ? c.start >= trigger.start || (!speech && governs(c, trigger, true, 12, facts))
      : (c.start < trigger.end && !(reporting && breaksBetween(facts, c.end, trigger.start) > 0)) ||
        hedgesAfterVerb(c, trigger, facts, lang));
  // Lexicon hedges first, then suffix hedges (computed only when no lexicon hedge applies).
  const hedge =
    firstCue(facts.modality, 'hedge', (c) => !inside(c) && hedgeScope(c)) ??
    suffixHedges(facts, lang).find(hedgeScope);
  if (hedge !== undefined) return { modality: 'HEDGED', cue: hedge, rule: 'modality.hedge' };
  // A threat is made now, whatever it promises ("대응하겠다", "will retaliate").
  const plan =
    type === 'THREAT'
      ? undefined
      : firstCue(
          facts.modality,
          'plan',
          (c) =>
            governs(c, trigger, sov, PLAN_WINDOW, facts, false) ||
            governsInfinitive(c, trigger, facts, lang),
        );
  if (plan !== undefined) return { modality: 'PLANNED', cue: plan, rule: 'modality.plan' };
  if (options.triggerModality !== undefined && options.triggerModality !== 'ASSERTED')
    return { modality: options.triggerModality, cue: null, rule: 'modality.trigger' };
  return { modality: 'ASSERTED', cue: null, rule: 'modality.default-asserted' };
}

/** How far a prohibition may stand from the act it forbids, in its clause. */
const PROHIBITION_WINDOW = 60;

/**
 * A norm forbids the act rather than report it ("resolutions ban any launch using ballistic
 * technology", "отправка рабочей силы запрещена резолюциями"): no event. The ban itself may
 * still be a sanction, so a SANCTION is never forbidden away.
 */
export function isProhibited(
  type: EventType,
  facts: SentenceFacts,
  trigger: Hit<unknown>,
): boolean {
  if (type === 'SANCTION') return false;
  return facts.modality.some(
    (c) =>
      c.value === 'prohibition' &&
      !(c.start >= trigger.start && c.end <= trigger.end) &&
      governs(c, trigger, false, PROHIBITION_WINDOW, facts, true),
  );
}
