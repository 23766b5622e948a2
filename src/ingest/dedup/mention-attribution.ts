/**
 * Attribution of every mention: whom its sentence says the claim comes from (the primary source),
 * apart from the conduit that carried it. The same detector as the story stage
 * (attributed-source.ts: data/stories/sources.yaml and attribution-cues.yaml), read within each
 * mention's sentence span, with where each cue takes its speaker (speaker-cues.ts: before "said",
 * after "according to", after an inverted "…, said"), then, in this order:
 *
 * | the sentence | attribution |
 * |---|---|
 * | marks the outlet's own reporting ("our correspondent saw") | `own`: no primary source |
 * | denies the claim (a REJECTION before it) | none; what it says did not happen: the denier |
 * | names a listed source with a cue ("the NIS said") | `named`: that source |
 * | is a statement (CONCERN, REJECTION, REQUEST, THREAT), holds one, or names a state where a cue's speaker stands (speaking-state.ts) | `speaker`: the speaking state (or states speaking together, `joint`), resolved to the source the document names for it |
 * | has a cue but no speaker ("it said", "the agency added", "报道称", "发言人指出"), or stands wholly in quotes | `continued`: the last attributed statement before it |
 * | has no cue, and a later "Об этом сообщил X" points back at it, or it goes on with the event the sentence before attributed (discourse-frame.ts) | `continued`: that source |
 * | names only a credited agency ("selon Yonhap", "según informó la AFP") | `conduit` |
 *
 * The conduit is the credited agency the sentence names, else the document's credited origin.
 * @module
 */
import type { MentionAttribution } from '../../domain/attribution.js';
import type { Span } from '../../domain/document.js';
import { readSources, sentenceSpans, SOURCE_AFTER_CUE } from './attributed-source.js';
import { detectAttributions } from './credited-origin.js';
import {
  backFrames,
  frameFor,
  isQuotation,
  ledeFrame,
  sentenceAt,
  readDiscourse,
  type FrameEntry,
  type FrameSource,
} from './discourse-frame.js';
import { actorLabel, findActors, type ActorHit } from './speaker-actors.js';
import {
  joinsNames,
  onlyFiller,
  placeCues,
  standsAsSpeaker,
  type PlacedCue,
} from './speaker-cues.js';
import {
  ACTOR_AFTER_CUE,
  jointOf,
  speakerOf,
  STATEMENT_TYPES,
  statementSpeaker,
  type MentionSpan,
} from './speaking-state.js';
import { loadStoryData, type Source, type StoryData } from './story-data.js';
import { primaryLang } from './story-features.js';

export { STATEMENT_TYPES } from './speaking-state.js';

export interface AttributionOptions {
  /** The document's credited origin ("Yonhap"): the conduit when a sentence names none. */
  readonly origin?: string | null;
  readonly data?: StoryData;
}

/** A statement earlier in the text that a later sentence may carry on. */
interface Statement {
  readonly end: number;
  readonly actor: string;
  readonly source: string | null;
  readonly label: string;
}

