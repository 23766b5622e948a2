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
import type { EventType } from '../domain/ontology.js';
import {
  defaultLexicons,
  type CompiledLanguage,
  type LexiconSet,
  type TriggerRef,
} from '../lexicon/load-lexicons.js';
import { SPEECH_TYPES } from './assign-roles.js';
import { decideModality, isProhibited, namesTreaty } from './decide-modality.js';
import { DocumentContext } from './document-context.js';
import { resolveLanguage, resolveMentionDates, type MentionDate } from './extract-adapters.js';
import { eventCapabilities } from './event-capabilities.js';
import { withExchanges } from './exchange.js';
import { scanSentence, type ActorHit, type Hit, type SentenceFacts } from './scan-sentence.js';
import { datesByTrigger, sharedClauseDate } from './mention-dates.js';
import {
  MAX_TRIGGERS_PER_SENTENCE,
  sentenceCandidates,
  type SentenceMention,
} from './sentence-candidates.js';
import { segmentSentences } from './segment-sentences.js';
import { withoutDateline } from './dateline.js';
import { triggerSpan } from './separable-verbs.js';
import { appendAll } from '../domain/append-all.js';
import { normalizeDocument, sliceNormalized } from '../lexicon/normalize-text.js';

/** Changes whenever rules or data change what is extracted. */
export const EXTRACTOR_VERSION = 'vigie-rules-1.9.0';

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

/**
 * Events a later sentence names again ("the treaty", "the summit", "the launch"): an undated
 * mention of one takes the date the document gave it (ontology v1.1). Transfers and
 * deployments recur, so a new undated one is no restatement.
 */
const RESTATED_DATE_TYPES: ReadonlySet<EventType> = new Set([
  'AGREEMENT',
  'MEETING',
  'MISSILE_TEST',
  'SPACE_LAUNCH',
  'NUCLEAR_TEST',
]);

/** Appends the cue of an actor (when there is one) at document offsets. */
function pushActorCue(cues: Cue[], hit: ActorHit | null, offset: number): void {
  if (hit === null) return;
  cues.push({
    kind: 'actor',
    start: offset + hit.start,
    end: offset + hit.end,
    ref: `gazetteer.${hit.ref.id}`,
    value: hit.ref.code,
  });
}

/** The codes of the actors `keep` accepts, in order (a loop: flatMap allocates per element). */
function codesOf(actors: readonly ActorHit[], keep: (a: ActorHit) => boolean): string[] {
  const out: string[] = [];
  for (const a of actors) if (keep(a)) out.push(a.ref.code);
  return out;
}

/** The sources of the concerns (accusations) among `mentions`, in order. */
function accusersIn(mentions: readonly ExtractedMention[]): string[] {
  const out: string[] = [];
  for (const m of mentions) if (m.type === 'CONCERN' && m.source !== null) out.push(m.source);
  return out;
}

interface SentenceDates {
  /** Spans of the sentence's time expressions. */
  readonly spans: readonly { readonly start: number; readonly end: number }[];
  /** The date each trigger takes (datesByTrigger). */
  readonly byTrigger: ReadonlyMap<Hit<TriggerRef>, MentionDate>;
}

function sentenceDates(
  facts: SentenceFacts,
  candidates: readonly SentenceMention[],
  lang: CompiledLanguage,
  published: string | undefined,
  lastDay: string | null,
): SentenceDates {
  const dates = resolveMentionDates(facts.text, lang.lang, published, lastDay);
  const spans: { readonly start: number; readonly end: number }[] = [];
  for (const d of dates) if (d.span !== undefined) spans.push(d.span);
  return {
    spans,
    byTrigger: datesByTrigger(dates, candidates, facts, lang.lexicon.wordOrder === 'sov'),
  };
}

