/**
 * Text that is not text: binary data that reached the pipeline as a document (a gzip body served
 * without its Content-Encoding being undone, a random or corrupt file named .eml or .txt). It is
 * refused with a reason instead of being stored as a short string of symbols.
 *
 * The measure: the share of characters, spaces aside, that are control characters (C0 and C1,
 * tab and line ends excepted) or U+FFFD, the decoder's replacement character. Real text in any
 * language and charset has next to none (none at all in the demo and dev corpora). Binary decoded
 * as UTF-8 is mostly U+FFFD (about 55%); decoded through a single-byte charset (windows-1252,
 * windows-1251: what sniffing picks when nothing is declared) every byte becomes a character and
 * only about one in ten is a control, the rest letters and symbols. So "mostly garbage" cannot be
 * measured by letters, and the limit sits at half that one in ten.
 * @module
 */

/** Refused above this share of control and replacement characters among the non-space ones. */
export const MAX_UNREADABLE_SHARE = 0.05;

/** Control characters other than tab and line ends, and U+FFFD, among the non-space characters. */
export function unreadableShare(text: string): number {
  let counted = 0;
  let unreadable = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) continue;
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const before = text.charCodeAt(i - 1);
      if (before >= 0xd800 && before <= 0xdbff) continue; // second half of a pair: counted once
    }
    counted++;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) unreadable++;
  }
  return counted === 0 ? 0 : unreadable / counted;
}

/**
 * Why the text is refused as unreadable, or null when it reads as text.
 * @example unreadableReason('\u001f\uFFFD\b') // 'text: not readable: 100% of its characters …'
 */
export function unreadableReason(text: string): string | null {
  const share = unreadableShare(text);
  if (share <= MAX_UNREADABLE_SHARE) return null;
  const percent = Math.round(share * 1000) / 10;
  return (
    `text: not readable: ${percent}% of its characters are control characters or U+FFFD ` +
    `(at most ${MAX_UNREADABLE_SHARE * 100}%): binary or compressed data, or a wrong charset`
  );
}
