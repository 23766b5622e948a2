/**
 * A one-entry cache keyed by a sentence's facts: the triggers of a sentence are framed, assigned
 * and decided one after another, and some of their inputs depend on the sentence alone. (A WeakMap
 * keyed by short-lived facts objects made every young-generation GC walk its ephemeron table.)
 * @module
 */
import type { SentenceFacts } from './scan-sentence.js';

/** `compute` memoised on the last facts object it was called with. */
export function perSentence<A extends unknown[], T>(
  compute: (facts: SentenceFacts, ...rest: A) => T,
): (facts: SentenceFacts, ...rest: A) => T {
  let last: SentenceFacts | undefined;
  let value: T;
  return (facts, ...rest) => {
    if (facts !== last) {
      value = compute(facts, ...rest);
      last = facts;
    }
    return value;
  };
}
