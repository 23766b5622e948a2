/**
 * The analyst's workbench in Chromium: from an overview card to the highlighted span in one path,
 * a Korean search opened from its hit, charts and alerts that lead to their events, saved
 * searches, and every page rendered without a console error for an undated document and for an
 * empty store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { analyseAndAlert } from '../../src/pipeline/analysis-pipeline.js';
import {
  hasChromium,
  noteSkip,
  signedInPage,
  useEmptyChromium,
  useSeededChromium,
} from './support/browser-harness.js';
import { visit, watchErrors } from './support/page-checks.js';

noteSkip();

describe.skipIf(!hasChromium)('analyst workbench in Chromium', { timeout: 120_000 }, () => {
  const suite = useSeededChromium({ beforeAll, afterAll });
  let page: Page;
  let errors: string[];
  const base = () => suite.served.baseUrl;

  beforeAll(async () => {
    page = await signedInPage(suite.browser, base(), suite.served.seed.tokens.analyst);
    errors = watchErrors(page);
  });

  it('walks card → hypothesis → evidence step → event → document with the span marked', async () => {
    await visit(page, base(), '#/');
    await page.click('[data-testid=hypothesis-card] >> text=DPRK tests an ICBM within 90 days');
    await page.waitForSelector('[data-testid=evidence-item]');
    const step = page.locator('[data-testid=evidence-item]').nth(1);
    await step.locator('[data-testid=evidence-event]').click();
    await page.waitForSelector('[data-testid=event-title]');
    expect(page.url()).toContain('#/events/evt-test-1');
    expect(await page.locator('[data-testid=credibility-reasons]').textContent()).toContain(
      '1 origin graded A/B asserts it',
    );
    const moved = page.locator('[data-testid=moved-hypotheses] li');
    expect(await moved.count()).toBe(1);
    expect(await moved.textContent()).toContain('DPRK tests an ICBM within 90 days');
    expect(await page.locator('[data-testid=event-documents] tbody tr').count()).toBe(2);
    expect(await page.locator('[data-testid=event-mentions] mark').first().textContent()).toBe(
      'fired',
    );
    await page.locator('[data-testid=mention-link]').first().click();
    const focus = page.locator('[data-testid=focus-span]');
    await focus.waitFor();
    expect(await focus.textContent()).toBe(
      'North Korea fired an intercontinental ballistic missile on Monday',
    );
    expect(errors).toEqual([]);
  });

  it('searches a Korean word and opens the hit', async () => {
    await visit(page, base(), '#/documents');
    await page.fill('[data-testid=search-input]', '탄도미사일');
    await page.press('[data-testid=search-input]', 'Enter');
    await page.waitForURL((u) => u.hash.includes('q='));
    const rows = page.locator('[data-testid=document-row]');
    // The unfiltered rows stay on screen until the search's answer replaces them.
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.locator('.snippet mark').first().textContent()).toBe('탄도미사일');
    await rows.locator('a').first().click();
    await page.waitForSelector('[data-testid=document-title]');
    expect(await page.locator('[data-testid=document-title]').textContent()).toBe(
      '북한, 탄도미사일 발사',
    );
    expect(errors).toEqual([]);
  });

  it('filters by facets and actor, keeps filters in the URL, and saves the search', async () => {
    await visit(page, base(), '#/documents?lang=en&actor=PRK');
    await page.waitForSelector('[data-testid=document-row]');
    expect(await page.locator('[data-testid=document-row]').count()).toBe(2);
    expect(await page.locator('[data-testid=facet-lang]').inputValue()).toBe('en');
    expect(await page.locator('[data-testid=facet-lang] option').allTextContents()).toContain(
      'Korean (1)',
    );
    await page.fill('[data-testid=actor-input]', 'R');
    // The suggestions follow what was typed: RUS, and no longer the PRK of the URL.
    const rus = page.locator('#documents-actor-list option[value=RUS]');
    await rus.waitFor({ state: 'attached' });
    expect(await page.locator('#documents-actor-list option').count()).toBe(1);
    await page.fill('[data-testid=save-name]', 'English PRK');
    await page.click('[data-testid=save-search]');
    await page.waitForSelector('[data-testid=saved-searches] >> text=English PRK');
    await visit(page, base(), '#/documents');
    await page.click('[data-testid=saved-searches] >> text=English PRK');
    await page.waitForURL((u) => u.hash.includes('actor=PRK'));
    // The unfiltered rows stay on screen until the saved search's answer replaces them.
    await expect.poll(() => page.locator('[data-testid=document-row]').count()).toBe(2);
    expect(errors).toEqual([]);
  });

  it('leads from a timeline dot, a network edge, an alert and an actor to the evidence', async () => {
    await visit(page, base(), '#/events');
    await page.waitForSelector('[data-testid=timeline-dot]');
    await page.locator('[data-testid=timeline-dot]').first().click();
    await page.waitForSelector('[data-testid=event-title]');
    expect(page.url()).toMatch(/#\/events\/[^?]+$/);
    await visit(page, base(), '#/events');
    await page.waitForSelector('[data-testid=network-edge]');
    await page.locator('[data-testid=network-edge]').first().dispatchEvent('click');
    await page.waitForURL((u) => u.hash.includes('partner='));
    await visit(page, base(), '#/alerts');
    const transfer = page.locator('[data-testid=alert]', { hasText: 'First Arms transfer' });
    await transfer.locator('a').click();
    await page.waitForSelector('[data-testid=event-title]');
    expect(page.url()).toContain('#/events/evt-transfer-1');
    await page.locator('[data-testid=event-title] a', { hasText: 'Russia' }).click();
    await page.waitForSelector('[data-testid=actor-title]');
    expect(await page.locator('[data-testid=actor-types]').textContent()).toContain(
      'Arms transfer',
    );
    expect(errors).toEqual([]);
  });

  it('shares the overview date range with the briefs and the lists', async () => {
    await visit(page, base(), '#/?since=2024-11-01&until=2024-11-05');
    const period = page.locator('[data-testid=brief-control] select[name=since]').first();
    expect(await period.inputValue()).toBe('range');
    expect(await period.locator('option:checked').textContent()).toBe('2024-11-01 – 2024-11-05');
    await page.click('form[aria-label="Date range for briefs and links"] a >> text=events');
    await page.waitForURL((u) => u.hash.includes('since=2024-11-01'));
    expect(await page.locator('[data-testid=range-until]').inputValue()).toBe('2024-11-05');
    expect(errors).toEqual([]);
  });

  it('renders every page for an undated document without a console error', async () => {
    const { served } = suite;
    const res = await fetch(`${served.baseUrl}/api/documents`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${served.seed.tokens.analyst}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        id: 'undated-1',
        title: 'Undated note',
        lang: 'en',
        text: 'North Korea fired a ballistic missile into the sea, the military said.',
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    await analyseAndAlert(served.store, ['undated-1'], { boards: [], rules: [] });
    const undated = await served.store.db
      .selectFrom('mentions')
      .select('event_id')
      .where('document_id', '=', 'undated-1')
      .executeTakeFirstOrThrow();
    expect(undated.event_id).not.toBeNull();
    for (const hash of [
      '#/',
      '#/events',
      `#/events/${undated.event_id}`,
      '#/documents',
      '#/documents/undated-1',
      '#/actors/PRK',
      '#/stories/story-1',
      '#/hypotheses/korea.icbm',
      '#/alerts',
      '#/sources',
    ]) {
      await visit(page, base(), hash);
      expect(await page.locator('[role=alert]').count(), hash).toBe(0);
    }
    await visit(page, base(), '#/events');
    await page.waitForSelector('[data-testid=event-table]');
    expect(await page.locator('[data-testid=event-row]').count()).toBeGreaterThan(1);
    expect(errors).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('an empty store in Chromium', { timeout: 90_000 }, () => {
  const empty = useEmptyChromium({ beforeAll, afterAll });

  it('renders every list page with a sentence instead of nothing', async () => {
    const base = empty.baseUrl;
    const page = await signedInPage(empty.browser, base, empty.token);
    const errors = watchErrors(page);
    for (const hash of ['#/', '#/events', '#/documents', '#/alerts', '#/sources']) {
      await visit(page, base, hash);
      expect(await page.locator('[role=alert]').count(), hash).toBe(0);
    }
    await visit(page, base, '#/documents');
    await page.waitForSelector('[data-testid=no-documents]');
    await visit(page, base, '#/sources');
    await page.waitForSelector('[data-testid=no-sources]');
    expect(errors).toEqual([]);
  });
});
