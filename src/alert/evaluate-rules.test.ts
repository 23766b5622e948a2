import { describe, expect, it } from 'vitest';
import type { AlertSignals, MentionSignal, NewEventSignal } from '../domain/signals.js';
import { AlertRuleConfigSchema } from '../config/schema.js';
import { detectThresholdCrossings, evaluateAlertRules, type AlertRule } from './evaluate-rules.js';

const rule = (raw: Record<string, unknown>): AlertRule => AlertRuleConfigSchema.parse(raw);
const empty: AlertSignals = { hypothesisChanges: [], newEvents: [], spikes: [], newMentions: [] };

const change = (before: number, after: number, evidenceIds = ['ev1']) => ({
  boardId: 'rus-prk',
  hypothesisId: 'missile-tech',
  title: 'Russia transfers ballistic-missile technology',
  before,
  after,
  at: '2024-06-19',
  evidenceIds,
});

const event = (over: Partial<NewEventSignal> = {}): NewEventSignal => ({
  eventId: 'evt-1',
  type: 'ARMS_TRANSFER',
  source: 'RUS',
  target: 'PRK',
  capabilities: ['AIR_DEFENSE'],
  modality: 'ASSERTED',
  date: '2024-06-19',
  credibility: 2,
  firstForPair: true,
  mentionIds: ['doc-a#0', 'doc-b#3'],
  ...over,
});

const mention = (over: Partial<MentionSignal> = {}): MentionSignal => ({
  mentionId: 'doc-a#0',
  documentId: 'doc-a',
  type: 'TECH_TRANSFER',
  source: 'RUS',
  target: 'PRK',
  capabilities: ['SPACE'],
  modality: 'HEDGED',
  sentence: 'Russia reportedly helped with the Malligyong-1 satellite.',
  ...over,
});

describe('threshold rules', () => {
  const up = rule({ id: 'up', kind: 'threshold', board: 'rus-prk', above: 0.6 });
  const down = rule({ id: 'down', kind: 'threshold', hypothesis: 'missile-tech', below: 0.3 });

  it('fires when the probability crosses upward: before < above <= after', () => {
    const firings = evaluateAlertRules([up], { ...empty, hypothesisChanges: [change(0.5, 0.6)] });
    expect(firings).toHaveLength(1);
    expect(firings[0]!.payload).toMatchObject({
      direction: 'up',
      level: 0.6,
      evidenceIds: ['ev1'],
    });
    expect(firings[0]!.title).toContain('rose above 60%');
  });

  it('does not fire when already above or moving without crossing', () => {
    const changes = [change(0.6, 0.7), change(0.4, 0.59), change(0.7, 0.5)];
    expect(evaluateAlertRules([up], { ...empty, hypothesisChanges: changes })).toEqual([]);
  });

  it('fires downward crossings: before > below >= after', () => {
    const changes = [change(0.35, 0.3), change(0.3, 0.2)];
    const firings = evaluateAlertRules([down], { ...empty, hypothesisChanges: changes });
    expect(firings.map((f) => f.payload.direction)).toEqual(['down']);
  });

  it('filters by board and hypothesis', () => {
    const other = { ...change(0.5, 0.9), boardId: 'other' };
    expect(evaluateAlertRules([up], { ...empty, hypothesisChanges: [other] })).toEqual([]);
    const all = rule({ id: 'all', kind: 'threshold', above: 0.6 });
    expect(evaluateAlertRules([all], { ...empty, hypothesisChanges: [other] })).toHaveLength(1);
  });

  it('gives the same dedup key for the same cause and a new one for new evidence', () => {
    const a = evaluateAlertRules([up], {
      ...empty,
      hypothesisChanges: [change(0.5, 0.7, ['e2', 'e1'])],
    });
    const b = evaluateAlertRules([up], {
      ...empty,
      hypothesisChanges: [change(0.5, 0.7, ['e1', 'e2'])],
    });
    const c = evaluateAlertRules([up], { ...empty, hypothesisChanges: [change(0.5, 0.7, ['e3'])] });
    expect(a[0]!.dedupKey).toBe(b[0]!.dedupKey);
    expect(c[0]!.dedupKey).not.toBe(a[0]!.dedupKey);
    expect(a[0]!.dedupKey.startsWith('up:')).toBe(true);
  });
});

