/**
 * Exact set similarities between two texts' shingles.
 * @module
 */
import { printsOf, sharedPrints, type Shingled } from './shingle-prints.js';

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const shared = intersectionSize(a, b);
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Share of the smaller set found in the larger: 1 when one text is contained in the other. */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const smaller = Math.min(a.size, b.size);
  return smaller === 0 ? 0 : intersectionSize(a, b) / smaller;
}

function intersectionSize(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared;
}

export interface TextSimilarity {
  /** Containment of long shingles: shared passages (copies, copies with additions). */
  readonly copy: number;
  /** Jaccard of short shingles: shared wording (rewrites). */
  readonly vocabulary: number;
}

/**
 * Both similarities; texts in different shingle modes (script) are not comparable and score 0.
 * Measured on the shingles' prints (shingle-prints.ts): the same figures as on the strings.
 */
export function similarity(a: Shingled, b: Shingled): TextSimilarity {
  if (a.mode !== b.mode) return { copy: 0, vocabulary: 0 };
  const x = printsOf(a);
  const y = printsOf(b);
  const smaller = Math.min(x.copy.length, y.copy.length);
  const copy = smaller === 0 ? 0 : sharedPrints(x.copy, y.copy) / smaller;
  const shared = sharedPrints(x.vocabulary, y.vocabulary);
  const union = x.vocabulary.length + y.vocabulary.length - shared;
  return { copy, vocabulary: union === 0 ? 0 : shared / union };
}
