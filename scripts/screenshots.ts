/**
 * Screenshots of the dashboard's main pages at 1280×800 into docs/screenshots/, and at a 390-px
 * phone width (`<name>-mobile.png`), against the seeded test server (the browser suite's
 * readable.test.ts writes them too). Run: npx tsx scripts/screenshots.ts  (needs /usr/bin/chromium).
 */
import { mkdirSync } from 'node:fs';
import {
  ensureWebBuilt,
  hasChromium,
  launchChromium,
  serveSeeded,
  signedInPage,
  CHROMIUM_PATH,
} from '../test/browser/support/browser-harness.js';
import { SCREENSHOT_PAGES } from '../test/browser/support/screenshot-pages.js';

const OUT = 'docs/screenshots';

const PAGES = SCREENSHOT_PAGES;
const PHONE = { width: 390, height: 844 };

async function main(): Promise<void> {
  if (!hasChromium) {
    console.error(`no screenshots: ${CHROMIUM_PATH} is missing (apt-get install -y chromium)`);
    process.exitCode = 1;
    return;
  }
  await ensureWebBuilt(process.argv.includes('--rebuild'));
  mkdirSync(OUT, { recursive: true });
  const served = await serveSeeded();
  const browser = await launchChromium();
  try {
    const page = await signedInPage(browser, served.baseUrl, served.seed.tokens.analyst);
    for (const p of PAGES) {
      await page.goto(`${served.baseUrl}/${p.hash}`);
      await page.waitForSelector(p.wait);
      await page.screenshot({ path: `${OUT}/${p.name}.png` });
      console.log(`${OUT}/${p.name}.png`);
    }
    await page.setViewportSize(PHONE);
    for (const p of PAGES) {
      await page.goto(`${served.baseUrl}/${p.hash}`);
      await page.waitForSelector(p.wait);
      await page.screenshot({ path: `${OUT}/${p.name}-mobile.png`, fullPage: true });
      console.log(`${OUT}/${p.name}-mobile.png`);
    }
    if (process.argv.includes('--phone')) {
      await page.setViewportSize({ width: 375, height: 800 });
      for (const p of PAGES) {
        await page.goto(`${served.baseUrl}/${p.hash}`);
        await page.waitForSelector(p.wait);
        await page.screenshot({ path: `/tmp/vigie-phone-${p.name}.png`, fullPage: true });
        console.log(`/tmp/vigie-phone-${p.name}.png`);
      }
    }
  } finally {
    await browser.close();
    await served.close();
  }
}

await main();
