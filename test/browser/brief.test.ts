/**
 * The Brief control of a watchboard in Chromium: the brief is fetched with the session's token
 * (the route needs it) and opened as HTML in a new tab, or downloaded as Markdown or PDF.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  hasChromium,
  noteSkip,
  signedInPage,
  useSeededChromium,
} from './support/browser-harness.js';

noteSkip();

const BOARD_TITLE = 'Korean peninsula';

describe.skipIf(!hasChromium)('brief button in Chromium', { timeout: 90_000 }, () => {
  const suite = useSeededChromium({ beforeAll, afterAll });
  let page: Page;
  const briefRequests: { url: string; authorization: string | undefined }[] = [];

  beforeAll(async () => {
    const { served } = suite;
    page = await signedInPage(suite.browser, served.baseUrl, served.seed.tokens.viewer);
    page.on('request', (r) => {
      if (r.url().includes('/brief?'))
        briefRequests.push({ url: r.url(), authorization: r.headers()['authorization'] });
    });
  });

  /** The Brief form of the seeded board, on a freshly loaded overview (default choices). */
  async function briefForm() {
    await page.goto(`${suite.served.baseUrl}/#/`);
    await page.reload();
    const form = page.getByRole('form', { name: `Brief for ${BOARD_TITLE}` });
    await form.waitFor();
    return form;
  }

  it('opens the HTML brief of the board in a new tab, fetched with the token', async () => {
    const form = await briefForm();
    await form.locator('select[name=since]').selectOption('30d');
    const [tab] = await Promise.all([
      page.context().waitForEvent('page'),
      form.getByRole('button', { name: 'Brief' }).click(),
    ]);
    await tab.waitForURL(/^blob:/);
    await tab.waitForLoadState();
    expect(await tab.locator('h1').textContent()).toBe(`Situation report: ${BOARD_TITLE}`);
    expect(await tab.title()).toBe(`Situation report: ${BOARD_TITLE}`);
    expect(await form.getByTestId('brief-status').textContent()).toContain('new tab');
    const last = briefRequests.at(-1)!;
    expect(last.url).toMatch(
      /\/api\/boards\/korea\/brief\?format=html&since=30d&lang=en&dashboard=http%3A%2F%2F127\.0\.0\.1%3A\d+%2F$/,
    );
    // Its citations lead back to the highlighted span in this dashboard.
    const cite = await tab.locator('a.in-vigie').first().getAttribute('href');
    expect(cite).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/documents\/[^?]+\?start=\d+&end=\d+$/);
    expect(last.authorization).toBe(`Bearer ${suite.served.seed.tokens.viewer}`);
    await tab.close();
  });

  it('downloads the Markdown brief in French', async () => {
    const form = await briefForm();
    await form.locator('select[name=format]').selectOption('md');
    await form.locator('select[name=lang]').selectOption('fr');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      form.getByRole('button', { name: 'Brief' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('brief-korea-7d-fr.md');
    const markdown = await readFile(await download.path(), 'utf8');
    // The board's French title (the seed's wording), in a brief asked for in French.
    expect(markdown.split('\n')[0]).toBe('# Note de situation : Péninsule coréenne');
    expect(markdown).toContain('La RPDC teste un ICBM d’ici 90 jours');
    expect(markdown).not.toMatch(/Korean peninsula|DPRK tests an ICBM/);
  });

  it('offers the PDF only when the server can print it, and downloads it', async () => {
    const formats = (await (
      await page.request.get(`${suite.served.baseUrl}/api/briefs/formats`, {
        headers: { authorization: `Bearer ${suite.served.seed.tokens.viewer}` },
      })
    ).json()) as { formats: string[] };
    const form = await briefForm();
    const options = form.locator('select[name=format] option');
    await expect.poll(() => options.count()).toBe(formats.formats.length);
    const values = await Promise.all((await options.all()).map((o) => o.getAttribute('value')));
    expect(values).toEqual(formats.formats);
    if (!formats.formats.includes('pdf')) return; // the server said no: nothing more to check
    await form.locator('select[name=format]').selectOption('pdf');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      form.getByRole('button', { name: 'Brief' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('brief-korea-7d-en.pdf');
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('shows the server refusal when the brief fails, and leaves no tab open', async () => {
    const { store } = suite.served;
    const form = await briefForm();
    // The board is removed after the overview showed it: the server answers 404.
    const board = await store.db
      .selectFrom('watchboards')
      .selectAll()
      .where('id', '=', 'korea')
      .executeTakeFirstOrThrow();
    await store.db.deleteFrom('watchboards').where('id', '=', 'korea').execute();
    try {
      const pagesBefore = page.context().pages().length;
      await form.getByRole('button', { name: 'Brief' }).click();
      const alert = form.getByRole('alert');
      await alert.waitFor();
      // A sentence for a person, the server's words kept as detail, no raw error code.
      const text = await alert.textContent();
      expect(text).toMatch(/^This item does not exist.*\(404 · .*korea/);
      expect(text).not.toContain('VIGIE_');
      await expect.poll(() => page.context().pages().length).toBe(pagesBefore);
    } finally {
      await store.db.insertInto('watchboards').values(board).execute();
    }
  });
});
