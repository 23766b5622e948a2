/**
 * Soak finding of the hardening review (#15): lying charsets. A page or feed whose declaration
 * names one charset while its bytes are in another was stored as mojibake: `charset=iso-8859-1`
 * (a server default) on UTF-8 Korean, a leftover `<meta charset=windows-1251>` on UTF-8 Russian,
 * `charset=utf-8` on Shift_JIS or EUC-KR bytes (replacement characters), a header that
 * contradicts the BOM. The charset is now decided by a documented precedence (BOM > valid UTF-8
 * over a declared single-byte charset > header > meta > XML declaration > detection, a
 * declaration skipped when its charset cannot decode the bytes), and a document read under an
 * overruled declaration is stored with a warning that says which source won.
 * Real legacy encodings, made with iconv-lite (the project's decoder).
 */
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/ingest/charset/decode-bytes.js';
import { SafeFetcher } from '../../src/ingest/fetch/safe-fetch.js';
import { Scheduler } from '../../src/ingest/scheduler/scheduler.js';
import { processDocuments } from '../../src/pipeline/process-documents.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { addSource, listSourceErrors } from '../../src/store/sources-repo.js';
import { SAMPLES, type Sample } from '../fixtures/ingest/samples.js';
import { loopbackOnly } from '../ingest/support/fixture-server.js';

const sample = (charset: string): Sample => SAMPLES.find((s) => s.charset === charset)!;
const KOREAN = sample('euc-kr');
const RUSSIAN = sample('windows-1251');
const JAPANESE = sample('shift_jis');
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('decoding bytes whose declaration lies', () => {
  for (const s of [KOREAN, RUSSIAN, JAPANESE]) {
    const text = `${s.title}. ${s.text}`;

    it(`${s.lang}: UTF-8 bytes under charset=iso-8859-1 are read as UTF-8`, () => {
      expect(decodeBytes(utf8(text), { contentType: 'text/html; charset=iso-8859-1' })).toEqual({
        text,
        charset: 'utf-8',
        origin: 'utf8',
        warning:
          'charset: decoded as utf-8 from the bytes (valid UTF-8); ' +
          'the HTTP header said windows-1252 (not believed)',
      });
    });

    it(`${s.lang}: UTF-8 bytes under <meta charset=windows-1251> are read as UTF-8`, () => {
      const html = `<html><head><meta charset="windows-1251"></head><body><p>${text}</p></body></html>`;
      expect(decodeBytes(utf8(html), { contentType: 'text/html' })).toMatchObject({
        text: html,
        charset: 'utf-8',
        warning: expect.stringContaining(
          'the HTML meta said windows-1251 (not believed)',
        ) as unknown,
      });
    });

    it(`${s.lang}: a BOM wins over the header that contradicts it, with a warning`, () => {
      const bytes = Buffer.concat([BOM, utf8(text)]);
      expect(decodeBytes(bytes, { contentType: `text/html; charset=${s.charset}` })).toEqual({
        text,
        charset: 'utf-8',
        origin: 'bom',
        warning:
          `charset: decoded as utf-8 from the byte order mark; ` +
          `the HTTP header said ${s.charset} (not believed)`,
      });
    });

    it(`${s.lang}: ${s.charset} bytes under charset=utf-8 are detected`, () => {
      const bytes = iconv.encode(text, s.charset);
      expect(decodeBytes(bytes, { contentType: 'text/plain; charset=utf-8' })).toEqual({
        text,
        charset: s.charset,
        origin: 'sniff',
        warning:
          `charset: decoded as ${s.charset} from detection; ` +
          `the HTTP header said utf-8 (not believed)`,
      });
    });

    it(`${s.lang}: ${s.charset} bytes under charset=utf-8 follow an honest meta`, () => {
      const html = `<html><head><meta charset="${s.charset}"></head><body><p>${text}</p></body></html>`;
      expect(
        decodeBytes(iconv.encode(html, s.charset), { contentType: 'text/html; charset=utf-8' }),
      ).toMatchObject({ text: html, charset: s.charset, origin: 'meta' });
    });

    it(`${s.lang}: honest declarations win without a warning`, () => {
      const bytes = iconv.encode(text, s.charset);
      expect(decodeBytes(bytes, { contentType: `text/html; charset=${s.charset}` })).toEqual({
        text,
        charset: s.charset,
        origin: 'header',
        warning: null,
      });
    });
  }

  it('a header that lies about a feed is passed over for its XML declaration', () => {
    const xml = `<?xml version="1.0" encoding="euc-kr"?><rss><channel><title>${KOREAN.title}</title></channel></rss>`;
    expect(
      decodeBytes(iconv.encode(xml, 'euc-kr'), {
        contentType: 'application/rss+xml; charset=utf-8',
      }),
    ).toMatchObject({ text: xml, charset: 'euc-kr', origin: 'xml' });
  });
});

