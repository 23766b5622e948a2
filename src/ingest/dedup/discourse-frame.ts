/**
 * Attribution carried by discourse rather than by a cue in the sentence itself
 * (docs/credibility.md §2.1, "Carried by the discourse"):
 * - **the frame goes on**: a sentence with no attribution cue that right after an attributed
 *   sentence reports the same event with more detail ("The JCS said the North fired a missile.
 *   The missile flew about 1,000 km.") takes that sentence's source; at most `MAX_CHAIN` bare
 *   sentences in a row, never across a paragraph (unless the frame ends with a colon), and never
 *   a sentence that anchors the event to another time or event (`background:` in
 *   data/stories/attribution-cues.yaml: "its first launch since", "coincided with", "이번
 *   발사는 … 만이다", "Bereits im Juni");
 * - **an attribution that points back** ("Об этом сообщил…", "Про це повідомляє…", "이같이
 *   밝혔다", `anaphoric:`) gives its source to the bare sentences just before it (a lede that
 *   states the claim and names its source in the next sentence);
 * - **a quotation** standing alone as a sentence («…», "…", 「…」) is marked as reported speech: it
 *   carries on the last attributed statement, as "it added" does.
 * A sentence with a cue of its own is read by its cue, never by the frame; an outlet's own
 * reporting (`own:`) and commentary stop nothing here, they are read before (mention-attribution.ts).
 * @module
 */
import type { Span } from '../../domain/document.js';
import type { EventType } from '../../domain/ontology.js';

/** Public acts (a meeting, a treaty, sanctions): the outlet reports them, no source claims them. */
const PUBLIC_ACTS: ReadonlySet<EventType> = new Set<EventType>([
  'AGREEMENT',
  'MEETING',
  'SANCTION',
]);
/** How many bare sentences in a row a frame carries over. */
export const MAX_CHAIN = 2;
/** How many sentences back, over bare ones, a frame is looked for. */
export const REACH = 3;
/** How many bare sentences before an attribution that points back take its source. */
export const MAX_BACK = 2;

/** A statement a frame carries: whom it cites, where the text named it. */
export interface FrameSource {
  readonly actor: string;
  readonly source: string | null;
  readonly label: string;
  readonly span: Span | null;
  /** States speaking together, sorted, when the frame's speaker was several. */
  readonly joint?: readonly string[] | undefined;
}

/** An attributed mention of a sentence, as a later bare sentence reads it. */
export interface FrameEntry {
  readonly type: EventType;
  readonly source: string | null;
  readonly target: string | null;
  readonly cites: FrameSource;
  /** 0 when its own sentence attributed it, n when it was carried over n bare sentences. */
  readonly depth: number;
}

/** What the discourse reading needs of a text: its sentences and what each holds. */
export interface DiscourseText {
  readonly text: string;
  readonly sentences: readonly Span[];
  /** Per sentence: whether it holds no attribution cue at all (hearsay markers included). */
  readonly bare: readonly boolean[];
  /** Per sentence: whether it anchors itself to another time or event (`background:`). */
  readonly background: readonly boolean[];
  /** Per sentence: whether it holds an attribution that points back (`anaphoric:`). */
  readonly anaphoric: readonly boolean[];
  /** The sentences that name a listed source with a cue: sentence index → its actor. */
  readonly named: ReadonlyMap<number, string>;
  /**
   * Per sentence: whether its cue names no one ("За даними розвідки, …", "it added"): no
   * listed source, no state, no commentary nor own reporting; it goes on with the frame.
   */
  readonly continues: readonly boolean[];
}

/** The spans a text's sentences hold, by kind (each list sorted by start). */
export interface DiscourseMarks {
  readonly cues: readonly Span[];
  /** Names of states and sources, commentary and own-reporting words: a cue near them speaks. */
  readonly voices: readonly Span[];
  readonly background: readonly Span[];
  readonly anaphoric: readonly Span[];
}

/** Reads each sentence's marks once (one sweep per kind), for the look-ups below. */
export function readDiscourse(
  text: string,
  sentences: readonly Span[],
  marks: DiscourseMarks,
  named: ReadonlyMap<number, string>,
): DiscourseText {
  const holds = (spans: readonly Span[]) => {
    const out = sentences.map(() => false);
    for (const s of spans) {
      const i = sentenceAt(sentences, s.start);
      if (i >= 0 && s.end <= sentences[i]!.end) out[i] = true;
    }
    return out;
  };
  const cued = holds(marks.cues);
  const voiced = holds(marks.voices);
  return {
    text,
    sentences,
    continues: cued.map((c, i) => c && !voiced[i] && !named.has(i)),
    bare: cued.map((x) => !x),
    background: holds(marks.background),
    anaphoric: holds(marks.anaphoric),
    named,
  };
}

