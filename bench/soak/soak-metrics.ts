/**
 * The soak benchmark's figures, computed from what the feed server logged and what the store
 * holds: polling gaps per source, RSS flatness, documents lost and duplicated, and which hostile
 * requests were in flight while a healthy source waited too long. Pure, so it is tested apart.
 * @module
 */

/** Nearest-rank percentile of unsorted values (NaN when empty). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export const median = (values: readonly number[]): number => percentile(values, 0.5);

export interface PollStats {
  readonly polls: number;
  /** Seconds between successive polls, plus the open gap at the end when it is already overdue. */
  readonly gapsSeconds: readonly number[];
  readonly p95GapSeconds: number;
  readonly maxGapSeconds: number;
  /** p95 gap / interval: the target is below 2. */
  readonly p95OverInterval: number;
  /** Seconds from the poller's start to its first poll of the source. */
  readonly firstPollSeconds: number | null;
  /** The gaps longer than the target, as [start, end] epoch ms. */
  readonly lateGaps: readonly (readonly [number, number])[];
}

/**
 * Gaps between the poll times of one source. A source last polled more than one interval before
 * `endMs` was due and not polled: that open gap is a lower bound and counts too. With one poll
 * and no overdue gap there is no sample (p95 NaN): nothing says the source waited.
 */
export function pollStats(
  times: readonly number[],
  intervalSeconds: number,
  startMs: number,
  endMs: number,
  targetRatio = 2,
): PollStats {
  const sorted = [...times].sort((a, b) => a - b);
  const spans: [number, number][] = [];
  for (let i = 1; i < sorted.length; i += 1) spans.push([sorted[i - 1]!, sorted[i]!]);
  const last = sorted[sorted.length - 1];
  if (last !== undefined && endMs - last > intervalSeconds * 1000) spans.push([last, endMs]);
  // Never polled: due since the start, so as late as a gap of the whole run plus an interval.
  if (last === undefined) spans.push([startMs - intervalSeconds * 1000, endMs]);
  const gapsSeconds = spans.map(([a, b]) => (b - a) / 1000);
  const p95 = percentile(gapsSeconds, 0.95);
  return {
    polls: sorted.length,
    gapsSeconds,
    p95GapSeconds: p95,
    maxGapSeconds:
      gapsSeconds.length > 0 ? gapsSeconds.reduce((a, b) => Math.max(a, b)) : Number.NaN,
    p95OverInterval: p95 / intervalSeconds,
    firstPollSeconds: sorted[0] === undefined ? null : (sorted[0] - startMs) / 1000,
    lateGaps: spans.filter(([a, b]) => b - a >= targetRatio * intervalSeconds * 1000),
  };
}

export interface RssSample {
  readonly t: number;
  readonly rssMb: number;
}

export interface RssFlatness {
  readonly firstMedianMb: number;
  readonly lastMedianMb: number;
  /** last / first − 1. */
  readonly change: number;
  readonly peakMb: number;
  readonly windowSeconds: number;
}

/**
 * Median RSS of the first window from `fromMs` (default: the first sample) and of the last
 * window of the run.
 */
export function rssFlatness(
  samples: readonly RssSample[],
  windowMs: number,
  fromMs?: number,
): RssFlatness {
  if (samples.length === 0) throw new Error('no RSS samples');
  const start = fromMs ?? samples[0]!.t;
  const end = samples[samples.length - 1]!.t;
  const first = median(
    samples.filter((s) => s.t >= start && s.t <= start + windowMs).map((s) => s.rssMb),
  );
  const last = median(samples.filter((s) => s.t >= end - windowMs).map((s) => s.rssMb));
  return {
    firstMedianMb: first,
    lastMedianMb: last,
    change: last / first - 1,
    peakMb: samples.reduce((peak, s) => Math.max(peak, s.rssMb), 0),
    windowSeconds: windowMs / 1000,
  };
}

export interface ExpectedFeed {
  readonly id: string;
  /**
   * `shown`: the item was in a feed answer vigie received whole (else it scrolled out unseen).
   * `awaitingPage`: a summary-only item first shown by the last answer before SIGTERM whose page
   * had not answered by then: vigie leaves it (and its feed) for the next start.
   */
  readonly items: readonly {
    readonly url: string;
    readonly publishedMs: number;
    readonly shown: boolean;
    readonly awaitingPage?: boolean;
  }[];
  /** When the last poll whose answer arrived whole before SIGTERM was received; null if none. */
  readonly lastPollMs: number | null;
}

export interface StoredDocument {
  readonly url: string | null;
  readonly sourceId: string | null;
}

export interface Accounting {
  /** Items published before their feed's last complete poll. */
  readonly expected: number;
  readonly stored: number;
  /** `shown`: vigie received the item and did not store it; else it scrolled out of the feed's window before a poll. */
  readonly lost: readonly {
    readonly feed: string;
    readonly url: string;
    readonly shown: boolean;
  }[];
  readonly duplicated: readonly { readonly url: string; readonly copies: number }[];
  /** Items not expected because their page had not answered when SIGTERM came. */
  readonly awaitingPage: number;
}

/**
 * The rule: every item published before its feed's last poll answered whole before SIGTERM must
 * be stored, once (a graceful stop stores what had answered: fetch.stopDrainMs), except an item
 * `awaitingPage` (its page was still in flight: the stop aborts it and the next start reads it).
 */
export function accountDocuments(
  feeds: readonly ExpectedFeed[],
  documents: readonly StoredDocument[],
): Accounting {
  const copies = new Map<string, number>();
  for (const d of documents) if (d.url) copies.set(d.url, (copies.get(d.url) ?? 0) + 1);
  let expected = 0;
  let stored = 0;
  const lost: { feed: string; url: string; shown: boolean }[] = [];
  const duplicated: { url: string; copies: number }[] = [];
  let awaitingPage = 0;
  for (const feed of feeds) {
    for (const item of feed.items) {
      const n = copies.get(item.url) ?? 0;
      if (n > 1) duplicated.push({ url: item.url, copies: n });
      if (feed.lastPollMs === null || item.publishedMs > feed.lastPollMs) continue;
      if (item.awaitingPage === true && n === 0) {
        awaitingPage += 1;
        continue;
      }
      expected += 1;
      if (n === 0) lost.push({ feed: feed.id, url: item.url, shown: item.shown });
      else stored += 1;
    }
  }
  return { expected, stored, lost, duplicated, awaitingPage };
}

export interface Busy {
  readonly label: string;
  readonly t: number;
  readonly ms: number;
}

/**
 * For each late gap, the labels of the slow requests (held ≥ `minMs`) in flight during it:
 * which hostile feeds were holding vigie's workers while a healthy source waited.
 */
export function lateGapCauses(
  lateGaps: readonly (readonly [number, number])[],
  busy: readonly Busy[],
  minMs = 5000,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [a, b] of lateGaps) {
    const labels = new Set<string>();
    for (const r of busy) if (r.ms >= minMs && r.t < b && r.t + r.ms > a) labels.add(r.label);
    for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return counts;
}
