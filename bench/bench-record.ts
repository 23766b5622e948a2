/**
 * What every benchmark records beside its figures: the commit, the machine and its load average
 * before and after (a load above the CPU count means other processes shared the cores), and
 * where the result goes (bench/results/NAME.json).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

export function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export function loadAverage(): number[] {
  return loadavg().map((l) => Number(l.toFixed(2)));
}

/** The `machine` block of a result, given the load average taken before the run. */
export function machineRecord(loadAverageBefore: readonly number[]) {
  return {
    cpus: cpus().length,
    node: process.version,
    loadAverageBefore,
    loadAverageAfter: loadAverage(),
  };
}

/** Writes bench/results/NAME.json. */
export function writeResult(name: string, report: object): void {
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL(`./results/${name}.json`, import.meta.url),
    `${JSON.stringify(report, null, 2)}\n`,
  );
}
