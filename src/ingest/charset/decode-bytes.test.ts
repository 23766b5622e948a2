import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBytes } from './decode-bytes.js';
import { charsetFromContentType, normaliseCharset } from './declared-charset.js';
import { sniffCharset } from './sniff-charset.js';
import { SAMPLES } from '../../../test/fixtures/ingest/samples.js';

describe('decodeBytes', () => {
  for (const sample of SAMPLES) {
    const body = `${sample.title}\n\n${sample.text}`;
    const bytes = iconv.encode(body, sample.charset);

    it(`sniffs undeclared ${sample.lang} in ${sample.charset}`, () => {
      const decoded = decodeBytes(bytes);
      expect(decoded.text).toBe(body);
      expect(decoded.origin).toBe('sniff');
    });

    it(`uses the HTTP charset for ${sample.lang} in ${sample.charset}`, () => {
      const decoded = decodeBytes(bytes, {
        contentType: `text/plain; charset="${sample.charset}"`,
      });
      expect(decoded.text).toBe(body);
      expect(decoded.origin).toBe('header');
    });

    it(`reads the XML declaration and HTML meta for ${sample.charset}`, () => {
      const xml = iconv.encode(
        `<?xml version="1.0" encoding="${sample.charset}"?><r>${body}</r>`,
        sample.charset,
      );
      expect(decodeBytes(xml)).toMatchObject({
        text: `<?xml version="1.0" encoding="${sample.charset}"?><r>${body}</r>`,
        origin: 'xml',
      });
      const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${sample.charset}"></head><body>${body}</body></html>`;
      expect(decodeBytes(iconv.encode(html, sample.charset))).toMatchObject({
        text: html,
        origin: 'meta',
      });
    });
  }

  it('tells windows-1251 from KOI8-R on the same text', () => {
    const text = SAMPLES.find((s) => s.charset === 'koi8-r')!.text;
    expect(sniffCharset(iconv.encode(text, 'koi8-r')).charset).toBe('koi8-r');
    expect(sniffCharset(iconv.encode(text, 'windows-1251')).charset).toBe('windows-1251');
  });

  it('honours a BOM over a wrong header', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Привет', 'utf8')]);
    expect(decodeBytes(bytes, { contentType: 'text/html; charset=koi8-r' })).toMatchObject({
      text: 'Привет',
      origin: 'bom',
    });
  });

  it('normalises labels and ignores unknown ones', () => {
    expect(normaliseCharset('GB2312')).toBe('gb18030');
    expect(normaliseCharset('ISO-8859-1')).toBe('windows-1252');
    expect(normaliseCharset('x-no-such-charset')).toBeNull();
    expect(charsetFromContentType('text/html')).toBeNull();
    expect(charsetFromContentType('text/html; charset=KOI8-R')).toBe('koi8-r');
  });
});
