import { describe, expect, it } from 'vitest';
import type { GoldDocument, GoldEvent, PredictedEvent, Prediction } from '../../domain/document.js';
import {
  actorsMatch,
  capabilityJaccard,
  datesMatch,
  matchSpans,
  scorePredictions,
} from './score.js';
import { formatEvalReport } from './format-report.js';

const A1 = 'Russia sent artillery shells to North Korea in June.';
const A2 = 'Kim met Putin at Vostochny on Wednesday.';
const A3 = 'Seoul warned Pyongyang.';
const TEXT_A = `${A1} ${A2} ${A3}`;
const B1 =
  "Selon des rumeurs, la Russie et la Corée du Nord échangeraient des armements depuis l'été.";
const B2 = 'Pyongyang a livré des obus.';
const TEXT_B = `${B1} ${B2}`;

const span = (text: string, sentence: string) => {
  const start = text.indexOf(sentence);
  return { start, end: start + sentence.length };
};

const ev = (
  e: Partial<PredictedEvent> & Pick<PredictedEvent, 'type' | 'start' | 'end'>,
): PredictedEvent => ({
  source: null,
  target: null,
  modality: 'ASSERTED',
  capabilities: [],
  date: null,
  ...e,
});

const GOLD: GoldDocument[] = [
  {
    id: 'a',
    lang: 'en',
    text: TEXT_A,
    published: '2024-11-14',
    events: [
      {
        type: 'ARMS_TRANSFER',
        source: 'RUS',
        target: 'PRK',
        modality: 'ASSERTED',
        capabilities: ['ARTILLERY'],
        date: '2024-06',
        evidence: A1,
      }, // g1
      {
        type: 'MEETING',
        source: 'PRK',
        target: 'RUS',
        modality: 'ASSERTED',
        capabilities: [],
        date: '2023-09-13',
        evidence: A2,
      }, // g2
      {
        type: 'CONCERN',
        source: 'KOR',
        target: 'PRK',
        modality: 'ASSERTED',
        capabilities: [],
        date: null,
        evidence: A3,
      }, // g3
    ],
  },
  {
    id: 'b',
    lang: 'fr',
    text: TEXT_B,
    events: [
      {
        type: 'ARMS_TRANSFER',
        source: 'RUS',
        target: 'PRK',
        modality: 'HEDGED',
        capabilities: [],
        date: null,
        evidence: B1,
        mutual: true,
      }, // g4
      {
        type: 'ARMS_TRANSFER',
        source: 'PRK',
        target: 'RUS',
        modality: 'ASSERTED',
        capabilities: [],
        date: '2024',
        evidence: B2,
      }, // g5
    ],
  },
  {
    id: 'c',
    lang: 'ko',
    text: '북한이 탄도미사일을 발사했다.',
    events: [
      {
        type: 'MISSILE_TEST',
        source: 'PRK',
        target: null,
        modality: 'ASSERTED',
        capabilities: ['BALLISTIC_MISSILE'],
        date: null,
        evidence: '북한이 탄도미사일을 발사했다.',
      }, // g6
    ],
  },
];

const PREDICTIONS: Prediction[] = [
  {
    id: 'a',
    lang: 'en',
    events: [
      // p1 ↔ g1: direction wrong, modality right, caps {ART} vs {ART,BM} = 1/2, date 2024-06-19 → 2024-06 right
      ev({
        type: 'ARMS_TRANSFER',
        source: 'PRK',
        target: 'RUS',
        capabilities: ['ARTILLERY', 'BALLISTIC_MISSILE'],
        date: '2024-06-19',
        ...span(TEXT_A, A1),
      }),
      // p2 ↔ g2: symmetric, swapped roles are right; modality wrong; caps 1; date 2023-09 less precise → wrong
      ev({
        type: 'MEETING',
        source: 'RUS',
        target: 'PRK',
        modality: 'HEDGED',
        date: '2023-09',
        ...span(TEXT_A, A2),
      }),
      // p3: THREAT where gold has CONCERN → false positive (and g3 a false negative)
      ev({ type: 'THREAT', source: 'KOR', target: 'PRK', ...span(TEXT_A, A3) }),
    ],
  },
  {
    id: 'b',
    lang: 'fr',
    events: [
      // p4: inside B1 but shorter overlap (|B1| − 5) than p5's (|B1|) → loses g4 to p5 → false positive
      ev({
        type: 'ARMS_TRANSFER',
        source: 'PRK',
        target: 'RUS',
        modality: 'HEDGED',
        start: 5,
        end: B1.length,
      }),
      // p5: the whole text; overlaps g4 by |B1| (largest) → matched to g4; g5 is left → false negative.
      // vs g4: mutual → unordered actors right; modality ASSERTED ≠ HEDGED; caps 1; date 2024 vs null → wrong
      ev({
        type: 'ARMS_TRANSFER',
        source: 'PRK',
        target: 'RUS',
        date: '2024',
        start: 0,
        end: TEXT_B.length,
      }),
    ],
  },
  { id: 'zzz', events: [] },
];

