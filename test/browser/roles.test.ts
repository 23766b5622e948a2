/**
 * Sign-in and roles in Chromium: a viewer sees analyst actions marked as needing the analyst role,
 * and when tried the server's 403 is shown and nothing changes; an analyst acknowledges and grades.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  noteSkip,
  signedInPage,
  useSeededChromium,
} from './support/browser-harness.js';

noteSkip();

describe.skipIf(!hasChromium)('sign-in and roles in Chromium', { timeout: 90_000 }, () => {
  const suite = useSeededChromium({ beforeAll, afterAll });

  it('refuses a bad token at sign-in and keeps no session', async () => {
    const { served, browser } = suite;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${served.baseUrl}/`);
    expect(await page.locator('text=Continue without a token').count()).toBe(0);
    await page.fill('#token', served.seed.revokedToken);
    await page.click('button[type=submit]');
    const notice = page.locator('.login [role=alert]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('token revoked');
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    await context.close();
  });

  it('a viewer is refused acknowledging an alert, with the 403 shown, and nothing changes', async () => {
    const { served, browser } = suite;
    const page = await signedInPage(browser, served.baseUrl, served.seed.tokens.viewer);
    expect(await page.locator('[data-testid=role]').textContent()).toContain('viewer');
    expect(await page.evaluate(`sessionStorage.getItem('vigie.token')`)).toBe(
      served.seed.tokens.viewer,
    );
    await page.goto(`${served.baseUrl}/#/alerts`);
    await page.waitForSelector('[data-testid=alert]');
    expect(await page.locator('[data-testid=viewer-note]').textContent()).toContain('analyst role');
    const ack = page.locator('[data-testid=ack]').first();
    expect(await ack.getAttribute('aria-disabled')).toBe('true');
    await ack.focus();
    await page.keyboard.press('Enter');
    const refusal = page.locator('.notice-forbidden');
    await refusal.waitFor();
    const text = await refusal.textContent();
    expect(text).toContain('403');
    expect(text).toContain('needs the analyst role');
    const rows = await served.store.db
      .selectFrom('alerts')
      .select(['id', 'acknowledged_at'])
      .execute();
    expect(rows.every((r) => r.acknowledged_at === null)).toBe(true);
    // Same for grading a source.
    await page.goto(`${served.baseUrl}/#/sources`);
    await page.waitForSelector('[data-testid=source-row]');
    // aria-disabled, not disabled: the control still works and the server answers.
    await page.focus('select[aria-label="Reliability of Yonhap"]');
    await page.keyboard.press('ArrowUp'); // B → A
    await page.locator('.notice-forbidden').waitFor();
    expect(await page.locator('select[aria-label="Reliability of Yonhap"]').inputValue()).toBe('B');
    const yonhap = await served.store.db
      .selectFrom('sources')
      .select('reliability')
      .where('id', '=', 'src-yonhap')
      .executeTakeFirstOrThrow();
    expect(yonhap.reliability).toBe('B');
    await page.context().close();
  });

  it('an analyst acknowledges an alert and grades a source', async () => {
    const { served, browser } = suite;
    const page = await signedInPage(browser, served.baseUrl, served.seed.tokens.analyst);
    expect(await page.locator('[data-testid=role]').textContent()).toContain('analyst');
    await page.goto(`${served.baseUrl}/#/alerts`);
    const first = page.locator('[data-testid=alert]').first();
    await first.waitFor();
    expect(await first.locator('[data-testid=ack]').getAttribute('aria-disabled')).toBeNull();
    await first.locator('[data-testid=ack]').click();
    await page.waitForSelector('[data-testid=alert].acked');
    expect(await page.locator('[data-testid=alert].acked').textContent()).toContain('acknowledged');
    const acked = await served.store.db
      .selectFrom('alerts')
      .select(['acknowledged_by'])
      .where('acknowledged_at', 'is not', null)
      .execute();
    expect(acked).toEqual([{ acknowledged_by: 'analyst-user' }]);
    await page.goto(`${served.baseUrl}/#/sources`);
    await page.waitForSelector('[data-testid=source-row]');
    await page.selectOption('select[aria-label="Reliability of Wire Daily"]', 'D');
    await page.waitForSelector('text=reliability D saved');
    const wire = await served.store.db
      .selectFrom('sources')
      .select('reliability')
      .where('id', '=', 'src-wire')
      .executeTakeFirstOrThrow();
    expect(wire.reliability).toBe('D');
    await page.context().close();
  });

  it('signs out: the token leaves sessionStorage', async () => {
    const { served, browser } = suite;
    const page = await signedInPage(browser, served.baseUrl, served.seed.tokens.admin);
    await page.click('text=Sign out');
    await page.waitForSelector('#token');
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    await page.context().close();
  });
});

describe.skipIf(!hasChromium)('anonymous viewer in Chromium', { timeout: 90_000 }, () => {
  const suite = useSeededChromium({ beforeAll, afterAll }, { anonymousViewer: true });

  it('reads without a token when the server allows it, as a viewer', async () => {
    const { served, browser } = suite;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${served.baseUrl}/`);
    await page.click('text=Continue without a token');
    await page.waitForSelector('[data-testid=hypothesis-card]');
    expect(await page.locator('[data-testid=role]').textContent()).toContain('viewer');
    expect(await page.evaluate(`sessionStorage.getItem('vigie.token')`)).toBeNull();
    await context.close();
  });
});
