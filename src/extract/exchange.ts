/**
 * Exchanges: "North Korea sent troops to Russia in return for missile technology" moves the
 * technology the other way, from the recipient back to the sender (issue phenomenon: payment
 * and reward framings). After an exchange marker ("in return for", "en échange de", "в обмен
 * на"; the lexicon's `roles.exchange`), a transfer of the sentence is answered by the one the
 * marker introduces: an event read there ("en contrepartie des munitions livrées", "a cambio
 * del suministro de armas") gets the reverse roles. A payment named only by its object ("in
 * return for missile technology") adds no mention: annotated corpora disagree on it.
 * @module
 */
import type { ExtractedMention } from '../domain/mention.js';
import type { EventType } from '../domain/ontology.js';
import type { CompiledLanguage } from '../lexicon/load-lexicons.js';
import type { SentenceFacts } from './scan-sentence.js';

const MOVING: ReadonlySet<EventType> = new Set([
  'ARMS_TRANSFER',
  'TECH_TRANSFER',
  'TROOP_DEPLOYMENT',
]);

/** The payment stands in the marker's own phrase: up to the next clause break. */
const PHRASE_END = /[;:]|,\s/u;
const PHRASE_REACH = 90;

/**
 * The sentence's mentions, the payments of its exchanges with their roles reversed. Offsets of `mentions`
 * are document offsets; `offset` is where the sentence starts. Verb-final languages put the
 * payment before the marker ("파병의 대가로"), which their own rules already read: only SVO and
 * verb-second clauses are handled here.
 */
export function withExchanges(
  mentions: readonly ExtractedMention[],
  facts: SentenceFacts,
  lang: CompiledLanguage,
  offset: number,
): ExtractedMention[] {
  const out = [...mentions];
  if (lang.lexicon.wordOrder === 'sov') return withVerbFinalExchanges(out, facts, offset);
  for (const marker of facts.markers.exchange) {
    const main = out
      .filter(
        (m) =>
          MOVING.has(m.type) &&
          m.source !== null &&
          m.target !== null &&
          m.trigger !== undefined &&
          m.trigger.end - offset <= marker.start,
      )
      .at(-1);
    if (main === undefined) continue;
    const rest = facts.text.slice(marker.end, marker.end + PHRASE_REACH);
    const stop = PHRASE_END.exec(rest);
    const end = marker.end + (stop === null ? rest.length : stop.index);
    const within = (start: number) => start >= marker.end && start < end;
    const reversed = { source: main.target, target: main.source };
    out.forEach((m, i) => {
      if (m === main || !MOVING.has(m.type) || m.trigger === undefined) return;
      if (!within(m.trigger.start - offset)) return;
      out[i] = { ...m, ...reversed, rules: [...m.rules, 'role.exchange'] };
    });
  }
  return out;
}

/** How far before a verb-final marker its payment's trigger may end ("파견의 대가로", "派兵の見返りに"). */
const PAYMENT_GAP = 4;

/**
 * Korean and Japanese put the payment before the marker and the answered transfer after it:
 * "병력 파견의 대가로 러시아로부터 … 받았다" (equipment received in return for sending troops).
 */
function withVerbFinalExchanges(
  out: ExtractedMention[],
  facts: SentenceFacts,
  offset: number,
): ExtractedMention[] {
  for (const marker of facts.markers.exchange) {
    const main = out.find(
      (m) =>
        MOVING.has(m.type) &&
        m.source !== null &&
        m.target !== null &&
        m.trigger !== undefined &&
        m.trigger.start - offset >= marker.end,
    );
    if (main === undefined) continue;
    out.forEach((m, i) => {
      if (m === main || !MOVING.has(m.type) || m.trigger === undefined) return;
      const gap = marker.start - (m.trigger.end - offset);
      if (gap < 0 || gap > PAYMENT_GAP) return;
      out[i] = {
        ...m,
        source: main.target,
        target: main.source,
        rules: [...m.rules, 'role.exchange'],
      };
    });
  }
  return out;
}
