/**
 * One source → the documents it offers now: a feed (items, with full pages fetched for items
 * that only carry a summary), a web page, or local files. The kind is decided by the response
 * (Content-Type, then the first bytes), so a URL registered as a feed may turn out to be a page.
 * A remote source is read within a time budget (`signal`): past it, a feed keeps the items it
 * got, with their summaries where pages were not read.
 * @module
 */
import { createHash } from 'node:crypto';
import type { InputDocument } from '../../domain/document.js';
import { isStopping, VigieError } from '../../domain/errors.js';
import { decodeBytes } from '../charset/decode-bytes.js';
import type { SafeFetcher } from '../fetch/safe-fetch.js';
import { parseFeed, type FeedItem, type ParsedFeed } from '../feeds/parse-feed.js';
import { confineToRoots } from '../files/allowed-roots.js';
import { readPaths, type ReadPathsOptions, type SourceLine } from '../files/read-paths.js';
import { extractArticle } from '../pages/extract-article.js';
import { readItemPages } from './read-item-pages.js';

export interface SourceRef {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly lang?: string | null;
  readonly etag?: string | null;
  readonly lastModified?: string | null;
}

export interface ItemError {
  readonly url: string | null;
  readonly code: string;
  readonly message: string;
}

export interface SourceRead {
  /** What the response turned out to be; null when not modified (unchanged kind). */
  readonly kind: 'feed' | 'page' | 'file' | null;
  readonly notModified: boolean;
  readonly lines: SourceLine[];
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** Items that could not be completed (page fetch failed: the summary was kept) or files unread. */
  readonly itemErrors: ItemError[];
  readonly unsupported: string[];
  /**
   * The process stopped while item pages were read: the items whose page had not answered are
   * left out of `lines` (not stored with their summary), and the source must be read again.
   */
  readonly cutShort?: boolean;
}

export interface ReadSourceDeps {
  readonly fetcher: SafeFetcher;
  /** URLs already stored: their pages are not fetched again. */
  readonly knownUrls?: (urls: readonly string[]) => Promise<Set<string>>;
  readonly readJsonl?: ReadPathsOptions['readJsonl'];
  /** Full pages fetched per feed and read at most (the others keep their summary). */
  readonly maxPagesPerFeed?: number;
  /** Item pages fetched at the same time (default 4; the fetcher's per-host limit still applies). */
  readonly pageConcurrency?: number;
  /**
   * The source's time budget: when it aborts, the fetch in flight stops; a feed whose items were
   * read keeps them (summaries for the pages not read) and says so in `itemErrors`.
   */
  readonly signal?: AbortSignal;
  /**
   * Folders a local source may read (vigie.yaml `sources.allowedRoots`); a local source outside
   * them, or any local source when none is given, is refused.
   */
  readonly allowedRoots?: readonly string[];
}

const FEED_TYPES = [
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  'application/x-rss+xml',
];
const PAGE_TYPES = ['text/html', 'application/xhtml+xml'];
const ACCEPT = [...FEED_TYPES, ...PAGE_TYPES, 'text/plain'];

export function isRemoteUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

