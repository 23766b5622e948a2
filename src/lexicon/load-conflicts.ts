/**
 * Loads `data/conflicts.yaml`: the wars whose sides the extractor may use to complete a fight's
 * target (a partner's adversary). World knowledge, kept as data so that a new war is a new entry.
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { VigieError } from '../domain/errors.js';

const ConflictsFileSchema = z.object({
  conflicts: z.array(
    z.object({
      id: z.string().min(1),
      sides: z.tuple([z.array(z.string().min(2)).min(1), z.array(z.string().min(2)).min(1)]),
      since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    }),
  ),
});

export interface Conflict {
  readonly id: string;
  readonly sides: readonly [readonly string[], readonly string[]];
  readonly since: string;
}

const DEFAULT_FILE = fileURLToPath(new URL('../../data/conflicts.yaml', import.meta.url));

let cached: readonly Conflict[] | undefined;

export function loadConflicts(file: string = DEFAULT_FILE): readonly Conflict[] {
  if (file === DEFAULT_FILE && cached !== undefined) return cached;
  const parsed = ConflictsFileSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new VigieError(
      'VIGIE_LEXICON_INVALID',
      `${file}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      { where: file },
    );
  const conflicts = parsed.data.conflicts;
  if (file === DEFAULT_FILE) cached = conflicts;
  return conflicts;
}

/** The adversaries of `code` in the wars under way on `day` (YYYY-MM-DD…, or any day if unknown). */
export function adversariesOf(
  code: string,
  day: string | undefined,
  conflicts: readonly Conflict[] = loadConflicts(),
): string[] {
  const out: string[] = [];
  for (const c of conflicts) {
    if (day !== undefined && day.slice(0, 10) < c.since) continue;
    const [a, b] = c.sides;
    if (a.includes(code)) for (const x of b) out.push(x);
    else if (b.includes(code)) for (const x of a) out.push(x);
  }
  return out;
}
