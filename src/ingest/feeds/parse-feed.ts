/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 → feed items, tolerant of real-world sloppiness:
 * missing dates, relative links (resolved against xml:base and the feed URL), HTML or CDATA in
 * descriptions (turned into text). Entity declarations are refused before parsing (xml-guard).
 * @module
 */
import { XMLParser } from 'fast-xml-parser';
import { VigieError } from '../../domain/errors.js';
import { htmlToText, normaliseText } from '../pages/html-to-text.js';
import { guardXml } from './xml-guard.js';

export type FeedFormat = 'rss2' | 'rss1' | 'atom';

export interface FeedItem {
  /** guid / Atom id / link: stable across fetches. */
  readonly key: string;
  readonly url: string | null;
  readonly title: string | null;
  /** ISO 8601 UTC, or null when the item has no usable date. */
  readonly published: string | null;
  readonly text: string;
  /** Only a short summary: the full page should be fetched. */
  readonly summaryOnly: boolean;
}

export interface ParsedFeed {
  readonly format: FeedFormat;
  readonly title: string | null;
  readonly link: string | null;
  readonly lang: string | null;
  readonly items: FeedItem[];
}

/** Items whose text is shorter than this (and that carry no full content) get their page fetched. */
export const SUMMARY_MAX_CHARS = 500;

type Node = Record<string, unknown>;

const RAW = ['description', 'encoded', 'content', 'summary'];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  stopNodes: RAW.map((name) => `*.${name}`),
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

/**
 * Parses a feed document.
 * @example parseFeed(xml, 'https://news.example/rss').items[0]?.url
 */
export function parseFeed(xml: string, feedUrl: string): ParsedFeed {
  guardXml(xml, feedUrl);
  let root: Node;
  try {
    root = parser.parse(xml) as Node;
  } catch (error) {
    throw new VigieError('VIGIE_PARSE_FAILED', `cannot parse feed: ${(error as Error).message}`, {
      where: feedUrl,
      cause: error,
    });
  }
  if (isNode(root['rss'])) return parseRss2(root['rss'], feedUrl);
  if (isNode(root['RDF'])) return parseRss1(root['RDF'], feedUrl);
  if (isNode(root['feed'])) return parseAtom(root['feed'], feedUrl);
  throw new VigieError(
    'VIGIE_PARSE_FAILED',
    'not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root)',
    { where: feedUrl },
  );
}

function parseRss2(rss: Node, feedUrl: string): ParsedFeed {
  const channel = asNode(rss['channel']);
  const base = resolveUrl(attr(channel, 'base'), feedUrl) ?? feedUrl;
  const items = asList(channel['item']).map((item) =>
    rssItem(item, resolveUrl(attr(item, 'base'), base) ?? base),
  );
  return {
    format: 'rss2',
    title: plain(channel['title']),
    link: firstLink(channel['link'], base),
    lang: plain(channel['language']),
    items: items.filter(isItem),
  };
}

function parseRss1(rdf: Node, feedUrl: string): ParsedFeed {
  const channel = asNode(rdf['channel']);
  const base = resolveUrl(attr(rdf, 'base'), feedUrl) ?? feedUrl;
  const items = asList(rdf['item']).map((item) => rssItem(item, base, attr(item, 'about')));
  return {
    format: 'rss1',
    title: plain(channel['title']),
    link: firstLink(channel['link'], base),
    lang: plain(channel['language']),
    items: items.filter(isItem),
  };
}

function rssItem(item: Node, base: string, about?: string | null): FeedItem | null {
  const url = firstLink(item['link'], base) ?? resolveUrl(about ?? null, base);
  const guid = plain(item['guid']);
  const full = rawText(item['encoded']);
  const summary = rawText(item['description']);
  const published = toIso(
    plain(item['pubDate']) ??
      plain(item['date']) ??
      plain(item['published']) ??
      plain(item['updated']),
  );
  return makeItem(
    guid ?? url ?? about ?? null,
    url,
    titleText(item['title']),
    published,
    full,
    summary,
  );
}

