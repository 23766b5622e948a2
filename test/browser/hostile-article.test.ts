/**
 * Article text is hostile input: a `<script>` and an `<img onerror>` in a stored article (and in
 * its title) are shown as text on the document page and never run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  noteSkip,
  signedInPage,
  useSeededChromium,
} from './support/browser-harness.js';

noteSkip();

describe.skipIf(!hasChromium)('hostile article in Chromium', { timeout: 90_000 }, () => {
  const suite = useSeededChromium({ beforeAll, afterAll });

  // The server's CSP (script-src 'self') would block inline handlers anyway; the test turns it off
  // so that it proves the rendering itself never turns article text into markup.
  it.each([
    ['with the server CSP', false],
    ['with CSP bypassed', true],
  ])(
    'renders <script> and <img onerror> as text and runs neither (%s)',
    async (_label, bypassCSP) => {
      const { served } = suite;
      const page = await signedInPage(
        suite.browser,
        served.baseUrl,
        served.seed.tokens.viewer,
        {
          width: 1280,
          height: 800,
        },
        bypassCSP,
      );
      const dialogs: string[] = [];
      const requests: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      page.on('request', (r) => requests.push(r.url()));
      // Proof the probe works: a script that does run sets the flag.
      await page.evaluate('window.__pwned = undefined');
      const id = served.seed.ids.hostileDocument;
      await page.goto(`${served.baseUrl}/#/documents/${id}?start=0&end=66`);
      const article = page.locator('[data-testid=article-text]');
      await article.waitFor();
      await page.waitForLoadState('networkidle');

      const text = await article.textContent();
      expect(text).toContain('<script>window.__pwned = true</script>');
      expect(text).toContain('<img src=x onerror="window.__pwned=1">');
      expect(await page.locator('[data-testid=document-title]').textContent()).toBe(
        '<img src=x onerror=alert(1)> Missile claims',
      );
      expect(await page.locator('main script').count()).toBe(0);
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
      expect(dialogs).toEqual([]);
      expect(requests.filter((u) => u.endsWith('/x'))).toEqual([]);
      // The cue highlighting still works around the hostile markup.
      expect(await page.locator('[data-testid=focus-span]').textContent()).toContain('<script>');
      expect(await article.locator('mark.cue-trigger').textContent()).toBe('tested');
      await page.context().close();
    },
  );
});