describe('detectThresholdCrossings', () => {
  it('compares consecutive points of each hypothesis along a trajectory', () => {
    const point = (hypothesisId: string, at: string, probability: number) => ({
      boardId: 'rus-prk',
      hypothesisId,
      at,
      probability,
      evidenceIds: [`${hypothesisId}-${at}`],
    });
    const trajectory = [
      point('h1', '2024-01-01', 0.2),
      point('h2', '2024-01-01', 0.9),
      point('h1', '2024-02-01', 0.65),
      point('h2', '2024-02-01', 0.7),
      point('h1', '2024-03-01', 0.5),
      point('h1', '2024-04-01', 0.8),
    ];
    const rules = [
      rule({ id: 'r', kind: 'threshold', above: 0.6 }),
      rule({ id: 'w', kind: 'watch', keywords: ['x'] }),
    ];
    const firings = detectThresholdCrossings(trajectory, rules);
    expect(firings.map((f) => [f.payload.hypothesisId, f.payload.at])).toEqual([
      ['h1', '2024-02-01'],
      ['h1', '2024-04-01'],
    ]);
  });
});

describe('first-event rules', () => {
  it('fires only for the first event of a type for the pair, once per pair and type', () => {
    const r = rule({ id: 'first', kind: 'first-event', types: ['ARMS_TRANSFER'] });
    const signals = {
      ...empty,
      newEvents: [event(), event({ eventId: 'evt-2', firstForPair: false })],
    };
    const firings = evaluateAlertRules([r], signals);
    expect(firings).toHaveLength(1);
    expect(firings[0]!.dedupKey).toBe('first:first-event:ARMS_TRANSFER:RUS>PRK');
    expect(firings[0]!.payload).toMatchObject({
      eventIds: ['evt-1'],
      mentionIds: ['doc-a#0', 'doc-b#3'],
      documentIds: ['doc-a', 'doc-b'],
    });
  });

  it('dates the alert when its event happened: its date, else its first report, not now', () => {
    const r = rule({ id: 'first', kind: 'first-event' });
    const at = (e: NewEventSignal) =>
      evaluateAlertRules([r], { ...empty, newEvents: [e] }, { now: '2026-12-07T20:00:00Z' })[0]!
        .payload.at;
    expect(at(event())).toBe('2024-06-19');
    expect(at(event({ date: null, firstSeen: '2024-05-02' }))).toBe('2024-05-02');
    expect(at(event({ date: null }))).toBe('2026-12-07T20:00:00Z');
  });

  it('filters by types, actors (any/all), capabilities and ignores denials by default', () => {
    const signals = (e: NewEventSignal) => ({ ...empty, newEvents: [e] });
    const byCap = rule({ id: 'c', kind: 'first-event', capabilities: ['SUBMARINE'] });
    expect(evaluateAlertRules([byCap], signals(event()))).toEqual([]);
    const anyActor = rule({ id: 'a', kind: 'first-event', actors: ['PRK'] });
    expect(evaluateAlertRules([anyActor], signals(event()))).toHaveLength(1);
    const pairOnly = rule({
      id: 'p',
      kind: 'first-event',
      actors: ['RUS', 'PRK'],
      actorMatch: 'all',
    });
    expect(evaluateAlertRules([pairOnly], signals(event({ target: 'IRN' })))).toEqual([]);
    expect(evaluateAlertRules([pairOnly], signals(event()))).toHaveLength(1);
    expect(evaluateAlertRules([anyActor], signals(event({ modality: 'NEGATED' })))).toEqual([]);
    const withDenials = rule({ id: 'd', kind: 'first-event', modalities: ['NEGATED'] });
    expect(evaluateAlertRules([withDenials], signals(event({ modality: 'NEGATED' })))).toHaveLength(
      1,
    );
  });
});