function parseAtom(feed: Node, feedUrl: string): ParsedFeed {
  const base = resolveUrl(attr(feed, 'base'), feedUrl) ?? feedUrl;
  const items = asList(feed['entry']).map((entry) => {
    const entryBase = resolveUrl(attr(entry, 'base'), base) ?? base;
    const url = atomLink(entry['link'], entryBase);
    const published = toIso(
      plain(entry['published']) ?? plain(entry['updated']) ?? plain(entry['issued']),
    );
    return makeItem(
      plain(entry['id']) ?? url,
      url,
      titleText(entry['title']),
      published,
      rawText(entry['content']),
      rawText(entry['summary']),
    );
  });
  return {
    format: 'atom',
    title: titleText(feed['title']),
    link: atomLink(feed['link'], base),
    lang: attr(feed, 'lang'),
    items: items.filter(isItem),
  };
}

function makeItem(
  key: string | null,
  url: string | null,
  title: string | null,
  published: string | null,
  full: string,
  summary: string,
): FeedItem | null {
  const text = full.length >= summary.length ? full : summary;
  const id = key ?? (title ? `${title}|${published ?? ''}` : null);
  if (!id || (text.length === 0 && !title && !url)) return null;
  const summaryOnly = url !== null && full.length === 0 && text.length < SUMMARY_MAX_CHARS;
  return { key: id, url, title, published, text, summaryOnly };
}

function isItem(item: FeedItem | null): item is FeedItem {
  return item !== null;
}

/** Raw (stop-node) element content → plain text: CDATA unwrapped, entities decoded, HTML stripped. */
function rawText(value: unknown): string {
  const node = value === undefined ? undefined : Array.isArray(value) ? value[0] : value;
  if (node === undefined || node === null) return '';
  const raw = isNode(node) ? String(node['#text'] ?? '') : String(node);
  const type = isNode(node) ? attr(node, 'type') : null;
  if (type === 'xhtml') return htmlToText(raw);
  const markup = raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, inner: string) => escapeXml(inner));
  const decoded = decodeXmlEntities(markup);
  return type === 'text' ? normaliseText(decoded) : htmlToText(decoded);
}

function titleText(value: unknown): string | null {
  const text = plain(value);
  if (text === null) return null;
  const cleaned = /[<&]/.test(text) ? htmlToText(text) : normaliseText(text);
  return cleaned.length > 0 ? cleaned : null;
}

function plain(value: unknown): string | null {
  const node = Array.isArray(value) ? value[0] : value;
  if (node === undefined || node === null) return null;
  const text = isNode(node) ? node['#text'] : node;
  if (text === undefined || text === null || typeof text === 'object') return null;
  const trimmed = String(text).trim();
  return trimmed.length > 0 ? trimmed : null;
}

function firstLink(value: unknown, base: string): string | null {
  for (const link of asList(value))
    return resolveUrl(plain(link) ?? attr(link, 'href') ?? attr(link, 'resource'), base);
  return null;
}

function atomLink(value: unknown, base: string): string | null {
  const links = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const nodes = links.filter(isNode);
  const chosen = nodes.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate') ?? nodes[0];
  const href = chosen ? attr(chosen, 'href') : typeof links[0] === 'string' ? links[0] : null;
  return resolveUrl(href, base);
}

function resolveUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function toIso(date: string | null): string | null {
  if (!date) return null;
  const ms = Date.parse(date.replace(/\s+(UT|Z)$/i, ' GMT'));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function attr(node: unknown, name: string): string | null {
  if (!isNode(node)) return null;
  const value = node[`@_${name}`];
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : null;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asNode(value: unknown): Node {
  return isNode(value) ? value : {};
}

function asList(value: unknown): Node[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((v) => (isNode(v) ? v : { '#text': v }));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const NAMED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/** XML's five entities and character references; anything else is left for the HTML parser. */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code =
      ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
