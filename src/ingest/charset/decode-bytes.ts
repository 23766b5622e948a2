/**
 * Bytes → text. Declarations lie (a server's default `charset=iso-8859-1` on UTF-8 pages, a
 * template's `<meta charset=windows-1251>` left over after a move to UTF-8, a BOM the header
 * contradicts), so the charset is decided by this precedence:
 * 1. a BOM;
 * 2. the bytes being valid UTF-8 (with some non-ASCII) where the declaration that would win names
 *    a single-byte charset, which would turn them into mojibake;
 * 3. the HTTP Content-Type, then the HTML meta, then the XML declaration: the first whose charset
 *    decodes the bytes without invalid sequences (UTF-8 declared over windows-1251 bytes does not);
 * 4. detection (sniff-charset).
 * When a declaration was overruled, `warning` says which source won and what was not believed.
 * @module
 */
import iconv from 'iconv-lite';
import {
  charsetFromBom,
  charsetFromContentType,
  charsetFromMeta,
  charsetFromXmlDeclaration,
  type CharsetOrigin,
} from './declared-charset.js';
import { isValidUtf8, sniffCharset } from './sniff-charset.js';

export interface DecodeHints {
  /** The HTTP Content-Type header, when the bytes came over HTTP. */
  readonly contentType?: string | null;
}

export interface DecodedText {
  readonly text: string;
  readonly charset: string;
  readonly origin: CharsetOrigin;
  /** Which source won over which declaration, when they disagreed; null when none was overruled. */
  readonly warning: string | null;
}

interface Declaration {
  readonly charset: string;
  readonly origin: CharsetOrigin;
}

/** How the warning names each source. */
const SOURCE_NAMES: Readonly<Record<CharsetOrigin, string>> = {
  bom: 'the byte order mark',
  utf8: 'the bytes (valid UTF-8)',
  header: 'the HTTP header',
  meta: 'the HTML meta',
  xml: 'the XML declaration',
  sniff: 'detection',
  default: 'the default',
};

/**
 * Decodes a document's bytes.
 * @example decodeBytes(body, { contentType: 'text/html; charset=koi8-r' }).text
 */
export function decodeBytes(bytes: Uint8Array, hints: DecodeHints = {}): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declared: Declaration[] = [];
  for (const [charset, origin] of [
    [charsetFromContentType(hints.contentType), 'header'],
    [charsetFromMeta(bytes), 'meta'],
    [charsetFromXmlDeclaration(bytes), 'xml'],
  ] as const)
    if (charset) declared.push({ charset, origin });

  const bom = charsetFromBom(bytes);
  if (bom) {
    const text = iconv.decode(buffer.subarray(bom.length), bom.charset);
    return decided(text, { charset: bom.charset, origin: 'bom' }, declared);
  }
  const rejected: Declaration[] = [];
  for (const declaration of declared) {
    if (isSingleByte(declaration.charset) && hasNonAscii(bytes) && isValidUtf8(bytes))
      return decided(iconv.decode(buffer, 'utf-8'), { charset: 'utf-8', origin: 'utf8' }, declared);
    const text = iconv.decode(buffer, declaration.charset);
    if (decodesCleanly(text)) return decided(text, declaration, rejected);
    rejected.push(declaration);
  }
  const sniffed = sniffCharset(bytes);
  const text = iconv.decode(buffer, sniffed.charset);
  return decided(text, { charset: sniffed.charset, origin: 'sniff' }, rejected);
}

/** The result, warning of the declarations that named another charset than the winner. */
function decided(
  text: string,
  winner: Declaration,
  overruled: readonly Declaration[],
): DecodedText {
  const differing = overruled.filter((d) => d.charset !== winner.charset);
  const warning =
    differing.length === 0
      ? null
      : `charset: decoded as ${winner.charset} from ${SOURCE_NAMES[winner.origin]}; ` +
        differing.map((d) => `${SOURCE_NAMES[d.origin]} said ${d.charset}`).join(', ') +
        ` (not believed)`;
  return { text, charset: winner.charset, origin: winner.origin, warning };
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

/**
 * At most one invalid sequence per hundred non-ASCII characters (and one in any case): a cut or a
 * stray byte in an honest document, not text in another charset.
 */
function decodesCleanly(text: string): boolean {
  let nonAscii = 0;
  let invalid = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    nonAscii += 1;
    if (code === 0xfffd) invalid += 1;
  }
  return invalid <= Math.max(1, nonAscii / 100);
}

const singleByte = new Map<string, boolean>();
const HIGH_BYTES = Buffer.from(Array.from({ length: 128 }, (_, i) => 0x80 + i));

/** A charset that gives one character per byte: every high byte alone decodes to one character. */
function isSingleByte(charset: string): boolean {
  let known = singleByte.get(charset);
  if (known === undefined) {
    known = !/^utf-/.test(charset) && iconv.decode(HIGH_BYTES, charset).length === 128;
    singleByte.set(charset, known);
  }
  return known;
}
