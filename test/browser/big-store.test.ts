/**
 * Every page of the dashboard over a generated store of 100,000 events (test/support/big-store.ts):
 * each route renders its content (rows, cards, marked spans; no "Loading…", no error notice) with
 * no page error and no console error, and the board's brief opens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateBigStore, type BigStore } from '../support/big-store.js';
import {
  hasChromium,
  noteSkip,
  signedInPage,
  useStoreChromium,
} from './support/browser-harness.js';
import { visit, watchErrors } from './support/page-checks.js';

noteSkip();

const EVENTS = 100_000;

describe.skipIf(!hasChromium)('a 100,000-event store in Chromium', { timeout: 120_000 }, () => {
  let lastDay = '2025-12-31';
  const suite = useStoreChromium(
    { beforeAll, afterAll },
    async (store): Promise<BigStore> => {
      const big = await generateBigStore(store, { events: EVENTS, mentions: 150_000 });
      lastDay = big.lastDay;
      return big;
    },
    () => new Date(`${lastDay}T23:00:00Z`),
  );
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    page = await signedInPage(suite.browser, suite.baseUrl, suite.token);
    errors = watchErrors(page);
  });

  /** Visits a route and expects `content` on it, no error notice and no "Loading…" left. */
  async function expectContent(hash: string, content: string): Promise<void> {
    await visit(page, suite.baseUrl, hash);
    await page.locator(content).first().waitFor({ timeout: 15_000 });
    expect(await page.locator(content).count(), `${hash}: ${content}`).toBeGreaterThan(0);
    expect(await page.locator('main [role=alert]').count(), hash).toBe(0);
    expect(await page.locator('main').textContent(), hash).not.toMatch(/Loading…|Not found/);
  }

  it('generated the store it claims', () => {
    const { counts } = suite.filled;
    expect(counts.events).toBe(EVENTS);
    expect(counts.mentions).toBeGreaterThanOrEqual(150_000);
    expect(counts.stories).toBeGreaterThan(1000);
    expect(counts.evidence).toBeGreaterThan(10);
    expect(counts.alerts).toBeGreaterThan(100);
  });

  it('renders every page with its content and no console error', async () => {
    const { ids } = suite.filled;
    const since = `${lastDay.slice(0, 8)}01`;
    const routes: [string, string][] = [
      ['#/', '[data-testid=hypothesis-card]'],
      ['#/', '[data-testid=activity-totals]'],
      [`#/hypotheses/${encodeURIComponent(ids.hypothesis)}`, '[data-testid=evidence-item]'],
      ['#/events', '[data-testid=event-row]'],
      ['#/events', '[data-testid=timeline-dot]'],
      ['#/events', '[data-testid=network-edge]'],
      ['#/events?type=MISSILE_TEST&actor=PRK', '[data-testid=event-row]'],
      [`#/events?since=${since}&until=${lastDay}&modality=ASSERTED`, '[data-testid=event-row]'],
      [`#/events/${ids.event}`, '[data-testid=event-mentions] mark'],
      [`#/events/${ids.event}`, '[data-testid=credibility-reasons]'],
      [`#/actors/${ids.actor}`, '[data-testid=actor-types]'],
      [`#/actors/${ids.actor}`, '[data-testid=actor-partners] li'],
      ['#/documents', '[data-testid=document-row]'],
      [`#/documents?q=${ids.rareWord}`, '[data-testid=document-row] .snippet mark'],
      ['#/documents?lang=ko&actor=PRK', '[data-testid=document-row]'],
      [`#/documents/${ids.document}`, '[data-testid=document-title]'],
      [`#/documents/${ids.document}`, 'main mark'],
      [`#/stories/${ids.story}`, '[data-testid=story-title]'],
      [`#/stories/${ids.story}`, 'main tbody tr'],
      ['#/alerts', '[data-testid=alert] a'],
      ['#/calibration', '[data-testid=scored-hypothesis]'],
      [`#/calibration/${ids.board}`, '[data-testid=reliability-point]'],
      ['#/sources', '[data-testid=source-row]'],
    ];
    for (const [hash, content] of routes) await expectContent(hash, content);
    expect(errors).toEqual([]);
  });

  it('lays out a long event list a hundred rows at a time', async () => {
    await expectContent('#/events', '[data-testid=event-row]');
    expect(await page.locator('[data-testid=event-row]').count()).toBe(100);
    await page.click('[data-testid=more-events]');
    expect(await page.locator('[data-testid=event-row]').count()).toBe(200);
    expect(errors).toEqual([]);
  });

  it('pages on through the documents with the next-page link', async () => {
    await expectContent('#/documents', '[data-testid=document-row]');
    const first = await page.locator('[data-testid=document-row] a').first().textContent();
    await page.click('[data-testid=next-page]');
    await expect
      .poll(() => page.locator('[data-testid=document-row] a').first().textContent())
      .not.toBe(first);
    expect(errors).toEqual([]);
  });

  it('opens the board brief over the whole store', async () => {
    await visit(page, suite.baseUrl, '#/');
    const form = page.locator('[data-testid=brief-control]').first();
    await form.locator('select[name=since]').selectOption('30d');
    const [tab] = await Promise.all([
      page.context().waitForEvent('page'),
      form.getByRole('button', { name: 'Brief' }).click(),
    ]);
    const tabErrors = watchErrors(tab);
    await tab.waitForURL(/^blob:/, { timeout: 30_000 });
    await tab.waitForLoadState();
    expect(await tab.locator('h1').textContent()).toContain('Situation report');
    expect(await tab.locator('li').count()).toBeGreaterThan(0);
    await tab.close();
    expect([...errors, ...tabErrors]).toEqual([]);
  });
});
