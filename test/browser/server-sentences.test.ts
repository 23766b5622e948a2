/**
 * Sentences the server builds (why an event has its credibility, its independent origins, why a
 * source grade is suggested, why a copy joined its story, a threshold alert) read in the dashboard's language: on French
 * pages none of their English wording is left, and in English the page words them exactly as
 * the API's English text, since both come from one table (data/labels, src/domain/messages.ts).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseAndAlert } from '../../src/pipeline/analysis-pipeline.js';
import type { Store } from '../../src/store/open-store.js';
import { seedTrackRecords } from '../server/seed-track-records.js';
import {
  hasChromium,
  noteSkip,
  signedInPage,
  useSeededChromium,
} from './support/browser-harness.js';
import { settled, watchErrors } from './support/page-checks.js';

noteSkip();

/** The seed's documents analysed by the real pipeline, track records, and a threshold alert. */
async function analysedSeed(store: Store): Promise<void> {
  await seedTrackRecords(store);
  const docs = await store.db.selectFrom('documents').select('id').execute();
  await analyseAndAlert(
    store,
    docs.map((d) => d.id),
    { boards: [], rules: [] },
    { now: '2024-11-15T00:00:00Z' },
  );
  // A threshold alert as src/alert/evaluate-rules.ts records it.
  await store.db
    .insertInto('alerts')
    .values({
      id: 'alert-threshold-fr',
      rule_id: 'crossing',
      kind: 'threshold',
      dedup_key: 'crossing:korea/icbm:up:0.5:x',
      title: '[korea] DPRK tests an ICBM within 90 days rose above 50%: 41% → 62.5% on 2024-11-12',
      payload: JSON.stringify({
        rule: 'crossing',
        kind: 'threshold',
        summary: 'DPRK tests an ICBM within 90 days rose above 50%: 41% → 62.5% on 2024-11-12',
        at: '2024-11-12',
        boardId: 'korea',
        hypothesisId: 'korea.icbm',
        hypothesisTitle: 'DPRK tests an ICBM within 90 days',
        direction: 'up',
        level: 0.5,
        before: 0.41,
        after: 0.625,
        evidenceIds: [],
        eventIds: [],
        mentionIds: [],
        documentIds: [],
      }),
      created_at: '2024-11-12T03:05:00Z',
      acknowledged_at: null,
      acknowledged_by: null,
    })
    .execute();
}

/** English wording of the server's sentences (data/labels/en.json `messages`). */
const ENGLISH =
  /\borigins?\b|\bassert|credibility \d|best source grade|\boutlets?\b|independent|resolved claims?|still open|at least \d+ are needed|stands\b|median|lower bound|rose above|fell below|\bon \d{1,2} [A-Z][a-z]+ \d{4}/;

