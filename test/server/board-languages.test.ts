/**
 * Board, hypothesis and indicator titles in the request's language (Accept-Language): French
 * where the board gives it, English otherwise, never one language cached for another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await buildHarness();
  // A threshold alert as src/alert/evaluate-rules.ts records it: the title as it read then.
  await h.store.db
    .insertInto('alerts')
    .values({
      id: 'alert-words',
      rule_id: 'crossing',
      kind: 'threshold',
      dedup_key: 'crossing:korea.icbm:up',
      title: '[korea] DPRK tests an ICBM within 90 days rose above 50%',
      payload: JSON.stringify({
        hypothesisId: 'korea.icbm',
        hypothesisTitle: 'DPRK tests an ICBM within 90 days',
        direction: 'up',
        level: 0.5,
      }),
      created_at: '2024-11-12T03:06:00Z',
      acknowledged_at: null,
      acknowledged_by: null,
    })
    .execute();
});
afterAll(async () => h.close());

async function get(url: string, lang?: string) {
  const res = await h.as('viewer', {
    url,
    headers: lang === undefined ? {} : { 'accept-language': lang },
  });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  expect(res.headers['vary']).toMatch(/accept-language/i);
  return res.json();
}

const FR_BOARD = 'Péninsule coréenne';
const FR_ICBM = 'La RPDC teste un ICBM d’ici 90 jours';

describe('board titles in the request’s language', () => {
  it('lists and shows boards in French for a French reader, in English otherwise', async () => {
    const fr = await get('/api/boards', 'fr-FR,fr;q=0.9,en;q=0.8');
    expect(fr.items[0]).toMatchObject({
      title: FR_BOARD,
      description: 'Coopération militaire Russie–RPDC et programme balistique',
    });
    expect(fr.items[0].hypotheses.map((x: { title: string }) => x.title)).toEqual([
      FR_ICBM,
      'La Russie transfère des moyens de défense aérienne à la RPDC',
    ]);
    for (const lang of [undefined, 'en', 'de-DE, en;q=0.5', 'fr;q=0, en']) {
      const en = await get('/api/boards', lang);
      expect(en.items[0].title, String(lang)).toBe('Korean peninsula');
      expect(en.items[0].hypotheses[0].title).toBe('DPRK tests an ICBM within 90 days');
    }
    const board = await get('/api/boards/korea', 'fr');
    const icbm = board.hypotheses.find((x: { id: string }) => x.id === 'korea.icbm');
    expect(icbm.title).toBe(FR_ICBM);
    expect(icbm.lastChange.indicatorTitle).toBe('Essais de missiles de la RPDC');
    // The reason is the API's English text, whatever the request's language.
    expect(icbm.lastChange.reason).toContain('Missile tests by PRK');
  });

  it('words a hypothesis, its indicators, evidence and explanation', async () => {
    const hyp = await get('/api/hypotheses/korea.icbm', 'fr');
    expect(hyp).toMatchObject({ title: FR_ICBM, boardTitle: FR_BOARD });
    expect(hyp.indicators[0].title).toBe('Essais de missiles de la RPDC');
    expect(new Set(hyp.evidence.map((e: { indicatorTitle: string }) => e.indicatorTitle))).toEqual(
      new Set(['Essais de missiles de la RPDC']),
    );
    const ex = await get('/api/hypotheses/korea.icbm/explain', 'fr');
    expect(ex.title).toBe(FR_ICBM);
    expect(ex.steps[0].indicatorTitle).toBe('Essais de missiles de la RPDC');
    expect((await get('/api/hypotheses/korea.icbm')).title).toBe(
      'DPRK tests an ICBM within 90 days',
    );
  });

  it('names the hypotheses an event moved, and a threshold alert’s hypothesis', async () => {
    const event = await get('/api/events/evt-test-1', 'fr');
    expect(event.hypotheses.map((s: { hypothesisTitle: string }) => s.hypothesisTitle)).toContain(
      FR_ICBM,
    );
    const alerts = await get('/api/alerts', 'fr');
    const words = alerts.items.find((a: { id: string }) => a.id === 'alert-words');
    expect(words.payload).toMatchObject({ hypothesisId: 'korea.icbm', hypothesisTitle: FR_ICBM });
    // The stored title stays as it fired (the API's English text).
    expect(words.title).toContain('DPRK tests an ICBM');
    // An alert without a title in its payload is left as it is.
    expect(alerts.items.find((a: { id: string }) => a.id === 'alert-1').payload).not.toHaveProperty(
      'hypothesisTitle',
    );
  });

  it('caches the overview per language', async () => {
    const fr = await get('/api/overview', 'fr');
    const en = await get('/api/overview', 'en');
    const again = await get('/api/overview', 'fr');
    expect(fr.boards[0].title).toBe(FR_BOARD);
    expect(en.boards[0].title).toBe('Korean peninsula');
    expect(again.boards[0].title).toBe(FR_BOARD);
    const alert = fr.alerts.find((a: { id: string }) => a.id === 'alert-words');
    expect(alert.payload.hypothesisTitle).toBe(FR_ICBM);
  });
});
