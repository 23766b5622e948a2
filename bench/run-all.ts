/**
 * `npm run bench`: runs every bench/*-bench.ts, the benchmarks of NESTED and the quality
 * evaluations of EVALS in turn (each in its own tsx process) and exits non-zero when one fails.
 * Each writes its own results under bench/results/.
 * Arguments: names to run only some (`npm run bench -- soak`); `--soak-minutes N` shortens the
 * soak benchmark (default 10 minutes; also VIGIE_SOAK_MINUTES).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const soakFlag = args.indexOf('--soak-minutes');
const env = { ...process.env };
if (soakFlag >= 0) {
  env['VIGIE_SOAK_MINUTES'] = args[soakFlag + 1] ?? '';
  args.splice(soakFlag, 2);
}
const only = args;
/**
 * Evaluations that run with the benchmarks: story clustering (stories.json), mention attribution
 * and independent origins (origins.json), the fast backtest's results against the slow path's
 * (backtest-check.json).
 */
const EVALS = ['story-eval.ts', 'origin-eval.ts', 'backtest-check.ts'];
/** Benchmarks named otherwise: `vigie run` throughput end to end (run-throughput.json). */
const NAMED = ['run-throughput.ts'];
/** Benchmarks in a folder of their own: the soak run of `vigie run` (bench/soak/). */
const NESTED = ['soak/soak-bench.ts'];
const benches = [...readdirSync(dir), ...NESTED]
  .filter((f) => f.endsWith('-bench.ts') || EVALS.includes(f) || NAMED.includes(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const failed: string[] = [];
for (const bench of benches) {
  process.stdout.write(`\n== ${bench}\n`);
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${bench}`], {
    stdio: 'inherit',
    env,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    failed.push(bench);
    process.stdout.write(
      `!! ${bench} failed (exit ${result.status ?? result.signal}) after ${seconds} s\n`,
    );
  } else {
    process.stdout.write(`ok ${bench} (${seconds} s)\n`);
  }
}
process.stdout.write(
  `\n${benches.length - failed.length} of ${benches.length} benchmarks passed${failed.length ? `; failed: ${failed.join(', ')}` : ''}\n`,
);
process.exitCode = failed.length > 0 ? 1 : 0;
