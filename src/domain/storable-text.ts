/**
 * Characters no store keeps the same way: U+0000 (PostgreSQL refuses it in text, SQLite keeps it)
 * and lone UTF-16 surrogates (no Unicode character; UTF-8 cannot encode them, so each driver
 * substitutes its own way). Text is cleaned of them where it comes in: documents in the pipeline
 * (pipeline/process-documents), request bodies in the API; a path or query string holding one
 * is refused with a 400.
 * @module
 */

/** NUL, and a surrogate that is not half of a pair (with `u`, a pair is one code point). */
const UNSTORABLE = /[\0\p{Cs}]/u;
const UNSTORABLE_ALL = /[\0\p{Cs}]/gu;

export function hasUnstorable(text: string): boolean {
  return UNSTORABLE.test(text);
}

/**
 * The text without NUL and lone surrogates; everything else, pairs included, is kept.
 * @example stripUnstorable('a\u0000b\uD800c') // 'abc'
 */
export function stripUnstorable(text: string): string {
  return hasUnstorable(text) ? text.replace(UNSTORABLE_ALL, '') : text;
}

/**
 * A JSON value with every string cleaned by stripUnstorable. Iterative, so any nesting depth
 * JSON.parse accepts is walked without growing the call stack; objects are changed in place.
 */
export function stripUnstorableDeep(value: unknown): unknown {
  if (typeof value === 'string') return stripUnstorable(value);
  const pending: object[] = [];
  if (value !== null && typeof value === 'object') pending.push(value);
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = record[key];
      if (typeof child === 'string') record[key] = stripUnstorable(child);
      else if (child !== null && typeof child === 'object') pending.push(child);
    }
  }
  return value;
}
