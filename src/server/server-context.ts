/** What every route handler gets: the store, the resolved config, services, the read cache and the PDF printer. */
import type { Config } from '../config/schema.js';
import type { PdfPrinter } from '../report/brief/render-pdf.js';
import type { Store } from '../store/open-store.js';
import type { ReadCache } from './read-cache.js';
import type { ServerServices } from './services.js';

export interface ServerContext {
  readonly store: Store;
  readonly config: Readonly<Config>;
  readonly services: ServerServices;
  readonly cache: ReadCache;
  /** The one Chromium PDF briefs are printed with, and its queue. */
  readonly pdf: PdfPrinter;
  readonly now: () => Date;
}