/** How far after a cue a listed source may stand and still be its speaker. */
const SOURCE_AFTER = SOURCE_AFTER_CUE;
/** Korean and Japanese topic particles: the state they mark speaks for the sentence. */
const TOPIC = /[은는は]/u;
/** How far after a state its topic particle may stand, titles between ("韓国政府は", "한국 정부는"). */
const TOPIC_REACH = 12;
/** A wire dateline: a city in capitals, a date and an agency, then a dash. */
const DATELINE = /^\s*\p{Lu}[\p{Lu}\p{M} .'-]+,[^\n]{0,40}?\s[-–—]{1,2}\s/u;

const within = (outer: Span, inner: Span) => inner.start >= outer.start && inner.end <= outer.end;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** How many leading items of `sorted` satisfy `before` (true for a prefix, false after): a binary search. */
function partitionPoint<T>(sorted: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(sorted[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items of `sorted` (ordered by start) that lie within `span`: a binary search, then a walk. */
export function inSpan<T extends Span>(sorted: readonly T[], span: Span): T[] {
  const out: T[] = [];
  for (
    let i = partitionPoint(sorted, (x) => x.start < span.start);
    i < sorted.length && sorted[i]!.start < span.end;
    i++
  )
    if (sorted[i]!.end <= span.end) out.push(sorted[i]!);
  return out;
}

/**
 * The spans of `spans` that overlap none of `words` (sorted by start; event triggers, which do not
 * nest): the last word starting before a span ends, and the one before it, must end before it.
 */
function notOverlapping<T extends Span>(spans: readonly T[], words: readonly Span[]): T[] {
  return spans.filter((s) => {
    const n = partitionPoint(words, (w) => w.start < s.end);
    return ![words[n - 1], words[n - 2]].some((w) => w !== undefined && w.end > s.start);
  });
}

/** The last item of `sorted` (ordered by end) that ends at or before `at`. */
function lastEndingBy<T extends { readonly end: number }>(
  sorted: readonly T[],
  at: number,
): T | undefined {
  return sorted[partitionPoint(sorted, (x) => x.end <= at) - 1];
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
  // Not the city of a dateline ("SEOUL, Dec 19 (Agency) - North Korea said …").
  const dateline = DATELINE.exec(text)?.[0].length ?? 0;
  const actors = findActors(text, code).filter((a) => a.start >= dateline);
  const conduits = detectAttributions(text, code)
    .filter((a) => a.credited)
    .map((a) => ({ start: a.span.start, end: a.span.end, name: a.name }))
    .sort((a, b) => a.start - b.start);
  const origin = options.origin ?? null;
  const cuesPlaced = placeCues(text, code, reading.cues, data, conduits, actors);
  const reader = { cues: cuesPlaced, reading, sources, actors };
  const joined = (a: ActorHit, b: ActorHit) => joinsNames(text.slice(a.end, b.start), code);
  // The topic of a Korean or Japanese sentence, its particle right after the name or after a
  // title ("북한은", "韓国政府は", "한국 정부는").
  const topicAt = (a: ActorHit) => {
    const after = text.slice(a.end, a.end + TOPIC_REACH);
    const p = after.search(TOPIC);
    return p === 0 || (p > 0 && onlyFiller(after.slice(0, p), code));
  };
  const opens = (a: ActorHit, from: number) => {
    const head = text.slice(from, a.start);
    const lastBreak = Math.max(head.lastIndexOf(','), head.lastIndexOf(';'), head.lastIndexOf(':'));
    return onlyFiller(head.slice(lastBreak + 1), code);
  };

  // Named statements of the text, sentence by sentence: what a later "it said" carries on.
  const statements: Statement[] = [];
  const sentences = sentenceSpans(text);
  const namedIn = new Map<number, string>();
  for (const [k, sentence] of sentences.entries()) {
    const named = namedSource(reader, sentence, []);
    if (named) statements.push({ end: sentence.end, ...named });
    if (named) namedIn.set(k, named.actor);
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

  // What the discourse carries into sentences without a cue (discourse-frame.ts).
  // A cue that is an event's own word ("передала": handed over) leaves its sentence bare.
  const eventWords = mentions
    .filter((o) => !STATEMENT_TYPES.has(o.type) && o.trigger)
    .map((o) => o.trigger!)
    .sort((a, b) => a.start - b.start);
  const discourse = readDiscourse(
    text,
    sentences,
    {
      cues: [...notOverlapping(reading.cues, eventWords), ...hearsay].sort(
        (a, b) => a.start - b.start,
      ),
      voices: [
        ...sentences.flatMap((sn) =>
          inSpan(actors, sn).filter((a) =>
            standsAsSpeaker(a, inSpan(cuesPlaced, sn), ACTOR_AFTER_CUE),
          ),
        ),
        ...reading.names,
        ...commentary,
        ...own,
        ...conduits,
      ].sort((a, b) => a.start - b.start),
      background: findAll(text, cueRegex(data.background, code)),
      anaphoric: findAll(text, cueRegex(data.anaphoric, code)),
    },
    namedIn,
  );
  const backs = backFrames(discourse, (s) => citesOf(reader, s, namedOf));
  const frames = new Map<number, FrameEntry[]>();

  const order = mentions.map((_, i) => i).sort((a, b) => mentions[a]!.start - mentions[b]!.start);
  const result: (MentionAttribution | null)[] = mentions.map(() => null);
  // Speakers found at mention level join the named statements as the text goes.
  const carried: Statement[] = [];

  for (const [k, i] of order.entries()) {
    const m = mentions[i]!;
    const span = { start: m.start, end: m.end };
    const at = sentenceAt(sentences, m.start);
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
    // A cue that is an event's own word ("передала": handed over) is no attribution.
    const eventWords = [m, ...sameSentence]
      .filter((o) => !STATEMENT_TYPES.has(o.type) && o.trigger)
      .map((o) => o.trigger!);
    const cues = inSpan(cuesPlaced, span).filter((c) => !eventWords.some((w) => overlaps(w, c)));
    const inSentence = inSpan(actors, span);
    // What a denial denies is not its denier's claim, but what it says did not happen is.
    const denial = statement ? undefined : denialOf(m, sameSentence);
    if (denial) {
      if (m.modality !== 'NEGATED') continue;
      const denier =
        statementSpeaker(
          denial,
          [],
          cues,
          inSentence.filter((a) => within(m, a)),
          joined,
        )?.code ?? denial.source;
      if (denier)
        result[i] = {
          actor: denier,
          source: namedOf(denier, m.start)?.source ?? null,
          label: namedOf(denier, m.start)?.label ?? actorLabel(denier),
          basis: 'speaker',
          span: denial.trigger ?? null,
          conduit,
        };
      continue;
    }
    let found: MentionAttribution | null = null;
    let depth = 0;
    const speaker = speakerOf(text, m, sameSentence, cues, inSentence, {
      joined,
      opens,
      topicAt,
    });
    const named = namedSource(reader, span, eventWords);
    // A statement's speaker is whoever stands first: a listed source or a state.
    const namedFirst =
      named && speaker?.span && statement ? named.span.start < speaker.span.start : false;
    if (speaker && (statement || !named) && !namedFirst) {
      const resolved = named?.actor === speaker.code ? named : namedOf(speaker.code, m.start);
      const joint =
        named?.actor === speaker.code ? null : jointOf(inSentence, speaker.span, joined);
      found = {
        actor: speaker.code,
        source: joint ? null : (resolved?.source ?? null),
        label: joint
          ? joint.map(actorLabel).join(', ')
          : (resolved?.label ?? actorLabel(speaker.code)),
        basis: named?.actor === speaker.code ? 'named' : 'speaker',
        span: named?.actor === speaker.code ? named.span : speaker.span,
        conduit,
        ...(joint ? { joint } : {}),
      };
    } else if (named) {
      found = { ...named, basis: 'named', conduit };
    } else if (inSpan(commentary, span).length > 0) {
      continue;
    } else {
      const hearsayCue = inSpan(hearsay, span)[0];
      const marked =
        cues.length > 0 || statement || hearsayCue !== undefined || isQuotation(text, span);
      const last = marked ? lastStatement(statements, carried, m.start) : undefined;
      // A sentence without a cue is the outlet's own context unless the discourse carries a
      // source into it: a later attribution pointing back, or the frame of the sentence before.
      const frame = marked ? undefined : (backs.get(at) ?? frameFor(discourse, at, m, frames));
      if (frame) {
        const cites = 'cites' in frame ? frame.cites : frame;
        depth = 'cites' in frame ? frame.depth + 1 : 1;
        found = {
          actor: cites.actor,
          source: cites.source,
          label: cites.label,
          basis: 'continued',
          span: cites.span,
          conduit,
          ...(cites.joint ? { joint: [...cites.joint] } : {}),
        };
      } else if (last)
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
    if (found?.actor && found.label && at >= 0) {
      const entry: FrameEntry = {
        type: m.type,
        source: m.source ?? null,
        target: m.target ?? null,
        cites: {
          actor: found.actor,
          source: found.source,
          label: found.label,
          span: found.span,
          joint: found.joint,
        },
        depth,
      };
      const list = frames.get(at);
      if (list) list.push(entry);
      else frames.set(at, [entry]);
    }
  }
  // A lede stating the claim before the text names its source takes the source named next.
  let firstFramed = -1;
  for (const k of frames.keys()) if (firstFramed < 0 || k < firstFramed) firstFramed = k;
  const first = { sentence: firstFramed, entries: frames.get(firstFramed) ?? [] };
  for (const i of firstFramed > 0 ? order : []) {
    const m = mentions[i]!;
    if (result[i] !== null || STATEMENT_TYPES.has(m.type)) continue;
    const lede = ledeFrame(discourse, sentenceAt(sentences, m.start), m, first);
    if (lede)
      result[i] = {
        actor: lede.cites.actor,
        source: lede.cites.source,
        label: lede.cites.label,
        basis: 'continued',
        span: lede.cites.span,
        conduit: inSpan(conduits, m)[0]?.name ?? origin,
        ...(lede.cites.joint ? { joint: [...lede.cites.joint] } : {}),
      };
  }
  return result;
}

/**
 * The denial a mention's sentence holds, unless another statement reports the event before the
 * denial comes ("Washington accused Pyongyang of shipping arms, which both deny").
 */
function denialOf(m: MentionSpan, sameSentence: readonly MentionSpan[]): MentionSpan | undefined {
  const denial = sameSentence.find((o) => o.type === 'REJECTION');
  if (!denial?.trigger || !m.trigger || denial.trigger.start < m.trigger.start) return denial;
  const reported = sameSentence.some(
    (o) =>
      STATEMENT_TYPES.has(o.type) &&
      o.type !== 'REJECTION' &&
      o.trigger !== undefined &&
      o.trigger.start < m.trigger!.start,
  );
  return reported ? undefined : denial;
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
  readonly cues: readonly PlacedCue[];
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
  const cues = inSpan(t.cues, span).filter((c) => !eventWords.some((w) => overlaps(w, c)));
  if (cues.length === 0) return null;
  for (const n of inSpan(t.reading.names, span)) {
    if (!t.reading.speaks(n.id) || !standsAsSpeaker(n, cues, SOURCE_AFTER)) continue;
    const s = t.sources.get(n.id);
    if (s)
      return { actor: s.actor, source: s.id, label: s.label, span: { start: n.start, end: n.end } };
  }
  return null;
}

/**
 * Whom a sentence cites, for an attribution pointing back ("Об этом сообщило ГУР"): the listed
 * source standing as its speaker, else a state standing where a cue's speaker does, resolved to
 * the body of that state the text names.
 */
function citesOf(
  t: TextReading,
  sentence: Span,
  namedOf: (actor: string, at: number) => Statement | undefined,
): FrameSource | null {
  const named = namedSource(t, sentence, []);
  if (named) return named;
  const cues = inSpan(t.cues, sentence);
  const state = inSpan(t.actors, sentence).find(
    (a) => a.kind !== 'demonym' && standsAsSpeaker(a, cues, SOURCE_AFTER),
  );
  if (!state) return null;
  const body = namedOf(state.code, sentence.start);
  return {
    actor: state.code,
    source: body?.source ?? null,
    label: body?.label ?? actorLabel(state.code),
    span: { start: state.start, end: state.end },
  };
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
