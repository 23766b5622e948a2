/**
 * Parsing JSON Lines against a zod schema, collecting per-line errors instead of throwing.
 * @module
 */
import type { z } from 'zod';
import { formatIssues } from '../../domain/errors.js';

export interface ParsedLines<T> {
  readonly items: T[];
  /** 1-based line numbers with what was wrong. */
  readonly errors: { readonly line: number; readonly message: string }[];
}

/** Parses one line; returns the value or an error message. Blank lines give `undefined`. */
export function parseJsonLine<S extends z.ZodType>(
  line: string,
  schema: S,
): { value: z.infer<S> } | { error: string } | undefined {
  if (line.trim() === '') return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    return { error: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? { value: parsed.data } : { error: formatIssues(parsed.error.issues) };
}

/** Parses a whole JSON Lines text. */
export function parseJsonLines<S extends z.ZodType>(
  text: string,
  schema: S,
): ParsedLines<z.infer<S>> {
  const items: z.infer<S>[] = [];
  const errors: { line: number; message: string }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const r = parseJsonLine(line, schema);
    if (r === undefined) return;
    if ('error' in r) errors.push({ line: i + 1, message: r.error });
    else items.push(r.value);
  });
  return { items, errors };
}
