import { describe, expect, it } from 'vitest';
import { parseBoard } from '../../src/analyse/watchboards/load-boards.js';
import { scoreBoards } from '../../src/analyse/watchboards/score-boards.js';
import { testBackends } from '../support/test-stores.js';
import { buildHarness } from './harness.js';

const BOARD = parseBoard(
  `id: peninsula
title: Peninsula
start: '2024-06-01'
hypotheses:
  - id: transfer
    title: Russia transfers missile technology
    kind: occurrence
    resolution: { criterion: a transfer stated as fact, by: a government }
    prior: 0.3
    indicators:
      - id: t
        title: transfers
        match: { types: [ARMS_TRANSFER, TECH_TRANSFER], actors: { source: [RUS] } }
        lr: 3
  - id: quiet
    title: A nuclear test
    kind: window
    horizonDays: 90
    resolution: { criterion: a test detected by seismographs, by: a government }
    prior: 0.3
    indicators:
      - id: n
        title: tests
        match: { types: [NUCLEAR_TEST] }
        lr: 3
        absence: { days: 60, lr: 0.8 }
`,
  'peninsula.yaml',
);
const URL_OF = '/api/hypotheses/peninsula%2Ftransfer';
const BODY = {
  outcome: true,
  date: '2024-11-05',
  source: 'https://example.org/statement',
  note: 'confirmed',
};

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason !== null)(
    `resolutions through the API on ${backend.name}`,
    () => {
      it('an analyst resolves, a viewer may not; the hypothesis freezes and the audit shows who', async () => {
        const h = await buildHarness({ store: await backend.open(), services: {} });
        try {
          await scoreBoards(h.store, [BOARD]);
          const post = (
            who: 'viewer' | 'analyst',
            payload: unknown,
            url = `${URL_OF}/resolution`,
          ) => h.as(who, { method: 'POST', url, payload: payload as Record<string, unknown> });

          expect((await post('viewer', BODY)).statusCode).toBe(403);
          const bad = await post('analyst', { ...BODY, outcome: 'yes' });
          expect(bad.statusCode).toBe(400);
          expect(
            (await post('analyst', { ...BODY, source: 'file:///etc/passwd' })).statusCode,
          ).toBe(400);
          expect(
            (await post('analyst', { ...BODY, date: '2024-12-01' })).json().error.message,
          ).toMatch(/future/);
          expect(
            (await post('analyst', BODY, '/api/hypotheses/peninsula%2Fnone/resolution')).statusCode,
          ).toBe(404);
          expect(await h.store.db.selectFrom('resolutions').selectAll().execute()).toEqual([]);

          const ok = await post('analyst', BODY);
          expect(ok.statusCode, ok.body).toBe(201);
          expect(ok.json()).toMatchObject({ outcome: true, recordedBy: 'analyst-user' });

          const hypothesis = await h.as('viewer', { url: URL_OF });
          expect(hypothesis.json().probability).toBe(1);

          // Scores: June 1 (the board's start) to Nov 4, the day before the resolution.
          const scores = (await h.as('viewer', { url: '/api/boards/peninsula/scores' })).json();
          expect(scores.scored).toBe(1);
          expect(scores.hypotheses).toHaveLength(2);
          const scored = scores.hypotheses[0].scores;
          expect(scored.days).toBe(157);
          // Until its first event the occurrence question holds its prior (no silence counted).
          expect(scores.trajectories[0].trajectory[0].day).toBe('2024-06-01');
          expect(scores.trajectories[0].trajectory[0].probability).toBeCloseTo(0.3, 12);
          expect(
            scores.calibration.reduce((n: number, b: { forecasts: number }) => n + b.forecasts, 0),
          ).toBe(157);
          expect((await h.as('viewer', { url: '/api/boards/nope/scores' })).statusCode).toBe(404);
          expect(
            (await h.as('viewer', { url: '/api/boards/peninsula/scores?from=May' })).statusCode,
          ).toBe(400);

          // Silence is said as silence, and documents awaiting analysis are counted.
          const quiet = (await h.as('viewer', { url: '/api/hypotheses/peninsula%2Fquiet' })).json();
          expect(quiet.lastChange.reason).toMatch(/silence: no new report for \d+ days/);
          // The seed's five documents were stored without analysis.
          expect(quiet.pendingDocuments).toBe(5);
          await h.store.db
            .updateTable('documents')
            .set({ analysed_at: '2024-11-13T00:00:00Z' })
            .execute();
          const none = (await h.as('viewer', { url: '/api/hypotheses/peninsula%2Fquiet' })).json();
          expect(none.pendingDocuments).toBe(0);
          await h.store.db
            .updateTable('documents')
            .set({ analysed_at: null, extracted_at: '2024-11-12T00:00:00Z' })
            .where('id', '=', 'doc-en-1')
            .execute();
          const pending = (
            await h.as('viewer', { url: '/api/hypotheses/peninsula%2Fquiet' })
          ).json();
          expect(pending.pendingDocuments).toBe(1);

          // A later correction is appended: the audit keeps both, the last is in force.
          await post('analyst', { ...BODY, outcome: false, note: 'retracted' });
          const audit = (await h.as('viewer', { url: `${URL_OF}/resolutions` })).json();
          expect(audit.items.map((r: { outcome: boolean }) => r.outcome)).toEqual([true, false]);
          expect((await h.as('viewer', { url: URL_OF })).json().probability).toBe(0);
        } finally {
          await h.close();
        }
      });
    },
  );
}
