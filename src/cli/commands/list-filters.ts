/**
 * The filter flags shared by `vigie documents` and `vigie events`, validated into repository filters.
 * @module
 */
import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import { CAPABILITIES, EVENT_TYPES, MODALITIES } from '../../domain/ontology.js';

export interface ListFlags {
  readonly type?: string;
  readonly actor?: string;
  readonly modality?: string;
  readonly capability?: string;
  readonly lang?: string;
  readonly since?: string;
  readonly until?: string;
  readonly q?: string;
  readonly limit: string;
  readonly offset?: string;
  readonly cursor?: string;
  readonly json?: boolean;
}

export function addListFlags(command: Command): Command {
  return command
    .option('--type <type>', `event type (${EVENT_TYPES.slice(0, 3).join(', ')}, …)`)
    .option('--actor <code>', 'actor code in either role (RUS, PRK, IAEA, …)')
    .option('--modality <m>', MODALITIES.join(' | '))
    .option('--capability <c>', `capability (${CAPABILITIES.slice(0, 2).join(', ')}, …)`)
    .option('--lang <code>', 'language (en, fr, ko, …)')
    .option('--since <date>', 'on or after this date (YYYY[-MM[-DD]])')
    .option('--until <date>', 'on or before this date')
    .option('--q <text>', 'full-text search; "quoted phrases" kept together')
    .option('--limit <n>', 'rows per page', '20')
    .option('--offset <n>', 'skip this many rows')
    .option('--cursor <c>', 'next page: the cursor printed after the previous one')
    .option('--json', 'print {items, nextCursor} as JSON');
}

function date(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:T.*)?$/.test(value)) {
    throw new InputError(`${flag} must be a date like 2024-06-19, 2024-06 or 2024`, flag);
  }
  return value;
}

function oneOf(
  value: string | undefined,
  allowed: readonly string[],
  flag: string,
): string | undefined {
  if (value === undefined) return undefined;
  const upper = value.toUpperCase();
  if (!allowed.includes(upper))
    throw new InputError(`${flag} must be one of ${allowed.join(', ')}`, flag);
  return upper;
}

function integer(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new InputError(`${flag} must be an integer ≥ ${min}`, flag);
  return n;
}

export function parseListFlags(flags: ListFlags) {
  const offset = integer(flags.offset, '--offset', 0);
  return {
    filters: {
      type: oneOf(flags.type, EVENT_TYPES, '--type'),
      actor: flags.actor?.toUpperCase(),
      modality: oneOf(flags.modality, MODALITIES, '--modality'),
      capability: oneOf(flags.capability, CAPABILITIES, '--capability'),
      lang: flags.lang?.toLowerCase(),
      since: date(flags.since, '--since'),
      until: date(flags.until, '--until'),
      q: flags.q,
    },
    page: {
      limit: integer(flags.limit, '--limit', 1) ?? 20,
      ...(offset !== undefined ? { offset } : {}),
      ...(flags.cursor ? { cursor: flags.cursor } : {}),
    },
    json: flags.json === true,
  };
}
