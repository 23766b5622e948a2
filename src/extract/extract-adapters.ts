/**
 * Seams to the language identifier and the date resolver (built beside the engine), so the
 * engine sees one small interface for each.
 * @module
 */
import { detectDocumentLanguage } from './language/detect-language.js';
import { resolveEventDate } from './time/resolve-date.js';

export interface MentionDate {
  readonly date: string | null;
  readonly span?: { readonly start: number; readonly end: number };
  readonly rule?: string;
}

/** The document language: the hint when the text agrees, else detected from the text. */
export function resolveLanguage(text: string, hint: string | undefined): string {
  return detectDocumentLanguage(text, hint);
}

/** The date of the event a sentence reports, resolved against the publication date. */
export function resolveMentionDate(
  sentence: string,
  lang: string,
  published: string | undefined,
): MentionDate {
  const r = resolveEventDate(
    published !== undefined ? { sentence, lang, published } : { sentence, lang },
  );
  // resolveEventDate gives a span and a rule together, or neither.
  if (r.span === undefined && r.rule === undefined) return { date: r.date };
  if (r.span !== undefined && r.rule !== undefined)
    return { date: r.date, span: r.span, rule: r.rule };
  return {
    date: r.date,
    ...(r.span !== undefined ? { span: r.span } : {}),
    ...(r.rule !== undefined ? { rule: r.rule } : {}),
  };
}
