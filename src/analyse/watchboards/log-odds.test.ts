import { describe, expect, it } from 'vitest';
import type { HypothesisDefinition } from './board-schema.js';
import { independenceWeight, logit, scoreHypothesis, sigmoid } from './log-odds.js';
import type { BoardEvent } from './match-indicator.js';

const hypothesis = (
  overrides: Partial<HypothesisDefinition['indicators'][number]> = {},
): HypothesisDefinition => ({
  id: 'h',
  title: 'H',
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
