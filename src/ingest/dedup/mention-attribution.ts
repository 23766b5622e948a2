/**
 * Attribution of every mention: whom its sentence says the claim comes from (the primary source),
 * apart from the conduit that carried it. The same detector as the story stage
 * (attributed-source.ts: data/stories/sources.yaml and attribution-cues.yaml), read within each
 * mention's sentence span, then, in this order:
 *
 * | the sentence | attribution |
 * |---|---|
 * | marks the outlet's own reporting ("our correspondent saw") | `own`: no primary source |
 * | denies the claim (a REJECTION in the same sentence) | none: the denier is not its source |
 * | names a listed source with a cue ("the NIS said") | `named`: that source |
 * | is a statement (CONCERN, REJECTION, REQUEST, THREAT), holds one, or names a state with a cue ("Seoul said") | `speaker`: the speaking state, resolved to the source the document names for it |
 * | has a cue but no speaker ("it said", "the agency added", "报道称") | `continued`: the last attributed statement before it |
 * | names only a credited agency ("selon Yonhap") | `conduit` |
 *
 * The conduit is the credited agency the sentence names, else the document's credited origin.
 * @module
 */
import type { MentionAttribution } from '../../domain/attribution.js';
import type { Span } from '../../domain/document.js';
import type { ExtractedMention } from '../../domain/mention.js';
import type { EventType } from '../../domain/ontology.js';
import { readSources, sentenceSpans, SOURCE_AFTER_CUE, speaksAt } from './attributed-source.js';
import { detectAttributions } from './credited-origin.js';
import { actorLabel, findActors, type ActorHit } from './speaker-actors.js';
import { loadStoryData, type Source, type StoryData } from './story-data.js';
import { primaryLang } from './story-features.js';

/** Event types that are statements: their speaker (the mention's source) is their source. */
export const STATEMENT_TYPES: ReadonlySet<EventType> = new Set<EventType>([
  'CONCERN',
  'REJECTION',
  'REQUEST',
  'THREAT',
]);

export interface AttributionOptions {
  /** The document's credited origin ("Yonhap"): the conduit when a sentence names none. */
  readonly origin?: string | null;
  readonly data?: StoryData;
}

type MentionSpan = Pick<ExtractedMention, 'type' | 'source' | 'target' | 'start' | 'end'> & {
  readonly trigger?: Span | undefined;
  readonly cues?: ExtractedMention['cues'];
};

/** A statement earlier in the text that a later sentence may carry on. */
interface Statement {
  readonly end: number;
  readonly actor: string;
  readonly source: string | null;
  readonly label: string;
}

/** How far after a cue a listed source or a state may stand and still be its speaker. */
const AFTER_CUE = { source: SOURCE_AFTER_CUE, actor: 5 } as const;
/** How close before a cue a state must stand to speak ("Pyongyang confirmed", "Seoul said"). */
const SPEAKER_GAP = 15;
/** Korean and Japanese topic particles: the state they mark speaks for the sentence. */
const TOPIC = /^[은는は]$/u;

const within = (outer: Span, inner: Span) => inner.start >= outer.start && inner.end <= outer.end;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The items of `sorted` (ordered by start) that lie within `span`: a binary search, then a walk. */
export function inSpan<T extends Span>(sorted: readonly T[], span: Span): T[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.start < span.end; i++)
    if (sorted[i]!.end <= span.end) out.push(sorted[i]!);
  return out;
}

/** The last item of `sorted` (ordered by end) that ends at or before `at`. */
function lastEndingBy<T extends { readonly end: number }>(
  sorted: readonly T[],
  at: number,
): T | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo - 1];
}

/** How many neighbours on each side are checked for a shared sentence (spans rarely nest). */
const NEIGHBOURS = 64;

/**
 * The attribution of each mention (same order as `mentions`), or null when the text gives none.
 * The text is read once; every look-up is a range of sorted hits, so a document of thousands of
 * mentions costs about as much per mention as a short one.
 * @example
 *   attributeMentions('North Korea fired a missile, the JCS said.', 'en', extraction.mentions)
 *   // [{ actor: 'KOR', source: 'kor-jcs', label: "South Korea's Joint Chiefs of Staff",
 *   //    basis: 'named', span: { start: 33, end: 36 }, conduit: null }]
 */
