/**
 * A one-entry cache keyed by a sentence's facts: the triggers of a sentence are framed, assigned
 * and decided one after another, and some of their inputs depend on the sentence alone. (A WeakMap
 * keyed by short-lived facts objects made every young-generation GC walk its ephemeron table.)
 * @module
 */
import type { SentenceFacts } from './scan-sentence.js';

/**
 * `compute` memoised on the last facts object it was called with. One optional extra argument
 * (the language) travels with it; callers whose `compute` reads it must pass it.
 */
export function perSentence<X, T>(
  compute: (facts: SentenceFacts, extra: X) => T,
): (facts: SentenceFacts, extra?: X) => T {
  let last: SentenceFacts | undefined;
  let value: T;
  return (facts, extra) => {
    if (facts !== last) {
      value = compute(facts, extra as X);
      last = facts;
    }
    return value;
  };
}
