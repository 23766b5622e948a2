/**
 * The calibration page in real Chromium: a board scored in the seeded store, two hypotheses
 * resolved through the API, then the reliability diagram, the scores table and the trajectories
 * with their resolution marked. Saves docs/screenshots/calibration.png and, on a 390-px phone,
 * calibration-mobile.png.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreBoards } from '../../src/analyse/watchboards/score-boards.js';
import {
  CALIBRATION_BOARD as BOARD,
  CALIBRATION_RESOLUTIONS,
} from './support/calibration-board.js';
import {
  hasChromium,
  noteSkip,
  signedInPage,
  useSeededChromium,
} from './support/browser-harness.js';

noteSkip();

const SHOT = fileURLToPath(new URL('../../docs/screenshots/calibration.png', import.meta.url));

describe.skipIf(!hasChromium)('calibration page in Chromium', { timeout: 120_000 }, () => {
  const suite = useSeededChromium({ beforeAll, afterAll });

  it('shows the reliability diagram, the scores and the resolutions on the trajectories', async () => {
    const { served } = suite;
    await scoreBoards(served.store, [BOARD]);
    for (const [id, outcome, date] of CALIBRATION_RESOLUTIONS) {
      const res = await served.app.inject({
        method: 'POST',
        url: `/api/hypotheses/${encodeURIComponent(id)}/resolution`,
        headers: { authorization: `Bearer ${served.seed.tokens.analyst}` },
        payload: { outcome, date, source: 'https://example.org/record' },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const page = await signedInPage(suite.browser, served.baseUrl, served.seed.tokens.viewer);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    expect(await page.locator('nav >> text=Calibration').getAttribute('href')).toBe(
      '#/calibration',
    );
    await page.goto(`${served.baseUrl}/#/calibration/peninsula`);
    await page.waitForSelector('text=Calibration — Russia and the DPRK (calibration test)');
    expect(await page.locator('[data-testid=scored-hypothesis]').count()).toBe(2);
    expect(await page.locator('[data-testid=calibration-summary]').textContent()).toMatch(
      /Brier 0\.\d{3} over 2 resolved hypotheses/,
    );
    expect(await page.locator('[data-testid=reliability-point]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=resolution-mark]').count()).toBe(2);
    expect(await page.locator('figure').first().textContent()).toContain(
      'resolved true 2024-11-12',
    );
    // The seed's documents were stored without analysis: the page says so.
    expect(await page.locator('[data-testid=pending-documents]').textContent()).toContain(
      'documents not analysed yet',
    );
    mkdirSync(fileURLToPath(new URL('../../docs/screenshots/', import.meta.url)), {
      recursive: true,
    });
    await page.screenshot({ path: SHOT, fullPage: true });
    // On a 390-px phone: nothing wider than the screen, and its screenshot for the README.
    const phone = await signedInPage(suite.browser, served.baseUrl, served.seed.tokens.viewer, {
      width: 390,
      height: 844,
    });
    phone.on('pageerror', (e) => errors.push(e.message));
    await phone.goto(`${served.baseUrl}/#/calibration/peninsula`);
    await phone.waitForSelector('[data-testid=resolution-mark]', { state: 'attached' });
    await phone.waitForLoadState('networkidle');
    const overflow = await phone.evaluate(
      '(document.documentElement.scrollWidth - document.documentElement.clientWidth)',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: SHOT.replace('.png', '-mobile.png'), fullPage: true });
    await phone.context().close();
    // In French: the page's words, its numbers written the French way.
    await page.selectOption('[data-testid=language]', 'fr');
    await expect
      .poll(() => page.locator('[data-testid=calibration-summary]').textContent())
      .toMatch(/^Brier 0,\d{3} sur 2 hypothèses résolues/);
    const text = await page.locator('main').innerText();
    for (const words of ['Diagramme de fiabilité', 'Hypothèses résolues', 'Score logarithmique'])
      expect(text).toContain(words);
    expect(await page.locator('figure').first().textContent()).toContain(
      'résolue vraie le 2024-11-12',
    );
    expect(text).not.toMatch(/Reliability diagram|Resolved hypotheses|resolved true|Log score/);
    await page.selectOption('[data-testid=language]', 'en');
    expect(errors).toEqual([]);
  });
});
