/**
 * Which state speaks in a mention's sentence, read from where the names stand against the cues
 * (speaker-cues.ts): a statement's own speaker, the speaker of a statement that reports the event,
 * the state an inverted verb names after it, the subject or topic before a cue, a state a cue
 * introduces ("according to Seoul"), or a bystander named next to a cue. Mention attribution
 * (mention-attribution.ts) resolves the state it finds to the body the document names.
 * @module
 */
import type { Span } from '../../domain/document.js';
import type { ExtractedMention } from '../../domain/mention.js';
import type { EventType } from '../../domain/ontology.js';
import type { ActorHit } from './speaker-actors.js';
import { isInverted, standsAsSpeaker, type PlacedCue } from './speaker-cues.js';

/** Event types that are statements: their speaker (the mention's source) is their source. */
export const STATEMENT_TYPES: ReadonlySet<EventType> = new Set<EventType>([
  'CONCERN',
  'REJECTION',
  'REQUEST',
  'THREAT',
]);

/** A mention as attribution reads it: its type, roles, sentence span and trigger. */
export type MentionSpan = Pick<ExtractedMention, 'type' | 'source' | 'target' | 'start' | 'end'> & {
  readonly modality?: ExtractedMention['modality'];
  readonly trigger?: Span | undefined;
  readonly cues?: ExtractedMention['cues'];
};

/** How far after a cue a state may stand and still be its speaker ("said Seoul"). */
export const ACTOR_AFTER_CUE = 5;
/** How close before a cue a state must stand to speak ("Pyongyang confirmed", "Seoul said"). */
const SPEAKER_GAP = 15;
/** Punctuation that ends the phrase a cue opens ("Selon lui, la Russie…"). */
const CLAUSE_BREAK = /[,;:，。；：、]/u;
/** How far after a statement's verb the state it is about stands ("accused Moscow"). */
const OBJECT_GAP = 5;
/** How far before its cue a state that opens its clause may stand ("Ukraine's prosecutor general Andriy Kostin said"). */
const CLAUSE_SPEAKER_GAP = 60;

const within = (outer: Span, inner: Span) => inner.start >= outer.start && inner.end <= outer.end;

/**
 * The state that speaks in a mention's sentence:
 * - for a statement (CONCERN, REJECTION, REQUEST, THREAT), the first state before its trigger
 *   that is not its addressee ("Kiev, for its part, denied…"), else its source;
 * - the speaker of a statement in the same sentence, for what the statement reports
 *   ("Washington accused Pyongyang of sending troops"), not for the speaker's own act;
 * - a state named next to a cue that takes no part in the sentence's events ("В Сеуле полагают,
 *   что Пхеньян…", "according to Seoul"), or one that does, right before the cue ("Pyongyang
 *   confirmed sending troops"); of states joined by "and", the first.
 */
