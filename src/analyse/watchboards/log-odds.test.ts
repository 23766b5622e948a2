import { describe, expect, it } from 'vitest';
import type { HypothesisDefinition } from './board-schema.js';
import {
  independenceWeight,
  logit,
  prepareHypothesis,
  probabilityAsOf,
  scoreHypothesis,
  sigmoid,
} from './log-odds.js';
import { dayString } from '../dates.js';
import type { BoardEvent } from './match-indicator.js';

const hypothesis = (
  overrides: Partial<HypothesisDefinition['indicators'][number]> = {},
): HypothesisDefinition => ({
  id: 'h',
  title: 'H',
  kind: 'window',
  horizonDays: 365,
  resolution: { criterion: 'a confirmed transfer', by: 'an official statement' },
  prior: 0.2,
  indicators: [
    {
      id: 'transfer',
      title: 'transfer',
      match: { types: ['TECH_TRANSFER'], actors: { source: ['RUS'], target: ['PRK'] } },
      lr: 4,
      cap: 3,
      ...overrides,
    },
    {
      id: 'weak',
      title: 'any RUS tech transfer',
      match: { types: ['TECH_TRANSFER'], actors: { source: ['RUS'] } },
      lr: 1.5,
      cap: 3,
    },
  ],
});

const event = (
  id: string,
  day: string,
  credibility: number,
  independentSources: number,
  extra: Partial<BoardEvent> = {},
): BoardEvent => ({
  id,
  type: 'TECH_TRANSFER',
  source: 'RUS',
  target: 'PRK',
  capabilities: [],
  modality: 'ASSERTED',
  credibility,
  independentSources,
  day,
  date: null,
  mentionIds: [`${id}-m`],
  sentences: [],
  ...extra,
});

const opts = { asOf: '2024-06-01', halfLifeDays: 100, observationStart: null };

describe('log-odds updates', () => {
  it('one confirmed event from 3+ origins applies the full LR: odds 0.25 × 4 = 1', () => {
    const s = scoreHypothesis(hypothesis(), [event('e1', '2024-06-01', 1, 3)], opts);
    expect(s.steps).toHaveLength(1);
    expect(s.steps[0]!.delta).toBeCloseTo(Math.log(4), 12);
    expect(s.steps[0]!.before).toBeCloseTo(0.2, 12);
    expect(s.probability).toBeCloseTo(0.5, 12);
    // The strongest matching indicator carries the event; the other is recorded, not added.
    expect(s.steps[0]!.factors.otherIndicators).toEqual(['weak']);
  });

  it('weights by credibility and independence: cred 2 (0.8) × 2 origins (0.75)', () => {
    const s = scoreHypothesis(hypothesis(), [event('e1', '2024-06-01', 2, 2)], opts);
    const delta = Math.log(4) * 0.8 * 0.75;
    expect(s.steps[0]!.delta).toBeCloseTo(delta, 12);
    expect(s.probability).toBeCloseTo(sigmoid(logit(0.2) + delta), 12);
    expect(independenceWeight(1)).toBe(0.5);
  });

  it('decays stale evidence by half per half-life', () => {
    const s = scoreHypothesis(hypothesis(), [event('old', '2024-02-22', 1, 3)], opts);
    expect(s.steps[0]!.factors.ageDays).toBe(100);
    expect(s.steps[0]!.delta).toBeCloseTo(Math.log(4) / 2, 12);
  });

  it('caps an indicator at cap × |ln LR| and records the trimmed step', () => {
    const events = ['e1', 'e2', 'e3'].map((id) => event(id, '2024-06-01', 1, 3));
    const s = scoreHypothesis(hypothesis({ cap: 1.5 }), events, opts);
    // The third event finds the budget spent: it adds nothing and is not a step.
    expect(s.steps.map((x) => x.delta / Math.log(4))).toEqual(
      [1, 0.5].map((v) => expect.closeTo(v, 12) as unknown as number),
    );
    expect(s.steps[1]!.factors.capped).toBe(true);
    expect(s.probability).toBeCloseTo(sigmoid(logit(0.2) + 1.5 * Math.log(4)), 12);
  });

  it('counts distinct events, ignores events not yet reported at asOf', () => {
    const s = scoreHypothesis(
      hypothesis(),
      [
        event('e1', '2024-06-01', 1, 3, { mentionIds: ['a', 'b', 'c', 'd'] }),
        event('later', '2024-07-01', 1, 3),
      ],
      opts,
    );
    expect(s.steps.map((x) => x.eventId)).toEqual(['e1']);
  });

  it('applies absence once per silent period, capped', () => {
    const h = hypothesis({ absence: { days: 60, lr: 0.5 }, cap: 1.5 });
    const s = scoreHypothesis(h, [], { ...opts, observationStart: '2024-01-01' });
    // 152 silent days → 2 periods → 2 ln 0.5, capped at 1.5 |ln 0.5|.
    expect(s.steps).toHaveLength(1);
    expect(s.steps[0]!.factors.periods).toBe(2);
    expect(s.steps[0]!.delta).toBeCloseTo(1.5 * Math.log(0.5), 12);
    expect(s.steps[0]!.at).toBe('2024-04-30');
    // A recent matching event resets the silence.
    const fresh = scoreHypothesis(h, [event('e1', '2024-05-15', 1, 3)], {
      ...opts,
      observationStart: '2024-01-01',
    });
    expect(fresh.steps.map((x) => x.factors.kind)).toEqual(['event']);
  });

  it('chains before/after through the steps in date order', () => {
    const s = scoreHypothesis(
      hypothesis(),
      [event('b', '2024-05-01', 3, 1), event('a', '2024-04-01', 1, 3)],
      opts,
    );
    expect(s.steps.map((x) => x.eventId)).toEqual(['a', 'b']);
    expect(s.steps[1]!.before).toBeCloseTo(s.steps[0]!.after, 12);
    expect(s.steps[1]!.after).toBeCloseTo(s.probability, 12);
  });
});

