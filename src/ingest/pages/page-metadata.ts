/**
 * Publication date, language and title of an HTML page from its markup: meta tags
 * (article:published_time, og, Dublin Core), itemprop datePublished, JSON-LD, <time datetime>.
 * @module
 */
import { appendAll } from '../../domain/append-all.js';

export interface PageMetadata {
  readonly title: string | null;
  readonly published: string | null;
  readonly lang: string | null;
  readonly siteName: string | null;
}

interface ElementLike {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
interface DocumentLike {
  querySelector(selector: string): unknown;
  querySelectorAll(selector: string): unknown;
  documentElement: unknown;
}

const DATE_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[property="og:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  '[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date"]',
];

export function readPageMetadata(document: DocumentLike): PageMetadata {
  return {
    title: metaContent(document, 'meta[property="og:title"]') ?? textOf(document, 'title'),
    published: findPublished(document),
    lang: findLang(document),
    siteName: metaContent(document, 'meta[property="og:site_name"]'),
  };
}

function findPublished(document: DocumentLike): string | null {
  for (const selector of DATE_SELECTORS) {
    const el = document.querySelector(selector) as ElementLike | null;
    const value = el
      ? (el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent)
      : null;
    const iso = toIsoDate(value);
    if (iso) return iso;
  }
  for (const script of all(document, 'script[type="application/ld+json"]')) {
    const iso = toIsoDate(jsonLdDate(script.textContent ?? ''));
    if (iso) return iso;
  }
  for (const time of all(document, 'time[datetime]')) {
    const iso = toIsoDate(time.getAttribute('datetime'));
    if (iso) return iso;
  }
  return null;
}

function jsonLdDate(json: string): string | null {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  const queue: unknown[] = [data];
  for (let visited = 0; queue.length > 0 && visited < 200; visited++) {
    const node = queue.shift();
    if (Array.isArray(node)) appendAll(queue, node);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record['datePublished'] === 'string') return record['datePublished'];
      for (const value of Object.values(record))
        if (value && typeof value === 'object') queue.push(value);
    }
  }
  return null;
}

function findLang(document: DocumentLike): string | null {
  const html = document.documentElement as ElementLike | null;
  const candidates = [
    html?.getAttribute('lang') ?? null,
    html?.getAttribute('xml:lang') ?? null,
    metaContent(document, 'meta[http-equiv="content-language" i]'),
    metaContent(document, 'meta[http-equiv="Content-Language"]'),
    metaContent(document, 'meta[name="language"]'),
    metaContent(document, 'meta[property="og:locale"]'),
  ];
  for (const value of candidates) {
    const primary = value
      ?.trim()
      .split(/[-_,\s]/)[0]
      ?.toLowerCase();
    if (primary && /^[a-z]{2,3}$/.test(primary)) return primary;
  }
  return null;
}

/** Accepts full timestamps and plain dates; returns ISO 8601 (date-only stays date-only). */
export function toIsoDate(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return Number.isNaN(Date.parse(text)) ? null : text;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function metaContent(document: DocumentLike, selector: string): string | null {
  let el: ElementLike | null = null;
  try {
    el = document.querySelector(selector) as ElementLike | null;
  } catch {
    return null;
  }
  const value = el?.getAttribute('content')?.trim();
  return value ? value : null;
}

function textOf(document: DocumentLike, selector: string): string | null {
  const value = (document.querySelector(selector) as ElementLike | null)?.textContent
    ?.replace(/\s+/g, ' ')
    .trim();
  return value ? value : null;
}

function all(document: DocumentLike, selector: string): ElementLike[] {
  return Array.from(document.querySelectorAll(selector) as ArrayLike<ElementLike>);
}
