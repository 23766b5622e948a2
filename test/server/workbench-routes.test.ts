/**
 * The analyst's workbench routes: an event with the hypotheses it moved and its credibility in
 * words, actors (autocomplete and over time), document facets and filters, saved searches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/test-stores.js';
import { buildHarness, type Harness } from './harness.js';

const backends = await testBackends();

for (const backend of backends) {
  describe.skipIf(backend.skipReason !== null)(`workbench routes on ${backend.name}`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await buildHarness({ store: await backend.open() });
    });
    afterAll(async () => h?.close());

    const get = async (url: string, who: 'viewer' | 'analyst' = 'viewer') => {
      const res = await h.as(who, { url });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      return res.json();
    };
    const ids = (page: { items: { id: string }[] }) => page.items.map((d) => d.id);

    describe('event page data', () => {
      it('lists the hypotheses the event moved and its credibility reasons', async () => {
        const e = await get('/api/events/evt-test-1');
        expect(e.hypotheses).toEqual([
          expect.objectContaining({
            hypothesisId: 'korea.icbm',
            hypothesisTitle: 'DPRK tests an ICBM within 90 days',
            indicatorId: 'korea.icbm.tests',
          }),
        ]);
        expect(e.hypotheses[0].after).toBeGreaterThan(e.hypotheses[0].before);
        expect(e.credibilityReasons[0]).toBe('1 origin graded A/B asserts it: credibility 2');
        expect(e.credibilityReasons).toContain('best source grade among them: B');
      });

      it('an event without a v2 explanation has no reasons; an unknown event is a 404', async () => {
        const t = await get('/api/events/evt-test-2');
        expect(t.credibilityReasons).toEqual([]);
        expect(t.hypotheses.map((s: { hypothesisId: string }) => s.hypothesisId)).toEqual([
          'korea.icbm',
        ]);
        expect((await h.as('viewer', { url: '/api/events/nope' })).statusCode).toBe(404);
      });
    });

    describe('actors', () => {
      it('completes actor codes from the events, most events first', async () => {
        const page = await get('/api/actors?prefix=pr');
        expect(page.items).toEqual([{ code: 'PRK', events: 3 }]);
        expect(
          (await get('/api/actors?prefix=')).items.map((a: { code: string }) => a.code),
        ).toEqual(['PRK', 'RUS']);
        const bad = await h.as('viewer', { url: '/api/actors?prefix=%25' });
        expect(bad.statusCode).toBe(400);
      });

      it("counts an actor's events by month, type and partner", async () => {
        const a = await get('/api/actors/PRK');
        expect(a.events).toBe(3);
        expect(a.byType).toEqual([
          { type: 'MISSILE_TEST', events: 2 },
          { type: 'ARMS_TRANSFER', events: 1 },
        ]);
        expect(a.byPartner).toEqual([
          { partner: null, events: 2 },
          { partner: 'RUS', events: 1 },
        ]);
        expect(a.periods).toContainEqual({
          month: '2024-11',
          type: 'ARMS_TRANSFER',
          partner: 'RUS',
          events: 1,
        });
        expect((await get('/api/actors/PRK?since=2024-11-11')).events).toBe(1);
        const none = await h.as('viewer', { url: '/api/actors/ZZZ' });
        expect(none.statusCode).toBe(404);
      });
    });

    describe('events between two actors', () => {
      it('keeps the events of a pair in either direction, and needs actor for partner', async () => {
        expect(ids(await get('/api/events?actor=PRK&partner=RUS'))).toEqual(['evt-transfer-1']);
        expect(ids(await get('/api/events?actor=RUS&partner=PRK'))).toEqual(['evt-transfer-1']);
        expect(ids(await get('/api/events?actor=PRK&partner=USA'))).toEqual([]);
        expect((await h.as('viewer', { url: '/api/events?partner=RUS' })).statusCode).toBe(400);
      });
    });

    describe('documents: facets and mention filters', () => {
      it('counts languages and outlets', async () => {
        const f = await get('/api/documents/facets');
        expect(f.languages[0]).toEqual({ value: 'en', documents: 3 });
        expect(f.languages.map((l: { value: string }) => l.value).sort()).toEqual([
          'en',
          'fr',
          'ko',
        ]);
        expect(f.outlets).toContainEqual({ value: 'Yonhap', documents: 2 });
      });

      it('filters documents by the type, actor and modality of their mentions', async () => {
        expect(ids(await get('/api/documents?type=ARMS_TRANSFER'))).toEqual([
          'doc-fr-1',
          'doc-en-1',
        ]);
        expect(ids(await get('/api/documents?actor=IRN'))).toEqual(['doc-hostile']);
        expect(ids(await get('/api/documents?capability=AIR_DEFENSE'))).toEqual([
          'doc-fr-1',
          'doc-en-1',
        ]);
        expect(ids(await get('/api/documents?actor=RUS&modality=HEDGED&lang=fr'))).toEqual([
          'doc-fr-1',
        ]);
        expect(ids(await get('/api/documents?q=missile&type=MISSILE_TEST&actor=PRK'))).toEqual([
          'doc-en-2',
          'doc-en-1',
        ]);
      });
    });

    describe('saved searches', () => {
      it('saves, replaces by name, lists and deletes per user', async () => {
        const save = (name: string, query: string, who: 'viewer' | 'analyst' = 'analyst') =>
          h.as(who, { method: 'POST', url: '/api/saved-searches', payload: { name, query } });
        const first = await save('Korean launches', 'q=%EB%B0%9C%EC%82%AC&lang=ko');
        expect(first.statusCode).toBe(201);
        const again = await save('Korean launches', 'q=%EB%B0%9C%EC%82%AC');
        expect(again.json().id).toBe(first.json().id);
        expect((await save('Mine', 'lang=fr', 'viewer')).statusCode).toBe(201);
        const mine = await get('/api/saved-searches', 'analyst');
        expect(mine.items).toHaveLength(1);
        expect(mine.items[0]).toMatchObject({
          name: 'Korean launches',
          query: 'q=%EB%B0%9C%EC%82%AC',
        });
        // Another user's id is not found for this user.
        const viewers = await get('/api/saved-searches', 'viewer');
        const other = await h.as('analyst', {
          method: 'DELETE',
          url: `/api/saved-searches/${viewers.items[0].id}`,
        });
        expect(other.statusCode).toBe(404);
        const del = await h.as('analyst', {
          method: 'DELETE',
          url: `/api/saved-searches/${first.json().id}`,
        });
        expect(del.statusCode).toBe(200);
        expect((await get('/api/saved-searches', 'analyst')).items).toEqual([]);
      });

      it('refuses bad input and anonymous saving', async () => {
        const bad = await h.as('analyst', {
          method: 'POST',
          url: '/api/saved-searches',
          payload: { name: ' ', query: '?q=x' },
        });
        expect(bad.statusCode).toBe(400);
        const anon = await buildHarness({ server: { anonymousViewer: true } });
        try {
          const res = await anon.as('none', {
            method: 'POST',
            url: '/api/saved-searches',
            payload: { name: 'x', query: 'q=x' },
          });
          expect(res.statusCode).toBe(403);
          const list = await anon.as('none', { url: '/api/saved-searches' });
          expect(list.json()).toEqual({ items: [] });
        } finally {
          await anon.close();
        }
      });
    });
  });
}