describe('question kinds', () => {
  const occurrence = (extra: Partial<HypothesisDefinition> = {}): HypothesisDefinition => ({
    ...hypothesis({ absence: { days: 60, lr: 0.5 }, cap: 3 }),
    kind: 'occurrence',
    horizonDays: undefined,
    ...extra,
  });

  it('occurrence: a credible old report keeps its full weight (no decay)', () => {
    const s = scoreHypothesis(occurrence(), [event('old', '2024-02-22', 1, 3)], opts);
    expect(s.steps[0]!.factors.decay).toBe(1);
    expect(s.steps[0]!.delta).toBeCloseTo(Math.log(4), 12);
    // The same event on a window question is halved after one half-life (100 days).
    const w = scoreHypothesis(hypothesis(), [event('old', '2024-02-22', 1, 3)], opts);
    expect(w.steps[0]!.delta).toBeCloseTo(Math.log(4) / 2, 12);
  });

  it('occurrence: a rumour (credibility 4) still decays', () => {
    const s = scoreHypothesis(occurrence(), [event('rumour', '2024-02-22', 4, 1)], opts);
    // ln 4 × 0.4 (credibility 4) × 0.5 (one origin) × 0.5 (one half-life).
    expect(s.steps[0]!.delta).toBeCloseTo(Math.log(4) * 0.4 * 0.5 * 0.5, 12);
  });

  it('occurrence: silence after a credible report lowers nothing', () => {
    const s = scoreHypothesis(occurrence(), [event('e1', '2024-01-10', 2, 3)], {
      ...opts,
      observationStart: '2024-01-01',
    });
    expect(s.steps.map((x) => x.factors.kind)).toEqual(['event']);
    // On a window question the same 143 silent days are two absence periods.
    const w = scoreHypothesis(
      hypothesis({ absence: { days: 60, lr: 0.5 } }),
      [event('e1', '2024-01-10', 2, 3)],
      { ...opts, observationStart: '2024-01-01' },
    );
    expect(w.steps.map((x) => x.factors.periods ?? null)).toEqual([null, 2]);
  });

  it('occurrence: silence counts only up to the deadline', () => {
    const s = scoreHypothesis(occurrence({ since: '2024-01-01', deadline: '2024-03-15' }), [], {
      ...opts,
      observationStart: null,
    });
    // 74 days from since to deadline: one 60-day period, not the two up to asOf.
    expect(s.steps[0]!.factors.periods).toBe(1);
    expect(s.steps[0]!.factors.silentDays).toBe(74);
  });

  it('occurrence: events before `since` are outside the question', () => {
    const s = scoreHypothesis(
      occurrence({ since: '2024-03-01' }),
      [event('before', '2024-02-01', 1, 3), event('after', '2024-03-02', 1, 3)],
      opts,
    );
    expect(s.steps.filter((x) => x.eventId).map((x) => x.eventId)).toEqual(['after']);
  });

  it('a resolution freezes the score at its outcome from its day on', () => {
    const events = [event('e1', '2024-03-01', 1, 3), event('e2', '2024-05-01', 1, 3)];
    const resolution = { outcome: true, date: '2024-04-01' };
    const s = scoreHypothesis(occurrence(), events, { ...opts, resolution });
    expect(s.probability).toBe(1);
    expect(s.resolved).toEqual(resolution);
    // Steps stop at the resolution day: the May event is not counted.
    expect(s.steps.map((x) => x.eventId)).toEqual(['e1']);
    const before = scoreHypothesis(occurrence(), events, {
      ...opts,
      asOf: '2024-03-31',
      resolution,
    });
    expect(before.resolved).toBeUndefined();
    expect(before.probability).toBeCloseTo(0.5, 12);
  });
});

describe('the probability alone (trajectories)', () => {
  // A fixed pseudo-random world: events on both indicators, credible and not, some on one day,
  // enough to spend caps, with silences between them.
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const day0 = 19723; // 2024-01-01
  const events = Array.from({ length: 120 }, (_, k) =>
    event(
      `e${k}`,
      dayString(day0 + Math.floor(rand() * 500)),
      1 + Math.floor(rand() * 6),
      1 + Math.floor(rand() * 3),
      {
        target: rand() < 0.5 ? 'PRK' : 'IRN',
      },
    ),
  );
  const shapes: [string, HypothesisDefinition][] = [
    ['window with silence', { ...hypothesis({ absence: { days: 30, lr: 0.7 }, cap: 2 }) }],
    [
      'occurrence with since and deadline',
      {
        ...hypothesis({ absence: { days: 45, lr: 0.6 }, cap: 1.5 }),
        kind: 'occurrence',
        horizonDays: undefined,
        since: '2024-02-10',
        deadline: '2025-01-20',
      },
    ],
  ];
  for (const [name, h] of shapes) {
    it(`equals the full score's on every day: ${name}`, () => {
      const prepared = prepareHypothesis(h, events);
      const resolution = { outcome: false, date: '2025-03-01' };
      for (let d = day0 - 5; d < day0 + 540; d++) {
        const o = {
          asOf: dayString(d),
          halfLifeDays: 60,
          observationStart: '2024-01-01',
          resolution,
        };
        expect(probabilityAsOf(prepared, o)).toBe(scoreHypothesis(h, events, o).probability);
      }
    });
  }
});
