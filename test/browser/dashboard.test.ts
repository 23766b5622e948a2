/**
 * The dashboard in real Chromium against `createServer` on a seeded store: overview, hypothesis,
 * evidence → highlighted span, timeline filters in the URL, map and network, phone width, keyboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  hasChromium,
  noteSkip,
  signedInPage,
  useSeededChromium,
  type Served,
} from './support/browser-harness.js';

noteSkip();

describe.skipIf(!hasChromium)('dashboard in Chromium', { timeout: 90_000 }, () => {
  const suite = useSeededChromium({ beforeAll, afterAll });
  let served: Served;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    served = suite.served;
    page = await signedInPage(suite.browser, served.baseUrl, served.seed.tokens.analyst);
    page.on('pageerror', (e) => errors.push(e.message));
  });

  it('opens the overview with cards, sparklines, last change, alerts and activity', async () => {
    await page.goto(`${served.baseUrl}/#/`);
    await page.waitForSelector('[data-testid=hypothesis-card]');
    const cards = page.locator('[data-testid=hypothesis-card]');
    expect(await cards.count()).toBe(2);
    const icbm = cards.filter({ hasText: 'DPRK tests an ICBM' });
    expect(await icbm.locator('.prob').textContent()).toBe('62%');
    expect(await icbm.locator('svg.sparkline polyline').count()).toBe(1);
    expect(await icbm.locator('.change').textContent()).toContain('+21 pts');
    expect(await icbm.locator('.change').textContent()).toContain('2024-11-12');
    expect(await page.locator('#latest-alerts').textContent()).toContain('2 open');
    expect(await page.locator('ul.alerts li').count()).toBe(2);
    const activity = await page.locator('section[aria-labelledby=activity]').textContent();
    expect(activity).toContain('Yonhap');
    expect(activity).toContain('Korean');
    expect(await page.locator('[data-testid=role]').textContent()).toContain('analyst');
    expect(errors).toEqual([]);
  });

  it('opens a hypothesis: trajectory, indicators with contributions, evidence', async () => {
    await page.click('text=DPRK tests an ICBM within 90 days');
    await page.waitForSelector('[data-testid=evidence-item]');
    expect(page.url()).toContain('#/hypotheses/korea.icbm');
    expect(await page.locator('h1').textContent()).toBe('DPRK tests an ICBM within 90 days');
    expect(await page.locator('svg.trajectory path.line').count()).toBe(1);
    expect(await page.locator('svg.trajectory circle.marker').count()).toBe(2);
    const indicator = page.locator('section[aria-labelledby=indicators] tbody tr');
    expect(await indicator.count()).toBe(1);
    expect(await indicator.textContent()).toContain('Missile tests by PRK');
    expect(await indicator.locator('.contribution').textContent()).toContain('+1.88');
    // Newest evidence first: the Korean report of 12 November, then the two English copies.
    const items = page.locator('[data-testid=evidence-item]');
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toContain('2024-11-12');
    expect(await items.nth(1).locator('[data-testid=evidence-link]').count()).toBe(2);
  });

  it('follows an evidence item to the document, scrolled to the highlighted span', async () => {
    const link = page
      .locator('[data-testid=evidence-item]')
      .nth(1)
      .locator('[data-testid=evidence-link]')
      .first();
    const target = await link.getAttribute('href');
    expect(target).toMatch(/^#\/documents\/doc-en-\d\?start=\d+&end=\d+$/);
    await link.click();
    const focus = page.locator('[data-testid=focus-span]');
    await focus.waitFor();
    expect(await focus.textContent()).toBe(
      'North Korea fired an intercontinental ballistic missile on Monday',
    );
    expect(await page.evaluate(`document.activeElement.dataset.testid`)).toBe('focus-span');
    const box = await focus.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 800).toBe(true);
    // The trigger inside the span is highlighted as a cue, in a text node.
    expect(await focus.locator('mark.cue-trigger').textContent()).toBe('fired');
    const side = await page.locator('aside.doc-side').textContent();
    expect(side).toMatch(/reliability\s*[BC]/);
    expect(side).toContain('Credited origin');
    expect(await page.locator('section[aria-labelledby=mentions-h] tbody tr').count()).toBe(
      await page.locator('section[aria-labelledby=mentions-h] tbody tr').count(),
    );
  });

  it('scrolls to a span far down a long page', async () => {
    await page.setViewportSize({ width: 1280, height: 300 });
    const sentence = 'Russia reportedly delivered air defense systems to Pyongyang';
    const doc = await served.store.db
      .selectFrom('documents')
      .select('text')
      .where('id', '=', 'doc-en-1')
      .executeTakeFirstOrThrow();
    const start = doc.text.indexOf(sentence);
    await page.goto(
      `${served.baseUrl}/#/documents/doc-en-1?start=${start}&end=${start + sentence.length}`,
    );
    const focus = page.locator('[data-testid=focus-span]');
    await focus.waitFor();
    expect(await focus.textContent()).toBe(sentence);
    await expect
      .poll(() =>
        page.evaluate(
          `(() => { const r = document.querySelector('[data-testid=focus-span]').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`,
        ),
      )
      .toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('says why a document is in its story', async () => {
    await page.goto(`${served.baseUrl}/#/documents/doc-en-2`);
    const join = page.locator('.story-join');
    await expect
      .poll(() => join.textContent())
      .toContain(
        "joined Yonhap's report on evidence: source South Korea's Joint Chiefs of Staff named by both; event Missile test 🇰🇵 North Korea",
      );
    expect(await join.locator('a').getAttribute('href')).toBe('#/documents/doc-en-1');
  });

  it('says next to each mention whom its text attributes the claim to', async () => {
    await page.goto(`${served.baseUrl}/#/documents/doc-en-1`);
    const cells = page.locator('[data-testid=attribution]');
    await expect.poll(() => cells.count()).toBe(2);
    expect(await cells.nth(0).textContent()).toBe(
      "South Korea's Joint Chiefs of Staff (🇰🇷 South Korea) via Yonhap",
    );
    expect(await cells.nth(0).locator('a').getAttribute('href')).toBe(
      '#/documents/doc-en-1?start=71&end=74',
    );
    expect(await cells.nth(1).textContent()).toBe('—');
  });

  it('shows an event with its origins and the outlets that carried each', async () => {
    await page.goto(`${served.baseUrl}/#/events/evt-test-1`);
    const summary = page.locator('[data-testid=origins-summary]');
    await expect
      .poll(() => summary.textContent())
      .toBe(
        "2 outlets, 1 independent origin: South Korea's Joint Chiefs of Staff on 4 November 2024",
      );
    expect(await page.locator('[data-testid=origins] li').textContent()).toContain(
      'carried by Yonhap, Wire Daily',
    );
    expect(errors).toEqual([]);
  });

  it('filters the timeline, with the filters in the URL', async () => {
    await page.goto(`${served.baseUrl}/#/events`);
    await page.waitForSelector('[data-testid=event-row]');
    const all = await page.locator('[data-testid=event-row]').count();
    expect(all).toBe(10);
    await page.selectOption('select[name=type]', 'MISSILE_TEST');
    await page.fill('input[name=actor]', 'prk');
    await page.click('form.filters button[type=submit]');
    await page.waitForURL(/type=MISSILE_TEST/);
    expect(page.url()).toContain('actor=PRK');
    await expect.poll(() => page.locator('[data-testid=event-row]').count()).toBe(2);
    const types = await page.locator('[data-testid=event-row] td:nth-child(2)').allTextContents();
    expect(new Set(types)).toEqual(new Set(['Missile test']));
    // The URL alone restores the filter (bookmark, reload).
    await page.reload();
    await page.waitForSelector('[data-testid=event-row]');
    expect(await page.locator('[data-testid=event-row]').count()).toBe(2);
    expect(await page.locator('select[name=type]').inputValue()).toBe('MISSILE_TEST');
    await page.goto(`${served.baseUrl}/#/events?since=2024-11-08&until=2024-11-09`);
    await expect.poll(() => page.locator('[data-testid=event-row]').count()).toBe(2);
  });

  it('draws the actor network and the regional map from the filtered events', async () => {
    await page.goto(`${served.baseUrl}/#/events`);
    // The previous test left a filtered timeline on this page: the map on screen may still be
    // that one until the unfiltered events arrive, so wait for the map of these events.
    const map = page.locator('[data-testid=world-map]');
    await map.waitFor();
    // North Korea (408) is in 7 of the 10 events, as source or target.
    await expect.poll(() => map.locator('path[data-count="7"]').count()).toBe(1);
    // The region only (East Asia to Eastern Europe), not the world.
    const shapes = await map.locator('path.country').count();
    expect(shapes).toBeGreaterThan(30);
    expect(shapes).toBeLessThan(150);
    expect(await map.locator('path[data-count="7"] title').textContent()).toBe('North Korea: 7');
    // Russia → North Korea: the hedged arms transfer is an arrow; the others are no movements.
    const flows = map.locator('path.flow');
    await expect.poll(() => flows.count()).toBe(1);
    expect(await flows.first().getAttribute('data-flow')).toBe('RUS>PRK');
    expect(await flows.first().getAttribute('marker-end')).toBe('url(#arrow-transfer)');
    // Six pairs; Russia–North Korea has an asserted meeting and a hedged transfer, drawn apart.
    await expect.poll(() => page.locator('.network svg g[data-pair]').count()).toBe(6);
    const prkRus = page.locator('.network svg g[data-pair="PRK-RUS"] line');
    expect(await prkRus.count()).toBe(2);
    expect(await prkRus.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-kind')))).toEqual([
      'asserted',
      'hedged',
    ]);
    expect(await page.locator('.network svg line.edge-denied').count()).toBe(0);
    // Names sit beside the nodes: none overflows the drawing.
    const overflow = await page.evaluate(() => {
      const svg = document.querySelector('.network svg') as SVGSVGElement;
      const box = svg.viewBox.baseVal;
      return Array.from(svg.querySelectorAll('text.node-name')).filter((t) => {
        const b = (t as SVGTextElement).getBBox();
        return b.x < 0 || b.y < 0 || b.x + b.width > box.width || b.y + b.height > box.height;
      }).length;
    });
    expect(overflow).toBe(0);
    expect(await page.locator('.network text.node-name').allTextContents()).toContain(
      '🇰🇵 North Korea',
    );
    await page.goto(`${served.baseUrl}/#/events?actor=IRN`);
    // Filtered to Iran: the map of these events has no 7-event country, and no actor pair is
    // left for the network.
    await expect.poll(() => map.locator('path[data-count="7"]').count()).toBe(0);
    await map.locator('path[data-count="1"]').first().waitFor();
    await expect.poll(() => page.locator('.network').count()).toBe(0);
  });

  it('fits a phone-width screen without sideways scrolling', async () => {
    const phone = await signedInPage(suite.browser, served.baseUrl, served.seed.tokens.viewer, {
      width: 375,
      height: 740,
    });
    for (const hash of ['#/', '#/hypotheses/korea.icbm', '#/documents/doc-en-1', '#/events']) {
      await phone.goto(`${served.baseUrl}/${hash}`);
      await phone.waitForSelector('main h1');
      await phone.waitForLoadState('networkidle');
      const overflow = await phone.evaluate(
        '(document.documentElement.scrollWidth - document.documentElement.clientWidth)',
      );
      expect(overflow, hash).toBeLessThanOrEqual(0);
    }
    await phone.context().close();
  });

  it('is keyboard navigable: skip link, main navigation, links by Enter', async () => {
    await page.goto(`${served.baseUrl}/#/`);
    await page.waitForSelector('[data-testid=hypothesis-card]');
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to content');
    await page.keyboard.press('Tab'); // brand
    await page.keyboard.press('Tab'); // Overview
    await page.keyboard.press('Tab'); // Events
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Events');
    await page.keyboard.press('Enter');
    await page.waitForSelector('form.filters');
    expect(page.url()).toContain('#/events');
    expect(errors).toEqual([]);
  });
});
