import { describe, expect, it } from 'vitest';
import { assessCredibility, type CredibilityInput } from './credibility-rules.js';
import { groupIndependentOrigins } from './independence.js';
import type { Modality } from '../../domain/ontology.js';

const doc = (
  id: string,
  extra: Partial<{ storyId: string; origin: string; outlet: string; reliability: string }> = {},
) => ({
  id,
  storyId: extra.storyId ?? null,
  origin: extra.origin ?? null,
  outlet: extra.outlet ?? `outlet ${id}`,
  reliability: extra.reliability ?? 'F',
});

function input(
  entries: [ReturnType<typeof doc>, Modality][],
  rejections: string[] = [],
): CredibilityInput {
  return {
    documents: entries.map(([d]) => d),
    mentions: entries.map(([d, modality], i) => ({
      id: `${d.id}#${i}`,
      documentId: d.id,
      modality,
    })),
    rejections: rejections.map((docId) => ({ id: `${docId}#rej`, documentId: docId })),
  };
}

describe('independent origins', () => {
  it('counts syndicated copies of one story once', () => {
    const groups = groupIndependentOrigins([
      doc('a', { storyId: 'S1' }),
      doc('b', { storyId: 'S1' }),
      doc('c', { storyId: 'S1' }),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.documentIds).toEqual(['a', 'b', 'c']);
  });
  it('counts documents crediting the same origin once, including the origin itself', () => {
    const groups = groupIndependentOrigins([
      doc('a', { origin: 'Yonhap', outlet: 'Korea Herald' }),
      doc('b', { origin: 'yonhap ', outlet: 'Le Monde' }),
      doc('c', { outlet: 'Yonhap' }),
      doc('d', { outlet: 'NK News' }),
    ]);
    expect(groups.map((g) => g.documentIds)).toEqual([['a', 'b', 'c'], ['d']]);
  });
  it('counts repeated pieces from one outlet once', () => {
    const groups = groupIndependentOrigins([
      doc('a', { outlet: 'TASS' }),
      doc('b', { outlet: 'TASS' }),
      doc('c', { outlet: 'KCNA' }),
    ]);
    expect(groups).toHaveLength(2);
  });
  it('chains: a story copy by an outlet that also wrote another piece joins both', () => {
    const groups = groupIndependentOrigins([
      doc('a', { storyId: 'S', outlet: 'X' }),
      doc('b', { storyId: 'S', outlet: 'Y' }),
      doc('c', { outlet: 'Y' }),
    ]);
    expect(groups).toHaveLength(1);
  });
});

describe('credibility table', () => {
  const cases: [string, [ReturnType<typeof doc>, Modality][], string[], number][] = [
    [
      'three independent assertions',
      [
        [doc('a'), 'ASSERTED'],
        [doc('b'), 'ASSERTED'],
        [doc('c'), 'ASSERTED'],
      ],
      [],
      1,
    ],
    [
      'three copies of one story are one assertion',
      [
        [doc('a', { storyId: 'S' }), 'ASSERTED'],
        [doc('b', { storyId: 'S' }), 'ASSERTED'],
        [doc('c', { storyId: 'S' }), 'ASSERTED'],
      ],
      [],
      3,
    ],
    [
      'two assertions, one graded B',
      [
        [doc('a', { reliability: 'B' }), 'ASSERTED'],
        [doc('b'), 'ASSERTED'],
      ],
      [],
      1,
    ],
    [
      'two assertions, ungraded',
      [
        [doc('a'), 'ASSERTED'],
        [doc('b'), 'ASSERTED'],
      ],
      [],
      2,
    ],
    ['one assertion graded A', [[doc('a', { reliability: 'A' }), 'ASSERTED']], [], 2],
    ['one assertion ungraded', [[doc('a'), 'ASSERTED']], [], 3],
    ['one assertion graded E', [[doc('a', { reliability: 'E' }), 'ASSERTED']], [], 4],
    [
      'planned counts as firm',
      [
        [doc('a'), 'PLANNED'],
        [doc('b'), 'PLANNED'],
      ],
      [],
      2,
    ],
    [
      'two hedged reports',
      [
        [doc('a'), 'HEDGED'],
        [doc('b'), 'HEDGED'],
      ],
      [],
      3,
    ],
    ['one hedged report', [[doc('a'), 'HEDGED']], [], 4],
    ['only hypothetical', [[doc('a'), 'HYPOTHETICAL']], [], 6],
    ['only negated', [[doc('a'), 'NEGATED']], [], 5],
    [
      'one assertion and one independent negation',
      [
        [doc('a'), 'ASSERTED'],
        [doc('b'), 'NEGATED'],
      ],
      [],
      4,
    ],
    [
      'two assertions and a REJECTION in a third origin',
      [
        [doc('a'), 'ASSERTED'],
        [doc('b'), 'ASSERTED'],
        [doc('c'), 'HEDGED'],
      ],
      ['c'],
      3,
    ],
    [
      'one hedged report and two denials',
      [
        [doc('a'), 'HEDGED'],
        [doc('b'), 'NEGATED'],
        [doc('c'), 'NEGATED'],
      ],
      [],
      5,
    ],
  ];
  it.each(cases)('%s', (_name, entries, rejections, expected) => {
    const result = assessCredibility(input(entries, rejections));
    expect(result.credibility).toBe(expected);
  });
  it('explains every factor', () => {
    const result = assessCredibility(
      input([
        [doc('a', { storyId: 'S', reliability: 'B' }), 'ASSERTED'],
        [doc('b', { storyId: 'S' }), 'HEDGED'],
        [doc('c'), 'NEGATED'],
      ]),
    );
    expect(result.counts).toEqual({ firm: 1, hedged: 0, hypothetical: 0, denials: 1 });
    expect(result.independentSources).toBe(1);
    expect(result.bestReliability).toBe('B');
    expect(result.base).toEqual({ value: 2, rule: '1 origin graded A/B asserts it' });
    expect(result.denialPenalty).toBe(1);
    expect(result.credibility).toBe(3);
    expect(result.modality).toBe('ASSERTED');
    expect(result.groups.map((g) => g.documentIds)).toEqual([['a', 'b'], ['c']]);
  });
});
