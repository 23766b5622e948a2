/**
 * Where bytes say what charset they are in: a BOM, the HTTP Content-Type, the XML declaration,
 * or an HTML <meta charset> / http-equiv. Pure functions over the first bytes.
 * @module
 */
import iconv from 'iconv-lite';

/** Where the charset came from; `utf8`: valid UTF-8 bytes overruled a declared single-byte charset. */
export type CharsetOrigin = 'bom' | 'utf8' | 'header' | 'xml' | 'meta' | 'sniff' | 'default';

/** Aliases browsers apply (WHATWG Encoding) that iconv-lite spells otherwise or treats too strictly. */
const ALIASES: Readonly<Record<string, string>> = {
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  'ks_c_5601-1987': 'euc-kr',
  'x-sjis': 'shift_jis',
  sjis: 'shift_jis',
  ms_kanji: 'shift_jis',
  'windows-31j': 'shift_jis',
  utf8: 'utf-8',
};

/** A charset label normalised to one iconv-lite knows, or null when unknown. */
export function normaliseCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const key = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  const name = ALIASES[key] ?? key;
  return iconv.encodingExists(name) ? name : null;
}

/** The charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = contentType ? /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType) : null;
  return match ? normaliseCharset(match[2]) : null;
}

export function charsetFromBom(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

/** Reads the head of the document as latin1 (ASCII-compatible) to find in-band declarations. */
function head(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString(
    'latin1',
  );
}

export function charsetFromXmlDeclaration(bytes: Uint8Array): string | null {
  const match = /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([^"']+)["']/i.exec(head(bytes));
  return match ? normaliseCharset(match[1]) : null;
}

export function charsetFromMeta(bytes: Uint8Array): string | null {
  const text = head(bytes);
  const direct = /<meta[^>]+charset\s*=\s*["']?([\w:.-]+)/i.exec(text);
  if (direct) return normaliseCharset(direct[1]);
  return null;
}
