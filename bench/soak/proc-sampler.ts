/**
 * Samples a process's resident memory and CPU time from /proc (Linux), every few seconds, from
 * outside the process: what the operator's `top` would show, without instrumenting it.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ProcSample {
  /** Epoch ms. */
  readonly t: number;
  readonly rssMb: number;
  /** The anonymous part of RSS (heap, buffers): what a leak grows. */
  readonly rssAnonMb: number;
  /** The file-backed part (code, and SQLite's memory map of the growing database). */
  readonly rssFileMb: number;
  /** User + system CPU seconds used so far. */
  readonly cpuSeconds: number;
  /**
   * Seconds the main thread (the event loop) has waited, runnable, for a CPU (schedstat): how
   * much other processes on the machine starved it. NaN without schedstat.
   */
  readonly runQueueSeconds: number;
}

const CLOCK_TICKS = ((): number => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** One reading, or null when the process is gone. */
export function readProc(pid: number): ProcSample | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const kb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    const rssKb = kb('VmRSS');
    // Fields after the parenthesised name: state is field 3, utime 14 and stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    if (!Number.isFinite(rssKb) || !Number.isFinite(ticks)) return null;
    return {
      t: Date.now(),
      rssMb: rssKb / 1024,
      rssAnonMb: kb('RssAnon') / 1024,
      rssFileMb: kb('RssFile') / 1024,
      cpuSeconds: ticks / CLOCK_TICKS,
      runQueueSeconds: readRunQueueSeconds(pid),
    };
  } catch {
    return null;
  }
}

/** schedstat: "<ns on CPU> <ns waiting on a run queue> <time slices>". */
function readRunQueueSeconds(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e9;
  } catch {
    return Number.NaN;
  }
}

export class ProcSampler {
  readonly samples: ProcSample[] = [];
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly pid: number,
    private readonly everyMs: number,
  ) {}

  start(): void {
    this.#take();
    this.#timer = setInterval(() => this.#take(), this.everyMs);
  }

  /** Takes a last reading and stops. */
  stop(): void {
    this.#take();
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  #take(): void {
    const sample = readProc(this.pid);
    if (sample) this.samples.push(sample);
  }
}