describe('spike rules', () => {
  const spike = {
    pair: ['PRK', 'RUS'] as const,
    type: 'MEETING' as const,
    day: '2024-06-19',
    count: 9,
    expected: 1.2,
    pValue: 0.0004,
  };

  it('fires below the rule p-value (default 0.01)', () => {
    expect(
      evaluateAlertRules([rule({ id: 's', kind: 'spike' })], { ...empty, spikes: [spike] }),
    ).toHaveLength(1);
    const strict = rule({ id: 's', kind: 'spike', pValue: 0.0001 });
    expect(evaluateAlertRules([strict], { ...empty, spikes: [spike] })).toEqual([]);
    const other = rule({ id: 's', kind: 'spike', types: ['ATTACK'] });
    expect(evaluateAlertRules([other], { ...empty, spikes: [spike] })).toEqual([]);
  });

  it('keys the firing on pair, type and day', () => {
    const [f] = evaluateAlertRules([rule({ id: 's', kind: 'spike' })], {
      ...empty,
      spikes: [spike],
    });
    expect(f!.dedupKey).toBe('s:spike:PRK-RUS:MEETING:2024-06-19');
    expect(f!.payload).toMatchObject({ count: 9, expected: 1.2, pValue: 0.0004 });
  });
});

describe('watch rules', () => {
  it('matches keywords case-insensitively and across scripts, grouped per document', () => {
    const r = rule({ id: 'w', kind: 'watch', keywords: ['MALLIGYONG*', 'спутник', '위성'] });
    const mentions = [
      mention(),
      mention({ mentionId: 'doc-a#1', sentence: 'Nothing relevant here.' }),
      mention({
        mentionId: 'doc-b#0',
        documentId: 'doc-b',
        sentence: 'Россия передала технологии для спутника.',
      }),
      mention({
        mentionId: 'doc-c#0',
        documentId: 'doc-c',
        sentence: '러시아가 정찰위성 기술을 제공했다.',
      }),
      mention({ mentionId: 'doc-d#0', documentId: 'doc-d', sentence: 'Спутниковая связь' }),
    ];
    const firings = evaluateAlertRules([r], { ...empty, newMentions: mentions });
    expect(firings.map((f) => f.payload.documentIds[0])).toEqual(['doc-a', 'doc-c']);
    expect(firings[0]!.payload.mentionIds).toEqual(['doc-a#0']);
    expect(firings[0]!.payload.matchedKeywords).toEqual(['MALLIGYONG*']);
    expect(firings[0]!.dedupKey).toBe('w:watch:doc-a');
  });

  it('combines criteria: all set fields must match', () => {
    const r = rule({
      id: 'w',
      kind: 'watch',
      actors: ['PRK'],
      capabilities: ['SPACE'],
      types: ['TECH_TRANSFER'],
    });
    expect(evaluateAlertRules([r], { ...empty, newMentions: [mention()] })).toHaveLength(1);
    expect(
      evaluateAlertRules([r], { ...empty, newMentions: [mention({ capabilities: ['DRONE'] })] }),
    ).toEqual([]);
    expect(
      evaluateAlertRules([r], { ...empty, newMentions: [mention({ target: 'IRN' })] }),
    ).toEqual([]);
  });
});

describe('titles', () => {
  it('formats levels and probabilities as rounded percentages', () => {
    const r = rule({ id: 'p', kind: 'threshold', above: 0.7 });
    const [f] = evaluateAlertRules([r], { ...empty, hypothesisChanges: [change(0.123, 0.7051)] });
    expect(f!.payload.summary).toBe(
      'Russia transfers ballistic-missile technology rose above 70%: 12.3% → 70.5% on 2024-06-19',
    );
  });
});
