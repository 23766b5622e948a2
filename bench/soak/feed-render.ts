/**
 * Feeds (RSS 2.0 or Atom) and article pages of the soak server, rendered from the plan.
 * Pure: the server decides the time and the origin.
 * @module
 */
import type { Article } from './article-text.js';
import type { FeedSpec, PlannedItem } from './feed-plan.js';

export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface RenderedItem {
  readonly item: PlannedItem;
  readonly article: Article;
}

const html = (a: Article): string => a.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('');
/** The summary of a summary-only item: its first paragraph, well under the parser's 500 chars. */
const summary = (a: Article): string => (a.paragraphs[0] ?? '').slice(0, 300);

export function renderFeed(
  feed: FeedSpec,
  items: readonly RenderedItem[],
  origin: string,
  encoding = 'UTF-8',
): string {
  return feed.format === 'atom'
    ? renderAtom(feed, items, origin, encoding)
    : renderRss(feed, items, origin, encoding);
}

function renderRss(
  feed: FeedSpec,
  items: readonly RenderedItem[],
  origin: string,
  encoding: string,
): string {
  const body = items
    .map(({ item, article }) => {
      const link = `${origin}${item.path}`;
      const content = feed.fullText
        ? `<description>${escapeXml(summary(article))}</description><content:encoded><![CDATA[${html(article)}]]></content:encoded>`
        : `<description>${escapeXml(summary(article))}</description>`;
      return (
        `<item><title>${escapeXml(article.title)}</title><link>${link}</link>` +
        `<guid isPermaLink="true">${link}</guid><pubDate>${new Date(item.publishedMs).toUTCString()}</pubDate>` +
        `${content}</item>`
      );
    })
    .join('\n');
  return (
    `<?xml version="1.0" encoding="${encoding}"?>\n` +
    `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>` +
    `<title>${escapeXml(feed.name)}</title><link>${origin}/${feed.id}/</link>` +
    `<description>${escapeXml(feed.name)}</description><language>${feed.lang}</language>\n${body}\n</channel></rss>\n`
  );
}

function renderAtom(
  feed: FeedSpec,
  items: readonly RenderedItem[],
  origin: string,
  encoding: string,
): string {
  const updated = new Date(items[0]?.item.publishedMs ?? 0).toISOString();
  const body = items
    .map(({ item, article }) => {
      const link = `${origin}${item.path}`;
      const content = feed.fullText
        ? `<content type="html">${escapeXml(html(article))}</content>`
        : `<summary>${escapeXml(summary(article))}</summary>`;
      return (
        `<entry><id>${link}</id><title>${escapeXml(article.title)}</title><link href="${link}"/>` +
        `<published>${new Date(item.publishedMs).toISOString()}</published><updated>${new Date(item.publishedMs).toISOString()}</updated>` +
        `${content}</entry>`
      );
    })
    .join('\n');
  return (
    `<?xml version="1.0" encoding="${encoding}"?>\n` +
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.lang}"><title>${escapeXml(feed.name)}</title>` +
    `<id>${origin}/${feed.id}/</id><updated>${updated}</updated><link href="${origin}/${feed.id}/"/>\n${body}\n</feed>\n`
  );
}

/** An article page as a news site serves it: navigation, the article, a footer. */
export function renderPage(feed: FeedSpec, item: PlannedItem, article: Article): string {
  const published = new Date(item.publishedMs).toISOString();
  return (
    `<!doctype html><html lang="${feed.lang}"><head><meta charset="utf-8"><title>${escapeXml(article.title)} | ${escapeXml(feed.name)}</title>` +
    `<meta property="article:published_time" content="${published}"><meta property="og:site_name" content="${escapeXml(feed.name)}"></head>` +
    `<body><header><nav><a href="/">Home</a> <a href="/${feed.id}/">Latest</a> <a href="/about">About us</a></nav></header>` +
    `<main><article><h1>${escapeXml(article.title)}</h1><time datetime="${published}">${published}</time>${html(article)}</article></main>` +
    `<aside><h2>Most read</h2><ul><li><a href="/${feed.id}/">More from this section</a></li></ul></aside>` +
    `<footer><p>Subscribe to our newsletter. All rights reserved.</p></footer></body></html>`
  );
}