export function speakerOf(
  text: string,
  m: MentionSpan,
  sameSentence: readonly MentionSpan[],
  placed: readonly PlacedCue[],
  actors: readonly ActorHit[],
  { joined, opens, topicAt }: SpeakerReading,
): { code: string; span: Span | null } | null {
  const inSentence = actors.filter((a) => within(m, a));
  const hitSpan = (a: ActorHit) => ({ start: a.start, end: a.end });
  const inClause = (c: PlacedCue, a: ActorHit) => a.start >= c.end && a.end <= c.clauseEnd;
  // "…, said Ukraine's prosecutor general": the clause an inverted verb opens names its speaker.
  const inverted = inSentence.find((a) => placed.some((c) => isInverted(c) && inClause(c, a)));
  if (inverted) return { code: inverted.code, span: hitSpan(inverted) };
  // "…, ont annoncé les trois pays": a clause naming no state points back to the sentence's
  // subject, as a plain cue does.
  const cues = placed.map((c) =>
    isInverted(c) && !inSentence.some((a) => inClause(c, a)) ? { ...c, before: true } : c,
  );
  if (STATEMENT_TYPES.has(m.type)) {
    // "The spokesperson said …", "发言人指出，日方…": the speaker is the unnamed subject before the
    // first cue, and the states after it are in what is said; a later "it said" carries it on.
    const head = cues.find((c) => c.before);
    const after = cues.filter((c) => c.after);
    if (
      head &&
      !inSentence.some((a) => a.end <= head.start) &&
      !inSentence.some((a) => standsAsSpeaker(a, after, ACTOR_AFTER_CUE))
    )
      return null;
    const speaker = statementSpeaker(m, sameSentence, cues, inSentence, joined);
    if (speaker) return { code: speaker.code, span: hitSpan(speaker) };
    // The extractor's speaker, unless it is whom the statement is about ("urged Pyongyang"), or
    // the sentence names it only after the statement's verb ("Підписанти вимагають від
    // Пхеньяна…": the roles were read the other way round).
    const about = m.trigger ? objectOf(m.trigger, inSentence, joined) : [];
    const named = inSentence.filter((a) => a.code === m.source);
    const onlyAfter =
      m.trigger !== undefined && named.length > 0 && named.every((a) => a.start >= m.trigger!.end);
    if (m.source && m.source !== m.target && !onlyAfter && !about.some((a) => a.code === m.source))
      return { code: m.source, span: null };
    return null;
  }
  const takesPart = (code: string) => code === m.source || code === m.target;
  for (const o of sameSentence) {
    if (!STATEMENT_TYPES.has(o.type)) continue;
    const s = statementSpeaker(o, [], cues, inSentence, joined);
    const code = s?.code ?? o.source;
    if (!code) continue;
    const reported = !m.trigger || !o.trigger || m.trigger.start > o.trigger.start;
    if (reported || !takesPart(code)) return { code, span: s ? hitSpan(s) : null };
  }
  if (cues.length === 0) return null;
  // Right after a cue that introduces its source ("selon Kiev", "according to South Korean
  // officials"), a state speaks even when the events name it.
  const introduced = inSentence.find((a) =>
    cues.some(
      (c) =>
        c.preposed &&
        a.start >= c.end &&
        a.start - c.end <= ACTOR_AFTER_CUE &&
        !CLAUSE_BREAK.test(text.slice(c.end, a.start)),
    ),
  );
  if (introduced) return { code: introduced.code, span: hitSpan(introduced) };
  const participants = new Set<string>();
  for (const o of [m, ...sameSentence]) {
    if (o.source) participants.add(o.source);
    if (o.target) participants.add(o.target);
    for (const c of o.cues ?? []) if (c.kind === 'actor' && c.value) participants.add(c.value);
  }
  // The state that stands as the cue's subject first, then one merely named before a cue.
  for (const [k, a] of inSentence.entries()) {
    const next = inSentence[k + 1];
    const topic = topicAt(a);
    // Right before a cue with no other name nor comma between ("Pyongyang confirmed", "Seoul said"), the
    // topic of a Korean or Japanese sentence ("일본 정부는 … 밝혔다"), or opening the clause that
    // the cue ends ("…, Ukraine's prosecutor general Andriy Kostin said").
    const adjacent = cues.some(
      (c) =>
        c.before &&
        c.start >= a.end &&
        (topic ||
          ((!next || next.start >= c.start) &&
            !CLAUSE_BREAK.test(text.slice(a.end, c.start)) &&
            (c.start - a.end <= SPEAKER_GAP ||
              (c.start - a.end <= CLAUSE_SPEAKER_GAP && opens(a, m.start))))),
    );
    if (adjacent) {
      const first = firstOfRun(inSentence, k, joined);
      return { code: first.code, span: hitSpan(first) };
    }
  }
  // A state taking no part in the events: anywhere before a cue, or right after one
  // ("said Seoul"; not a demonym: "the French newspaper").
  const bystander = inSentence.find(
    (a) =>
      !participants.has(a.code) &&
      standsAsSpeaker(a, cues, a.kind === 'demonym' ? -1 : ACTOR_AFTER_CUE),
  );
  if (bystander) return { code: bystander.code, span: hitSpan(bystander) };
  return null;
}

