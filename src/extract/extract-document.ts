/**
 * The extraction engine: one pure, synchronous, deterministic function from a document to
 * event mentions with modality, actors, capabilities, date, spans and the rules behind them.
 *
 * @example
 * const result = extractDocument({ text: 'North Korea test-fired a missile on Thursday.', lang: 'en', published: '2024-11-01' });
 * result.mentions[0].type; // 'MISSILE_TEST'
 * @module
 */
import { VigieError } from '../domain/errors.js';
import type { Cue, ExtractedMention, ExtractionResult } from '../domain/mention.js';
import type { Capability, EventType } from '../domain/ontology.js';
import {
  defaultLexicons,
  type CompiledLanguage,
  type CapabilityRef,
  type LexiconSet,
  type TriggerRef,
} from '../lexicon/load-lexicons.js';
import { assignRoles, type RoleChoice } from './assign-roles.js';
import { chooseFrame } from './choose-frame.js';
import { decideModality } from './decide-modality.js';
import { DocumentContext } from './document-context.js';
import { resolveLanguage, resolveMentionDate } from './extract-adapters.js';
import {
  isAttributive,
  scanSentence,
  type ActorHit,
  type Hit,
  type SentenceFacts,
} from './scan-sentence.js';
import { perSentence } from './per-sentence.js';
import { segmentSentences } from './segment-sentences.js';

/** Changes whenever rules or data change what is extracted. */
export const EXTRACTOR_VERSION = 'vigie-rules-1.3.0';

export interface ExtractInput {
  readonly id?: string;
  readonly text: string;
  readonly lang?: string;
  readonly published?: string;
  readonly title?: string;
}

export interface ExtractOptions {
  readonly lexicons?: LexiconSet;
}

/** Triggers examined per sentence: beyond this a "sentence" is a list, not prose. */
const MAX_TRIGGERS_PER_SENTENCE = 48;

/** How far after a light verb ("oversaw the launch of") another trigger takes over. */
const LIGHT_VERB_REACH = 30;

/**
 * Types that never carry capabilities: the ontology tags "what the sentence says is moved, tested,
 * requested or developed", and a reaction, a sanction, a meeting, an agreement or a deployment of
 * troops moves, tests, requests or develops no weapon (training in one, military cooperation, does).
 */
const NO_CAPABILITY_TYPES: ReadonlySet<EventType> = new Set([
  'CONCERN',
  'REJECTION',
  'SANCTION',
  'MEETING',
  'AGREEMENT',
  'TROOP_DEPLOYMENT',
]);

type CapabilityFinding = { caps: Capability[]; cues: Cue[]; rules: string[] };

const NO_CAPABILITIES: CapabilityFinding = { caps: [], cues: [], rules: [] };

/** Types whose object is another event, whose capabilities are what they ask for. */
const REQUEST_TYPES: ReadonlySet<EventType> = new Set(['REQUEST']);

/** Longest gap from a capability word to the trigger it modifies, the rest of its word included. */
const MODIFIER_GAP = 12;
/** Extra distance charged to a trigger with the capability word on its subject side. */
const SUBJECT_SIDE_PENALTY = 1_000;
/** Extra distance charged to a trigger in another clause than the capability word. */
const OTHER_CLAUSE_PENALTY = 10_000;

/** Offsets of the sentence's clause breaks (commas, semicolons, colons), found once. */
const clauseBreaks = perSentence((facts): number[] => {
  const out: number[] = [];
  for (let i = 0; i < facts.text.length; i++) {
    const ch = facts.text.charCodeAt(i);
    if (ch === 44 || ch === 59 || ch === 58 || ch === 0xff0c || ch === 0x3001) out.push(i);
  }
  return out;
});

/**
 * The capability word right before a trigger modifies it ("missile launch", "drone deliveries",
 * "ракетные пуски": the gap may hold the rest of the word a stem matched).
 */
function modifies(facts: SentenceFacts, cap: Hit<unknown>, trigger: Hit<unknown>): boolean {
  return (
    trigger.start >= cap.end &&
    trigger.start - cap.end <= MODIFIER_GAP &&
    /^[\p{L}\p{M}]*[\s-]*$/u.test(facts.norm.slice(cap.end, trigger.start))
  );
}

function breakBetween(breaks: readonly number[], x: number, y: number): boolean {
  const [from, to] = x < y ? [x, y] : [y, x];
  return breaks.some((b) => b >= from && b < to);
}

