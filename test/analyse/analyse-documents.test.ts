import { describe, expect, it } from 'vitest';
import { testBackends } from '../support/test-stores.js';
import { addDocuments, addMentions, addSource } from './fixture-builders.js';
import { analyseDocuments } from '../../src/analyse/analyse-documents.js';
import { computeTrends, detectSpikes } from '../../src/analyse/trends/compute-trends.js';
import { parseBoard } from '../../src/analyse/watchboards/load-boards.js';
import { explainHypothesis } from '../../src/analyse/watchboards/explain-hypothesis.js';
import type { Store } from '../../src/store/open-store.js';

const backends = await testBackends();
const NOW = '2026-01-01T00:00:00.000Z';
const BOARD = parseBoard(
  `id: b
title: B
hypotheses:
  - id: space
    title: Space tech
    prior: 0.2
    kind: window
    horizonDays: 365
    resolution: { criterion: an official confirmation, by: a government }
    indicators:
      - id: t
        title: transfer
        match: { types: [TECH_TRANSFER], actors: { source: [RUS], target: [PRK] }, capabilities: [SPACE] }
        lr: 4
`,
  'b.yaml',
);

describe.each(backends)('analyseDocuments on $name', (backend) => {
  const run = (name: string, fn: (store: Store) => Promise<void>) =>
    it.skipIf(backend.skipReason !== null)(name, async () => {
      const store = await backend.open();
      try {
        await fn(store);
      } finally {
        await store.close();
      }
    });

  run(
    'returns new events (first for pair), mention sentences and board changes with an audit trail',
    async (store) => {
      await addSource(store, 'yonhap', 'B');
      const text = 'Russia sent satellite engineers to North Korea. Moscow denied it.';
      await addDocuments(store, [
        { id: 'd1', published: '2024-06-01', text, sourceId: 'yonhap', outlet: 'Yonhap' },
        { id: 'd2', published: '2024-06-01', text, outlet: 'Copy', story: 'S1' },
        { id: 'd3', published: '2024-06-01', text, outlet: 'Copy 2', story: 'S1' },
      ]);
      await addMentions(store, [
        {
          doc: 'd1',
          type: 'TECH_TRANSFER',
          source: 'RUS',
          target: 'PRK',
          capabilities: ['SPACE'],
          start: 0,
          end: 47,
        },
        {
          doc: 'd2',
          type: 'TECH_TRANSFER',
          source: 'RUS',
          target: 'PRK',
          capabilities: ['SPACE'],
          start: 0,
          end: 47,
        },
        {
          doc: 'd3',
          type: 'TECH_TRANSFER',
          source: 'RUS',
          target: 'PRK',
          capabilities: ['SPACE'],
          start: 0,
          end: 47,
        },
      ]);
      const first = await analyseDocuments(store, ['d1', 'd2', 'd3'], [BOARD], { now: NOW });
      expect(first.newEvents).toHaveLength(1);
      expect(first.newEvents[0]).toMatchObject({
        type: 'TECH_TRANSFER',
        source: 'RUS',
        target: 'PRK',
        firstForPair: true,
        credibility: 1,
      });
      expect(first.newEvents[0]!.mentionIds).toEqual(['d1#0', 'd2#0', 'd3#0']);
      expect(first.newMentions.map((m) => m.sentence)).toEqual(
        Array(3).fill('Russia sent satellite engineers to North Korea.'),
      );
      expect(first.hypothesisChanges).toHaveLength(1);
      const change = first.hypothesisChanges[0]!;
      expect(change).toMatchObject({
        boardId: 'b',
        hypothesisId: 'b/space',
        before: 0.2,
        at: '2024-06-01',
      });
      // Two independent origins (Yonhap graded B; the story S1 counted once) → credibility 1, w 1.0 × 0.75.
      const expected = 1 / (1 + Math.exp(-(Math.log(0.25) + Math.log(4) * 0.75)));
      expect(change.after).toBeCloseTo(expected, 12);
      await store.db
        .insertInto('story_documents')
        .values({
          document_id: 'd3',
          story_id: 'S1',
          lang: 'en',
          published: '2024-06-01',
          signatures: '',
          actors: '',
          numbers: '',
          details: '',
          names: '',
          sentences: 2,
          reason: 'evidence',
          matched_document_id: 'd2',
          created_at: NOW,
          source: 'rus-kremlin',
          evidence: JSON.stringify({
            stage: 'evidence',
            days: 0,
            source: 'same',
            sourceId: 'rus-kremlin',
            figures: [],
            events: ['TECH_TRANSFER/RUS/PRK'],
            names: ['rus-kremlin'],
            score: 2.5,
          }),
        })
        .execute();
      const why = await explainHypothesis(store, 'space');
      expect(why.steps).toHaveLength(1);
      expect(why.steps[0]!.mentions.map((m) => m.story)).toEqual([
        null,
        { id: 'S1', why: null },
        {
          id: 'S1',
          why: "joined Copy's report on evidence: same source the Kremlin; event TECH_TRANSFER/RUS/PRK; 0 days apart",
        },
      ]);
      expect(why.steps[0]!.mentions.map((m) => [m.documentId, m.sentence])).toEqual([
        ['d1', 'Russia sent satellite engineers to North Korea.'],
        ['d2', 'Russia sent satellite engineers to North Korea.'],
        ['d3', 'Russia sent satellite engineers to North Korea.'],
      ]);
      expect(why.steps[0]!.factors).toMatchObject({
        credibility: 1,
        independentSources: 2,
        independenceWeight: 0.75,
      });

      // A later, separate transfer of the same pair is not the first any more.
      await addDocuments(store, [{ id: 'd4', published: '2024-09-01', text }]);
      await addMentions(store, [
        {
          doc: 'd4',
          type: 'TECH_TRANSFER',
          source: 'RUS',
          target: 'PRK',
          capabilities: ['SPACE'],
          date: '2024-09-01',
        },
      ]);
      const second = await analyseDocuments(store, ['d4'], [BOARD], { now: NOW });
      expect(second.newEvents.map((e) => e.firstForPair)).toEqual([false]);
    },
  );

  run('counts trends per pair and day and detects a spike against the baseline', async (store) => {
    const docs = [];
    const mentions = [];
    // One meeting every 7 days for four weeks, then five distinct test events in one day.
    for (let w = 0; w < 4; w++) {
      const day = `2024-05-${String(1 + 7 * w).padStart(2, '0')}`;
      docs.push({ id: `m${w}`, published: day });
      mentions.push({ doc: `m${w}`, type: 'MEETING', source: 'RUS', target: 'PRK', date: day });
    }
    for (let i = 0; i < 5; i++) {
      docs.push({ id: `t${i}`, published: '2024-05-30' });
      mentions.push({
        doc: `t${i}`,
        type: 'MISSILE_TEST',
        source: 'PRK',
        capabilities: [
          ['BALLISTIC_MISSILE'],
          ['SPACE'],
          ['SUBMARINE'],
          ['CRUISE_MISSILE'],
          ['HYPERSONIC'],
        ][i]!,
      });
    }
    await addDocuments(store, docs);
    await addMentions(store, mentions);
    const signals = await analyseDocuments(
      store,
      docs.map((d) => d.id),
      [],
      { now: NOW },
    );
    expect(signals.spikes.map((s) => [s.pair.join('-'), s.type, s.day, s.count])).toEqual([
      ['PRK-PRK', null, '2024-05-30', 5],
      ['PRK-PRK', 'MISSILE_TEST', '2024-05-30', 5],
    ]);
    expect(signals.spikes[1]!.pValue).toBeLessThan(1e-6);
    const trends = await computeTrends(store, {
      since: '2024-05-01',
      until: '2024-05-31',
      pair: ['RUS', 'PRK'],
    });
    expect(trends.days).toHaveLength(31);
    expect(trends.pairs).toHaveLength(1);
    expect(trends.pairs[0]!.counts['MEETING']!.reduce((a, b) => a + b, 0)).toBe(4);
    expect(trends.pairs[0]!.score).toBe(4);
    expect(await detectSpikes(store, { days: ['2024-05-08'] })).toEqual([]);
  });
});
