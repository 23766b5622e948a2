/**
 * The dashboard read by a person, in Chromium: words instead of codes, the language switch kept
 * across reloads, Korean drawn with a CJK font (not empty boxes), an empty store whose every page
 * says what to do, and the screenshots of the pages (desktop and a 390-px phone) written to
 * docs/screenshots/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  noteSkip,
  signedInPage,
  useEmptyChromium,
  useSeededChromium,
} from './support/browser-harness.js';
import { SCREENSHOT_PAGES } from './support/screenshot-pages.js';
import { settled } from './support/page-checks.js';

noteSkip();

const SHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const PHONE = { width: 390, height: 844 };

/** Whether fontconfig knows a font with Korean glyphs (Debian: fonts-noto-cjk). */
function hasKoreanFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}
const koreanFont = hasKoreanFont();
if (hasChromium && !koreanFont)
  console.warn(
    'Korean font test skipped: no CJK font (install it: apt-get install fonts-noto-cjk)',
  );

/** The fonts Chromium drew a node's text with (DevTools protocol), with their glyph counts. */
async function fontsOf(page: Page, selector: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts;
}

/** Raw codes a person should never read on a page. */
const RAW_CODES =
  /\b(TECH_TRANSFER|ARMS_TRANSFER|MISSILE_TEST|TROOP_DEPLOYMENT|MILITARY_COOPERATION|ASSERTED|HEDGED|NEGATED|HYPOTHETICAL|VIGIE_[A-Z_]+)\b/;

/** The page's text, less the rule ids of the document page's "Rules" column (en.trigger.X): those
 * are identifiers to look up in data/lexicons, shown on purpose. */
async function visibleText(page: Page): Promise<string> {
  return (await page.locator('main').innerText()).replace(/\b[a-z]{2,3}(\.[\w-]+)+/g, '');
}