/**
 * The triggers whose object a capability word is: one right after it modifies it ("missile
 * launch"); else the nearest trigger with the word on its object side (after it in SVO, before
 * it in SOV, either in verb-second order), in the word's own clause first. A trigger glued to the
 * word before it by a hyphen ("North Korean-supplied missiles") only qualifies the noun: the noun
 * is also the object of the next trigger in line.
 */
function capabilityOwners(
  cap: Hit<CapabilityRef>,
  owners: readonly Hit<TriggerRef>[],
  facts: SentenceFacts,
  breaks: readonly number[],
  wordOrder: string,
): Hit<TriggerRef>[] {
  const ranked: { t: Hit<TriggerRef>; score: number }[] = [];
  for (const t of owners) {
    const after = cap.start >= t.end;
    const dist = after ? cap.start - t.end : t.start - cap.end;
    let score: number;
    if (t.start < cap.end && cap.start < t.end) score = -1;
    else if (!after && modifies(facts, cap, t)) score = 0;
    else {
      const objectSide = wordOrder === 'v2' || (wordOrder === 'sov' ? !after : after);
      score = dist + (objectSide ? 0 : SUBJECT_SIDE_PENALTY);
      if (breakBetween(breaks, cap.start, t.start)) score += OTHER_CLAUSE_PENALTY;
    }
    ranked.push({ t, score });
  }
  ranked.sort((x, y) => x.score - y.score);
  const out: Hit<TriggerRef>[] = [];
  for (const { t } of ranked) {
    out.push(t);
    if (!isAttributive(t, facts)) break;
  }
  return out;
}

/**
 * The capabilities of each trigger of a sentence: every capability word goes to the one event
 * whose object it is, so "sent troops … and received North Korean shells" gives the shells to
 * the receiving. A trigger that yields no event of its own but could stand for one of the
 * sentence's types (a second "launched") hands its words to that event.
 */
function eventCapabilities(
  facts: SentenceFacts,
  candidates: readonly SentenceMention[],
  lang: CompiledLanguage,
): Map<Hit<TriggerRef>, CapabilityFinding> {
  const out = new Map<Hit<TriggerRef>, CapabilityFinding>();
  if (facts.capabilities.length === 0 || candidates.length === 0) return out;
  const byTrigger = new Map<Hit<TriggerRef>, Hit<TriggerRef>>();
  for (const c of candidates) byTrigger.set(c.trigger, c.trigger);
  for (const t of facts.triggers.slice(0, MAX_TRIGGERS_PER_SENTENCE)) {
    if (byTrigger.has(t)) continue;
    const e = t.value.entry;
    const possible = e.frames?.map((f) => f.type) ?? (e.type !== undefined ? [e.type] : []);
    const same = candidates.find((c) => possible.includes(c.type));
    if (same !== undefined) byTrigger.set(t, same.trigger);
  }
  const owners = [...byTrigger.keys()];
  const breaks = clauseBreaks(facts);
  const owned = new Map<Hit<TriggerRef>, Hit<CapabilityRef>[]>();
  const give = (event: Hit<TriggerRef>, hit: Hit<CapabilityRef>) => {
    const list = owned.get(event) ?? [];
    if (!list.includes(hit)) list.push(hit);
    owned.set(event, list);
  };
  const wordOrder = lang.lexicon.wordOrder;
  for (const hit of facts.capabilities)
    for (const owner of capabilityOwners(hit, owners, facts, breaks, wordOrder))
      give(byTrigger.get(owner)!, hit);
  // What is requested is the request's object: "asked Moscow to help it build satellites" asks
  // for space technology. A request takes the words of the events after it in its clause.
  for (const c of candidates) {
    if (!REQUEST_TYPES.has(c.type)) continue;
    for (const [event, hits] of [...owned]) {
      if (event === c.trigger || event.start < c.trigger.end) continue;
      if (breakBetween(breaks, c.trigger.end, event.start)) continue;
      for (const hit of hits) give(c.trigger, hit);
    }
  }
  for (const [trigger, hits] of owned) out.set(trigger, findingOf(hits, lang.lang));
  return out;
}

