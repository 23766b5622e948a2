import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBoard } from '../../src/analyse/watchboards/load-boards.js';
import { runReplay } from '../../src/cli/commands/replay.js';
import { trajectoryCsv } from '../../src/analyse/replay/replay-corpus.js';
import { scoreBacktest } from '../../src/analyse/scoring/backtest-scores.js';
import type { ExtractionResult } from '../../src/domain/mention.js';
import type { GoldDocument } from '../../src/domain/document.js';
import { compareReplays } from '../../bench/replay-equivalence.js';

const corpus = new URL('../fixtures/analyse/replay-corpus.jsonl', import.meta.url).pathname;
const gold = new Map(
  readFileSync(corpus, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldDocument)
    .map((d) => [d.id, d]),
);

/** Pre-extracted mentions: the fixture's gold events, located in the text. */
function goldExtract(doc: { id: string; text: string }): ExtractionResult {
  const d = gold.get(doc.id)!;
  return {
    lang: 'en',
    origins: [],
    mentions: d.events.map((e) => {
      const start = doc.text.indexOf(e.evidence);
      return {
        type: e.type,
        source: e.source,
        target: e.target,
        modality: e.modality,
        capabilities: e.capabilities,
        date: e.date,
        start,
        end: start + e.evidence.length,
        rules: ['gold'],
        cues: [],
        confidence: 1,
      };
    }),
  };
}

const BOARD = parseBoard(
  `id: replay-board
title: Replay test
halfLifeDays: 365
hypotheses:
  - id: space
    title: Russia transfers space technology
    prior: 0.3
    kind: window
    horizonDays: 365
    resolution: { criterion: an official confirmation, by: a government }
    indicators:
      - id: space-transfer
        title: space transfer
        match:
          types: [TECH_TRANSFER]
          actors: { source: [RUS], target: [PRK] }
          capabilities: [SPACE]
        lr: 5
  - id: troops
    title: Troops expand
    prior: 0.4
    kind: window
    horizonDays: 365
    resolution: { criterion: an official confirmation, by: a government }
    indicators:
      - id: troops-sent
        title: troops sent
        match:
          types: [TROOP_DEPLOYMENT]
          actors: { source: [PRK], target: [RUS] }
        lr: 3
`,
  'replay-board.yaml',
);

