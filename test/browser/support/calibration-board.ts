/**
 * A small board scored over the seeded store, for the calibration page's test and the dashboard
 * benchmark's reference: one occurrence and one window hypothesis, which `resolveCalibrationBoard`
 * resolves (transfer true on 2024-11-12, test false on 2024-11-10).
 */
import { parseBoard } from '../../../src/analyse/watchboards/load-boards.js';
import { resolveHypothesis } from '../../../src/analyse/watchboards/resolve-hypothesis.js';
import { scoreBoards } from '../../../src/analyse/watchboards/score-boards.js';
import type { Store } from '../../../src/store/open-store.js';

export const CALIBRATION_BOARD = parseBoard(
  `id: peninsula
title: Russia and the DPRK (calibration test)
start: '2024-06-01'
hypotheses:
  - id: transfer
    title: Russia transfers arms or technology to the DPRK
    kind: occurrence
    resolution: { criterion: a transfer stated as fact by a party, by: Russia or the DPRK }
    prior: 0.3
    indicators:
      - id: t
        title: transfers
        match: { types: [ARMS_TRANSFER, TECH_TRANSFER], actors: { source: [RUS] } }
        lr: 4
  - id: test
    title: The DPRK conducts a nuclear test
    kind: window
    horizonDays: 90
    resolution: { criterion: a test detected by seismographs, by: a government }
    prior: 0.2
    indicators:
      - id: n
        title: nuclear tests
        match: { types: [NUCLEAR_TEST] }
        lr: 3
        absence: { days: 60, lr: 0.8 }
`,
  'peninsula.yaml',
);

/** The two resolutions the page shows: [hypothesis, outcome, day]. */
export const CALIBRATION_RESOLUTIONS = [
  ['peninsula/transfer', true, '2024-11-12'],
  ['peninsula/test', false, '2024-11-10'],
] as const;

/** Scores the board and records both resolutions without the API (the benchmark's reference). */
export async function resolveCalibrationBoard(store: Store): Promise<void> {
  await scoreBoards(store, [CALIBRATION_BOARD]);
  for (const [hypothesisId, outcome, date] of CALIBRATION_RESOLUTIONS) {
    await resolveHypothesis(
      store,
      {
        hypothesisId,
        input: { outcome, date, source: 'https://example.org/record' },
        recordedBy: 'bench',
        now: '2024-11-15T00:00:00Z',
      },
      [CALIBRATION_BOARD],
    );
  }
}
