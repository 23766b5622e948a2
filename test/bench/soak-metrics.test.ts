/** The soak benchmark's arithmetic: a wrong gap or a missed loss would pass a failing vigie. */
import { describe, expect, it } from 'vitest';
import {
  accountDocuments,
  lateGapCauses,
  percentile,
  pollStats,
  rssFlatness,
} from '../../bench/soak/soak-metrics.js';

const S = 1000;

describe('percentile', () => {
  it('is the nearest rank', () => {
    const values = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(percentile(values, 0.5)).toBe(5);
    expect(percentile(values, 0.95)).toBe(10);
    expect(percentile(values, 0.9)).toBe(9);
    expect(percentile([3], 0.95)).toBe(3);
    expect(percentile([], 0.5)).toBeNaN();
  });
});

describe('pollStats', () => {
  it('measures gaps between polls against the interval', () => {
    const times = [0, 60, 121, 300, 360].map((t) => t * S);
    const s = pollStats(times, 60, 0, 400 * S);
    expect(s.gapsSeconds).toEqual([60, 61, 179, 60]);
    expect(s.p95GapSeconds).toBe(179);
    expect(s.p95OverInterval).toBeCloseTo(179 / 60);
    expect(s.lateGaps).toEqual([[121 * S, 300 * S]]);
    expect(s.firstPollSeconds).toBe(0);
  });

  it('counts an overdue open gap at the end, not one still within the interval', () => {
    expect(pollStats([0, 60 * S], 60, 0, 100 * S).gapsSeconds).toEqual([60]);
    const overdue = pollStats([0, 60 * S], 60, 0, 250 * S);
    expect(overdue.gapsSeconds).toEqual([60, 190]);
    expect(overdue.p95OverInterval).toBeGreaterThan(2);
  });

  it('has no sample for a single poll within its interval, and a late one for a source never polled', () => {
    const once = pollStats([10 * S], 120, 0, 60 * S);
    expect(once.gapsSeconds).toEqual([]);
    expect(once.p95GapSeconds).toBeNaN();
    const never = pollStats([], 60, 0, 200 * S);
    expect(never.polls).toBe(0);
    expect(never.gapsSeconds).toEqual([260]);
    expect(never.firstPollSeconds).toBeNull();
  });
});

describe('rssFlatness', () => {
  const samples = Array.from({ length: 61 }, (_, i) => ({ t: i * 10 * S, rssMb: 100 + i }));

  it('compares the median of the first and the last window', () => {
    const r = rssFlatness(samples, 60 * S);
    expect(r.firstMedianMb).toBe(103);
    expect(r.lastMedianMb).toBe(157);
    expect(r.change).toBeCloseTo(157 / 103 - 1);
    expect(r.peakMb).toBe(160);
  });

  it('starts the first window where told (after the catch-up)', () => {
    expect(rssFlatness(samples, 60 * S, 300 * S).firstMedianMb).toBe(133);
  });
});

describe('accountDocuments', () => {
  const feed = (lastPollMs: number | null) => ({
    id: 'f1',
    lastPollMs,
    items: [
      { url: 'http://h/a/1', publishedMs: 10, shown: true },
      { url: 'http://h/a/2', publishedMs: 20, shown: false },
      { url: 'http://h/a/3', publishedMs: 30, shown: true },
    ],
  });
  const doc = (url: string) => ({ url, sourceId: 'f1' });

  it('expects the items published before the last complete poll, once each', () => {
    const ok = accountDocuments([feed(25)], [doc('http://h/a/1'), doc('http://h/a/2')]);
    expect(ok).toMatchObject({ expected: 2, stored: 2, lost: [], duplicated: [] });
  });

  it('reports a missing item as lost and a second copy as duplicated', () => {
    const r = accountDocuments(
      [feed(35)],
      [doc('http://h/a/1'), doc('http://h/a/3'), doc('http://h/a/3'), doc('http://other/x')],
    );
    expect(r.expected).toBe(3);
    expect(r.lost).toEqual([{ feed: 'f1', url: 'http://h/a/2', shown: false }]);
    expect(r.duplicated).toEqual([{ url: 'http://h/a/3', copies: 2 }]);
  });

  it('does not expect an item whose page had not answered at the stop, unless it was stored', () => {
    const waiting = {
      ...feed(35),
      items: feed(35).items.map((i) => (i.publishedMs === 30 ? { ...i, awaitingPage: true } : i)),
    };
    const r = accountDocuments([waiting], [doc('http://h/a/1'), doc('http://h/a/2')]);
    expect(r).toMatchObject({ expected: 2, stored: 2, lost: [], awaitingPage: 1 });
    const stored = accountDocuments(
      [waiting],
      ['1', '2', '3'].map((n) => doc(`http://h/a/${n}`)),
    );
    expect(stored).toMatchObject({ expected: 3, stored: 3, awaitingPage: 0 });
  });

  it('expects nothing from a feed never read whole, but still sees its duplicates', () => {
    const r = accountDocuments([feed(null)], [doc('http://h/a/1'), doc('http://h/a/1')]);
    expect(r.expected).toBe(0);
    expect(r.duplicated).toHaveLength(1);
  });
});

describe('lateGapCauses', () => {
  it('counts, per late gap, the slow requests in flight during it', () => {
    const busy = [
      { label: 'tarpit', t: 100 * S, ms: 20 * S },
      { label: 'tarpit', t: 130 * S, ms: 20 * S },
      { label: 'quick', t: 110 * S, ms: 100 },
      { label: 'pages', t: 500 * S, ms: 20 * S },
    ];
    const causes = lateGapCauses(
      [
        [90 * S, 200 * S],
        [105 * S, 140 * S],
      ],
      busy,
    );
    expect(Object.fromEntries(causes)).toEqual({ tarpit: 2 });
  });
});
