/**
 * Board scoring from the match table, updated only for the events each run changes, equals a
 * from-scratch scoring of the same store (matches rebuilt, criteria evaluated on every event).
 */
import { describe, expect, it } from 'vitest';
import { testBackends } from '../support/test-stores.js';
import { addDocuments, addMentions, type MentionFixture } from './fixture-builders.js';
import { analyseDocuments } from '../../src/analyse/analyse-documents.js';
import { parseBoard } from '../../src/analyse/watchboards/load-boards.js';
import { loadBoardEvents } from '../../src/analyse/watchboards/board-events.js';
import { scoreHypothesis } from '../../src/analyse/watchboards/log-odds.js';
import { scoreBoards } from '../../src/analyse/watchboards/score-boards.js';
import type { Store } from '../../src/store/open-store.js';

const backends = await testBackends();
const NOW = '2026-01-01T00:00:00.000Z';
const BOARD = parseBoard(
  `id: inc
title: Incremental
halfLifeDays: 30
start: '2024-05-01'
hypotheses:
  - id: space
    title: Space tech
    prior: 0.2
    kind: window
    horizonDays: 365
    resolution: { criterion: an official confirmation, by: a government }
    indicators:
      - id: transfer
        title: transfer
        match: { types: [TECH_TRANSFER], actors: { source: [RUS], target: [PRK] }, capabilities: [SPACE] }
        lr: 4
        cap: 2
        absence: { days: 20, lr: 0.8 }
      - id: talks
        title: talks about satellites
        match: { types: [MEETING], actors: { either: [RUS] }, keywords: [satellite] }
        lr: 1.8
        cap: 1
  - id: denial
    title: Denials
    prior: 0.5
    kind: window
    horizonDays: 365
    resolution: { criterion: an official confirmation, by: a government }
    indicators:
      - id: weak
        title: weakly sourced transfer
        match: { types: [TECH_TRANSFER], maxCredibility: 3 }
        lr: 0.7
        cap: 3
`,
  'inc.yaml',
);

const SAT = 'Russia and North Korea held talks about a satellite launch. Officials said more.';
const OTHER = 'Russia and North Korea held talks on trade and fisheries. Officials said more.';

interface Batch {
  docs: { id: string; published: string; text: string; outlet: string; story?: string }[];
  mentions: MentionFixture[];
}

function batch(prefix: string, days: string[], late = false): Batch {
  const docs: Batch['docs'] = [];
  const mentions: MentionFixture[] = [];
  days.forEach((day, i) => {
    const id = `${prefix}${i}`;
    const text = i % 2 === 0 ? SAT : OTHER;
    docs.push({ id, published: `${day}T${late ? '01' : '10'}:00:00Z`, text, outlet: `O${i % 3}` });
    mentions.push(
      {
        doc: id,
        type: 'TECH_TRANSFER',
        source: 'RUS',
        target: 'PRK',
        capabilities: ['SPACE'],
        end: 40,
      },
      { doc: id, type: 'MEETING', source: 'RUS', target: 'PRK', end: 60 },
      { doc: id, type: 'TECH_TRANSFER', source: 'CHN', target: 'PRK', date: day, end: 30 },
    );
  });
  return { docs, mentions };
}

async function add(store: Store, b: Batch): Promise<string[]> {
  await addDocuments(store, b.docs);
  await addMentions(store, b.mentions);
  return b.docs.map((d) => d.id);
}

/** Hypotheses and their audit trail, without write times. */
async function snapshot(store: Store) {
  const hypotheses = await store.db
    .selectFrom('hypotheses')
    .select(['id', 'probability'])
    .orderBy('id')
    .execute();
  const evidence = await store.db
    .selectFrom('evidence')
    .select([
      'id',
      'hypothesis_id',
      'indicator_id',
      'event_id',
      'at',
      'delta_log_odds',
      'probability_before',
      'probability_after',
      'explanation',
    ])
    .orderBy('id')
    .execute();
  return { hypotheses, evidence };
}

/** Stored probabilities and step counts equal a scoring that evaluates every event's criteria. */
async function expectCriteriaScores(store: Store, asOf: string): Promise<void> {
  const { hypotheses, evidence } = await snapshot(store);
  const events = await loadBoardEvents(store.db, [BOARD], asOf);
  for (const h of BOARD.hypotheses) {
    const score = scoreHypothesis(h, events, {
      asOf,
      halfLifeDays: BOARD.halfLifeDays,
      observationStart: BOARD.start ?? null,
    });
    const stored = hypotheses.find((x) => x.id === `inc/${h.id}`)!;
    expect(stored.probability).toBeCloseTo(score.probability, 12);
    expect(evidence.filter((e) => e.hypothesis_id === `inc/${h.id}`)).toHaveLength(
      score.steps.length,
    );
  }
}

describe.each(backends)('incremental board scoring on $name', (backend) => {
  it.skipIf(backend.skipReason !== null)(
    'after adding documents equals a from-scratch scoring of the same store',
    async () => {
      const store = await backend.open();
      try {
        await analyseDocuments(
          store,
          await add(store, batch('a', ['2024-06-01', '2024-06-03'])),
          [BOARD],
          { now: NOW },
        );
        await expectCriteriaScores(store, '2024-06-03');
        await analyseDocuments(
          store,
          await add(store, batch('b', ['2024-06-20', '2024-07-02', '2024-07-02'])),
          [BOARD],
          { now: NOW },
        );
        await expectCriteriaScores(store, '2024-07-02');
        // A late document (re-resolves later mentions; same news day), then a later day.
        await analyseDocuments(store, await add(store, batch('c', ['2024-06-10'], true)), [BOARD], {
          now: NOW,
        });
        await expectCriteriaScores(store, '2024-07-02');
        await analyseDocuments(store, await add(store, batch('d', ['2024-08-15'])), [BOARD], {
          now: NOW,
        });
        // Same news day, nothing any indicator meets: the hypotheses are left untouched.
        const later = '2026-01-02T00:00:00.000Z';
        await addDocuments(store, [
          { id: 'e0', published: '2024-08-15T12:00:00Z', text: OTHER, outlet: 'O9' },
        ]);
        await addMentions(store, [{ doc: 'e0', type: 'SANCTION', source: 'USA', target: 'PRK' }]);
        const quiet = await analyseDocuments(store, ['e0'], [BOARD], { now: later });
        expect(quiet.hypothesisChanges).toEqual([]);
        const written = await store.db.selectFrom('evidence').select('created_at').execute();
        expect(written.every((r) => r.created_at === NOW)).toBe(true);
        const incremental = await snapshot(store);
        expect(incremental.evidence.length).toBeGreaterThan(3);
        expect(incremental.evidence.some((e) => e.indicator_id === 'inc/space/talks')).toBe(true);

        // From scratch: the match table forgotten and rebuilt from every event.
        await store.db.deleteFrom('board_matches').execute();
        await scoreBoards(store, [BOARD], { now: NOW });
        expect(await snapshot(store)).toEqual(incremental);

        // And the criteria evaluated directly on every event give the same probabilities.
        await expectCriteriaScores(store, '2024-08-15');
      } finally {
        await store.close();
      }
    },
  );
});