export async function readSource(source: SourceRef, deps: ReadSourceDeps): Promise<SourceRead> {
  if (!isRemoteUrl(source.url)) return readLocal(source, deps);
  const res = await deps.fetcher.fetch({
    url: source.url,
    etag: source.etag ?? null,
    lastModified: source.lastModified ?? null,
    accept: ACCEPT,
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  const base = {
    etag: res.etag,
    lastModified: res.lastModified,
    itemErrors: [] as ItemError[],
    unsupported: [],
  };
  if (res.notModified)
    return {
      ...base,
      kind: null,
      notModified: true,
      lines: [],
      etag: res.etag ?? source.etag ?? null,
      lastModified: res.lastModified ?? source.lastModified ?? null,
    };
  const decoded = decodeBytes(res.body, { contentType: res.contentType });
  const { text } = decoded;
  if (looksLikeFeed(res.contentType, text)) {
    const feed = parseFeed(text, res.url);
    const { docs, cutShort } = await feedDocuments(feed, source, deps, base.itemErrors);
    return {
      ...base,
      ...(cutShort ? { cutShort } : {}),
      kind: 'feed',
      notModified: false,
      lines: docs.map((d, i) => {
        // The page's own warning, else the feed's: both were read under an overruled charset.
        const warning = d.warning ?? decoded.warning;
        return {
          line: i + 1,
          file: source.url,
          value: d.value,
          ...(warning !== null ? { warning } : {}),
        };
      }),
    };
  }
  const article = extractArticle(text, res.url);
  const doc = compact({
    url: res.url,
    text: article.text,
    title: article.title,
    published: article.published,
    lang: source.lang ?? article.lang,
    outlet: article.siteName ?? source.name,
  });
  return {
    ...base,
    kind: 'page',
    notModified: false,
    lines: [
      {
        line: 1,
        file: source.url,
        value: doc,
        ...(decoded.warning !== null ? { warning: decoded.warning } : {}),
      },
    ],
  };
}

async function readLocal(source: SourceRef, deps: ReadSourceDeps): Promise<SourceRead> {
  const allowedRoots = deps.allowedRoots ?? [];
  await confineToRoots(source.url, allowedRoots);
  const unsupported: string[] = [];
  const lines: SourceLine[] = [];
  const itemErrors: ItemError[] = [];
  for await (const line of readPaths([source.url], {
    onUnsupported: (p) => unsupported.push(p),
    allowedRoots,
    ...(deps.readJsonl ? { readJsonl: deps.readJsonl } : {}),
  })) {
    // Local reads keep no time budget, but stop with the process.
    if (deps.signal?.aborted && isStopping(deps.signal.reason)) throw deps.signal.reason;
    if (line.error !== undefined && line.line <= 1 && line.value === undefined) {
      itemErrors.push({
        url: line.file ?? source.url,
        code: 'VIGIE_PARSE_FAILED',
        message: line.error,
      });
      if (/^cannot read /.test(line.error) && line.file === source.url) {
        throw new VigieError('VIGIE_INPUT_INVALID', line.error, { where: source.url });
      }
      continue;
    }
    lines.push(line);
  }
  return {
    kind: 'file',
    notModified: false,
    lines,
    etag: null,
    lastModified: null,
    itemErrors,
    unsupported,
  };
}

function looksLikeFeed(contentType: string | null, text: string): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (PAGE_TYPES.includes(type) && !/^\s*<\?xml/.test(text)) return false;
  if (FEED_TYPES.includes(type) || /\b(rss|atom)\b/.test(type)) return true;
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/.test(
    text.slice(0, 4096),
  );
}

/**
 * Document id of a feed item, stable across fetches: a hash of its guid or link. A key that is
 * not a URL ("1234") is only unique within its feed, so the feed URL is hashed with it.
 */
export function feedItemId(item: FeedItem, feedUrl: string): string {
  const key = /^https?:\/\//i.test(item.key) ? item.key : `${feedUrl}\n${item.key}`;
  return `feed-${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
}

async function feedDocuments(
  feed: ParsedFeed,
  source: SourceRef,
  deps: ReadSourceDeps,
  errors: ItemError[],
): Promise<{ docs: { value: InputDocument; warning: string | null }[]; cutShort: boolean }> {
  const wanted = feed.items.filter((i) => i.summaryOnly && i.url).map((i) => i.url!);
  const known =
    wanted.length > 0 && deps.knownUrls ? await deps.knownUrls(wanted) : new Set<string>();
  const toRead = [...new Set(wanted.filter((url) => !known.has(url)))].slice(
    0,
    deps.maxPagesPerFeed ?? 30,
  );
  const pages = await readItemPages(toRead, {
    fetcher: deps.fetcher,
    ...(deps.pageConcurrency !== undefined ? { concurrency: deps.pageConcurrency } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  for (const [url, failure] of pages.failures)
    errors.push({
      url,
      code: failure.code,
      message: `item page not read, summary kept: ${failure.message}`,
    });
  // Stopped (not out of budget): the items whose page had not answered are left for the next
  // start, which reads the feed again, rather than stored for good with their summary.
  const cutShort = pages.stoppedBy !== null && isStopping(pages.stoppedBy);
  const unread = (url: string) => !pages.articles.has(url) && !pages.failures.has(url);
  const leftOut = new Set(cutShort ? toRead.filter(unread) : []);
  if (pages.stoppedBy && !cutShort)
    errors.push({
      url: source.url,
      code: 'VIGIE_FETCH_FAILED',
      message: `${pages.stoppedBy.message}: ${pages.unread} of ${toRead.length} item pages not read, their summaries kept`,
    });
  const docs: { value: InputDocument; warning: string | null }[] = [];
  for (const item of feed.items) {
    if (item.url && (known.has(item.url) || leftOut.has(item.url))) continue;
    let text = item.text;
    let published = item.published;
    let lang = source.lang ?? feed.lang;
    let title = item.title;
    const article = item.summaryOnly && item.url ? pages.articles.get(item.url) : undefined;
    if (article) {
      if (article.text.length > text.length) text = article.text;
      published ??= article.published;
      lang ??= article.lang;
      title ??= article.title;
    }
    if (text.trim().length === 0) text = title ?? '';
    if (text.trim().length === 0) continue;
    docs.push({
      value: compact({
        id: feedItemId(item, source.url),
        url: item.url,
        title,
        published,
        lang,
        outlet: feed.title ?? source.name,
        text,
      }),
      warning: (article && item.url ? pages.warnings.get(item.url) : undefined) ?? null,
    });
  }
  return { docs, cutShort };
}

function compact(
  fields: Record<string, string | null | undefined> & { text: string },
): InputDocument {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields))
    if (value !== null && value !== undefined && value !== '') out[key] = value;
  out['text'] = fields.text;
  if (out['lang'] && !/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(out['lang']))
    out['lang'] = out['lang'].split(/[-_]/)[0]!.toLowerCase();
  return out as unknown as InputDocument;
}