describe.skipIf(!hasChromium)('readable dashboard in Chromium', { timeout: 120_000 }, () => {
  const suite = useSeededChromium({ beforeAll, afterAll });
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    page = await signedInPage(
      suite.browser,
      suite.served.baseUrl,
      suite.served.seed.tokens.analyst,
    );
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  });

  it('shows words, not codes: types, modalities, actors with flags, Admiralty credibility', async () => {
    await page.goto(`${suite.served.baseUrl}/#/events`);
    await page.waitForSelector('[data-testid=event-row]');
    const text = await visibleText(page);
    expect(text).not.toMatch(RAW_CODES);
    expect(text).toContain('Arms transfer');
    expect(text).toContain('🇷🇺 Russia → 🇰🇵 North Korea');
    expect(text).toMatch(/\d — (confirmed|probably true|possibly true|doubtful|improbable)/);
    for (const hash of [
      '#/',
      '#/alerts',
      '#/events/evt-transfer-1',
      '#/documents/doc-en-1',
      '#/documents',
      '#/actors/RUS',
      '#/stories/story-1',
    ]) {
      await page.goto(`${suite.served.baseUrl}/${hash}`);
      await page.waitForSelector('main h1');
      await page.waitForLoadState('networkidle');
      expect(await visibleText(page), hash).not.toMatch(RAW_CODES);
    }
    await page.goto(`${suite.served.baseUrl}/#/alerts`);
    await page.waitForSelector('[data-testid=alert]');
    expect(await visibleText(page)).toContain('First Arms transfer 🇷🇺 Russia → 🇰🇵 North Korea');
    await page.goto(`${suite.served.baseUrl}/#/hypotheses/korea.icbm`);
    await page.waitForSelector('[data-testid=evidence-item]');
    const hypothesis = await visibleText(page);
    expect(hypothesis).not.toMatch(RAW_CODES);
    expect(hypothesis).toContain('Credibility (Admiralty scale)');
    // The trajectory's axis names months with their year, and the chart has a legend.
    const axis = await page.locator('svg.trajectory text.axis').allTextContents();
    expect(axis.some((t) => /2024/.test(t))).toBe(true);
    expect(await page.locator('.chart-box .legend').textContent()).toContain('evidence step');
    expect(errors).toEqual([]);
  });

  it('switches to French and keeps the choice after a reload', async () => {
    await page.goto(`${suite.served.baseUrl}/#/events`);
    await page.waitForSelector('[data-testid=event-row]');
    await page.selectOption('[data-testid=language]', 'fr');
    await expect
      .poll(() => page.locator('nav[aria-label=Main]').innerText())
      .toContain('Événements');
    expect(await page.evaluate('document.documentElement.lang')).toBe('fr');
    await page.reload();
    await page.waitForSelector('[data-testid=event-row]');
    const text = await visibleText(page);
    expect(text).toContain('Transfert d’armes');
    expect(text).toContain('Corée du Nord');
    expect(text).not.toMatch(RAW_CODES);
    await page.selectOption('[data-testid=language]', 'en');
    await expect.poll(() => page.locator('nav[aria-label=Main]').innerText()).toContain('Events');
  });

  it('shows the workbench pages in French: event, actor, documents, story, document, alerts, brief, hypothesis', async () => {
    await page.goto(`${suite.served.baseUrl}/#/events`);
    await page.waitForSelector('[data-testid=event-row]');
    await page.selectOption('[data-testid=language]', 'fr');
    const pages: [string, string[]][] = [
      [
        '#/events/evt-test-1',
        [
          'Pourquoi la crédibilité',
          'Origines indépendantes',
          'Titre',
          'La RPDC teste un ICBM d’ici 90 jours',
        ],
      ],
      ['#/actors/PRK', ['Par type d’événement', 'Par partenaire', 'Dans le temps']],
      ['#/documents', ['Recherches enregistrées', 'Enregistrer cette recherche sous', 'Média']],
      ['#/stories/story-1', ['Origine citée', 'Pourquoi c’est une copie', '2 copies']],
      [
        '#/documents/doc-en-2',
        ['Pourquoi cette copie est ici', 'Attribué à', 'Texte', 'Aucun analyste n’a corrigé'],
      ],
      ['#/alerts', ['Montrer aussi les alertes acquittées', 'Acquitter', 'règle']],
      ['#/sources', ['Fiabilité', 'Dernière collecte', 'flux', 'anglais']],
      [
        '#/',
        [
          'Période',
          'Synthèse',
          '7 jours',
          'Péninsule coréenne',
          'Coopération militaire Russie–RPDC et programme balistique',
          'La RPDC teste un ICBM d’ici 90 jours',
          'La Russie transfère des moyens de défense aérienne à la RPDC',
          'Essais de missiles de la RPDC',
        ],
      ],
      [
        '#/hypotheses/korea.icbm',
        [
          'aujourd’hui',
          'a priori',
          'Péninsule coréenne',
          'La RPDC teste un ICBM d’ici 90 jours',
          'Essais de missiles de la RPDC',
        ],
      ],
    ];
    for (const [hash, words] of pages) {
      await page.goto(`${suite.served.baseUrl}/${hash}`);
      await page.waitForSelector('main h1');
      await settled(page);
      const text = await visibleText(page);
      for (const word of words) expect(text, hash).toContain(word);
      expect(text, hash).not.toMatch(
        /Why credibility|By partner|Saved searches|Credited origin|Why this copy|Attributed to|Show acknowledged|Acknowledge|Period|\bprior\b|updated|No analyst|Save correction|Korean peninsula|missile programme|DPRK tests an ICBM|Russia transfers air defence|Missile tests by PRK|Arms transfers RUS|Last fetched|Reliability|\bKind\b/,
      );
    }
    await page.selectOption('[data-testid=language]', 'en');
    await expect.poll(() => page.locator('nav[aria-label=Main]').innerText()).toContain('Events');
  });

  it.skipIf(!koreanFont)('draws a Korean article with a CJK font, not empty boxes', async () => {
    await page.goto(`${suite.served.baseUrl}/#/documents/doc-ko-1`);
    await page.waitForSelector('main h1');
    const fonts = await fontsOf(page, 'main h1');
    const cjk = fonts.filter((f) => /CJK|Gothic|Han Sans|YaHei|PingFang/i.test(f.familyName));
    expect(cjk.map((f) => f.glyphCount).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(
      '북한탄도미사일발사'.length,
    );
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}document-korean.png` });
  });

  it('saves screenshots of the changed pages, desktop and phone, none wider than the screen', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const base = suite.served.baseUrl;
    const phone = await signedInPage(suite.browser, base, suite.served.seed.tokens.analyst, PHONE);
    for (const p of SCREENSHOT_PAGES) {
      await page.goto(`${base}/${p.hash}`);
      await page.waitForSelector(p.wait);
      await page.screenshot({ path: `${SHOTS}${p.name}.png`, fullPage: p.name === 'events' });
      await phone.goto(`${base}/${p.hash}`);
      await phone.waitForSelector(p.wait);
      await phone.waitForLoadState('networkidle');
      const overflow = await phone.evaluate(
        '(document.documentElement.scrollWidth - document.documentElement.clientWidth)',
      );
      expect(overflow, p.name).toBeLessThanOrEqual(0);
      await phone.screenshot({ path: `${SHOTS}${p.name}-mobile.png`, fullPage: true });
    }
    await phone.context().close();
    expect(errors).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('an empty store in Chromium', { timeout: 120_000 }, () => {
  const empty = useEmptyChromium({ beforeAll, afterAll });

  it('says on every page what to do, with no console error', async () => {
    const baseUrl = empty.baseUrl;
    const page = await signedInPage(empty.browser, baseUrl, empty.token);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const expectations: [string, RegExp][] = [
      ['#/', /No watchboard yet.*npx vigie board/s],
      ['#/events', /No events yet: ingest news with `npx vigie ingest FILE`/],
      ['#/events?type=SANCTION', /No events match these filters.*Clear the filters/s],
      ['#/alerts', /No open alerts/],
      ['#/sources', /No sources yet.*npx vigie source add URL/s],
      ['#/hypotheses/nope', /This item does not exist.*Back to the overview/s],
    ];
    for (const [hash, text] of expectations) {
      await page.goto(`${baseUrl}/${hash}`);
      await expect.poll(() => page.locator('main').innerText(), { timeout: 10_000 }).toMatch(text);
    }
    // A missing hypothesis is a 404 from the API: the browser logs the failed request, nothing else.
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    await page.context().close();
  });
});