describe('vigie replay', () => {
  it('replays day by day: trajectories move on the right days and crossings are dated', async () => {
    const result = await runReplay({
      corpus,
      board: BOARD,
      extract: goldExtract,
      rules: [
        {
          id: 'troops-60',
          kind: 'threshold',
          hypothesis: 'replay-board/troops',
          above: 0.6,
          notify: [],
        },
      ],
    });
    expect(result.documents).toBe(8);
    expect(result.days.map((d) => d.day)).toEqual([
      '2024-06-01',
      '2024-06-02',
      '2024-06-03',
      '2024-06-04',
      '2024-06-10',
      '2024-06-11',
      '2024-06-12',
    ]);
    const space = result.trajectory.filter((p) => p.hypothesisId === 'replay-board/space');
    const troops = result.trajectory.filter((p) => p.hypothesisId === 'replay-board/troops');
    expect(space[0]!.probability).toBe(0.3);
    // The first day's two documents: one origin plus a syndicated copy → credibility 3, one origin.
    expect(space[1]!.probability).toBeGreaterThan(0.3);
    // A further copy of the same story on day 2 adds no independent origin: only a day of decay.
    expect(space[2]!.probability).toBeLessThan(space[1]!.probability);
    expect(space[2]!.probability).toBeCloseTo(space[1]!.probability, 3);
    // Independent French and Russian reports raise it further.
    expect(space[4]!.probability).toBeGreaterThan(space[3]!.probability);
    expect(space[3]!.probability).toBeGreaterThan(space[2]!.probability);
    // Troops stay at the prior until the first deployment report.
    expect(troops.slice(0, 5).every((p) => p.probability === 0.4)).toBe(true);
    expect(troops[5]!.probability).toBeGreaterThan(0.4);
    const alerts = result.alerts.map((a) => `${a.at} ${a.ruleId}`);
    expect(alerts).toContain('2024-06-03 replay-50');
    expect(alerts.filter((a) => a.endsWith('troops-60'))).toHaveLength(1);
    expect(alerts.every((a, i) => i === 0 || a >= alerts[i - 1]!)).toBe(true);
    const csv = trajectoryCsv(result.trajectory);
    expect(csv.split('\n')[0]).toBe('date,board,hypothesis,probability');
    expect(csv.split('\n')).toHaveLength(result.trajectory.length + 2);
  });

  it('reports unreadable lines and keeps going', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-replay-'));
    const file = join(dir, 'c.jsonl');
    writeFileSync(file, `${readFileSync(corpus, 'utf8').split('\n')[0]}\nnot json\n{"id":"x"}\n`);
    const result = await runReplay({ corpus: file, board: BOARD, extract: goldExtract });
    expect(result.documents).toBe(1);
    expect(result.skipped).toHaveLength(2);
    expect(result.skipped[0]).toMatch(/c\.jsonl:2: invalid JSON/);
  });

  it('backtest: quiet days are scored too, and the trajectory is scored against resolutions', async () => {
    const result = await runReplay({
      corpus,
      board: BOARD,
      extract: goldExtract,
      everyDay: { until: '2024-06-20' },
    });
    const troops = result.trajectory.filter((p) => p.hypothesisId === 'replay-board/troops');
    const days = [...new Set(troops.map((p) => p.at))];
    // Every day from the first document (June 1) to `until` (June 20), not only document days.
    expect(days).toHaveLength(20);
    expect(days[days.length - 1]).toBe('2024-06-20');
    // Document days are still the replay's days.
    expect(result.days).toHaveLength(7);
    const scores = scoreBacktest(
      BOARD,
      result.trajectory,
      [
        {
          hypothesis: 'troops',
          outcome: true,
          date: '2024-06-15',
          source: 'https://example.org/a',
        },
      ],
      '2024-06-08',
    );
    const held = scores.held.hypotheses.find((h) => h.id === 'replay-board/troops')!.scores!;
    // Held days: June 8 to 14 (the day before the resolution).
    expect(held.days).toBe(7);
    const byDay = new Map(troops.map((p) => [p.at, p.probability]));
    const expected =
      ['08', '09', '10', '11', '12', '13', '14']
        .map((d) => (byDay.get(`2024-06-${d}`)! - 1) ** 2)
        .reduce((a, b) => a + b, 0) / 7;
    expect(held.brier).toBeCloseTo(expected, 12);
    expect(scores.tune.hypotheses.find((h) => h.id === 'replay-board/troops')!.scores!.days).toBe(
      7,
    );
    expect(scores.held.hypotheses.find((h) => h.id === 'replay-board/space')!.scores).toBeNull();
  });

  it('scores runs of quiet days in memory with the results of scoring each day in the store', async () => {
    // Silence that counts every 3 days, an occurrence question resolved inside a quiet run, and
    // long quiet runs: what the in-memory days must carry from one day to the next.
    const board = {
      ...parseBoard(
        `id: quiet-board
title: Quiet days
halfLifeDays: 30
hypotheses:
  - id: space
    title: Russia has transferred space technology
    prior: 0.3
    kind: occurrence
    resolution: { criterion: an official confirmation, by: a government }
    indicators:
      - id: space-transfer
        title: space transfer
        match:
          types: [TECH_TRANSFER]
          actors: { source: [RUS], target: [PRK] }
        lr: 4
        absence: { days: 5, lr: 0.8 }
  - id: troops
    title: Troops expand
    prior: 0.4
    kind: window
    horizonDays: 90
    resolution: { criterion: an official confirmation, by: a government }
    indicators:
      - id: troops-sent
        title: troops sent
        match:
          types: [TROOP_DEPLOYMENT]
          actors: { source: [PRK], target: [RUS] }
        lr: 3
        absence: { days: 3, lr: 0.7 }
`,
        'quiet-board.yaml',
      ),
      resolutions: [
        { hypothesis: 'space', outcome: true, date: '2024-06-07', source: 'https://example.org/s' },
      ],
    };
    const { fast, differences } = await compareReplays({
      corpus,
      board,
      resolutions: [],
      until: '2024-07-20',
      extract: goldExtract,
    });
    expect(differences).toEqual([]);
    const troops = fast.replay.trajectory.filter((p) => p.hypothesisId === 'quiet-board/troops');
    // Every day from June 1 to July 20 (and the prior); silence lowers troops in the quiet tail.
    expect(troops).toHaveLength(51);
    expect(troops[troops.length - 1]!.probability).toBeLessThan(troops[20]!.probability);
    const moved = troops.filter((p) => p.at > '2024-06-12' && p.evidenceIds.length > 0);
    expect(moved.length).toBeGreaterThan(10);
    const space = fast.replay.trajectory.filter((p) => p.hypothesisId === 'quiet-board/space');
    expect(space.find((p) => p.at === '2024-06-07')!.probability).toBe(1);
  });
});