const QUOTE_OPEN = /^\s*[«"“„「『]/u;
const QUOTE_CLOSE = /[»"”“」』][.。!?！？]?\s*$/u;
const COLON_END = /[:：]\s*$/u;

/** The index of the sentence holding `at` (sentences sorted, contiguous); -1 outside them. */
export function sentenceAt(sentences: readonly Span[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Whether sentence `i` holds no attribution cue at all (hearsay markers included). */
export function isBare(d: DiscourseText, i: number): boolean {
  return d.bare[i] ?? false;
}

/** Whether a sentence (a mention's span) stands wholly in quotation marks: speech without a verb. */
export function isQuotation(text: string, sentence: Span): boolean {
  const body = text.slice(sentence.start, sentence.end);
  return QUOTE_OPEN.test(body) && QUOTE_CLOSE.test(body);
}

/** Whether a paragraph break stands between sentence `i - 1` and sentence `i`. */
function paragraphBefore(d: DiscourseText, i: number): boolean {
  const prev = d.sentences[i - 1];
  const here = d.sentences[i];
  if (!prev || !here) return false;
  return d.text.slice(prev.start, here.start + 1).includes('\n');
}

/**
 * The source a frame gives a bare sentence's mention: an attributed mention of the nearest
 * sentence before it that has one, at most `REACH` sentences back over bare sentences, within the
 * paragraph (a frame ending with a colon opens the next one), carried over at most `MAX_CHAIN`
 * bare sentences in a row; the mention reports the same event (same type, roles compatible) or
 * one of its participants, is no public act, and its sentence names no other time or event.
 */
export function frameFor(
  d: DiscourseText,
  i: number,
  m: MentionRoles,
  entries: ReadonlyMap<number, readonly FrameEntry[]>,
): FrameEntry | undefined {
  if (i <= 0 || !isBare(d, i) || PUBLIC_ACTS.has(m.type)) return undefined;
  if (d.background[i]) return undefined;
  // A sentence between that names a source with a cue but reports no event ("The JCS said it
  // was analysing the data") goes on with the frame when it cites the frame's own source.
  let via: string | undefined;
  for (let k = i - 1; k >= 0 && i - k <= REACH; k--) {
    if (
      paragraphBefore(d, k + 1) &&
      !COLON_END.test(d.text.slice(d.sentences[k]!.start, d.sentences[k]!.end))
    )
      return undefined;
    const found = entries.get(k);
    if (found)
      return found.find(
        (e) =>
          e.depth < MAX_CHAIN &&
          (via === undefined || via === e.cites.actor) &&
          (sameEvent(e, m) || sharesParticipant(e, m)),
      );
    if (isBare(d, k) || d.continues[k]) continue;
    // A sentence whose cue names another voice without attributing it (commentary, a conduit)
    // ends the frame.
    const cites = d.named.get(k);
    if (!cites || (via !== undefined && via !== cites)) return undefined;
    via = cites;
  }
  return undefined;
}

/** The roles of a mention a frame is matched on. */
export type MentionRoles = {
  readonly type: EventType;
  readonly source: string | null;
  readonly target: string | null;
};

const open = (a: string | null, b: string | null) => a === null || b === null || a === b;

/** The same event: the same type, each role equal or open. */
const sameEvent = (e: FrameEntry, m: MentionRoles) =>
  e.type === m.type && open(e.source, m.source) && open(e.target, m.target);

/**
 * A participant of the frame's event takes part in the mention ("Russia handed them…"); not
 * when the frame is itself a public act (a treaty's content is no claim of its signatory).
 */
const sharesParticipant = (e: FrameEntry, m: MentionRoles) =>
  !PUBLIC_ACTS.has(e.type) &&
  [m.source, m.target].some((x) => x !== null && (x === e.source || x === e.target));

/**
 * The bare sentences that an attribution pointing back gives its source to ("Об этом сообщил
 * X", "이같이 밝혔다"): sentence index → the source, for up to `MAX_BACK` bare sentences right
 * before the sentence that holds it. `citesOf` reads whom that sentence cites.
 */
export function backFrames(
  d: DiscourseText,
  citesOf: (sentence: Span) => FrameSource | null,
): Map<number, FrameSource> {
  const out = new Map<number, FrameSource>();
  d.sentences.forEach((s, j) => {
    if (!d.anaphoric[j]) return;
    const cites = citesOf(s);
    if (!cites) return;
    for (let i = j - 1; i >= Math.max(0, j - MAX_BACK) && isBare(d, i); i--) {
      if (paragraphBefore(d, i + 1) && i + 1 !== j) break;
      if (!out.has(i)) out.set(i, cites);
    }
  });
  return out;
}

/**
 * A lede that states the claim before the text names its source ("북한이 … 발사했다. 합참은 …
 * 밝혔다"): the bare sentences before the first attributed sentence of the text (`first`, at most
 * `MAX_BACK` on) take an attributed mention there of the same event (same type, roles compatible).
 */
export function ledeFrame(
  d: DiscourseText,
  i: number,
  m: MentionRoles,
  first: { readonly sentence: number; readonly entries: readonly FrameEntry[] },
): FrameEntry | undefined {
  if (PUBLIC_ACTS.has(m.type) || i < 0 || i >= first.sentence) return undefined;
  if (first.sentence - i > MAX_BACK) return undefined;
  for (let k = i; k < first.sentence; k++)
    if (!isBare(d, k) || d.background[k] || paragraphBefore(d, k + 1)) return undefined;
  return first.entries.find((e) => e.depth === 0 && sameEvent(e, m));
}