export function attributeMentions(
  text: string,
  lang: string | null | undefined,
  mentions: readonly MentionSpan[],
  options: AttributionOptions = {},
): (MentionAttribution | null)[] {
  if (mentions.length === 0) return [];
  const data = options.data ?? loadStoryData();
  const code = primaryLang(lang ?? null);
  const reading = readSources(text, code, data, { statements: true });
  const sources = sourceTable(data, code);
  const own = findAll(text, cueRegex(data.own, code));
  const commentary = findAll(text, cueRegex(data.commentary, code));
  const hearsay = findAll(text, cueRegex(data.hearsay, code));
  const actors = findActors(text, code);
  const conduits = detectAttributions(text, code)
    .filter((a) => a.credited)
    .map((a) => ({ start: a.span.start, end: a.span.end, name: a.name }))
    .sort((a, b) => a.start - b.start);
  const origin = options.origin ?? null;
  const reader = { reading, sources, actors };

  // Named statements of the text, sentence by sentence: what a later "it said" carries on.
  const statements: Statement[] = [];
  for (const sentence of sentenceSpans(text)) {
    const named = namedSource(reader, sentence, []);
    if (named) statements.push({ end: sentence.end, ...named });
  }
  const byActor = new Map<string, Statement[]>();
  for (const st of statements) {
    const list = byActor.get(st.actor) ?? [];
    list.push(st);
    byActor.set(st.actor, list);
  }
  const namedOf = (actor: string, at: number): Statement | undefined => {
    const list = byActor.get(actor) ?? [];
    return lastEndingBy(list, at) ?? list[0];
  };

  const order = mentions.map((_, i) => i).sort((a, b) => mentions[a]!.start - mentions[b]!.start);
  const result: (MentionAttribution | null)[] = mentions.map(() => null);
  // Speakers found at mention level join the named statements as the text goes.
  const carried: Statement[] = [];
  for (const [k, i] of order.entries()) {
    const m = mentions[i]!;
    const span = { start: m.start, end: m.end };
    const conduit = inSpan(conduits, span)[0]?.name ?? origin;
    const ownCue = inSpan(own, span)[0];
    if (ownCue) {
      result[i] = {
        actor: null,
        source: null,
        label: null,
        basis: 'own',
        span: ownCue,
        conduit: null,
      };
      continue;
    }
    const sameSentence: MentionSpan[] = [];
    for (let j = Math.max(0, k - NEIGHBOURS); j < Math.min(order.length, k + NEIGHBOURS); j++) {
      const o = mentions[order[j]!]!;
      if (j !== k && overlaps(o, m)) sameSentence.push(o);
    }
    const statement = STATEMENT_TYPES.has(m.type);
    // What a denial denies is not its denier's claim.
    if (!statement && sameSentence.some((o) => o.type === 'REJECTION')) continue;
    // A cue that is an event's own word ("передала": handed over) is no attribution.
    const eventWords = [m, ...sameSentence]
      .filter((o) => !STATEMENT_TYPES.has(o.type) && o.trigger)
      .map((o) => o.trigger!);
    const cues = inSpan(reading.cues, span).filter((c) => !eventWords.some((w) => overlaps(w, c)));
    let found: MentionAttribution | null = null;
    const speaker = speakerOf(text, m, sameSentence, cues, inSpan(actors, span));
    const named = namedSource(reader, span, eventWords);
    // A statement's speaker is whoever stands first: a listed source or a state.
    const namedFirst =
      named && speaker?.span && statement ? named.span.start < speaker.span.start : false;
    if (speaker && (statement || !named) && !namedFirst) {
      const resolved = named?.actor === speaker.code ? named : namedOf(speaker.code, m.start);
      found = {
        actor: speaker.code,
        source: resolved?.source ?? null,
        label: resolved?.label ?? actorLabel(speaker.code),
        basis: named?.actor === speaker.code ? 'named' : 'speaker',
        span: named?.actor === speaker.code ? named.span : speaker.span,
        conduit,
      };
    } else if (named) {
      found = { ...named, basis: 'named', conduit };
    } else if (inSpan(commentary, span).length > 0) {
      continue;
    } else {
      const hearsayCue = inSpan(hearsay, span)[0];
      const marked = cues.length > 0 || statement || hearsayCue !== undefined;
      // A sentence without a cue is the outlet's own context: it carries nothing on.
      const last = marked ? lastStatement(statements, carried, m.start) : undefined;
      if (last)
        found = {
          actor: last.actor,
          source: last.source,
          label: last.label,
          basis: 'continued',
          span: cues[0] ?? hearsayCue ?? m.trigger ?? null,
          conduit,
        };
    }
    if (!found) {
      const credited = inSpan(conduits, span)[0];
      if (credited)
        found = {
          actor: null,
          source: null,
          label: null,
          basis: 'conduit',
          span: { start: credited.start, end: credited.end },
          conduit: credited.name,
        };
    }
    result[i] = found;
    if (found?.actor && found.label && found.basis !== 'continued')
      carried.push({ end: m.end, actor: found.actor, source: found.source, label: found.label });
  }
  return result;
}

/** The attributed statement that ends last before `at`: a named sentence or a mention's speaker. */
function lastStatement(
  statements: readonly Statement[],
  carried: readonly Statement[],
  at: number,
): Statement | undefined {
  let best = lastEndingBy(statements, at);
  // Carried speakers come in text order; a few steps back find the last one before `at` (a
  // speaker of the same sentence wins over its named statement).
  for (let j = carried.length - 1; j >= Math.max(0, carried.length - NEIGHBOURS); j--) {
    const c = carried[j]!;
    if (c.end <= at && (!best || c.end >= best.end)) best = c;
  }
  return best;
}

interface TextReading {
  readonly reading: ReturnType<typeof readSources>;
  readonly sources: ReadonlyMap<string, Source>;
  readonly actors: readonly ActorHit[];
}

