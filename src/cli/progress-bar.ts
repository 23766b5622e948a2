/** A progress bar on stderr for long batch work; silent when stderr is not a terminal. */
import cliProgress from 'cli-progress';

export interface BatchProgress {
  readonly processed: number;
  readonly stored: number;
  readonly duplicates: number;
  readonly failed: number;
}

export interface ProgressReporter {
  update(progress: BatchProgress): void;
  stop(): void;
}

export function createProgress(label: string, total?: number): ProgressReporter {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const counts = '{value} lines | stored {stored} | duplicates {duplicates} | failed {failed}';
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: total ? `${label} [{bar}] {percentage}% | ${counts}` : `${label} | ${counts}`,
      hideCursor: true,
      clearOnComplete: true,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total ?? 0, 0, { stored: 0, duplicates: 0, failed: 0 });
  return {
    update: (p) =>
      bar.update(p.processed, { stored: p.stored, duplicates: p.duplicates, failed: p.failed }),
    stop: () => bar.stop(),
  };
}
