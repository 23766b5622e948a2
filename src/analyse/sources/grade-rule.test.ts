import { describe, expect, it } from 'vitest';
import { MIN_RESOLVED, gradeForBound, suggestGrade, wilsonLowerBound } from './grade-rule.js';
import type { TrackRecord } from './track-record.js';

const record = (over: Partial<TrackRecord> = {}): TrackRecord => ({
  claims: 0,
  confirmed: 0,
  confirmedByResolution: 0,
  confirmedByCorroboration: 0,
  contradicted: 0,
  open: 0,
  late: 0,
  lead: { compared: 0, first: 0, medianDays: null },
  outcomes: [],
  ...over,
});

describe('wilsonLowerBound', () => {
  it('matches the textbook values', () => {
    // 12 of 14: p = 0.857, Wilson 95 % interval (0.601, 0.960).
    expect(wilsonLowerBound(12, 14)).toBeCloseTo(0.601, 3);
    // 5 of 5: (0.566, 1).
    expect(wilsonLowerBound(5, 5)).toBeCloseTo(0.566, 3);
    expect(wilsonLowerBound(0, 10)).toBe(0);
    expect(wilsonLowerBound(0, 0)).toBe(0);
  });

  it('grows with the sample at the same rate', () => {
    expect(wilsonLowerBound(40, 40)).toBeGreaterThan(wilsonLowerBound(10, 10));
  });
});

describe('gradeForBound', () => {
  it('maps the floors', () => {
    expect(gradeForBound(0.9)).toBe('A');
    expect(gradeForBound(0.85)).toBe('A');
    expect(gradeForBound(0.84)).toBe('B');
    expect(gradeForBound(0.6)).toBe('B');
    expect(gradeForBound(0.45)).toBe('C');
    expect(gradeForBound(0.2)).toBe('D');
    expect(gradeForBound(0.1)).toBe('E');
  });
});

describe('suggestGrade', () => {
  it('grades 12 of 14 confirmed B and says why', () => {
    const s = suggestGrade(
      record({
        claims: 17,
        confirmed: 12,
        confirmedByResolution: 9,
        confirmedByCorroboration: 3,
        contradicted: 2,
        open: 3,
        lead: { compared: 10, first: 4, medianDays: 0.5 },
      }),
      'F',
    );
    expect(s).toMatchObject({ suggested: 'B', change: true, resolved: 14 });
    expect(s.lowerBound).toBeCloseTo(0.601, 3);
    expect(s.reasons).toEqual([
      '12 of 14 resolved claims confirmed (9 by a resolution, 3 by an independent origin); 2 contradicted by a resolution; lower bound 0.60 → B (usually reliable)',
      '3 claims still open',
      'first on 4 of 10 claims other origins also reported; median lead 0.5 days',
    ]);
  });

  it('keeps the current grade below the minimum sample', () => {
    const few = record({ confirmed: MIN_RESOLVED - 1, confirmedByResolution: MIN_RESOLVED - 1 });
    expect(suggestGrade(few, 'B')).toMatchObject({
      suggested: 'B',
      change: false,
      lowerBound: null,
    });
    expect(suggestGrade(record(), 'F').reasons[0]).toBe(
      'no resolved claim: at least 5 are needed to suggest a grade, so F (reliability cannot be judged) stands',
    );
  });

  it('moves at the minimum sample', () => {
    const enough = record({ confirmed: MIN_RESOLVED, confirmedByResolution: MIN_RESOLVED });
    expect(suggestGrade(enough, 'F')).toMatchObject({ suggested: 'C', change: true });
  });

  it('gives A only to a record that outcomes confirmed, not corroboration alone', () => {
    const agreed = record({
      confirmed: 30,
      confirmedByCorroboration: 28,
      confirmedByResolution: 2,
    });
    const s = suggestGrade(agreed, 'F');
    expect(s.lowerBound).toBeGreaterThan(0.85);
    expect(s.suggested).toBe('B');
    expect(s.reasons[1]).toBe('A needs at least 3 claims confirmed by a resolution (2 here): B');
    const settled = record({
      confirmed: 30,
      confirmedByCorroboration: 27,
      confirmedByResolution: 3,
    });
    expect(suggestGrade(settled, 'F').suggested).toBe('A');
  });

  it('suggests E for a source mostly contradicted', () => {
    const bad = record({ confirmed: 1, confirmedByResolution: 1, contradicted: 9 });
    expect(suggestGrade(bad, 'B').suggested).toBe('E');
  });

  it('says when the source came after the others', () => {
    const late = record({ lead: { compared: 3, first: 0, medianDays: -1 } });
    expect(suggestGrade(late, 'C').reasons).toContain(
      'first on 0 of 3 claims other origins also reported; median 1 day after the first other origin',
    );
  });

  it('counts late claims out, in words', () => {
    expect(suggestGrade(record({ late: 1 }), 'C').reasons).toContain(
      '1 claim reported after the resolution, not counted',
    );
  });
});
