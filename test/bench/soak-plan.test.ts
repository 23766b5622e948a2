/**
 * The soak benchmark's world: the plan, the articles and the feeds it serves must be what the
 * benchmark claims (10 hostile feeds of distinct kinds on their own hosts, unique articles,
 * feeds vigie's own parser reads item for item), or its figures mean nothing.
 */
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/ingest/feeds/parse-feed.js';
import { normaliseForHash } from '../../src/store/content-hash.js';
import { composeArticle, packFor } from '../../bench/soak/article-text.js';
import {
  DEFAULT_PLAN,
  HOSTILE_KINDS,
  articleOf,
  buildPlan,
  visibleItems,
} from '../../bench/soak/feed-plan.js';
import { escapeXml, renderFeed, renderPage } from '../../bench/soak/feed-render.js';

const START = Date.UTC(2026, 11, 7, 6, 0, 0);
const plan = buildPlan({ ...DEFAULT_PLAN, seed: 15, startMs: START, minutes: 12 });

describe('soak plan', () => {
  it('has 200 feeds, 10 of them hostile with one kind each, each hostile feed on its own host', () => {
    expect(plan.feeds).toHaveLength(200);
    const hostile = plan.feeds.filter((f) => f.hostile);
    expect(hostile.map((f) => f.hostile).sort()).toEqual([...HOSTILE_KINDS].sort());
    const perHost = new Map<number, number>();
    for (const f of plan.feeds) perHost.set(f.host, (perHost.get(f.host) ?? 0) + 1);
    for (const f of hostile) expect(perHost.get(f.host)).toBe(1);
    expect(Math.max(...perHost.values())).toBe(2);
    expect(new Set(plan.feeds.map((f) => f.path)).size).toBe(200);
  });

  it('publishes at 10× a realistic rate: about one item per minute per feed, polled every 30–120 s', () => {
    const during = plan.feeds.flatMap((f) => f.items.filter((i) => i.publishedMs > START));
    const perFeedPerMinute = during.length / plan.feeds.length / 12;
    expect(perFeedPerMinute).toBeGreaterThan(0.7);
    expect(perFeedPerMinute).toBeLessThan(1.6);
    for (const f of plan.feeds) {
      expect([30, 60, 120]).toContain(f.intervalSeconds);
      expect(f.items.filter((i) => i.publishedMs <= START)).toHaveLength(DEFAULT_PLAN.backlog);
    }
  });

  it('is the same plan for the same seed and start (server and checker agree)', () => {
    const again = buildPlan({ ...DEFAULT_PLAN, seed: 15, startMs: START, minutes: 12 });
    expect(again.feeds.map((f) => f.items.map((i) => i.publishedMs))).toEqual(
      plan.feeds.map((f) => f.items.map((i) => i.publishedMs)),
    );
    const other = buildPlan({ ...DEFAULT_PLAN, seed: 16, startMs: START, minutes: 12 });
    expect(other.feeds.map((f) => f.lang)).not.toEqual(plan.feeds.map((f) => f.lang));
  });

  it('never writes two articles with the same content hash, and writes several languages', () => {
    const texts = new Set<string>();
    const langs = new Set<string>();
    let count = 0;
    for (const feed of plan.feeds)
      for (const item of feed.items) {
        const a = articleOf(feed, item);
        texts.add(normaliseForHash(a.paragraphs.join('\n\n')));
        langs.add(a.lang);
        count += 1;
      }
    expect(count).toBeGreaterThan(4000);
    expect(texts.size).toBe(count);
    expect([...langs].sort()).toEqual(['de', 'en', 'es', 'fr', 'ja', 'ko', 'ru', 'zh']);
  });

  it('composes the same article from the same seed, of news length', () => {
    const a = composeArticle(packFor('en'), 42, 7);
    expect(composeArticle(packFor('en'), 42, 7)).toEqual(a);
    expect(a.paragraphs.join(' ')).toContain('10007');
    const length = a.paragraphs.join(' ').length;
    expect(length).toBeGreaterThan(300);
    expect(length).toBeLessThan(3000);
  });

  it('shows the newest `window` items published by a given time, newest first', () => {
    const feed = plan.feeds[0]!;
    const now = feed.items[DEFAULT_PLAN.backlog + 3]!.publishedMs;
    const shown = visibleItems(feed, now, DEFAULT_PLAN.window);
    expect(shown[0]).toBe(feed.items[DEFAULT_PLAN.backlog + 3]);
    expect(shown).toHaveLength(DEFAULT_PLAN.backlog + 4);
    expect(visibleItems(feed, now, 5).map((i) => i.n)).toEqual([13, 12, 11, 10, 9]);
  });
});

describe('soak feeds', () => {
  const origin = 'http://127.0.0.1:40001';
  const rendered = (index: number) => {
    const feed = plan.feeds.find(
      (f) =>
        !f.hostile && f.format === (index === 0 ? 'rss2' : 'atom') && f.fullText === (index === 0),
    )!;
    const items = visibleItems(feed, START, 20).map((item) => ({
      item,
      article: articleOf(feed, item),
    }));
    return {
      feed,
      items,
      parsed: parseFeed(renderFeed(feed, items, origin), `${origin}${feed.path}`),
    };
  };

  it('are read by vigie’s parser item for item: full-text RSS, summary-only Atom', () => {
    for (const index of [0, 1]) {
      const { feed, items, parsed } = rendered(index);
      expect(parsed.format).toBe(index === 0 ? 'rss2' : 'atom');
      expect(parsed.items.map((i) => i.url)).toEqual(items.map((i) => `${origin}${i.item.path}`));
      expect(parsed.items.map((i) => i.title)).toEqual(items.map((i) => i.article.title));
      expect(parsed.items.every((i) => i.summaryOnly === !feed.fullText)).toBe(true);
      expect(parsed.items[0]!.published).toBe(new Date(items[0]!.item.publishedMs).toISOString());
    }
  });

  it('link to article pages that carry the whole article', () => {
    const { feed, items } = rendered(1);
    const page = renderPage(feed, items[0]!.item, items[0]!.article);
    for (const p of items[0]!.article.paragraphs.slice(0, 2)) expect(page).toContain(escapeXml(p));
  });
});
