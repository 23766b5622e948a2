import { describe, expect, it } from 'vitest';
import { parseFeed } from './parse-feed.js';
import {
  ATOM,
  BILLION_LAUGHS,
  RSS1,
  TRUNCATED,
  XXE,
  rss2,
} from '../../../test/fixtures/ingest/feeds.js';
import { SAMPLES } from '../../../test/fixtures/ingest/samples.js';

const FEED_URL = 'https://wire.example/feeds/main.xml';

describe('parseFeed', () => {
  it('reads RSS 2.0 with CDATA HTML, relative links and a missing date', () => {
    const feed = parseFeed(rss2(SAMPLES[0]!), FEED_URL);
    expect(feed).toMatchObject({
      format: 'rss2',
      title: 'Wire en',
      link: 'https://wire.example/',
      lang: 'en',
    });
    const [first, second] = feed.items;
    expect(first).toMatchObject({
      key: 'en-1',
      url: 'https://wire.example/articles/en-utf-8-1.html',
      published: '2024-11-12T08:30:00.000Z',
      text: SAMPLES[0]!.text,
      summaryOnly: true,
    });
    expect(first!.text).not.toContain('alert');
    expect(second).toMatchObject({
      key: 'https://wire.example/pages/en-utf-8-2.html',
      published: null,
      text: 'Summary only & short.',
      summaryOnly: true,
    });
  });

  it('reads RSS 1.0 / RDF', () => {
    const feed = parseFeed(RSS1, FEED_URL);
    expect(feed).toMatchObject({ format: 'rss1', title: 'Agence RDF' });
    expect(feed.items[0]).toMatchObject({
      title: 'Essai & tir',
      url: 'https://agency.example/a/1',
      published: '2024-11-12T08:00:00.000Z',
      text: SAMPLES[1]!.text,
    });
  });

  it('reads Atom with xml:base, xhtml content and html titles', () => {
    const feed = parseFeed(ATOM, FEED_URL);
    expect(feed).toMatchObject({
      format: 'atom',
      title: 'Atom Wire',
      link: 'https://blog.example/',
      lang: 'en',
    });
    expect(feed.items[0]).toMatchObject({
      key: 'tag:blog.example,2024:1',
      title: 'Launch reported',
      url: 'https://blog.example/news/posts/1',
      published: '2024-11-12T10:00:00.000Z',
      summaryOnly: false,
    });
    expect(feed.items[0]!.text).toBe(`${SAMPLES[0]!.text}\n\nSecond paragraph.`);
    expect(feed.items[1]).toMatchObject({
      published: null,
      text: 'Just a line.',
      summaryOnly: true,
    });
  });

  it('refuses entity declarations (billion laughs, XXE)', () => {
    expect(() => parseFeed(BILLION_LAUGHS, FEED_URL)).toThrow(
      /DOCTYPE declaring entities is refused/,
    );
    expect(() => parseFeed(XXE, FEED_URL)).toThrow(/refused/);
  });

  it('gives a clear error on truncated XML and on non-feeds', () => {
    expect(() => parseFeed(TRUNCATED, FEED_URL)).toThrow(/invalid XML at line \d+/);
    expect(() => parseFeed('<html><body>hi</body></html>', FEED_URL)).toThrow(
      /not an RSS or Atom feed/,
    );
  });
});
