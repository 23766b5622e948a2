/**
 * Screenshots of the dashboard's main pages at 1280×800 into docs/screenshots/, against the
 * seeded test server, and of the workbench pages at a 390-px phone width too (`<name>-mobile.png`).
 * Run: npx tsx scripts/screenshots.ts  (needs /usr/bin/chromium).
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

const OUT = 'docs/screenshots';

const PAGES: readonly { name: string; hash: string; wait: string; mobile?: boolean }[] = [
  { name: 'overview', hash: '#/', wait: '[data-testid=hypothesis-card]' },
  { name: 'hypothesis', hash: '#/hypotheses/korea.icbm', wait: '[data-testid=evidence-item]' },
  {
    name: 'document',
    hash: '#/documents/doc-en-1?start=0&end=65',
    wait: '[data-testid=focus-span]',
  },
  { name: 'events', hash: '#/events', wait: '[data-testid=world-map]' },
  { name: 'alerts', hash: '#/alerts', wait: '[data-testid=alert]' },
  {
    name: 'event',
    hash: '#/events/evt-test-1',
    wait: '[data-testid=moved-hypotheses]',
    mobile: true,
  },
  {
    name: 'documents',
    hash: '#/documents?q=missile&lang=en',
    wait: '[data-testid=document-row]',
    mobile: true,
  },
  { name: 'actor', hash: '#/actors/PRK', wait: '[data-testid=actor-types]', mobile: true },
  { name: 'story', hash: '#/stories/story-1', wait: '[data-testid=story-copies]', mobile: true },
];
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
    for (const p of PAGES.filter((x) => x.mobile)) {
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
