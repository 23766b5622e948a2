/**
 * German sets an infinitive clause off with a comma ("Kim habe entschieden, 1.000 Pioniere zu
 * entsenden", "Moskau kündigte an, Truppen einzusetzen"): the verb before the comma governs the
 * infinitive, so its plan cue reaches across that one comma. The infinitive is the trigger right
 * after the language's infinitive marker ("zu liefern") or a separable verb joined around it
 * ("einzusetzen"); the marker is `separable.infix`.
 * @module
 */
import type { CompiledLanguage } from '../lexicon/load-lexicons.js';
import { BREAK, hasBreak } from './clause-breaks.js';
import type { Hit, SentenceFacts } from './scan-sentence.js';

/** How far before its comma the governing cue may stand. */
const GOVERNOR_REACH = 45;
const LETTERS_BEFORE = /(\p{L}+)\s+$/u;

/** Whether the trigger is an infinitive with its marker ("zu entsenden", "einzusetzen"). */
function isMarkedInfinitive(
  trigger: Hit<unknown>,
  facts: SentenceFacts,
  lang: CompiledLanguage,
): boolean {
  const marker = lang.lexicon.separable?.infix;
  if (marker === undefined) return false;
  const before = LETTERS_BEFORE.exec(
    facts.norm.slice(Math.max(0, trigger.start - 12), trigger.start),
  );
  if (before?.[1] === marker) return true;
  const word = facts.norm.slice(trigger.start, trigger.end);
  return lang.lexicon.separableVerbs.some((v) => word.startsWith(v.particle + marker));
}

/**
 * Whether the cue stands in the clause right before the infinitive clause of `trigger`: before
 * the one comma that opens it, within reach of it, with no other break between cue and comma.
 */
export function governsInfinitive(
  cue: Hit<unknown>,
  trigger: Hit<unknown>,
  facts: SentenceFacts,
  lang: CompiledLanguage,
): boolean {
  if (cue.end > trigger.start || !isMarkedInfinitive(trigger, facts, lang)) return false;
  const comma = facts.text.lastIndexOf(',', trigger.start);
  if (comma < cue.end || hasBreak(facts, comma + 1, trigger.start, BREAK)) return false;
  return comma - cue.end <= GOVERNOR_REACH && !hasBreak(facts, cue.end, comma, BREAK);
}
