/**
 * Source track records and grades through the API on both backends: viewers read, analysts
 * apply (a viewer gets 403 and nothing changes), bad input is a 400 writing nothing, a resolution
 * recorded through the API moves the suggestion, and every grade change is audited.
 */
import { describe, expect, it } from 'vitest';
import { TRACK, seedTrackRecords } from './seed-track-records.js';
import { testBackends } from '../support/test-stores.js';
import { buildHarness, type Harness } from './harness.js';

interface Record_ {
  source: { id: string; reliability: string };
  record: { claims: number; confirmed: number; contradicted: number; carried: number };
  suggestion: { suggested: string; change: boolean; reasons: string[] };
  claims: { eventId: string; status: string }[];
}

async function records(h: Harness, query = ''): Promise<{ items: Record_[]; total: number }> {
  const res = await h.as('viewer', { url: `/api/sources/track-records${query}` });
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function reliability(h: Harness): Promise<string> {
  const row = await h.store.db
    .selectFrom('sources')
    .select('reliability')
    .where('id', '=', TRACK.nkWatch)
    .executeTakeFirstOrThrow();
  return row.reliability;
}

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason !== null)(
    `source grades through the API on ${backend.name}`,
    { timeout: 60_000 },
    () => {
      it('lists records to viewers and applies a grade for analysts only, audited', async () => {
        const h = await buildHarness({ store: await backend.open() });
        try {
          await seedTrackRecords(h.store);
          expect((await h.as('none', { url: '/api/sources/track-records' })).statusCode).toBe(401);
          const all = await records(h);
          expect(all.total).toBe(6);
          const nk = all.items.find((i) => i.source.id === TRACK.nkWatch)!;
          expect(nk.record).toMatchObject({ claims: 7, confirmed: 5, contradicted: 1 });
          expect(nk.suggestion).toMatchObject({ suggested: 'C', change: true });
          expect(nk.suggestion.reasons[0]).toContain('lower bound 0.44 → C');
          const one = await records(h, `?source=${TRACK.seoulWire}`);
          expect(one.items.map((i) => i.source.id)).toEqual([TRACK.seoulWire]);
          expect(one.items[0]!.record.carried).toBe(2);
          expect(
            (await h.as('viewer', { url: '/api/sources/track-records?source=src-none' }))
              .statusCode,
          ).toBe(404);
          expect(
            (await h.as('viewer', { url: '/api/sources/track-records?limit=500' })).statusCode,
          ).toBe(400);

          const url = `/api/sources/${TRACK.nkWatch}/grade`;
          const viewer = await h.as('viewer', { method: 'POST', url, payload: { grade: 'C' } });
          expect(viewer.statusCode).toBe(403);
          const bad = await h.as('analyst', { method: 'POST', url, payload: { grade: 'G' } });
          expect(bad.statusCode).toBe(400);
          const extra = await h.as('analyst', {
            method: 'POST',
            url,
            payload: { grade: 'C', reliability: 'A' },
          });
          expect(extra.statusCode).toBe(400);
          const missing = await h.as('analyst', {
            method: 'POST',
            url: '/api/sources/src-none/grade',
            payload: { grade: 'C' },
          });
          expect(missing.statusCode).toBe(404);
          expect(await reliability(h)).toBe('F');

          const ok = await h.as('analyst', {
            method: 'POST',
            url,
            payload: { grade: 'C', note: 'five of six confirmed' },
          });
          expect(ok.statusCode).toBe(201);
          expect(ok.json()).toMatchObject({
            source: { id: TRACK.nkWatch, reliability: 'C' },
            change: {
              before: 'F',
              after: 'C',
              suggested: 'C',
              note: 'five of six confirmed',
              recordedBy: 'analyst-user',
              recordedAt: '2024-11-15T00:00:00.000Z',
              record: { confirmed: 5, contradicted: 1 },
            },
          });
          expect(await reliability(h)).toBe('C');
          // The PATCH of the sources page is audited the same way.
          const patched = await h.as('admin', {
            method: 'PATCH',
            url: `/api/sources/${TRACK.nkWatch}`,
            payload: { reliability: 'D' },
          });
          expect(patched.statusCode).toBe(200);
          const history = await h.as('viewer', { url: `/api/sources/${TRACK.nkWatch}/grades` });
          expect(history.statusCode).toBe(200);
          expect(
            (history.json() as { items: { before: string; after: string; recordedBy: string }[] })
              .items,
          ).toMatchObject([
            { before: 'C', after: 'D', recordedBy: 'admin-user' },
            { before: 'F', after: 'C', recordedBy: 'analyst-user' },
          ]);
        } finally {
          await h.close();
        }
      });

      it('a resolution recorded through the API moves the suggestion', async () => {
        const h = await buildHarness({ store: await backend.open() });
        try {
          await seedTrackRecords(h.store);
          const res = await h.as('analyst', {
            method: 'POST',
            url: `/api/hypotheses/${encodeURIComponent(TRACK.yes)}/resolution`,
            payload: {
              outcome: false,
              date: '2024-11-01',
              source: 'https://record.example/reversed',
              note: 'the deployment story was withdrawn',
            },
          });
          expect(res.statusCode).toBe(201);
          const nk = (await records(h, `?source=${TRACK.nkWatch}`)).items[0]!;
          expect(nk.record).toMatchObject({ confirmed: 1, contradicted: 5 });
          expect(nk.suggestion.suggested).toBe('E');
          expect(nk.claims.filter((c) => c.status === 'contradicted')).toHaveLength(5);
        } finally {
          await h.close();
        }
      });
    },
  );
}
