import { describe, expect, it } from 'vitest';
import {
  busyBackoffMs,
  DEFAULT_BUSY_RETRY,
  isSqliteBusy,
  retryWhenBusy,
  type BusyRetryClock,
} from './sqlite-busy.js';

/** A clock that only moves when the retry sleeps. */
function fakeClock(random = 0.5): BusyRetryClock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms + 1_000; // each attempt also spends SQLite's own wait
    },
    random: () => random,
  };
}

const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

describe('retryWhenBusy', () => {
  it('retries a busy failure until it succeeds, with growing jittered waits', async () => {
    const clock = fakeClock();
    let calls = 0;
    const value = await retryWhenBusy(
      () => {
        calls += 1;
        if (calls < 4) throw busy();
        return 'done';
      },
      DEFAULT_BUSY_RETRY,
      clock,
    );
    expect(value).toBe('done');
    expect(clock.slept).toEqual([10, 20, 40]);
  });

  it('throws other errors at once', async () => {
    let calls = 0;
    await expect(
      retryWhenBusy(() => {
        calls += 1;
        throw new Error('UNIQUE constraint failed');
      }),
    ).rejects.toThrow(/UNIQUE/);
    expect(calls).toBe(1);
  });

  it('gives up after the policy’s time with an error that says why', async () => {
    const clock = fakeClock();
    const attempt = retryWhenBusy(
      () => {
        throw busy();
      },
      { baseMs: 20, maxDelayMs: 1_000, giveUpAfterMs: 10_000 },
      clock,
    );
    await expect(attempt).rejects.toMatchObject({
      code: 'VIGIE_UNAVAILABLE',
      message: expect.stringMatching(/database is locked: another process held the write lock/),
    });
    expect(clock.slept.length).toBeLessThan(12);
  });
});

describe('busyBackoffMs', () => {
  it('stays under a doubling ceiling capped at maxDelayMs', () => {
    const policy = { baseMs: 20, maxDelayMs: 1_000, giveUpAfterMs: 1 };
    expect(busyBackoffMs(0, policy, 0.999)).toBeLessThan(20);
    expect(busyBackoffMs(3, policy, 0.999)).toBeLessThan(160);
    expect(busyBackoffMs(40, policy, 0.999)).toBeLessThan(1_000);
    expect(busyBackoffMs(40, policy, 0)).toBe(0);
  });
});

describe('isSqliteBusy', () => {
  it('knows SQLite’s busy codes and message, and nothing else', () => {
    expect(isSqliteBusy(busy())).toBe(true);
    expect(isSqliteBusy(Object.assign(new Error('x'), { code: 'SQLITE_BUSY_SNAPSHOT' }))).toBe(
      true,
    );
    expect(isSqliteBusy(new Error('SQLITE_CONSTRAINT'))).toBe(false);
    expect(isSqliteBusy(null)).toBe(false);
  });
});