/** The first speaking listed source in `span` that stands where a speaker does next to a cue. */
function namedSource(
  t: TextReading,
  span: Span,
  eventWords: readonly Span[],
): (Omit<Statement, 'end'> & { span: Span }) | null {
  const cues = inSpan(t.reading.cues, span).filter((c) => !eventWords.some((w) => overlaps(w, c)));
  if (cues.length === 0) return null;
  for (const n of inSpan(t.reading.names, span)) {
    if (!t.reading.speaks(n.id) || !speaksAt(n, cues, AFTER_CUE.source)) continue;
    const s = t.sources.get(n.id);
    if (s)
      return { actor: s.actor, source: s.id, label: s.label, span: { start: n.start, end: n.end } };
  }
  return null;
}

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
function speakerOf(
  text: string,
  m: MentionSpan,
  sameSentence: readonly MentionSpan[],
  cues: readonly Span[],
  actors: readonly ActorHit[],
): { code: string; span: Span | null } | null {
  const inSentence = actors.filter((a) => within(m, a));
  const hitSpan = (a: ActorHit) => ({ start: a.start, end: a.end });
  if (STATEMENT_TYPES.has(m.type)) {
    const speaker = statementSpeaker(m, sameSentence, cues, inSentence);
    if (speaker) return { code: speaker.code, span: hitSpan(speaker) };
    if (m.source && m.source !== m.target) return { code: m.source, span: null };
    return null;
  }
  const takesPart = (code: string) => code === m.source || code === m.target;
  for (const o of sameSentence) {
    if (!STATEMENT_TYPES.has(o.type)) continue;
    const s = statementSpeaker(o, [], cues, inSentence);
    const code = s?.code ?? o.source;
    if (!code) continue;
    const reported = !m.trigger || !o.trigger || m.trigger.start > o.trigger.start;
    if (reported || !takesPart(code)) return { code, span: s ? hitSpan(s) : null };
  }
  if (cues.length === 0) return null;
  const participants = new Set<string>();
  for (const o of [m, ...sameSentence]) {
    if (o.source) participants.add(o.source);
    if (o.target) participants.add(o.target);
    for (const c of o.cues ?? []) if (c.kind === 'actor' && c.value) participants.add(c.value);
  }
  for (const [k, a] of inSentence.entries()) {
    const next = inSentence[k + 1];
    const topic = TOPIC.test(text.slice(a.end, a.end + 1));
    // Right before a cue with no other name between ("Pyongyang confirmed", "Seoul said"), or
    // the topic of a Korean or Japanese sentence ("일본 정부는 … 밝혔다").
    const adjacent = cues.some(
      (c) =>
        c.start >= a.end &&
        (topic || (c.start - a.end <= SPEAKER_GAP && (!next || next.start >= c.start))),
    );
    if (adjacent) {
      const first = firstOfRun(inSentence, k);
      return { code: first.code, span: hitSpan(first) };
    }
    // A state taking no part in the events: anywhere before a cue, or right after one
    // ("according to Seoul"; not a demonym: "the French newspaper").
    if (!participants.has(a.code) && speaksAt(a, cues, a.kind === 'demonym' ? -1 : AFTER_CUE.actor))
      return { code: a.code, span: hitSpan(a) };
  }
  return null;
}

/** Gap between two names joined by "and", "und die", "et", "и", "、". */
const COORDINATION_GAP = 9;

/** The first of the names run that ends at `k` ("Südkorea und die USA" → Südkorea). */
function firstOfRun(hits: readonly ActorHit[], k: number): ActorHit {
  let i = k;
  while (i > 0 && hits[i]!.start - hits[i - 1]!.end <= COORDINATION_GAP) i--;
  return hits[i]!;
}

/**
 * A statement's speaker: the first state before its trigger (or right after a cue) that is not
 * the statement's addressee, nor a participant of another event in the sentence once another
 * state stands before it.
 */
function statementSpeaker(
  m: MentionSpan,
  sameSentence: readonly MentionSpan[],
  cues: readonly Span[],
  inSentence: readonly ActorHit[],
): ActorHit | undefined {
  if (!m.trigger) return undefined;
  const others = new Set<string>();
  for (const o of sameSentence) {
    if (STATEMENT_TYPES.has(o.type)) continue;
    if (o.source) others.add(o.source);
    if (o.target) others.add(o.target);
  }
  return inSentence.find(
    (a, k) =>
      a.code !== m.target &&
      (k === 0 || !others.has(a.code)) &&
      (a.end <= m.trigger!.start || speaksAt(a, cues, AFTER_CUE.actor)),
  );
}

function sourceTable(data: StoryData, lang: string | null): Map<string, Source> {
  const names = data.names.get(lang && data.names.has(lang) ? lang : '*');
  return new Map((names?.sources ?? []).map((s) => [s.id, s]));
}

function cueRegex(map: ReadonlyMap<string, RegExp>, lang: string | null): RegExp | undefined {
  return map.get(lang && map.has(lang) ? lang : '*');
}

function findAll(text: string, regex: RegExp | undefined): Span[] {
  if (!regex) return [];
  const out: Span[] = [];
  for (const m of text.matchAll(new RegExp(regex.source, regex.flags)))
    if (m[0].length > 0) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}
