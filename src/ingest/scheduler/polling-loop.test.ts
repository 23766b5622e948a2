import { describe, expect, it } from 'vitest';
import type { SourceRow } from '../../store/schema.js';
import { runPollingLoop } from './polling-loop.js';

/** In-memory sources: when each is due, how often it is polled, how long a poll takes. */
function fakeSources(specs: Record<string, { intervalMs: number; pollMs: number }>) {
  const dueAt = new Map(Object.keys(specs).map((id) => [id, Date.now()]));
  const starts = new Map<string, number[]>(Object.keys(specs).map((id) => [id, []]));
  let active = 0;
  let peak = 0;
  const dueBy = async (until: Date): Promise<SourceRow[]> =>
    [...dueAt]
      .filter(([, at]) => at <= until.getTime())
      .sort((a, b) => a[1] - b[1])
      .map(([id, at]) => ({ id, next_fetch_at: new Date(at).toISOString() }) as SourceRow);
  const poll = async (source: SourceRow): Promise<void> => {
    const started = Date.now();
    starts.get(source.id)!.push(started);
    peak = Math.max(peak, ++active);
    await new Promise((resolve) => setTimeout(resolve, specs[source.id]!.pollMs));
    active -= 1;
    dueAt.set(source.id, started + specs[source.id]!.intervalMs);
  };
  return { dueBy, poll, starts, peak: () => peak };
}

const run = async (
  sources: ReturnType<typeof fakeSources>,
  concurrency: number,
  forMs: number,
): Promise<{ reports: number; stoppedAfterMs: number }> => {
  const stop = new AbortController();
  let reports = 0;
  const loop = runPollingLoop(
    {
      dueBy: sources.dueBy,
      poll: sources.poll,
      concurrency,
      idleMs: 200,
      now: () => new Date(),
      report: async () => void (reports += 1),
    },
    stop.signal,
  );
  await new Promise((resolve) => setTimeout(resolve, forMs));
  const stoppedAt = Date.now();
  stop.abort();
  await loop;
  return { reports, stoppedAfterMs: Date.now() - stoppedAt };
};

describe('runPollingLoop', () => {
  it('polls a fast source on its schedule while a slow one is in flight', async () => {
    const sources = fakeSources({
      slow: { intervalMs: 10_000, pollMs: 900 },
      fast: { intervalMs: 100, pollMs: 5 },
    });
    await run(sources, 2, 700);
    expect(sources.starts.get('slow')).toHaveLength(1);
    // About every 100 ms for 700 ms, all while the slow poll ran (a cycle loop would poll it once).
    expect(sources.starts.get('fast')!.length).toBeGreaterThanOrEqual(4);
  });

  it('keeps at most `concurrency` polls in flight, waits for them when stopped, starts none after', async () => {
    const sources = fakeSources({
      a: { intervalMs: 50, pollMs: 120 },
      b: { intervalMs: 50, pollMs: 120 },
      c: { intervalMs: 50, pollMs: 120 },
    });
    const { stoppedAfterMs } = await run(sources, 2, 300);
    expect(sources.peak()).toBe(2);
    // All three got turns: the one waiting for a slot starts when one ends.
    for (const id of ['a', 'b', 'c']) expect(sources.starts.get(id)!.length).toBeGreaterThan(0);
    // The polls in flight finished (up to 120 ms), and nothing started after the stop.
    expect(stoppedAfterMs).toBeLessThan(1000);
    const last = Math.max(...[...sources.starts.values()].flat());
    expect(last).toBeLessThanOrEqual(Date.now() - stoppedAfterMs);
  });
});
