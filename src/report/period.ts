/**
 * Periods for briefs and exports: `--since 7d` (days before the as-of day), `12h`, `2w`, or an
 * ISO date/time. Pure.
 * @module
 */
import { InputError } from '../domain/errors.js';

const UNIT_MS: Readonly<Record<string, number>> = {
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/** ISO 8601 instant (UTC, milliseconds) the period starts at. */
export function resolveSince(since: string, asOf: Date): string {
  const relative = /^(\d{1,5})([hdw])$/.exec(since.trim());
  if (relative) {
    const n = Number(relative[1]);
    const unit = UNIT_MS[relative[2] ?? 'd'] ?? UNIT_MS['d']!;
    return new Date(asOf.getTime() - n * unit).toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(since.trim())) {
    const date = new Date(since.trim().length === 10 ? `${since.trim()}T00:00:00Z` : since.trim());
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  }
  throw new InputError(
    `--since "${since}" is not a period: use 7d, 12h, 2w or a date like 2024-11-01`,
    'since',
  );
}
