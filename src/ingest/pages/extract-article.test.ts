import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { extractArticle } from './extract-article.js';
import { htmlToText } from './html-to-text.js';
import { decodeBytes } from '../charset/decode-bytes.js';
import { articlePage, type DateStyle } from '../../../test/fixtures/ingest/pages.js';
import { SAMPLES } from '../../../test/fixtures/ingest/samples.js';

const STYLES: DateStyle[] = ['article-meta', 'json-ld', 'time', 'itemprop'];

describe('extractArticle', () => {
  SAMPLES.forEach((sample, i) => {
    const style = STYLES[i % STYLES.length]!;
    it(`extracts ${sample.lang} (${sample.charset}) with its date from ${style}`, () => {
      const bytes = iconv.encode(
        articlePage(sample, { date: style, declare: i % 2 === 0 ? 'meta' : 'http-equiv' }),
        sample.charset,
      );
      const decoded = decodeBytes(bytes);
      expect(decoded.charset).toBe(sample.charset);
      const article = extractArticle(decoded.text);
      expect(article.title).toBe(sample.title);
      expect(article.lang).toBe(sample.lang);
      expect(article.published).toBe('2024-11-11T23:30:00.000Z');
      expect(article.text).toContain(sample.text);
      expect(article.text).not.toContain('INJECTED');
      expect(article.text).not.toContain('all rights reserved');
    });
  });

  it('decodes a page in an undeclared charset by sniffing', () => {
    const sample = SAMPLES.find((s) => s.charset === 'koi8-r')!;
    const decoded = decodeBytes(iconv.encode(articlePage(sample, { declare: 'none' }), 'koi8-r'));
    expect(decoded).toMatchObject({ charset: 'koi8-r', origin: 'sniff' });
    expect(extractArticle(decoded.text).text).toContain(sample.text);
  });

  it('keeps dates without time as dates, and tolerates a page without any', () => {
    const html =
      '<html><head><meta name="date" content="2024-11-12"></head><body><p>Short text about a test launch reported today by officials.</p></body></html>';
    expect(extractArticle(html)).toMatchObject({ published: '2024-11-12', lang: null });
    const bare = extractArticle(
      '<p>Officials reported a launch on Tuesday from the east coast of the peninsula.</p>',
    );
    expect(bare).toMatchObject({ published: null, title: null });
  });

  it('fails clearly on a page without text', () => {
    expect(() =>
      extractArticle('<html><body><script>x()</script></body></html>', 'empty.html'),
    ).toThrow('no readable text');
  });

  it('turns HTML fragments into paragraphs of text', () => {
    expect(htmlToText('<p>One &amp; two</p><p>Three<br>four</p><script>bad()</script>')).toBe(
      'One & two\n\nThree\n\nfour',
    );
  });
});
