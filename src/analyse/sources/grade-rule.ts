/**
 * The suggested Admiralty reliability grade of a source from its track record
 * (docs/source-grades.md): the 95 % Wilson lower bound of its confirmation rate over resolved
 * claims, mapped to A–E; too few resolved claims keep the current grade. A suggestion only: the
 * analyst applies it.
 * @module
 */
import type { Reliability } from '../../domain/ontology.js';
import type { TrackRecord } from './track-record.js';

/** Resolved claims (confirmed + contradicted) needed before a grade other than the current one. */
export const MIN_RESOLVED = 5;
/**
 * Claims confirmed by a resolution needed for A: "completely reliable" rests on outcomes, not on
 * other outlets agreeing; corroboration alone stops at B.
 */
export const MIN_RESOLUTIONS_FOR_A = 3;
/** z for a two-sided 95 % interval. */
const Z = 1.96;

/** Lowest lower bound that earns each grade, best first; below the last one: E. */
export const GRADE_FLOORS: readonly { readonly grade: Reliability; readonly floor: number }[] = [
  { grade: 'A', floor: 0.85 },
  { grade: 'B', floor: 0.6 },
  { grade: 'C', floor: 0.4 },
  { grade: 'D', floor: 0.15 },
];

/** What the rule reads of a record: its counts, not the claims. */
export type RecordCounts = Omit<TrackRecord, 'outcomes'>;

const WORDS: Readonly<Record<Reliability, string>> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};

export interface GradeSuggestion {
  readonly current: string;
  readonly suggested: Reliability;
  /** The suggestion differs from the current grade. */
  readonly change: boolean;
  readonly resolved: number;
  /** Confirmed share of resolved claims; null when none resolved. */
  readonly rate: number | null;
  /** 95 % Wilson lower bound of the rate; null below MIN_RESOLVED. */
  readonly lowerBound: number | null;
  /** The rule in words, one line per reason. */
  readonly reasons: readonly string[];
}

/** Lower bound of the 95 % Wilson score interval of `k` successes in `n` trials. */
export function wilsonLowerBound(k: number, n: number): number {
  if (n <= 0) return 0;
  const p = k / n;
  const z2 = Z * Z;
  const centre = p + z2 / (2 * n);
  const margin = Z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n);
  return Math.max(0, (centre - margin) / (1 + z2 / n));
}

export function gradeForBound(bound: number): Reliability {
  return GRADE_FLOORS.find((g) => bound >= g.floor)?.grade ?? 'E';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const fixed2 = (x: number) => x.toFixed(2);

function recordLine(r: RecordCounts, resolved: number): string {
  const how = [
    r.confirmedByResolution > 0 ? `${r.confirmedByResolution} by a resolution` : '',
    r.confirmedByCorroboration > 0 ? `${r.confirmedByCorroboration} by an independent origin` : '',
  ].filter((s) => s !== '');
  const confirmed = `${r.confirmed} of ${plural(resolved, 'resolved claim')} confirmed${how.length ? ` (${how.join(', ')})` : ''}`;
  return r.contradicted > 0
    ? `${confirmed}; ${r.contradicted} contradicted by a resolution`
    : confirmed;
}

/** The suggested grade of a source graded `current` with this record, and why. */
export function suggestGrade(record: RecordCounts, current: string): GradeSuggestion {
  const resolved = record.confirmed + record.contradicted;
  const rate = resolved > 0 ? record.confirmed / resolved : null;
  const reasons: string[] = [];
  let suggested: Reliability;
  let lowerBound: number | null = null;
  if (resolved < MIN_RESOLVED) {
    suggested = (WORDS as Record<string, string>)[current] ? (current as Reliability) : 'F';
    reasons.push(
      `${resolved === 0 ? 'no resolved claim' : recordLine(record, resolved)}: at least ${MIN_RESOLVED} are needed to suggest a grade, so ${suggested} (${WORDS[suggested]}) stands`,
    );
  } else {
    lowerBound = wilsonLowerBound(record.confirmed, resolved);
    suggested = gradeForBound(lowerBound);
    reasons.push(
      `${recordLine(record, resolved)}; lower bound ${fixed2(lowerBound)} → ${suggested} (${WORDS[suggested]})`,
    );
    if (suggested === 'A' && record.confirmedByResolution < MIN_RESOLUTIONS_FOR_A) {
      suggested = 'B';
      reasons.push(
        `A needs at least ${MIN_RESOLUTIONS_FOR_A} claims confirmed by a resolution (${record.confirmedByResolution} here): B`,
      );
    }
  }
  if (record.open > 0) reasons.push(`${plural(record.open, 'claim')} still open`);
  if (record.late > 0)
    reasons.push(`${plural(record.late, 'claim')} reported after the resolution, not counted`);
  const median = record.lead.medianDays;
  if (record.lead.compared > 0 && median !== null)
    reasons.push(
      `first on ${record.lead.first} of ${plural(record.lead.compared, 'claim')} other origins also reported; ${
        median >= 0
          ? `median lead ${median} day${median === 1 ? '' : 's'}`
          : `median ${-median} day${median === -1 ? '' : 's'} after the first other origin`
      }`,
    );
  return {
    current,
    suggested,
    change: suggested !== current,
    resolved,
    rate,
    lowerBound,
    reasons,
  };
}
