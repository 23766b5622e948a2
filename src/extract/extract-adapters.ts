/**
 * Seams to the language identifier and the date resolver (built beside the engine), so the
 * engine sees one small interface for each.
 * @module
 */
import { detectDocumentLanguage } from './language/detect-language.js';
import { resolveEventDates } from './time/resolve-date.js';

export interface MentionDate {
  readonly date: string | null;
  readonly span?: { readonly start: number; readonly end: number };
  readonly rule?: string;
}

/** The document language: the hint when the text agrees, else detected from the text. */
export function resolveLanguage(text: string, hint: string | undefined): string {
  return detectDocumentLanguage(text, hint);
}

/**
 * Every time expression of a sentence with its date, resolved against the publication date;
 * "that day" against the last day the document gave (`lastDay`).
 */
export function resolveMentionDates(
  sentence: string,
  lang: string,
  published: string | undefined,
  lastDay: string | null = null,
): MentionDate[] {
  // A ResolvedDate is a MentionDate already (span and rule are set together or not at all).
  return resolveEventDates({
    sentence,
    lang,
    ...(published !== undefined ? { published } : {}),
    ...(lastDay !== null ? { lastDay } : {}),
  });
}