function extractSentence(
  start: number,
  end: number,
  lang: CompiledLanguage,
  ctx: DocumentContext,
  published: string | undefined,
  facts: SentenceFacts,
): ExtractedMention[] {
  if (facts.triggers.length === 0) return [];
  const candidates = sentenceCandidates(facts, lang, ctx);
  const denied = facts.triggers.some((t) => t.value.entry.denial === true);
  const accusations = facts.triggers.filter((t) => t.value.entry.accusation === true);
  const pairRef = facts.pairReferences.length > 0;
  const namesAct = candidates.some((x) => !SPEECH_TYPES.has(x.type));
  const deploysTroops = candidates.some((x) => x.type === 'TROOP_DEPLOYMENT');
  const out: ExtractedMention[] = [];
  /** The reporter of each mention of `out`, by index. */
  const sayers = new Map<number, string>();
  // Time expressions are read when a mention first needs them: a sentence whose candidates all
  // fail (no actor for any role, a prohibition) reads none, and reading dates is a large share of
  // the work. The context does not change before the loop ends: the answer is the one up front.
  let timing: SentenceDates | undefined;
  const datesOf = (): SentenceDates =>
    (timing ??= sentenceDates(facts, candidates, lang, published, ctx.lastDay()));
  const capabilitiesOf = eventCapabilities(
    facts,
    facts.triggers.slice(0, MAX_TRIGGERS_PER_SENTENCE),
    candidates,
    lang,
  );
  for (const c of candidates) {
    if (isProhibited(c.type, facts, c.trigger)) continue;
    const isDenial = c.trigger.value.entry.denial === true;
    // A restatement is the earlier event: its actors, not those of the sentence that names it
    // again ("Japan condemned the launch").
    const filled =
      c.restated !== undefined
        ? { source: c.restated.source, target: c.restated.target, rule: 'context.restated' }
        : ctx.fill(c.type, ownSource(c, ctx), c.roles.target?.ref.code ?? null, {
            pairReference: pairRef,
            anaphoricTypes: () => anaphoricTypes(facts, c.trigger),
            // A topic quoting a clause ("정부는 … 이전이 … 위협한다고 강조했다") is no agent of it.
            sayer:
              c.roles.sayer !== undefined &&
              c.roles.sayer !== null &&
              !c.roles.sayer.markRules.includes('role.topic-speaker')
                ? c.roles.sayer.ref.code
                : null,
            sayerReports:
              c.roles.sayer !== undefined &&
              c.roles.sayer !== null &&
              REPORTER_KINDS.has(c.roles.sayer.ref.kind),
            allies: codesOf(facts.actors, (a) => a.marks.has('ally')),
            // Where troops fight ("in Russia's Kursk region") is not whom they fight.
            places:
              c.type === 'ATTACK' && c.classHit?.value === 'troops'
                ? codesOf(facts.actors, (a) => a.marks.has('place') || a.ref.kind === 'place')
                : [],
            namesAct,
            // …unless the sentence deploys them ("pourraient être déployés sur le front").
            troopsFight: c.type === 'ATTACK' && c.classHit?.value === 'troops' && !deploysTroops,
            leftoverTarget: c.roles.rules.includes('role.other-actor'),
            accusers: accusersIn(out),
          });
    if (filled.source === null && filled.target === null) continue;
    const modality = decideModality(c.type, facts, c.trigger, lang, {
      denied: denied && !isDenial && c.trigger.value.entry.accusation !== true,
      accused: accusations.some((a) =>
        lang.lexicon.wordOrder === 'sov' ? a.start >= c.trigger.end : a.end <= c.trigger.start,
      ),
      isDenial,
      triggerModality: c.triggerModality,
      dateSpans: datesOf().spans,
      restated: c.restated !== undefined || c.trigger.value.entry.nominal === true,
    });
    // "did not deny" is no rejection.
    if (isDenial && modality.modality === 'NEGATED') continue;
    // The aggression a treaty's assistance clause names is no event (ontology v1.1).
    if (
      c.type === 'ATTACK' &&
      modality.modality === 'HYPOTHETICAL' &&
      candidates.some((x) => x.type === 'MILITARY_COOPERATION') &&
      namesTreaty(facts)
    )
      continue;
    // "dismissed Seoul's accusations as baseless": the accusation is what is denied, not a new
    // one. "X accused Y of …, a claim Z denied" keeps X's accusation: it comes before the denial.
    if (
      c.trigger.value.entry.accusation === true &&
      facts.triggers.some(
        (t) =>
          t.value.entry.denial === true &&
          (lang.lexicon.wordOrder === 'sov' ? t.start > c.trigger.end : t.end <= c.trigger.start),
      )
    )
      continue;
    const caps = capabilitiesOf(c);
    const rules = [...c.rules];
    if (filled.rule !== null) rules.push(filled.rule);
    rules.push(modality.rule);
    appendAll(rules, caps.rules);
    const cues: Cue[] = [
      {
        kind: 'trigger',
        ...triggerSpan(c.trigger, start),
        ref: c.rules[0]!,
        value: c.type,
      },
    ];
    pushActorCue(cues, c.roles.source, start);
    pushActorCue(cues, c.roles.target, start);
    for (const a of c.roles.coordinated ?? []) pushActorCue(cues, a, start);
    for (const q of caps.cues) cues.push({ ...q, start: q.start + start, end: q.end + start });
    if (modality.cue !== null)
      cues.push({
        kind: modality.modality === 'NEGATED' ? 'negation' : 'modality',
        start: start + modality.cue.start,
        end: start + modality.cue.end,
        ref: modality.rule,
        value: modality.modality,
      });
    const date = sharedClauseDate(c, candidates, datesOf().byTrigger);
    if (date !== undefined && date.date !== null) {
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
    if (c.roles.sayer !== undefined) sayers.set(out.length, c.roles.sayer.ref.code);
    out.push({
      type: c.type,
      source: filled.source,
      target: filled.target,
      modality: modality.modality,
      // A restatement names no object; it is about the event the document reported.
      capabilities:
        caps.caps.length === 0 && c.restated?.capabilities !== undefined
          ? [...c.restated.capabilities]
          : [...caps.caps],
      // A restatement takes the date the document gave the event (ontology v1.1).
      date:
        date?.date ??
        c.restated?.date ??
        (RESTATED_DATE_TYPES.has(c.type)
          ? ctx.earlierDate(c.type, filled.source, filled.target)
          : null),
      start,
      end,
      trigger: triggerSpan(c.trigger, start),
      rules,
      cues,
      confidence: Math.max(0.05, Math.min(0.95, confidence)),
    });
  }
  const final = withExchanges(out, facts, lang, start);
  for (const m of final)
    ctx.add({
      type: m.type,
      source: m.source,
      target: m.target,
      date: m.date,
      capabilities: m.capabilities,
      sayer: sayers.get(out.indexOf(m)) ?? null,
    });
  return final;
}

/** Acts that a neighbour's military or ministry detects and announces ("합참은 … 포착했다고"). */
const DETECTED_TYPES: ReadonlySet<EventType> = new Set([
  'MISSILE_TEST',
  'SPACE_LAUNCH',
  'NUCLEAR_TEST',
]);

/**
 * The source the sentence gives. A briefing body read as reporting its own state's launch
 * ("합참은 미사일이 … 비행했다고 설명했다"), or the state a test is held in ("In Japan the launch
 * set off alarms"), gives way when the document's launch was another actor's: the role is then
 * open, for the context to fill.
 */
function ownSource(c: SentenceMention, ctx: DocumentContext): string | null {
  const code = c.roles.source?.ref.code ?? null;
  const weak =
    c.roles.rules.includes('role.self-report') || c.roles.rules.includes('role.host-state');
  if (code === null || !weak) return code;
  // The document's earlier launch, else (for launches and tests, which other states' bodies
  // detect and announce) the party it is most about.
  const earlier =
    ctx.restated([c.type])?.source ?? (DETECTED_TYPES.has(c.type) ? ctx.mainParty() : null);
  return earlier !== null && earlier !== code ? null : code;
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

/** Actors that report for a state without being it: agencies, officials, bodies. */
const REPORTER_KINDS: ReadonlySet<string> = new Set(['institution', 'organisation', 'person']);

/** The document's two most mentioned actors (title included), most mentioned first. */
function documentPair(all: readonly SentenceFacts[]): string[] {
  const counts = new Map<string, number>();
  for (const f of all)
    for (const a of f.actors)
      // An agency or official who reports ("the NIS said", "the White House said") is no party
      // to what it reports; a state that speaks for itself still is.
      if (
        !a.marks.has('origin') &&
        !a.marks.has('inert') &&
        !(a.marks.has('sayer') && REPORTER_KINDS.has(a.ref.kind))
      )
        counts.set(a.ref.code, (counts.get(a.ref.code) ?? 0) + 1);
  // The two largest counts, the first counted first among equals (as a stable sort would give).
  let first: string | undefined;
  let second: string | undefined;
  let firstCount = 0;
  let secondCount = 0;
  for (const [code, n] of counts) {
    if (first === undefined || n > firstCount) {
      second = first;
      secondCount = firstCount;
      first = code;
      firstCount = n;
    } else if (second === undefined || n > secondCount) {
      second = code;
      secondCount = n;
    }
  }
  return first === undefined ? [] : second === undefined ? [first] : [first, second];
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
  const whole = normalizeDocument(text);
  spans.forEach((span, i) => {
    const sentence = text.slice(span.start, span.end);
    const facts = scanSentence(
      sentence,
      lang,
      whole === undefined ? undefined : sliceNormalized(whole, span.start, span.end),
    );
    appendAll(found, origins(text, span.start, facts));
    // The lead's dateline names where and when the story was filed, not who acted or when.
    const lead = i === 0 ? withoutDateline(sentence) : sentence;
    scanned.push(lead === sentence ? facts : scanSentence(lead, lang));
  });
  const title = typeof doc.title === 'string' ? doc.title.slice(0, 1000) : '';
  const ctx = new DocumentContext(
    documentPair(title === '' ? scanned : [scanSentence(title, lang), ...scanned]),
    typeof doc.published === 'string' ? doc.published : undefined,
  );
  const mentions: ExtractedMention[] = [];
  spans.forEach((span, i) => {
    try {
      appendAll(
        mentions,
        extractSentence(span.start, span.end, lang, ctx, doc.published, scanned[i]!),
      );
    } catch (error) {
      // A broken data file (e.g. date words loaded on first use) must stop the run, not silence
      // a language; any other failure is a sentence the rules cannot handle: it yields nothing.
      if (error instanceof VigieError) throw error;
    }
  });
  return { lang: langTag, mentions, origins: found };
}