describe('scorePredictions (hand-computed)', () => {
  // TP = 3 (p1-g1, p2-g2, p5-g4); FP = 2 (p3, p4); FN = 3 (g3, g5, g6)
  const report = scorePredictions(GOLD, PREDICTIONS);

  it('computes micro detection figures', () => {
    expect(report.overall).toMatchObject({ gold: 6, predicted: 5, tp: 3, fp: 2, fn: 3 });
    expect(report.overall.precision).toBeCloseTo(3 / 5); // 0.6
    expect(report.overall.recall).toBeCloseTo(3 / 6); // 0.5
    expect(report.overall.f1).toBeCloseTo((2 * 0.6 * 0.5) / 1.1); // 0.5455
  });

  it('computes attribute figures on matched pairs', () => {
    expect(report.overall.actorAccuracy).toBeCloseTo(2 / 3); // p2 (symmetric), p5 (mutual)
    expect(report.overall.modalityAccuracy).toBeCloseTo(1 / 3); // p1
    expect(report.overall.capabilityJaccard).toBeCloseTo((0.5 + 1 + 1) / 3); // 0.8333
    expect(report.overall.dateAccuracy).toBeCloseTo(1 / 3); // p1
  });

  it('breaks down by language', () => {
    expect(Object.keys(report.byLang)).toEqual(['en', 'fr', 'ko']);
    expect(report.byLang['en']).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(report.byLang['en']?.f1).toBeCloseTo(2 / 3);
    expect(report.byLang['fr']).toMatchObject({
      tp: 1,
      fp: 1,
      fn: 1,
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
    });
    expect(report.byLang['ko']).toMatchObject({
      tp: 0,
      fp: 0,
      fn: 1,
      precision: 0,
      recall: 0,
      f1: 0,
      actorAccuracy: null,
    });
  });

  it('breaks down by type', () => {
    expect(report.byType['ARMS_TRANSFER']).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(report.byType['ARMS_TRANSFER']?.actorAccuracy).toBeCloseTo(1 / 2); // p1 wrong, p5 right
    expect(report.byType['MEETING']).toMatchObject({
      tp: 1,
      fp: 0,
      fn: 0,
      f1: 1,
      actorAccuracy: 1,
    });
    expect(report.byType['CONCERN']).toMatchObject({ tp: 0, fn: 1 });
    expect(report.byType['THREAT']).toMatchObject({ tp: 0, fp: 1 });
    expect(report.byType['MISSILE_TEST']).toMatchObject({ fn: 1 });
  });

  it('lists errors with their sentences and what the other side had', () => {
    const threat = report.falsePositives.find((e) => e.type === 'THREAT');
    expect(threat).toMatchObject({
      docId: 'a',
      sentence: A3,
      note: 'gold: CONCERN',
      errorsInSentence: 2,
    });
    const concern = report.falseNegatives.find((e) => e.type === 'CONCERN');
    expect(concern).toMatchObject({ sentence: A3, note: 'predicted: THREAT' });
    expect(report.falseNegatives.map((e) => e.type).sort()).toEqual([
      'ARMS_TRANSFER',
      'CONCERN',
      'MISSILE_TEST',
    ]);
    const p1 = report.attributeErrors.find((e) => e.type === 'ARMS_TRANSFER' && e.docId === 'a');
    expect(p1?.fields).toEqual(['actors', 'capabilities']);
  });

  it('reports ids on either side only', () => {
    expect(report.missingPredictions).toEqual(['c']);
    expect(report.unknownPredictions).toEqual(['zzz']);
  });

  it('formats a table and the worst errors', () => {
    const text = formatEvalReport(report);
    expect(text).toMatch(
      /overall\s+6\s+5\s+3\s+60\.0\s+50\.0\s+54\.5\s+66\.7\s+33\.3\s+83\.3\s+33\.3/,
    );
    expect(text).toContain('by language');
    expect(text).toContain(`“${A3}”`);
    expect(formatEvalReport(report, { by: 'lang' })).not.toContain('by type');
  });

  it('limits the listed errors', () => {
    expect(scorePredictions(GOLD, PREDICTIONS, { worst: 1 }).falseNegatives).toHaveLength(1);
  });
});

