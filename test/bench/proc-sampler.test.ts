/** The soak benchmark reads memory and CPU from /proc; a misread field would flatten every figure. */
import { describe, expect, it } from 'vitest';
import { readProc } from '../../bench/soak/proc-sampler.js';

describe('readProc', () => {
  it('reads RSS (anonymous + file-backed), CPU time and run-queue wait of a live process', () => {
    const before = readProc(process.pid)!;
    let sum = 0;
    // 150 ms of CPU, however long a busy machine takes to give them.
    const cpu = process.cpuUsage();
    while (process.cpuUsage(cpu).user < 150_000)
      for (let i = 0; i < 1e5; i += 1) sum += Math.sqrt(i);
    const after = readProc(process.pid)!;
    expect(sum).toBeGreaterThan(0);
    expect(before.rssMb).toBeGreaterThan(10);
    expect(before.rssAnonMb + before.rssFileMb).toBeLessThanOrEqual(before.rssMb + 0.01);
    expect(before.rssAnonMb + before.rssFileMb).toBeGreaterThan(before.rssMb * 0.8);
    expect(after.cpuSeconds - before.cpuSeconds).toBeGreaterThan(0.05);
    expect(after.runQueueSeconds).toBeGreaterThanOrEqual(before.runQueueSeconds);
  });

  it('is null for a process that is gone', () => {
    expect(readProc(2 ** 22 + 12345)).toBeNull();
  });
});
