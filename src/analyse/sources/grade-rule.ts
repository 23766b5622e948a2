/**
 * The suggested Admiralty reliability grade of a source from its track record
 * (docs/source-grades.md): the 95 % Wilson lower bound of its confirmation rate over resolved
 * claims, mapped to A–E; too few resolved claims keep the current grade. A suggestion only: the
 * analyst applies it.
 * @module
 */
import type { Reliability } from '../../domain/ontology.js';
import { englishText } from '../../domain/english-messages.js';
import { message, type Message } from '../../domain/messages.js';
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

const GRADES: readonly string[] = ['A', 'B', 'C', 'D', 'E', 'F'];
/** "fairly reliable" for C, as a message (data/labels `grade.words.*`). */
const words = (grade: Reliability): Message => message(`grade.words.${grade}`);

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
  /** The same reasons as messages (src/domain/messages.ts), to word in another language. */
  readonly reasonMessages: Message[];
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

function recordLine(r: RecordCounts, resolved: number): Message {
  const parts = [
    r.confirmedByResolution > 0
      ? message('grade.byResolution', { n: r.confirmedByResolution })
      : null,
    r.confirmedByCorroboration > 0
      ? message('grade.byOrigin', { n: r.confirmedByCorroboration })
      : null,
  ].filter((m): m is Message => m !== null);
  const confirmed = message('grade.confirmed', {
    k: r.confirmed,
    n: resolved,
    how: parts.length > 0 ? message('grade.how', { parts }) : '',
  });
  return r.contradicted > 0
    ? message('grade.contradicted', { record: confirmed, n: r.contradicted })
    : confirmed;
}

/** The suggested grade of a source graded `current` with this record, and why. */
export function suggestGrade(record: RecordCounts, current: string): GradeSuggestion {
  const resolved = record.confirmed + record.contradicted;
  const rate = resolved > 0 ? record.confirmed / resolved : null;
  const reasons: Message[] = [];
  let suggested: Reliability;
  let lowerBound: number | null = null;
  if (resolved < MIN_RESOLVED) {
    suggested = GRADES.includes(current) ? (current as Reliability) : 'F';
    reasons.push(
      message('grade.tooFew', {
        record: resolved === 0 ? message('grade.noResolved') : recordLine(record, resolved),
        min: MIN_RESOLVED,
        grade: suggested,
        words: words(suggested),
      }),
    );
  } else {
    lowerBound = wilsonLowerBound(record.confirmed, resolved);
    suggested = gradeForBound(lowerBound);
    reasons.push(
      message('grade.bound', {
        record: recordLine(record, resolved),
        bound: lowerBound,
        grade: suggested,
        words: words(suggested),
      }),
    );
    if (suggested === 'A' && record.confirmedByResolution < MIN_RESOLUTIONS_FOR_A) {
      suggested = 'B';
      reasons.push(
        message('grade.needsResolutions', {
          min: MIN_RESOLUTIONS_FOR_A,
          n: record.confirmedByResolution,
        }),
      );
    }
  }
  if (record.open > 0) reasons.push(message('grade.open', { n: record.open }));
  if (record.late > 0) reasons.push(message('grade.late', { n: record.late }));
  const median = record.lead.medianDays;
  if (record.lead.compared > 0 && median !== null)
    reasons.push(
      message('grade.lead', {
        first: record.lead.first,
        compared: message('grade.claims', { n: record.lead.compared }),
        median:
          median >= 0
            ? message('grade.medianLead', { n: median })
            : message('grade.medianAfter', { n: -median }),
      }),
    );
  return {
    current,
    suggested,
    change: suggested !== current,
    resolved,
    rate,
    lowerBound,
    reasons: reasons.map(englishText),
    reasonMessages: reasons,
  };
}
