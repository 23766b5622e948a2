/**
 * Trend series, cooperation–conflict scores and spike detection over `trend_counts`
 * (docs/trends.md).
 * @module
 */
import type { EventType } from '../../domain/ontology.js';
import type { SpikeSignal } from '../../domain/signals.js';
import type { Store } from '../../store/open-store.js';
import { dayNumber, dayString } from '../dates.js';
import type { Db } from '../events/event-rows.js';
import { COOPERATION_WEIGHTS } from './cooperation-weights.js';
import { poissonTail } from './poisson.js';

export interface TrendQuery {
  /** YYYY-MM-DD, inclusive. */
  readonly since: string;
  readonly until: string;
  /** Restrict to one unordered pair. */
  readonly pair?: readonly [string, string];
}

export interface PairTrend {
  readonly pair: readonly [string, string];
  /** Per event type: counts aligned with `days`. */
  readonly counts: Readonly<Record<string, number[]>>;
  readonly totals: readonly number[];
  /** Mean cooperation–conflict weight of the day's events (−10..+10), null on empty days. */
  readonly scores: readonly (number | null)[];
  readonly score: number | null;
}

export interface Trends {
  readonly days: readonly string[];
  readonly pairs: readonly PairTrend[];
}

export async function computeTrends(store: Store, query: TrendQuery): Promise<Trends> {
  const rows = await countsBetween(store.db, query.since, query.until, query.pair);
  const start = dayNumber(query.since)!;
  const end = dayNumber(query.until)!;
  const days = Array.from({ length: Math.max(0, end - start + 1) }, (_, i) => dayString(start + i));
  const byPair = new Map<string, { pair: [string, string]; counts: Record<string, number[]> }>();
  for (const r of rows) {
    const key = `${r.actor_a}|${r.actor_b}`;
    const entry = byPair.get(key) ?? { pair: [r.actor_a, r.actor_b], counts: {} };
    const series = (entry.counts[r.type] ??= days.map(() => 0));
    series[dayNumber(r.day)! - start] = r.count;
    byPair.set(key, entry);
  }
  const pairs = [...byPair.values()]
    .sort((a, b) => (a.pair.join() < b.pair.join() ? -1 : 1))
    .map((p) => {
      const totals = days.map((_, i) => Object.values(p.counts).reduce((s, c) => s + c[i]!, 0));
      const weighted = days.map((_, i) =>
        Object.entries(p.counts).reduce(
          (s, [type, c]) => s + c[i]! * COOPERATION_WEIGHTS[type as EventType],
          0,
        ),
      );
      const total = totals.reduce((a, b) => a + b, 0);
      return {
        pair: p.pair,
        counts: p.counts,
        totals,
        scores: totals.map((t, i) => (t === 0 ? null : weighted[i]! / t)),
        score: total === 0 ? null : weighted.reduce((a, b) => a + b, 0) / total,
      };
    });
  return { days, pairs };
}

export interface SpikeOptions {
  /** Days to test (YYYY-MM-DD). */
  readonly days: readonly string[];
  /** Rolling baseline length in days before the tested day. */
  readonly baselineDays?: number;
  /** Spike when P(X ≥ count | baseline) is below this. */
  readonly pValue?: number;
  /** And the count is at least this. */
  readonly minCount?: number;
  readonly pair?: readonly [string, string];
}

/** Expected rate floor: one event per ~two baseline windows, so a first-ever pair is not a spike by default. */
const LAMBDA_FLOOR = 0.05;

export async function detectSpikes(store: Store, options: SpikeOptions): Promise<SpikeSignal[]> {
  return detectSpikesIn(store.db, options);
}

export async function detectSpikesIn(db: Db, options: SpikeOptions): Promise<SpikeSignal[]> {
  if (options.days.length === 0) return [];
  const baseline = options.baselineDays ?? 28;
  const pValue = options.pValue ?? 0.01;
  const minCount = options.minCount ?? 3;
  const tested = [...new Set(options.days)].sort();
  const first = dayString(dayNumber(tested[0]!)! - baseline);
  const rows = await countsBetween(db, first, tested[tested.length - 1]!, options.pair);
  // Series keyed by pair|type, plus pair|* for all types together.
  const series = new Map<string, Map<number, number>>();
  const add = (key: string, day: number, n: number) => {
    const s = series.get(key) ?? new Map<number, number>();
    s.set(day, (s.get(day) ?? 0) + n);
    series.set(key, s);
  };
  for (const r of rows) {
    const d = dayNumber(r.day)!;
    add(`${r.actor_a}|${r.actor_b}|${r.type}`, d, r.count);
    add(`${r.actor_a}|${r.actor_b}|*`, d, r.count);
  }
  const spikes: SpikeSignal[] = [];
  for (const [key, s] of [...series.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [a, b, type] = key.split('|') as [string, string, string];
    for (const day of tested) {
      const d = dayNumber(day)!;
      const count = s.get(d) ?? 0;
      if (count < minCount) continue;
      let sum = 0;
      for (let i = d - baseline; i < d; i++) sum += s.get(i) ?? 0;
      const expected = sum / baseline;
      const p = poissonTail(count, Math.max(expected, LAMBDA_FLOOR));
      if (p < pValue) {
        spikes.push({
          pair: [a, b],
          type: type === '*' ? null : (type as EventType),
          day,
          count,
          expected,
          pValue: p,
        });
      }
    }
  }
  return spikes;
}

async function countsBetween(
  db: Db,
  since: string,
  until: string,
  pair?: readonly [string, string],
) {
  let q = db
    .selectFrom('trend_counts')
    .select(['actor_a', 'actor_b', 'type', 'day', 'count'])
    .where('day', '>=', since)
    .where('day', '<=', until);
  if (pair) {
    const [a, b] = pair[0] <= pair[1] ? pair : [pair[1], pair[0]];
    q = q.where('actor_a', '=', a).where('actor_b', '=', b);
  }
  return q.execute();
}
