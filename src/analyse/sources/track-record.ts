/**
 * A source's track record (docs/source-grades.md): each event the source reported itself, set
 * against how the question it bears on resolved and against the other independent origins that
 * reported it. Pure: the rows come from `store/api-queries/track-record-queries.ts`.
 * @module
 */

/** One independent origin of the event other than the source's own reporting. */
export interface OtherOrigin {
  /** First publication of the origin's reports (ISO), null when unknown. */
  readonly firstPublished: string | null;
  /** It asserts (or announces) the event, rather than hedging it. */
  readonly firm: boolean;
}

/** How a hypothesis the event supports (an indicator with a likelihood ratio above 1) resolved. */
export interface ClaimResolution {
  /** `board/hypothesis` */
  readonly hypothesisId: string;
  readonly outcome: boolean;
  /** YYYY-MM-DD */
  readonly date: string;
}

/** An event the source reported itself (not a copy of, nor a credit to, another origin). */
export interface ClaimInput {
  readonly eventId: string;
  readonly eventType: string;
  /** The source's first own report of the event (ISO timestamp). */
  readonly firstReported: string;
  readonly otherOrigins: readonly OtherOrigin[];
  readonly resolutions: readonly ClaimResolution[];
}

export type ClaimStatus = 'confirmed' | 'contradicted' | 'open' | 'late';

export interface ClaimOutcome {
  readonly eventId: string;
  readonly eventType: string;
  readonly firstReported: string;
  readonly status: ClaimStatus;
  /** `resolution` (a hypothesis it supports resolved), `corroboration` (another firm origin), or null. */
  readonly by: 'resolution' | 'corroboration' | null;
  /** The hypothesis whose resolution settled it, when one did. */
  readonly hypothesisId: string | null;
  /** Days the source reported it before the first other origin (negative: after); null alone. */
  readonly leadDays: number | null;
}

export interface TrackRecord {
  /** Claims counted (late ones excluded). */
  readonly claims: number;
  readonly confirmed: number;
  readonly confirmedByResolution: number;
  readonly confirmedByCorroboration: number;
  readonly contradicted: number;
  readonly open: number;
  /** Reported only after every resolution that bears on it: not a test of the source. */
  readonly late: number;
  /** Claims another origin also reported, how many the source reported first, the median lead. */
  readonly lead: {
    readonly compared: number;
    readonly first: number;
    readonly medianDays: number | null;
  };
  readonly outcomes: readonly ClaimOutcome[];
}

const DAY_MS = 86_400_000;

/** Days from `a` to `b`, to a tenth. */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / (DAY_MS / 10)) / 10;
}

/** Where one claim stands: a resolution first, then corroboration, else open. */
export function assessClaim(claim: ClaimInput): ClaimOutcome {
  const reportedDay = claim.firstReported.slice(0, 10);
  // Only questions still open when the source spoke test it; repeating a settled fact does not.
  const testing = claim.resolutions.filter((r) => r.date >= reportedDay);
  const others = claim.otherOrigins
    .map((o) => o.firstPublished)
    .filter((d): d is string => d !== null && !Number.isNaN(Date.parse(d)))
    .sort();
  const leadDays = others.length > 0 ? daysBetween(claim.firstReported, others[0]!) : null;
  const base = {
    eventId: claim.eventId,
    eventType: claim.eventType,
    firstReported: claim.firstReported,
    leadDays,
  };
  // An event that supports a question resolved true happened, whatever another question says.
  const confirming = testing.find((r) => r.outcome);
  if (confirming)
    return {
      ...base,
      status: 'confirmed',
      by: 'resolution',
      hypothesisId: confirming.hypothesisId,
    };
  if (testing.length > 0)
    return {
      ...base,
      status: 'contradicted',
      by: 'resolution',
      hypothesisId: testing[0]!.hypothesisId,
    };
  if (claim.resolutions.length > 0)
    return { ...base, status: 'late', by: null, hypothesisId: null };
  if (claim.otherOrigins.some((o) => o.firm))
    return { ...base, status: 'confirmed', by: 'corroboration', hypothesisId: null };
  return { ...base, status: 'open', by: null, hypothesisId: null };
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const value = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}

/** The record of one source from its claims. */
export function buildTrackRecord(claims: readonly ClaimInput[]): TrackRecord {
  const outcomes = claims.map(assessClaim);
  const count = (f: (o: ClaimOutcome) => boolean) => outcomes.filter(f).length;
  const counted = outcomes.filter((o) => o.status !== 'late');
  const leads = counted.map((o) => o.leadDays).filter((d): d is number => d !== null);
  return {
    claims: counted.length,
    confirmed: count((o) => o.status === 'confirmed'),
    confirmedByResolution: count((o) => o.status === 'confirmed' && o.by === 'resolution'),
    confirmedByCorroboration: count((o) => o.status === 'confirmed' && o.by === 'corroboration'),
    contradicted: count((o) => o.status === 'contradicted'),
    open: count((o) => o.status === 'open'),
    late: count((o) => o.status === 'late'),
    lead: {
      compared: leads.length,
      first: leads.filter((d) => d > 0).length,
      medianDays: median(leads),
    },
    outcomes,
  };
}
