import { describe, expect, it } from 'vitest';
import { queueAnalysis } from './analysis-queue.js';

/** A run that records its ids and finishes when `release()` is called. */
function heldRuns() {
  const runs: string[][] = [];
  const releases: (() => void)[] = [];
  let active = 0;
  let overlapped = false;
  const run = (ids: readonly string[]) =>
    new Promise<void>((resolve) => {
      active += 1;
      if (active > 1) overlapped = true;
      runs.push([...ids]);
      releases.push(() => {
        active -= 1;
        resolve();
      });
    });
  const release = async () => {
    releases.shift()!();
    await new Promise((r) => setImmediate(r));
  };
  return { runs, run, release, overlapped: () => overlapped };
}

describe('queueAnalysis', () => {
  it('never overlaps runs, and merges the batches that wait into the next run', async () => {
    const held = heldRuns();
    const analyse = queueAnalysis(held.run);
    const done: string[] = [];
    const a = analyse(['a1', 'a2']).then(() => done.push('a'));
    const b = analyse(['b1']).then(() => done.push('b'));
    const c = analyse(['c1', 'c2']).then(() => done.push('c'));
    await new Promise((r) => setImmediate(r));
    expect(held.runs).toEqual([['a1', 'a2']]);
    await held.release();
    // b and c waited while a ran: one run for both, and neither settles before it ends.
    expect(done).toEqual(['a']);
    expect(held.runs).toEqual([
      ['a1', 'a2'],
      ['b1', 'c1', 'c2'],
    ]);
    await held.release();
    await Promise.all([a, b, c]);
    expect(done).toEqual(['a', 'b', 'c']);
    expect(held.overlapped()).toBe(false);
  });

  it('bounds a run to maxPerRun documents, a batch larger than that alone', async () => {
    const held = heldRuns();
    const analyse = queueAnalysis(held.run, 3);
    const first = analyse(['x']);
    const rest = [analyse(['a1', 'a2']), analyse(['b1', 'b2']), analyse(['c1', 'c2', 'c3', 'c4'])];
    await new Promise((r) => setImmediate(r));
    for (let i = 0; i < 4; i += 1) await held.release();
    await Promise.all([first, ...rest]);
    expect(held.runs).toEqual([['x'], ['a1', 'a2'], ['b1', 'b2'], ['c1', 'c2', 'c3', 'c4']]);
  });

  it('a failed run rejects its own callers only; the next run goes on', async () => {
    let calls = 0;
    const analyse = queueAnalysis(async (ids) => {
      calls += 1;
      if (ids.includes('bad')) throw new Error('store unavailable');
    });
    const bad = analyse(['bad']);
    const good = analyse(['good']);
    await expect(bad).rejects.toThrow('store unavailable');
    await expect(good).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});
