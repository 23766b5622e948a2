/**
 * Which of a sentence's mentions each time expression dates.
 * @module
 */
import type { TriggerRef } from '../lexicon/load-lexicons.js';
import type { MentionDate } from './extract-adapters.js';
import { clausePunctuationIn } from './role-facts.js';
import type { Hit, SentenceFacts } from './scan-sentence.js';
import { datesClosingReport } from './report-date.js';
import type { SentenceMention } from './sentence-candidates.js';
import { sortSmall } from '../domain/sort-small.js';

/** How far a speech verb's own time expression may stand from it ("said on Friday"). */
const SPEECH_DATE_REACH = 16;

/**
 * The date of a mention, shared between the clauses of one type: a second clause without its
 * own time takes the first's ("俄罗斯投反对票，中国投弃权票" on the 28th), and a time before the
 * first trigger that the verb-final rule gave the second clause covers both ("米国は3日、…制裁を
 * 科し、英国も…制裁を科した").
 */
export function sharedClauseDate(
  c: SentenceMention,
  candidates: readonly SentenceMention[],
  dateOf: ReadonlyMap<Hit<TriggerRef>, MentionDate>,
): MentionDate | undefined {
  const own = dateOf.get(c.trigger);
  if (own !== undefined) return own;
  if (c.repeatOf !== undefined) return dateOf.get(c.repeatOf.trigger);
  for (const x of candidates) {
    if (x.repeatOf !== c) continue;
    const d = dateOf.get(x.trigger);
    if (d?.span !== undefined && d.span.end <= c.trigger.start) return d;
  }
  return undefined;
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
export function datesByTrigger(
  dates: readonly MentionDate[],
  candidates: readonly SentenceMention[],
  facts: SentenceFacts,
  sov: boolean,
): Map<Hit<TriggerRef>, MentionDate> {
  const out = new Map<Hit<TriggerRef>, MentionDate>();
  const timeSpans: { readonly start: number; readonly end: number }[] = [];
  for (const d of dates) if (d.span !== undefined && d.date !== null) timeSpans.push(d.span);
  for (const d of dates) {
    if (d.span === undefined || d.date === null) continue;
    const anchor = dateAnchor(d.span, candidates, facts, sov, timeSpans);
    if (anchor === null) continue;
    const held = out.get(anchor);
    if (held === undefined || (held.date?.length ?? 0) < d.date.length) out.set(anchor, d);
  }
  return out;
}