describe.skipIf(!hasChromium)(
  'server sentences in the reader’s language',
  { timeout: 120_000 },
  () => {
    const suite = useSeededChromium({ beforeAll, afterAll }, {}, analysedSeed);
    let page: Page;
    let errors: string[];
    let eventId: string;

    beforeAll(async () => {
      page = await signedInPage(
        suite.browser,
        suite.served.baseUrl,
        suite.served.seed.tokens.analyst,
      );
      errors = watchErrors(page);
      // An analysed event whose credibility has reasons and whose origins are named.
      const rows = await suite.served.store.db
        .selectFrom('events')
        .select('id')
        .where('explanation', 'like', '%summaryMessage%')
        .orderBy('independent_sources', 'desc')
        .orderBy('id')
        .execute();
      expect(rows.length).toBeGreaterThan(0);
      eventId = rows[0]!.id;
    });

    const open = async (hash: string, selector: string) => {
      await page.goto(`${suite.served.baseUrl}/${hash}`);
      await page.waitForSelector(selector);
      await settled(page);
    };
    const texts = (selector: string) => page.locator(selector).allInnerTexts();
    const setLanguage = async (lang: 'en' | 'fr') => {
      await page.selectOption('[data-testid=language]', lang);
      await expect.poll(() => page.evaluate('document.documentElement.lang')).toBe(lang);
      // Switching reloads the page's data: wait until it has come in again.
      await page.waitForLoadState('networkidle');
    };

    it('words them in English exactly as the API’s English text', async () => {
      await open(`#/events/${eventId}`, '[data-testid=credibility-reasons]');
      await setLanguage('en');
      const api = (await (
        await page.request.get(`${suite.served.baseUrl}/api/events/${eventId}`, {
          headers: { authorization: `Bearer ${suite.served.seed.tokens.analyst}` },
        })
      ).json()) as { credibilityReasons: string[]; origins: { summary: string } };
      expect(await texts('[data-testid=credibility-reasons] li')).toEqual(api.credibilityReasons);
      expect(await page.locator('[data-testid=origins-summary]').innerText()).toBe(
        api.origins.summary,
      );
      expect(errors).toEqual([]);
    });

    it('leaves no English wording of them on French pages', async () => {
      await open(`#/events/${eventId}`, '[data-testid=credibility-reasons]');
      await setLanguage('fr');
      await expect
        .poll(async () => (await texts('[data-testid=credibility-reasons] li')).join('\n'))
        .toMatch(/crédibilité \d/);
      const reasons = await texts('[data-testid=credibility-reasons] li');
      const origins = [
        await page.locator('[data-testid=origins-summary]').innerText(),
        ...(await texts('[data-testid=origins] li strong')),
      ];
      expect(origins[0]).toMatch(/origines? indépendantes?/);
      for (const line of [...reasons, ...origins]) expect(line).not.toMatch(ENGLISH);

      await open('#/sources', '[data-testid=grade-reasons]');
      const grades = await texts('[data-testid=grade-reasons] li');
      expect(grades.join('\n')).toMatch(/affirmations? résolues? confirmées?/);
      expect(grades.join('\n')).toMatch(/borne inférieure 0,44 → C \(assez fiable\)/);
      for (const line of grades) expect(line).not.toMatch(ENGLISH);

      // Why each copy joined its story, on the story page and on a copy's document page.
      const STORY_ENGLISH =
        /joined|first report|near-duplicate|rewrite of|translation of|apart|same source|named by both|Why this copy/;
      await open('#/stories/story-1', '[data-testid=story-copies]');
      const whys = await texts('[data-testid=story-copies] tbody tr td:last-child');
      expect(whys.join('\n')).toMatch(
        /premier article de sa dépêche|rattaché à|quasi-copie|réécriture|traduction/,
      );
      for (const line of whys) expect(line).not.toMatch(STORY_ENGLISH);
      const copy = (
        await suite.served.store.db
          .selectFrom('story_documents')
          .select('document_id')
          .where('matched_document_id', 'is not', null)
          .orderBy('document_id')
          .executeTakeFirstOrThrow()
      ).document_id;
      await open(`#/documents/${copy}`, '.story-join');
      const join = await page.locator('.story-join').innerText();
      expect(join).toMatch(/^Pourquoi cette copie est ici :/);
      expect(join).not.toMatch(STORY_ENGLISH);

      // The alert names its hypothesis by the board's French title (the seed's wording).
      await open('#/alerts', '[data-testid=alert]');
      const alert = page.locator('[data-testid=alert]', { hasText: 'La RPDC teste un ICBM' });
      // French numbers put a narrow no-break space before "%".
      const title = (await alert.innerText()).replace(/\s/g, ' ');
      expect(title).toContain('La RPDC teste un ICBM d’ici 90 jours est passée au-dessus de 50 %');
      expect(title).toContain('41 % → 62,5 %');
      expect(title).not.toMatch(ENGLISH);
      expect(title).not.toMatch(/DPRK tests|Korean peninsula/);
      await setLanguage('en');
      const english = page.locator('[data-testid=alert]', { hasText: 'DPRK tests an ICBM' });
      expect(await english.innerText()).toContain(
        'DPRK tests an ICBM within 90 days rose above 50%: 41% → 62.5% on 2024-11-12',
      );
      expect(errors).toEqual([]);
    });
  },
);
