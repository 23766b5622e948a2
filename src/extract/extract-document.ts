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
import type { Frame } from '../lexicon/lexicon-schema.js';
import { assignRoles, SPEECH_TYPES, type RoleChoice } from './assign-roles.js';
import { clausePunctuationIn } from './role-facts.js';
import { chooseFrame, coTransferred, type FrameChoice } from './choose-frame.js';
import { decideModality, isProhibited, namesTreaty } from './decide-modality.js';
import { DocumentContext } from './document-context.js';
import { resolveLanguage, resolveMentionDates, type MentionDate } from './extract-adapters.js';
import { eventCapabilities } from './event-capabilities.js';
import { withExchanges } from './exchange.js';
import { scanSentence, type ActorHit, type Hit, type SentenceFacts } from './scan-sentence.js';
import { segmentSentences } from './segment-sentences.js';
import { withoutDateline } from './dateline.js';
import { datesClosingReport } from './report-date.js';
import { asReceived, receivedBySubject } from './receiving.js';
import { splitVerbsFirst, triggerSpan } from './separable-verbs.js';
import { appendAll } from '../domain/append-all.js';
import { sortSmall } from '../domain/sort-small.js';
import { normalizeDocument, sliceNormalized } from '../lexicon/normalize-text.js';

/** Changes whenever rules or data change what is extracted. */
export const EXTRACTOR_VERSION = 'vigie-rules-1.8.0';

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

/** How far a speech verb's own time expression may stand from it ("said on Friday"). */
const SPEECH_DATE_REACH = 16;

/** How far after a light verb ("oversaw the launch of") another trigger takes over. */
const LIGHT_VERB_REACH = 30;

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

/** `first` followed by `then`, in a new array. */
function withRules(first: readonly string[], then: readonly string[]): string[] {
  const out = first.slice();
  for (const r of then) out.push(r);
  return out;
}

/** True when every type the entry can denote is in `seen` (or it denotes none). */
function allTypesSeen(e: TriggerRef['entry'], seen: ReadonlySet<EventType>): boolean {
  if (e.frames !== undefined) {
    for (const f of e.frames) if (!seen.has(f.type)) return false;
    return true;
  }
  return e.type === undefined || seen.has(e.type);
}

interface SentenceMention {
  readonly type: EventType;
  /** The earlier mention a bare event noun restates ("the launch"), when it has no object here. */
  readonly restated: FrameChoice['restated'] | undefined;
  readonly trigger: Hit<TriggerRef>;
  readonly roles: RoleChoice;
  readonly rules: string[];
  readonly classHit: Hit<string> | null;
  readonly triggerModality: ExtractedMention['modality'] | undefined;
}

