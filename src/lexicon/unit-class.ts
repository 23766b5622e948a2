/**
 * Character classes as lookup tables over UTF-16 units: the hot loops of extraction ask "is this
 * a letter?" for every character, and a table read is many times cheaper than a Unicode regex.
 * Astral characters (surrogate pairs) are decided by the regex, pair by pair.
 * @module
 */

export interface UnitClass {
  /** Whether the unit at `i` of `text` is, or is half of, a character of the class. */
  has(text: string, i: number): boolean;
  /** 1 for every unit of the class outside the surrogates (0 for those: see `has`). */
  table(): Uint8Array;
}

const tables = new Map<string, Uint8Array>();

/** The class of one-character `pattern` (e.g. `/[\p{L}\p{M}]/u`), its table built on first use. */
export function unitClass(pattern: RegExp): UnitClass {
  const whole = new RegExp(`^(?:${pattern.source})$`, pattern.flags.includes('u') ? 'u' : '');
  let table: Uint8Array | undefined;
  const bmp = (): Uint8Array => {
    if (table !== undefined) return table;
    table = tables.get(whole.source);
    if (table === undefined) {
      table = new Uint8Array(65536);
      for (let c = 0; c < 65536; c++)
        if (c < 0xd800 || c > 0xdfff) table[c] = whole.test(String.fromCharCode(c)) ? 1 : 0;
      tables.set(whole.source, table);
    }
    return table;
  };
  return {
    table: bmp,
    has(text, i) {
      const c = text.charCodeAt(i);
      if (c < 0xd800 || c > 0xdfff) return bmp()[c] === 1;
      if (c <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) return whole.test(text.slice(i, i + 2));
      }
      if (c >= 0xdc00 && i > 0) {
        const high = text.charCodeAt(i - 1);
        if (high >= 0xd800 && high <= 0xdbff) return whole.test(text.slice(i - 1, i + 1));
      }
      return false;
    },
  };
}
