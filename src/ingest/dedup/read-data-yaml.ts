/**
 * Reads one YAML data file of data/origins or data/stories against its schema; a broken file is a
 * VIGIE_LEXICON_INVALID error naming the file and the field.
 * @module
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';
import { VigieError, formatIssues } from '../../domain/errors.js';

export function readDataYaml<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new VigieError('VIGIE_LEXICON_INVALID', `cannot read ${file}: ${String(error)}`, {
      where: file,
      cause: error,
    });
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new VigieError(
      'VIGIE_LEXICON_INVALID',
      `invalid ${file}: ${formatIssues(result.error.issues)}`,
      {
        where: file,
      },
    );
  }
  return result.data;
}
