/**
 * Bytes → text, with the charset taken from (in order) a BOM, the HTTP Content-Type,
 * the XML declaration or HTML meta, and sniffing when nothing is declared.
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
import { sniffCharset } from './sniff-charset.js';

export interface DecodeHints {
  /** The HTTP Content-Type header, when the bytes came over HTTP. */
  readonly contentType?: string | null;
}

export interface DecodedText {
  readonly text: string;
  readonly charset: string;
  readonly origin: CharsetOrigin;
}

/**
 * Decodes a document's bytes.
 * @example decodeBytes(body, { contentType: 'text/html; charset=koi8-r' }).text
 */
export function decodeBytes(bytes: Uint8Array, hints: DecodeHints = {}): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = charsetFromBom(bytes);
  if (bom) {
    return {
      text: iconv.decode(buffer.subarray(bom.length), bom.charset),
      charset: bom.charset,
      origin: 'bom',
    };
  }
  const declared: [string | null, CharsetOrigin][] = [
    [charsetFromContentType(hints.contentType), 'header'],
    [charsetFromXmlDeclaration(bytes), 'xml'],
    [charsetFromMeta(bytes), 'meta'],
  ];
  for (const [charset, origin] of declared) {
    if (charset) return { text: iconv.decode(buffer, charset), charset, origin };
  }
  const sniffed = sniffCharset(bytes);
  return { text: iconv.decode(buffer, sniffed.charset), charset: sniffed.charset, origin: 'sniff' };
}
