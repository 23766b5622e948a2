/**
 * What every browser suite checks on a page: that it raised no page error and logged no console
 * error, and that a route has rendered (its heading, and no "Loading…" left).
 * @module
 */
import type { Page } from 'playwright-core';

/** Collects page errors and console errors; a test ends by expecting none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** Opens a route and waits until it has rendered something other than "Loading…". */
export async function visit(page: Page, base: string, hash: string): Promise<void> {
  await page.goto(`${base}/${hash}`);
  await page.waitForSelector('main h1');
  await settled(page);
}

/** Waits until no part of the page says "Loading…" (several parts may load at once). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('main [aria-busy=true]') === null);
}
