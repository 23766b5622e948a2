/**
 * HTML → PDF through the machine's Chromium (headless print to PDF, driven by playwright-core).
 * No Chromium (or no playwright-core) → a ConfigError saying what to install (CLI exit code 2).
 * The page gets no network: every request is aborted (the brief is self-contained anyway).
 * A server prints every brief with one shared Chromium (PdfPrinter): a few pages at once, the
 * rest in a bounded queue; past it a 503 (issue #15 finding 2: ten briefs were ten browsers).
 * @module
 */
import { existsSync } from 'node:fs';
import type * as PlaywrightCore from 'playwright-core';
import { ConfigError, VigieError } from '../../domain/errors.js';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium a PDF brief is printed with: VIGIE_CHROMIUM or Debian's path. */
export function chromiumPath(): string {
  return process.env['VIGIE_CHROMIUM'] ?? DEFAULT_CHROMIUM;
}

/** playwright-core, once Chromium is known to be there; a ConfigError saying what is missing. */
async function loadPlaywright(chromium: string): Promise<typeof PlaywrightCore> {
  if (!existsSync(chromium))
    throw new ConfigError(
      `PDF briefs need Chromium at ${chromium} (install it, e.g. apt-get install chromium, or set VIGIE_CHROMIUM); use --format html or md meanwhile`,
      'format',
    );
  try {
    return await import('playwright-core');
  } catch (error) {
    throw new ConfigError(
      'PDF briefs need the playwright-core package (npm install playwright-core)',
      'format',
      error,
    );
  }
}

/**
 * Whether this machine can print PDF briefs, and if not why (for the dashboard, which offers
 * the PDF download only when it can). Checks what renderPdf needs, without launching Chromium.
 */
export async function checkPdfSupport(
  chromium = chromiumPath(),
): Promise<{ readonly available: boolean; readonly reason: string | null }> {
  try {
    await loadPlaywright(chromium);
    return { available: true, reason: null };
  } catch (error) {
    if (error instanceof ConfigError) return { available: false, reason: error.message };
    throw error;
  }
}

/** The part of a Playwright page a brief is printed with (tests give a fake). */
export interface PdfPage {
  route(url: string, handler: (route: { abort(): Promise<void> }) => unknown): Promise<unknown>;
  setContent(html: string, options: { waitUntil: 'load' }): Promise<void>;
  pdf(options: {
    format: string;
    printBackground: boolean;
    margin: Record<string, string>;
  }): Promise<Buffer>;
  close(): Promise<void>;
}

/** The part of a Playwright browser the printer uses. */
export interface PdfBrowser {
  newPage(): Promise<PdfPage>;
  isConnected(): boolean;
  close(): Promise<void>;
}

export interface PdfPrinterOptions {
  /** Starts the browser (default: Chromium at `chromium` through playwright-core). */
  readonly launch?: () => Promise<PdfBrowser>;
  readonly chromium?: string;
  /** Pages printed at once (default 2). */
  readonly concurrency?: number;
  /** Briefs waiting for a page; one more is refused with PdfQueueFullError (default 8). */
  readonly maxQueue?: number;
}

/** The PDF queue is full: the server answers 503. */
export class PdfQueueFullError extends VigieError {
  constructor(maxQueue: number) {
    super(
      'VIGIE_UNAVAILABLE',
      `PDF printer busy: ${maxQueue} briefs already wait for the shared Chromium (server.limits.pdfQueue); retry shortly or ask for format=html`,
    );
    this.name = 'PdfQueueFullError';
  }
}

/** One Chromium for every brief, started on first use and again after a crash. */
export class PdfPrinter {
  readonly #launch: () => Promise<PdfBrowser>;
  readonly #concurrency: number;
  readonly #maxQueue: number;
  readonly #waiting: (() => void)[] = [];
  #browser: Promise<PdfBrowser> | null = null;
  #printing = 0;
  #launches = 0;
  #closed = false;

  constructor(options: PdfPrinterOptions = {}) {
    const chromium = options.chromium ?? chromiumPath();
    this.#launch = options.launch ?? (() => launchChromium(chromium));
    this.#concurrency = Math.max(1, options.concurrency ?? 2);
    this.#maxQueue = Math.max(0, options.maxQueue ?? 8);
  }

  /** Browsers started so far. */
  get launches(): number {
    return this.#launches;
  }

  async print(html: string): Promise<Buffer> {
    if (this.#closed) throw new VigieError('VIGIE_UNAVAILABLE', 'the PDF printer is shut down');
    if (this.#printing < this.#concurrency) this.#printing += 1;
    else if (this.#waiting.length >= this.#maxQueue) throw new PdfQueueFullError(this.#maxQueue);
    // A finishing brief hands its slot over (below), so no late caller jumps the queue.
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      if (this.#closed) throw new VigieError('VIGIE_UNAVAILABLE', 'the PDF printer is shut down');
      const page = await (await this.#browserNow()).newPage();
      try {
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({
          format: 'A4',
          printBackground: true,
          margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' },
        });
      } finally {
        await page.close().catch(() => undefined);
      }
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#printing -= 1;
    }
  }

  /** Closes the browser; briefs still waiting fail. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const wake of this.#waiting.splice(0)) wake();
    const browser = this.#browser;
    this.#browser = null;
    if (browser) await (await browser.catch(() => null))?.close();
  }

  async #browserNow(): Promise<PdfBrowser> {
    const current = this.#browser ? await this.#browser.catch(() => null) : null;
    if (current?.isConnected()) return current;
    if (this.#browser === null || current !== null) {
      // None yet, or the last one crashed: one launch, shared by every brief waiting for it.
      this.#launches += 1;
      this.#browser = this.#launch();
      this.#browser.catch(() => (this.#browser = null));
    }
    return this.#browser!;
  }
}

/** Chromium through playwright-core: what a PdfPrinter launches by default. */
export async function launchChromium(chromium: string): Promise<PdfBrowser> {
  const playwright = await loadPlaywright(chromium);
  return playwright.chromium.launch({ executablePath: chromium, args: ARGS, headless: true });
}

/** One brief printed with a browser of its own (the CLI: one brief per process). */
export async function renderPdf(html: string, chromium = chromiumPath()): Promise<Buffer> {
  const printer = new PdfPrinter({ chromium });
  try {
    return await printer.print(html);
  } finally {
    await printer.close();
  }
}
