/**
 * Seams to the language identifier and the date resolver (built beside the engine), so the
 * engine sees one small interface for each.
 * @module
 */
import { detectDocumentLanguage } from './language/detect-language.js';

export interface MentionDate {
  readonly date: string | null;
  readonly span?: { readonly start: number; readonly end: number };
  readonly rule?: string;
}

/** The document language: the hint when the text agrees, else detected from the text. */
export function resolveLanguage(text: string, hint: string | undefined): string {
  return detectDocumentLanguage(text, hint);
}

/** The date of the event a sentence reports (null until a resolver says otherwise). */
export function resolveMentionDate(
  _sentence: string,
  _lang: string,
  _published: string | undefined,
): MentionDate | null {
  return null;
}
