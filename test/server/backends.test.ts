import { describe, expect, it } from 'vitest';
import { testBackends } from '../support/test-stores.js';
import { buildHarness } from './harness.js';

const backends = await testBackends();

for (const backend of backends) {
  describe.skipIf(backend.skipReason !== null)(`main read routes on ${backend.name}`, () => {
    it('answers the list, search, detail and overview routes the same way', async () => {
      const h = await buildHarness({ store: await backend.open(), services: {} });
      try {
        const get = async (url: string) => {
          const res = await h.as('viewer', { url });
          expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
          return res.json();
        };
        const ids = (page: { items: { id: string }[] }) => page.items.map((x) => x.id);
        expect(ids(await get('/api/documents'))).toEqual([
          'doc-hostile',
          'doc-ko-1',
          'doc-fr-1',
          'doc-en-2',
          'doc-en-1',
        ]);
        expect(ids(await get('/api/documents?q=intercontinental'))).toEqual([
          'doc-en-2',
          'doc-en-1',
        ]);
        expect(ids(await get('/api/documents?q=탄도미사일'))).toEqual(['doc-ko-1']);
        expect(ids(await get('/api/documents?q=%27%3B%20DROP%20TABLE%20documents%3B'))).toEqual([]);
        const p1 = await get('/api/documents?limit=3');
        const p2 = await get(`/api/documents?limit=3&cursor=${p1.next}`);
        expect([...ids(p1), ...ids(p2)]).toHaveLength(5);
        expect(p2.next).toBeNull();
        expect(ids(await get('/api/mentions?actor=RUS'))).toEqual(['doc-fr-1#0', 'doc-en-1#1']);
        expect(ids(await get('/api/mentions?capability=CRUISE_MISSILE&since=2024-11'))).toEqual([
          'doc-hostile#0',
        ]);
        expect(ids(await get('/api/events?actor=PRK&until=2024-11-10'))).toEqual([
          'evt-transfer-1',
          'evt-test-1',
        ]);
        expect(ids(await get('/api/events?lang=ko'))).toEqual(['evt-test-2']);
        expect((await get('/api/events/evt-transfer-1')).mentions).toHaveLength(2);
        expect((await get('/api/documents/doc-en-1')).siblings).toHaveLength(1);
        expect((await get('/api/hypotheses/korea.icbm/explain')).steps).toHaveLength(2);
        expect((await get('/api/trends?pair=PRK-RUS')).days).toEqual([
          { day: '2024-11-10', events: 1, mentions: 2 },
        ]);
        const overview = await get('/api/overview');
        expect(overview.activity.totals).toEqual({ documents: 5, mentions: 6, events: 3 });
        expect(overview.unacknowledgedAlerts).toBe(2);
        expect((await get('/api/sources')).total).toBe(3);
      } finally {
        await h.close();
      }
    });
  });
}