describe('scoring rules', () => {
  it('truncates the prediction to the gold precision; null must be null', () => {
    expect(datesMatch('2024', '2024-06-19')).toBe(true);
    expect(datesMatch('2024-06', '2024-06-19')).toBe(true);
    expect(datesMatch('2024-06-19', '2024-06')).toBe(false);
    expect(datesMatch('2024-06-19', '2024-06-18')).toBe(false);
    expect(datesMatch(null, null)).toBe(true);
    expect(datesMatch(null, '2024')).toBe(false);
    expect(datesMatch('2024', null)).toBe(false);
  });

  it('computes capability Jaccard with both empty = 1', () => {
    expect(capabilityJaccard([], [])).toBe(1);
    expect(capabilityJaccard(['SPACE'], [])).toBe(0);
    expect(capabilityJaccard(['SPACE', 'DRONE'], ['DRONE', 'AIRCRAFT'])).toBeCloseTo(1 / 3);
  });

  it('compares directed types in order unless mutual', () => {
    const g: GoldEvent = {
      type: 'ARMS_TRANSFER',
      source: 'RUS',
      target: 'PRK',
      modality: 'ASSERTED',
      capabilities: [],
      date: null,
      evidence: 'x',
    };
    const p = ev({ type: 'ARMS_TRANSFER', source: 'PRK', target: 'RUS', start: 0, end: 1 });
    expect(actorsMatch(g, p)).toBe(false);
    expect(actorsMatch({ ...g, mutual: true }, p)).toBe(true);
    expect(actorsMatch({ ...g, type: 'AGREEMENT' }, { ...p, type: 'AGREEMENT' })).toBe(true);
    expect(
      actorsMatch({ ...g, type: 'AGREEMENT' }, { ...p, type: 'AGREEMENT', target: null }),
    ).toBe(false);
  });

  it('matches one-to-one, largest overlap first', () => {
    // gold 0: [0,10), gold 1: [10,20); pred 0: [5,20) overlaps g0 by 5 and g1 by 10; pred 1: [0,12) overlaps g0 by 10, g1 by 2
    expect(
      matchSpans(
        [
          { start: 0, end: 10 },
          { start: 10, end: 20 },
        ],
        [
          { start: 5, end: 20 },
          { start: 0, end: 12 },
        ],
      ).sort(),
    ).toEqual([
      [0, 1],
      [1, 0],
    ]);
    // touching spans do not overlap
    expect(matchSpans([{ start: 0, end: 10 }], [{ start: 10, end: 20 }])).toEqual([]);
  });

  it('counts gold evidence missing from the text as a miss and says so', () => {
    const r = scorePredictions(
      [
        {
          id: 'x',
          text: 'abc',
          events: [
            {
              type: 'MEETING',
              source: null,
              target: null,
              modality: 'ASSERTED',
              capabilities: [],
              date: null,
              evidence: 'zzz',
            },
          ],
        },
      ],
      [{ id: 'x', events: [] }],
    );
    expect(r.overall.fn).toBe(1);
    expect(r.evidenceNotFound).toEqual([{ docId: 'x', evidence: 'zzz' }]);
  });
});