/** Capabilities, cues and rules of the capability words of one event. */
function findingOf(hits: readonly Hit<CapabilityRef>[], lang: string): CapabilityFinding {
  const caps = new Set<Capability>();
  const cues: Cue[] = [];
  const rules: string[] = [];
  for (const hit of hits) for (const c of hit.value.capabilities) caps.add(c);
  for (const hit of hits) {
    if (hit.value.unless.some((u) => caps.has(u))) continue;
    for (const c of hit.value.capabilities) {
      cues.push({
        kind: 'capability',
        start: hit.start,
        end: hit.end,
        ref: `${lang}.capability.${hit.value.id}`,
        value: c,
      });
    }
    rules.push(`${lang}.capability.${hit.value.id}`);
  }
  const kept = new Set(cues.map((c) => c.value as Capability));
  return { caps: [...kept].sort(), cues, rules: [...new Set(rules)] };
}

function actorCue(hit: ActorHit | null, offset: number): Cue[] {
  if (hit === null) return [];
  return [
    {
      kind: 'actor',
      start: offset + hit.start,
      end: offset + hit.end,
      ref: `gazetteer.${hit.ref.id}`,
      value: hit.ref.code,
    },
  ];
}

interface SentenceMention {
  readonly type: EventType;
  readonly trigger: Hit<TriggerRef>;
  readonly roles: RoleChoice;
  readonly rules: string[];
  readonly classHit: Hit<string> | null;
  readonly triggerModality?: ExtractedMention['modality'];
}

function sentenceCandidates(facts: SentenceFacts, lang: CompiledLanguage): SentenceMention[] {
  const out: SentenceMention[] = [];
  const seenTypes = new Set<EventType>();
  const triggers = facts.triggers.slice(0, MAX_TRIGGERS_PER_SENTENCE);
  for (const trig of triggers) {
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
    const possible = e.frames?.map((f) => f.type) ?? (e.type !== undefined ? [e.type] : []);
    if (possible.every((t) => seenTypes.has(t))) continue;
    const frame = chooseFrame(trig, facts, lang);
    if (frame === null || seenTypes.has(frame.type)) continue;
    seenTypes.add(frame.type);
    const entry = trig.value.entry;
    const base = [`${lang.lang}.trigger.${frame.type}.${entry.id}`];
    if (frame.classHit !== null) base.push(`frame.class-${frame.classHit.value}`);
    if (frame.frame.needsTarget === true) base.push('frame.needs-target');
    for (const roles of assignRoles(frame.type, facts, trig, lang, frame.classHit)) {
      out.push({
        type: frame.type,
        trigger: trig,
        roles,
        rules: [...base, ...roles.rules],
        classHit: frame.classHit,
        ...(entry.modality !== undefined ? { triggerModality: entry.modality } : {}),
      });
    }
  }
  return out;
}

function extractSentence(
  text: string,
  start: number,
  end: number,
  lang: CompiledLanguage,
  ctx: DocumentContext,
  published: string | undefined,
  facts: SentenceFacts,
): ExtractedMention[] {
  const sentence = text.slice(start, end);
  if (facts.triggers.length === 0) return [];
  const candidates = sentenceCandidates(facts, lang);
  const denied = facts.triggers.some((t) => t.value.entry.denial === true);
  const pairRef = facts.pairReferences.length > 0;
  const out: ExtractedMention[] = [];
  const date = candidates.length > 0 ? resolveMentionDate(sentence, lang.lang, published) : null;
  const capabilities = eventCapabilities(facts, candidates, lang);
  for (const c of candidates) {
    const isDenial = c.trigger.value.entry.denial === true;
    const filled = ctx.fill(
      c.type,
      c.roles.source?.ref.code ?? null,
      c.roles.target?.ref.code ?? null,
      {
        pairReference: pairRef,
        anaphoricTypes: anaphoricTypes(facts, c.trigger),
        sayer: c.roles.sayer?.ref.code ?? null,
      },
    );
    if (filled.source === null && filled.target === null) continue;
    const modality = decideModality(c.type, facts, c.trigger, lang, {
      denied: denied && !isDenial,
      isDenial,
      ...(c.triggerModality !== undefined ? { triggerModality: c.triggerModality } : {}),
      ...(date?.span !== undefined ? { dateSpan: date.span } : {}),
    });
    // "did not deny" is no rejection.
    if (isDenial && modality.modality === 'NEGATED') continue;
    const caps = NO_CAPABILITY_TYPES.has(c.type)
      ? NO_CAPABILITIES
      : (capabilities.get(c.trigger) ?? NO_CAPABILITIES);
    const rules = [...c.rules];
    if (filled.rule !== null) rules.push(filled.rule);
    rules.push(modality.rule, ...caps.rules);
    const cues: Cue[] = [
      {
        kind: 'trigger',
        start: start + c.trigger.start,
        end: start + c.trigger.end,
        ref: c.rules[0]!,
        value: c.type,
      },
      ...actorCue(c.roles.source, start),
      ...actorCue(c.roles.target, start),
      ...caps.cues.map((q) => ({ ...q, start: q.start + start, end: q.end + start })),
    ];
    if (modality.cue !== null)
      cues.push({
        kind: modality.modality === 'NEGATED' ? 'negation' : 'modality',
        start: start + modality.cue.start,
        end: start + modality.cue.end,
        ref: modality.rule,
        value: modality.modality,
      });
    if (date !== null && date.date !== null) {
      rules.push(date.rule ?? 'time.resolved');
      if (date.span !== undefined)
        cues.push({
          kind: 'time',
          start: start + date.span.start,
          end: start + date.span.end,
          ref: date.rule ?? 'time',
          value: date.date,
        });
    }
    let confidence = 0.75;
    if (filled.rule !== null) confidence -= 0.15;
    if (modality.modality !== 'ASSERTED') confidence -= 0.05;
    if (c.roles.source !== null && c.roles.target !== null) confidence += 0.1;
    out.push({
      type: c.type,
      source: filled.source,
      target: filled.target,
      modality: modality.modality,
      capabilities: [...caps.caps],
      date: date?.date ?? null,
      start,
      end,
      trigger: { start: start + c.trigger.start, end: start + c.trigger.end },
      rules,
      cues,
      confidence: Math.max(0.05, Math.min(0.95, confidence)),
    });
  }
  for (const m of out) ctx.add({ type: m.type, source: m.source, target: m.target });
  return out;
}

