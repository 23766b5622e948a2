/**
 * An HTML page → its article: main text (Readability on a linkedom DOM, which never runs
 * scripts), title, publication date and language. Pure: no network, no file access.
 * @module
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { VigieError } from '../../domain/errors.js';
import { htmlToText, nodeToText, removeAll } from './html-to-text.js';
import { readPageMetadata } from './page-metadata.js';

export interface PageArticle {
  readonly title: string | null;
  readonly text: string;
  readonly published: string | null;
  readonly lang: string | null;
  readonly siteName: string | null;
}

/**
 * Extracts the article of a page.
 * @example extractArticle(html, 'https://news.example/a/1').text
 */
export function extractArticle(page: string, where = 'page'): PageArticle {
  // linkedom only builds a proper tree for whole documents: wrap fragments.
  const html = /<(html|body)[\s>]/i.test(page)
    ? page
    : `<!doctype html><html><body>${page}</body></html>`;
  const { document } = parseHTML(html);
  const meta = readPageMetadata(document);
  removeAll(
    document,
    'script:not([type="application/ld+json"]), style, noscript, iframe, object, embed, template',
  );
  let text = '';
  let title: string | null = null;
  try {
    const article = new Readability(document as never, { charThreshold: 200 }).parse();
    if (article?.content) text = htmlToText(article.content);
    title = article?.title?.trim() || null;
  } catch {
    // Readability gives up on odd markup; the body text below is the fallback.
  }
  if (text.length < 50) {
    const { document: fresh } = parseHTML(html);
    removeAll(
      fresh,
      'script, style, noscript, template, iframe, object, embed, nav, header, footer, aside, form',
    );
    const body = fresh.body as unknown;
    const fallback = body ? nodeToText(body as Parameters<typeof nodeToText>[0]) : htmlToText(page);
    if (fallback.length > text.length) text = fallback;
  }
  if (text.length === 0)
    throw new VigieError('VIGIE_PARSE_FAILED', 'the page has no readable text', { where });
  return {
    title: meta.title ?? title,
    text,
    published: meta.published,
    lang: meta.lang,
    siteName: meta.siteName,
  };
}
