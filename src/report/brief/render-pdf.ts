/**
 * HTML → PDF through the machine's Chromium (headless print to PDF, driven by playwright-core).
 * No Chromium (or no playwright-core) → a ConfigError saying what to install (CLI exit code 2).
 * The page gets no network: every request is aborted (the brief is self-contained anyway).
 * @module
 */
import { existsSync } from 'node:fs';
import type * as PlaywrightCore from 'playwright-core';
import { ConfigError } from '../../domain/errors.js';

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

export async function renderPdf(html: string, chromium = chromiumPath()): Promise<Buffer> {
  const playwright = await loadPlaywright(chromium);
  const browser = await playwright.chromium.launch({
    executablePath: chromium,
    args: ARGS,
    headless: true,
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' },
    });
  } finally {
    await browser.close();
  }
}