/** Types the sentence's other triggers can stand for ("condemned the launch" → launch types). */
function anaphoricTypes(facts: SentenceFacts, used: Hit<TriggerRef>): Set<EventType> {
  const types = new Set<EventType>();
  for (const t of facts.triggers) {
    if (t === used) continue;
    const e = t.value.entry;
    if (e.type !== undefined) types.add(e.type);
    for (const f of e.frames ?? []) types.add(f.type);
  }
  return types;
}

/** The document's two most mentioned actors (title included), most mentioned first. */
function documentPair(all: readonly SentenceFacts[]): string[] {
  const counts = new Map<string, number>();
  for (const f of all)
    for (const a of f.actors)
      if (!a.marks.has('origin') && !a.marks.has('inert'))
        counts.set(a.ref.code, (counts.get(a.ref.code) ?? 0) + 1);
  return [...counts]
    .sort((x, y) => y[1] - x[1])
    .slice(0, 2)
    .map(([code]) => code);
}

type Origin = ExtractionResult['origins'][number];

function origins(text: string, start: number, facts: SentenceFacts): Origin[] {
  return facts.actors
    .filter((a) => a.marks.has('origin'))
    .map((a) => ({
      name: text.slice(start + a.start, start + a.end),
      span: { start: start + a.start, end: start + a.end },
    }));
}

/**
 * Extracts the event mentions of one document. An unusable text yields no mentions; only a
 * broken data file (a VigieError) throws.
 */
export function extractDocument(doc: ExtractInput, options: ExtractOptions = {}): ExtractionResult {
  const text = typeof doc.text === 'string' ? doc.text : '';
  const lexicons = options.lexicons ?? defaultLexicons();
  const langTag = resolveLanguage(text, doc.lang);
  const lang = lexicons.get(langTag);
  const spans = segmentSentences(text, lang.segmentation);
  const scanned: SentenceFacts[] = [];
  const found: Origin[] = [];
  for (const span of spans) {
    const facts = scanSentence(text.slice(span.start, span.end), lang);
    scanned.push(facts);
    found.push(...origins(text, span.start, facts));
  }
  const title = typeof doc.title === 'string' ? doc.title.slice(0, 1000) : '';
  const ctx = new DocumentContext(
    documentPair(title === '' ? scanned : [scanSentence(title, lang), ...scanned]),
  );
  const mentions: ExtractedMention[] = [];
  spans.forEach((span, i) => {
    try {
      mentions.push(
        ...extractSentence(text, span.start, span.end, lang, ctx, doc.published, scanned[i]!),
      );
    } catch (error) {
      // A broken data file (e.g. date words loaded on first use) must stop the run, not silence
      // a language; any other failure is a sentence the rules cannot handle: it yields nothing.
      if (error instanceof VigieError) throw error;
    }
  });
  return { lang: langTag, mentions, origins: found };
}
