/**
 * The analyst's correction in Chromium, on a store built like the demo (the bundled corpus
 * extracted and analysed with the shipped watchboard): open a document, correct a mention's
 * modality, see the hypothesis move and the correction in its audit trail; a viewer sees no
 * correction control.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { boardFiles, loadWatchboards } from '../../src/analyse/watchboards/load-boards.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { extractDocument } from '../../src/extract/extract-document.js';
import { enrichDocument } from '../../src/ingest/dedup/enrich-document.js';
import { analysePending } from '../../src/pipeline/analysis-pipeline.js';
import { DEMO_CORPUS_DIR } from '../../src/pipeline/demo.js';
import { ingestPaths } from '../../src/pipeline/ingest-paths.js';
import { createServer } from '../../src/server/create-server.js';
import { addUser, createToken } from '../../src/store/auth-repo.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import {
  WEB_ROOT,
  ensureWebBuilt,
  hasChromium,
  launchChromium,
  noteSkip,
  signedInPage,
} from './support/browser-harness.js';

noteSkip();

interface World {
  store: Store;
  baseUrl: string;
  close: () => Promise<void>;
  analyst: string;
  viewer: string;
}

/** The demo corpus, extracted, enriched and analysed, served with the shipped boards. */
async function demoWorld(): Promise<World> {
  await ensureWebBuilt();
  const store = await openStore({ url: ':memory:' });
  await ingestPaths(store, [DEMO_CORPUS_DIR], {
    extract: (doc) => extractDocument(doc),
    enrich: enrichDocument,
  });
  const { boards } = loadWatchboards(boardFiles());
  const analysis = { boards, rules: [] };
  await analysePending(store, analysis);
  const token = async (name: string, role: 'viewer' | 'analyst') => {
    const user = await addUser(store.db, { name, role });
    return (await createToken(store.db, { user: user.name })).token;
  };
  const analyst = await token('ana', 'analyst');
  const viewer = await token('vic', 'viewer');
  const config = ConfigSchema.parse({ server: { rateLimitPerMinute: 100_000 } });
  const app = await createServer({ store, config, webRoot: WEB_ROOT, analysis });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    store,
    analyst,
    viewer,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** An asserted mention that alone makes an uncapped evidence step: hedging it must move the board. */
async function pickStep(store: Store) {
  const steps = await store.db
    .selectFrom('evidence')
    .innerJoin('events', 'events.id', 'evidence.event_id')
    .innerJoin('hypotheses', 'hypotheses.id', 'evidence.hypothesis_id')
    .select([
      'evidence.hypothesis_id',
      'evidence.explanation',
      'events.id as event_id',
      'hypotheses.probability',
    ])
    .where('events.mention_count', '=', 1)
    .where('events.modality', '=', 'ASSERTED')
    .orderBy('evidence.id')
    .execute();
  for (const s of steps) {
    const why = JSON.parse(s.explanation) as { capped?: boolean; mentionIds?: string[] };
    if (why.capped || why.mentionIds?.length !== 1) continue;
    const mention = await store.db
      .selectFrom('mentions')
      .select(['id', 'document_id'])
      .where('id', '=', why.mentionIds[0]!)
      .executeTakeFirstOrThrow();
    return { hypothesisId: s.hypothesis_id, probability: s.probability, mention };
  }
  throw new Error('the demo store has no single-mention, uncapped evidence step');
}

describe.skipIf(!hasChromium)('corrections in Chromium', { timeout: 180_000 }, () => {
  let world: World;
  let browser: Browser;
  beforeAll(async () => {
    world = await demoWorld();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('a viewer sees the correction log but no correction control', async () => {
    const { mention } = await pickStep(world.store);
    const page = await signedInPage(browser, world.baseUrl, world.viewer);
    await page.goto(`${world.baseUrl}/#/documents/${encodeURIComponent(mention.document_id)}`);
    await page.waitForSelector('#corrections-h');
    expect(await page.locator('[data-testid=correct-mention]').count()).toBe(0);
    expect(await page.locator('#corrections-h + p').textContent()).toContain(
      'No analyst has corrected',
    );
    await page.context().close();
  });

  it('an analyst hedges a mention on its document: the hypothesis moves and its trail says why', async () => {
    const { hypothesisId, probability, mention } = await pickStep(world.store);
    const page = await signedInPage(browser, world.baseUrl, world.analyst);
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${world.baseUrl}/#/documents/${encodeURIComponent(mention.document_id)}`);
    const modality = page.locator(`select[aria-label="Modality of mention ${mention.id}"]`);
    const control = page.locator('[data-testid=correct-mention]', { has: modality });
    await control.locator('summary').click();
    await modality.selectOption('HEDGED');
    await control.locator(`input[aria-label="Note of mention ${mention.id}"]`).fill('unconfirmed');
    await control.locator('[data-testid=correct-submit]').click();
    const result = page.locator('[data-testid=correction-result]');
    await result.waitFor();
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('modality asserted → hedged (not confirmed)');
    expect(text).toContain('Rescored:');
    await page.locator('[data-testid=correction]').first().waitFor();
    expect(await page.locator('[data-testid=correction]').first().textContent()).toContain(
      'by ana',
    );

    const after = await world.store.db
      .selectFrom('hypotheses')
      .select('probability')
      .where('id', '=', hypothesisId)
      .executeTakeFirstOrThrow();
    expect(after.probability).not.toBeCloseTo(probability, 6);

    await page.goto(`${world.baseUrl}/#/hypotheses/${encodeURIComponent(hypothesisId)}`);
    const note = page.locator('[data-testid=step-correction]');
    await note.first().waitFor();
    expect(await note.first().textContent()).toContain(
      'modality asserted → hedged (not confirmed)',
    );
    expect(await note.first().textContent()).toContain('unconfirmed');
    expect(await page.locator('.lead .prob').textContent()).toBe(
      `${Math.round(after.probability * 100)}%`,
    );

    // Revoked from the document's log: the board is back where the extraction put it.
    await page.goto(`${world.baseUrl}/#/documents/${encodeURIComponent(mention.document_id)}`);
    await page.locator('[data-testid=revoke]').first().click();
    await page.locator('[data-testid=correction].revoked').waitFor();
    const restored = await world.store.db
      .selectFrom('hypotheses')
      .select('probability')
      .where('id', '=', hypothesisId)
      .executeTakeFirstOrThrow();
    expect(restored.probability).toBeCloseTo(probability, 9);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