describe('`vigie run` on sources whose charsets lie', () => {
  let store: Store;
  let fetcher: SafeFetcher;
  const server = createServer((req, res) => {
    const body = routes.get(req.url ?? '');
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': body.type }).end(body.bytes);
  });
  const routes = new Map<string, { type: string; bytes: Buffer }>();
  let origin = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    store = await openStore({ url: ':memory:' });
    fetcher = new SafeFetcher(
      {
        timeoutMs: 5_000,
        maxBytes: 1024 * 1024,
        maxRedirects: 0,
        userAgent: 'vigie-test',
        allowPrivate: ['127.0.0.1'],
        perHostDelayMs: 0,
      },
      { resolver: loopbackOnly },
    );
  });

  afterAll(async () => {
    await fetcher.close();
    await store.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('stores the text the bytes hold, with a warning on each document that says why', async () => {
    // A Korean page in UTF-8 served as iso-8859-1.
    routes.set('/ko.html', {
      type: 'text/html; charset=iso-8859-1',
      bytes: utf8(
        `<html><head><title>${KOREAN.title}</title></head><body><article><h1>${KOREAN.title}</h1>` +
          `<p>${KOREAN.text}</p><p>${KOREAN.text}</p></article></body></html>`,
      ),
    });
    // A Russian feed in windows-1251 whose header and XML declaration both say UTF-8.
    const feed = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Лента</title>
<item><title>${RUSSIAN.title}</title><link>${origin}/ru/1</link><content:encoded>${RUSSIAN.text}</content:encoded></item>
</channel></rss>`;
    routes.set('/ru.xml', {
      type: 'application/rss+xml; charset=utf-8',
      bytes: iconv.encode(feed, 'windows-1251'),
    });
    const page = await addSource(store.db, { url: `${origin}/ko.html`, name: 'ko page' });
    const wire = await addSource(store.db, { url: `${origin}/ru.xml`, name: 'ru feed' });
    const scheduler = new Scheduler({
      store,
      fetcher,
      process: (lines, source) => processDocuments(store, lines, { sourceId: source.id }),
    });
    for (const source of [page, wire]) expect((await scheduler.pollSource(source)).kind).toBe('ok');

    const texts = await store.db
      .selectFrom('documents')
      .select(['source_id', 'text', 'title'])
      .execute();
    const ko = texts.find((t) => t.source_id === page.id)!;
    const ru = texts.find((t) => t.source_id === wire.id)!;
    expect(ko.text).toContain(KOREAN.text);
    expect(ru).toMatchObject({ title: RUSSIAN.title, text: RUSSIAN.text });

    const warnings = async (sourceId: string) =>
      (await listSourceErrors(store.db, { sourceId })).map((e) => e.message);
    expect(await warnings(page.id)).toEqual([
      expect.stringMatching(
        /^document \S+ stored with a warning: charset: decoded as utf-8 from the bytes \(valid UTF-8\); the HTTP header said windows-1252 \(not believed\)$/,
      ),
    ]);
    expect(await warnings(wire.id)).toEqual([
      expect.stringMatching(
        /stored with a warning: charset: decoded as windows-1251 from detection; the HTTP header said utf-8, the XML declaration said utf-8 \(not believed\)$/,
      ),
    ]);
  });
});
