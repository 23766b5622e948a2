/**
 * `renderBrief(store, options)`: a situation report for one watchboard over a period, as
 * Markdown, HTML or PDF, in English or French. CLI and API both call this.
 *
 * @example
 * const brief = await renderBrief(store, { boardId: 'korea', since: '7d', format: 'html', lang: 'fr' });
 * @module
 */
import { isBoardLanguage } from '../../domain/board-wording.js';
import { InputError } from '../../domain/errors.js';
import type { Store } from '../../store/open-store.js';
import { resolveSince } from '../period.js';
import { gatherBrief, type BriefData } from './brief-data.js';
import { dashboardLinks } from './brief-format.js';
import { loadBriefStrings } from './brief-strings.js';
import { renderBriefHtml } from './render-html.js';
import { renderBriefMarkdown } from './render-markdown.js';
import { renderPdf } from './render-pdf.js';

export const BRIEF_FORMATS = ['md', 'html', 'pdf'] as const;

export interface BriefOptions {
  readonly boardId: string;
  /** `7d`, `12h`, `2w` or an ISO date (default 7d). */
  readonly since?: string;
  /** End of the period (default: the latest document publication in the store, else now). */
  readonly asOf?: Date;
  readonly format?: string;
  readonly lang?: string;
  readonly maxEvents?: number;
  /** Prints the HTML to PDF (default: a Chromium of its own; a server shares one, PdfPrinter). */
  readonly printPdf?: (html: string) => Promise<Buffer>;
  /** The dashboard's address: citations and events link back to it (HTML, Markdown, PDF). */
  readonly dashboardUrl?: string;
}

export interface RenderedBrief {
  readonly body: string | Buffer;
  readonly contentType: string;
  readonly extension: string;
  readonly data: BriefData;
}

async function latestNews(store: Store): Promise<Date> {
  const row = await store.db
    .selectFrom('documents')
    .select((eb) => eb.fn.max('published').as('latest'))
    .executeTakeFirst();
  const latest = row?.latest ? new Date(String(row.latest)) : null;
  const now = new Date();
  return latest && !Number.isNaN(latest.getTime()) && latest < now ? latest : now;
}

export async function renderBrief(store: Store, options: BriefOptions): Promise<RenderedBrief> {
  const format = options.format ?? 'md';
  if (!(BRIEF_FORMATS as readonly string[]).includes(format))
    throw new InputError(
      `unknown brief format "${format}" (use one of: ${BRIEF_FORMATS.join(', ')})`,
      'format',
    );
  const lang = options.lang ?? 'en';
  const strings = loadBriefStrings(lang);
  const asOf = options.asOf ?? (await latestNews(store));
  const since = resolveSince(options.since ?? '7d', asOf);
  const data = await gatherBrief(store, {
    boardId: options.boardId,
    since,
    until: asOf.toISOString(),
    // Titles in the brief's language where the board gives it (a brief language always has
    // its template; a board may be worded in fewer languages).
    ...(isBoardLanguage(lang) ? { lang } : {}),
    ...(options.maxEvents ? { maxEvents: options.maxEvents } : {}),
  });
  if (format === 'md')
    return {
      body: renderBriefMarkdown(data, strings, dashboardLinks(options.dashboardUrl)),
      contentType: 'text/markdown; charset=utf-8',
      extension: 'md',
      data,
    };
  const html = renderBriefHtml(data, strings, lang, dashboardLinks(options.dashboardUrl));
  if (format === 'html')
    return { body: html, contentType: 'text/html; charset=utf-8', extension: 'html', data };
  const print = options.printPdf ?? ((page: string) => renderPdf(page));
  return { body: await print(html), contentType: 'application/pdf', extension: 'pdf', data };
}