/** Whether the text between two names joins them ("and", "und die", "et", "и", "、"). */
export type Joined = (a: ActorHit, b: ActorHit) => boolean;

/** What speakerOf reads of the text around the names, beside the cues. */
export interface SpeakerReading {
  readonly joined: Joined;
  /** Whether a name opens its clause, only filler words after the last comma before it. */
  readonly opens: (a: ActorHit, from: number) => boolean;
  /** Whether a name is the topic of a Korean or Japanese sentence. */
  readonly topicAt: (a: ActorHit) => boolean;
}

/**
 * The states speaking together from `span` on ("Britain, France and Germany", "日本、韩国和美国"),
 * sorted; null when one speaks alone. Two reports of one joint statement that list its members
 * in another order then name one primary source.
 */
export function jointOf(
  hits: readonly ActorHit[],
  span: Span | null,
  joined: Joined,
): string[] | null {
  let i = span ? hits.findIndex((h) => h.start === span.start) : -1;
  if (i < 0) return null;
  const codes = new Set([hits[i]!.code]);
  while (i + 1 < hits.length && joined(hits[i]!, hits[i + 1]!)) codes.add(hits[++i]!.code);
  return codes.size > 1 ? [...codes].sort() : null;
}

/** The first of the names run that ends at `k` ("Südkorea und die USA" → Südkorea). */
function firstOfRun(hits: readonly ActorHit[], k: number, joined: Joined): ActorHit {
  let i = k;
  while (i > 0 && joined(hits[i - 1]!, hits[i]!)) i--;
  return hits[i]!;
}

/**
 * A statement's speaker: the first state before its trigger (or right after a cue) that is not
 * the statement's addressee, nor a participant of another event in the sentence once another
 * state stands before it.
 */
export function statementSpeaker(
  m: MentionSpan,
  sameSentence: readonly MentionSpan[],
  cues: readonly PlacedCue[],
  inSentence: readonly ActorHit[],
  joined: Joined,
): ActorHit | undefined {
  if (!m.trigger) return undefined;
  const others = new Set<string>();
  for (const o of sameSentence) {
    if (STATEMENT_TYPES.has(o.type)) continue;
    if (o.source) others.add(o.source);
    if (o.target) others.add(o.target);
  }
  // The state right after the statement's verb is whom it is about ("accused Moscow", "敦促朝鲜");
  // when the extractor made that state the speaker, the roles are read from the word order.
  const about = objectOf(m.trigger, inSentence, joined);
  const object = about[0];
  const addressee = object && object.code === m.source && m.target ? object.code : m.target;
  const k = inSentence.findIndex(
    (a, j) =>
      !about.includes(a) &&
      a.code !== addressee &&
      (j === 0 || !others.has(a.code)) &&
      (a.end <= m.trigger!.start ||
        standsAsSpeaker(
          a,
          cues.filter((c) => c.after),
          ACTOR_AFTER_CUE,
        )),
  );
  // Of states speaking together ("Britain, France and Germany accused…"), the first.
  return k < 0 ? undefined : firstOfRun(inSentence, k, joined);
}

/** The states right after a statement's verb, joined ("urged Pyongyang and Moscow"): whom it is about. */
export function objectOf(
  trigger: Span,
  inSentence: readonly ActorHit[],
  joined: Joined,
): ActorHit[] {
  let i = inSentence.findIndex(
    (a) => a.start >= trigger.end && a.start - trigger.end <= OBJECT_GAP,
  );
  if (i < 0) return [];
  const run = [inSentence[i]!];
  while (i + 1 < inSentence.length && joined(inSentence[i]!, inSentence[i + 1]!))
    run.push(inSentence[++i]!);
  return run;
}
