/** The short commit of the checkout a benchmark runs in ('unknown' outside git). */
import { execFileSync } from 'node:child_process';

export function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