function sentenceCandidates(
  facts: SentenceFacts,
  lang: CompiledLanguage,
  ctx: DocumentContext,
): SentenceMention[] {
  const out: SentenceMention[] = [];
  const seenTypes = new Set<EventType>();
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
    if (allTypesSeen(e, seenTypes)) continue;
    const frame = chooseFrame(trig, facts, lang) ?? restatedFrame(e.frames, ctx);
    if (frame === null || seenTypes.has(frame.type)) continue;
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
    for (const chosen of assignRoles(frame.type, facts, trig, lang, frame.classHit)) {
      const roles = received ? asReceived(chosen, facts, lang) : chosen;
      const mention = {
        type: frame.type,
        trigger: trig,
        roles,
        rules: withRules(base, roles.rules),
        classHit: frame.classHit,
        restated: frame.restated,
        triggerModality: entry.modality,
      };
      out.push(mention);
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
  const out: ExtractedMention[] = [];
  /** The reporter of each mention of `out`, by index. */
  const sayers = new Map<number, string>();
  const dates =
    candidates.length > 0
      ? resolveMentionDates(facts.text, lang.lang, published, ctx.lastDay())
      : [];
  const dateOf = datesByTrigger(dates, candidates, facts, lang.lexicon.wordOrder === 'sov');
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
            allies: facts.actors.flatMap((a) => (a.marks.has('ally') ? [a.ref.code] : [])),
            // Where troops fight ("in Russia's Kursk region") is not whom they fight.
            places:
              c.type === 'ATTACK' && c.classHit?.value === 'troops'
                ? facts.actors.flatMap((a) =>
                    a.marks.has('place') || a.ref.kind === 'place' ? [a.ref.code] : [],
                  )
                : [],
            namesAct: candidates.some((x) => !SPEECH_TYPES.has(x.type)),
            // …unless the sentence deploys them ("pourraient être déployés sur le front").
            troopsFight:
              c.type === 'ATTACK' &&
              c.classHit?.value === 'troops' &&
              !candidates.some((x) => x.type === 'TROOP_DEPLOYMENT'),
            leftoverTarget: c.roles.rules.includes('role.other-actor'),
            accusers: out.flatMap((m) =>
              m.type === 'CONCERN' && m.source !== null ? [m.source] : [],
            ),
          });
    if (filled.source === null && filled.target === null) continue;
    const modality = decideModality(c.type, facts, c.trigger, lang, {
      denied: denied && !isDenial && c.trigger.value.entry.accusation !== true,
      accused: accusations.some((a) =>
        lang.lexicon.wordOrder === 'sov' ? a.start >= c.trigger.end : a.end <= c.trigger.start,
      ),
      isDenial,
      triggerModality: c.triggerModality,
      dateSpans: dates.flatMap((d) => (d.span !== undefined ? [d.span] : [])),
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
    const date = dateOf.get(c.trigger);
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

/**
 * The trigger a sentence's time expression belongs to: the head of its clause (the first event
 * of it in SVO, the last in SOV: "condemned Moscow's pact on Thursday" dates the condemnation,
 * not the pact), else the nearest event. A speech verb nearer still, in the same clause ("…,
 * officials said on Friday"), takes the date for itself, and no event gets it: an event the
 * sentence does not time has no date (ontology v1.1, "Dates of undated events").
 */
function dateAnchor(
  span: { readonly start: number; readonly end: number },
  candidates: readonly SentenceMention[],
  facts: SentenceFacts,
  sov: boolean,
  timeSpans: readonly { readonly start: number; readonly end: number }[],
): Hit<TriggerRef> | null {
  const gap = (x: { readonly start: number; readonly end: number }) =>
    x.start >= span.end ? x.start - span.end : x.end <= span.start ? span.start - x.end : 0;
  const sameClause = (x: { readonly start: number; readonly end: number }) =>
    !clausePunctuationIn(facts, Math.min(x.end, span.end), Math.max(x.start, span.start));
  let nearest: Hit<TriggerRef> | null = null;
  for (const c of candidates)
    if (nearest === null || gap(c.trigger) < gap(nearest)) nearest = c.trigger;
  if (nearest === null) return null;
  // "said on Friday" (or "Friday said"), not "on Friday and said": a speech verb after the
  // time expression owns it only when nothing stands between them.
  const speech = facts.markers.speech.some(
    (m) =>
      gap(m) < gap(nearest) &&
      gap(m) <= (m.start >= span.end ? 1 : SPEECH_DATE_REACH) &&
      sameClause(m),
  );
  if (speech) return null;
  if (
    sov &&
    datesClosingReport(
      span,
      candidates.map((c) => c.trigger.end),
      timeSpans,
      facts,
    )
  )
    return null;
  const clause = sortSmall(
    candidates.map((c) => c.trigger).filter(sameClause),
    (a, b) => a.start - b.start,
  );
  return (sov ? clause.at(-1) : clause[0]) ?? nearest;
}

/**
 * The date of each event of a sentence: every time expression goes to its anchor (above); an
 * event that gets several keeps the most precise.
 */
function datesByTrigger(
  dates: readonly MentionDate[],
  candidates: readonly SentenceMention[],
  facts: SentenceFacts,
  sov: boolean,
): Map<Hit<TriggerRef>, MentionDate> {
  const out = new Map<Hit<TriggerRef>, MentionDate>();
  const timeSpans = dates.flatMap((d) => (d.span !== undefined && d.date !== null ? [d.span] : []));
  for (const d of dates) {
    if (d.span === undefined || d.date === null) continue;
    const anchor = dateAnchor(d.span, candidates, facts, sov, timeSpans);
    if (anchor === null) continue;
    const held = out.get(anchor);
    if (held === undefined || (held.date?.length ?? 0) < d.date.length) out.set(anchor, d);
  }
  return out;
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
