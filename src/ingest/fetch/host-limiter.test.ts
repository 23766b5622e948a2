import { describe, expect, it } from 'vitest';
import { HostLimiter } from './host-limiter.js';

describe('HostLimiter', () => {
  it('keeps at most `concurrency` tasks in flight per host, hosts independent', async () => {
    const limiter = new HostLimiter({ concurrency: 2, minDelayMs: 0 });
    const active = new Map<string, number>();
    const peak = new Map<string, number>();
    const task = (host: string) =>
      limiter.run(host, async () => {
        active.set(host, (active.get(host) ?? 0) + 1);
        peak.set(host, Math.max(peak.get(host) ?? 0, active.get(host)!));
        await new Promise((resolve) => setImmediate(resolve));
        active.set(host, active.get(host)! - 1);
        return host;
      });
    const results = await Promise.all(
      [...Array(6).fill('a.example'), ...Array(3).fill('b.example')].map(task),
    );
    expect(results.filter((h) => h === 'a.example')).toHaveLength(6);
    expect(peak.get('a.example')).toBe(2);
    expect(peak.get('b.example')).toBe(2);
  });

  it('releases the slot when a task fails', async () => {
    const limiter = new HostLimiter({ concurrency: 1, minDelayMs: 0 });
    await expect(limiter.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run('a', async () => 'next')).resolves.toBe('next');
  });

  it('lets a waiter whose signal aborts leave the queue; the slot goes to the next in line', async () => {
    const limiter = new HostLimiter({ concurrency: 1, minDelayMs: 0 });
    let release!: () => void;
    const first = limiter.run('a', () => new Promise<string>((r) => (release = () => r('first'))));
    const giveUp = new AbortController();
    const abandoned = limiter.run('a', async () => 'never', giveUp.signal);
    const third = limiter.run('a', async () => 'third');
    giveUp.abort(new Error('budget spent'));
    await expect(abandoned).rejects.toThrow('budget spent');
    release();
    expect(await first).toBe('first');
    expect(await third).toBe('third');
    await expect(limiter.run('a', async () => 'x', giveUp.signal)).rejects.toThrow('budget spent');
  });

  it('gives the slot back when the signal aborts during the politeness delay', async () => {
    const limiter = new HostLimiter({ concurrency: 1, minDelayMs: 100 });
    expect(await limiter.run('a', async () => 'first')).toBe('first');
    const giveUp = new AbortController();
    const delayed = limiter.run('a', async () => 'never', giveUp.signal);
    setTimeout(() => giveUp.abort(new Error('budget spent')), 10);
    await expect(delayed).rejects.toThrow('budget spent');
    // Had the slot been kept, this would wait for ever.
    expect(await limiter.run('a', async () => 'next')).toBe('next');
  }, 2000);
});
