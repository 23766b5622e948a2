/**
 * Expands ending sets in a term: `москв{fem-a}` → москва (nom), москвы (gen), москве (dat, loc)…
 * @module
 */
import { VigieError } from '../domain/errors.js';

export interface ExpandedTerm {
  readonly term: string;
  /** Cases of the last ending set in the term; empty for plain terms. */
  readonly cases: readonly string[];
}

const SET_RE = /\{([a-z0-9-]+)\}/;

/** Expands every `{set}` of `term` with the language's ending sets (cartesian product). */
export function expandTerm(
  term: string,
  endings: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>,
  where: string,
): ExpandedTerm[] {
  const m = SET_RE.exec(term);
  if (m === null) return [{ term, cases: [] }];
  const set = endings[m[1]!];
  if (set === undefined) {
    throw new VigieError(
      'VIGIE_LEXICON_INVALID',
      `${where}: term "${term}" uses unknown ending set {${m[1]}}`,
      { where },
    );
  }
  const byForm = new Map<string, Set<string>>();
  const head = term.slice(0, m.index);
  const tail = term.slice(m.index + m[0].length);
  for (const [gramCase, list] of Object.entries(set)) {
    for (const ending of list) {
      for (const rest of expandTerm(tail, endings, where)) {
        const form = head + ending + rest.term;
        const cases = byForm.get(form) ?? new Set<string>();
        if (rest.cases.length > 0) for (const c of rest.cases) cases.add(c);
        else cases.add(gramCase);
        byForm.set(form, cases);
      }
    }
  }
  return [...byForm].map(([form, cases]) => ({ term: form, cases: [...cases] }));
}
