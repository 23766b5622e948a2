/**
 * Which time expression dates the report rather than the event, in verb-final languages.
 * @module
 */
import { FINAL_VERB_TAIL, TOPIC_PARTICLE, type SentenceFacts } from './scan-sentence.js';

type Spanned = { readonly start: number; readonly end: number };

/** Spaces and commas a topic may leave before its time ("朝鮮中央通信は13日、", "국정원은 23일"). */
const TOPIC_GAP = /^[\s,、，]*$/u;
/** Longest opening topic phrase read without a known name ("米国防総省傘下の国防情報局(DIA)は"). */
const TOPIC_HEAD = 32;

/**
 * "朝鮮中央通信は13日、…を12日に実施したと報じた", "실장은 22일 … 제공한 것으로 파악됐다고 밝혔다":
 * in a verb-final sentence that closes on a speech verb, a time right after the opening topic
 * dates the report that closes it, not the events it tells (ontology v1.1: an event the
 * sentence does not time has no date).
 */
export function datesClosingReport(
  span: Spanned,
  eventEnds: readonly number[],
  timeSpans: readonly Spanned[],
  facts: SentenceFacts,
): boolean {
  // Another time is left for the events: with none, the report's day is all the sentence gives
  // ("국가정보원은 18일 … 파견했다고 밝혔다" keeps the 18th, as the development corpus reads it).
  if (!timeSpans.some((t) => t.start >= span.end)) return false;
  const speech = facts.markers.speech;
  const last = speech[speech.length - 1];
  if (last === undefined || facts.norm.trimEnd().length - last.end > FINAL_VERB_TAIL) return false;
  const lastEvent = eventEnds.reduce((a, b) => Math.max(a, b), 0);
  if (last.start < span.end || lastEvent > last.start) return false;
  // A name of its own before the closing verb speaks there ("…진행했다고 조선중앙통신이 2일
  // 보도했다"): the opening topic is then the one that acted.
  // A name with no subject particle there ("北朝鮮製だったとする") is part of what is told.
  if (
    facts.actors.some((a) => a.start >= lastEvent && a.end <= last.start && a.marks.has('subject'))
  )
    return false;
  // An opening topic with no name we know ("国防情報局(DIA)は29日、", "美 국방정보국은 29일"):
  // a short head ending on its topic particle, with no clause break.
  const head = facts.norm.slice(0, span.start).replace(/[\s,、，]+$/u, '');
  if (head.length <= TOPIC_HEAD && TOPIC_PARTICLE.test(head.slice(-1)) && !/[,、，;；]/u.test(head))
    return true;
  const topic = facts.actors[0];
  if (topic === undefined || topic.end > span.start) return false;
  // The topic particle stands inside the name's match ("정부는") or right after it ("국정원은").
  const after = facts.norm.slice(topic.end, span.start);
  if (TOPIC_PARTICLE.test(after)) return TOPIC_GAP.test(after.slice(1));
  return TOPIC_PARTICLE.test(facts.norm.slice(topic.end - 1)) && TOPIC_GAP.test(after);
}
