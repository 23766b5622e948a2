import { describe, expect, it } from 'vitest';
import type { ExtractionResult } from '../../domain/mention.js';
import type { EventType } from '../../domain/ontology.js';
import { describeEvidence } from '../../domain/story-join.js';
import {
  bestEvidenceMatch,
  compareEvidence,
  evidenceKeys,
  sourceRelation,
  type EvidenceFeatures,
} from './story-evidence.js';
import { storyFeatures } from './story-features.js';

/** Made-up reports: one invented announcement told in three languages, and its look-alikes. */
function report(
  text: string,
  lang: string,
  published: string,
  events: [EventType, string | null, string | null][] = [],
): EvidenceFeatures {
  const extraction: ExtractionResult = {
    lang,
    origins: [],
    mentions: events.map(([type, source, target]) => ({
      type,
      source,
      target,
      capabilities: [],
      modality: 'ASSERTED',
      date: null,
      start: 0,
      end: 1,
      rules: [],
      cues: [],
      confidence: 1,
    })),
  };
  return storyFeatures({ text, lang, published }, extraction);
}

const SHIPMENT: [EventType, string, string][] = [['ARMS_TRANSFER', 'PRK', 'RUS']];

const en = report(
  'North Korea has shipped about 2,300 containers of shells to Russia since August, ' +
    'South Korea’s National Intelligence Service said on Wednesday. The agency put the ' +
    'number of rail trips at 640.',
  'en',
  '2031-03-05',
  SHIPMENT,
);
const ko = report(
  '국정원은 5일 북한이 8월 이후 포탄 컨테이너 약 2천300개를 러시아로 보냈다고 밝혔다. ' +
    '철도 운송은 640회에 이른다고 국정원은 설명했다.',
  'ko',
  '2031-03-05',
  SHIPMENT,
);
const fr = report(
  'Selon le renseignement sud-coréen, la Corée du Nord a expédié quelque 2 300 conteneurs ' +
    'd’obus vers la Russie depuis août.',
  'fr',
  '2031-03-06',
  SHIPMENT,
);

describe('compareEvidence', () => {
  it('joins rewrites and translations of one announcement, and says why', () => {
    const joined = compareEvidence(ko, en);
    expect(joined).toEqual({
      stage: 'evidence',
      days: 0,
      source: 'same',
      sourceId: 'kor-nis',
      figures: ['2300', '640'],
      events: ['ARMS_TRANSFER/PRK/RUS'],
      names: ['kor-nis'],
      score: expect.any(Number) as number,
    });
    expect(describeEvidence(joined!)).toBe(
      'same source kor-nis; figures 2300, 640; event ARMS_TRANSFER/PRK/RUS; 0 days apart',
    );
    expect(compareEvidence(fr, en)).toMatchObject({ days: 1, figures: ['2300'] });
  });

  it('keeps apart another source the same day, and the same source a year later', () => {
    const ministry = report(
      'North Korea has shipped about 2,300 containers of shells to Russia, South Korea’s ' +
        'defence ministry said on Wednesday.',
      'en',
      '2031-03-05',
      SHIPMENT,
    );
    expect(sourceRelation(ministry, en)).toEqual({ relation: 'different', id: null });
    expect(compareEvidence(ministry, en)).toBeNull();
    const nextYear = { ...ko, published: '2032-03-05' };
    expect(compareEvidence(nextYear, en)).toBeNull();
    expect(compareEvidence({ ...ko, published: '2031-03-08' }, en)).toBeNull();
  });

  it('needs new figures to be shared when one source quotes figures twice', () => {
    const later = report(
      'North Korea has shipped 3,100 containers of shells to Russia, the NIS said.',
      'en',
      '2031-03-06',
      SHIPMENT,
    );
    expect(sourceRelation(later, en).relation).toBe('same');
    expect(compareEvidence(later, en)).toBeNull();
  });

  it('lets two same-day rewrites of one source differ in figures when two events agree', () => {
    const events: [EventType, string | null, string | null][] = [
      ['TROOP_DEPLOYMENT', 'PRK', 'RUS'],
      ['ATTACK', 'PRK', 'UKR'],
    ];
    const a = report(
      'The NIS said some 10,000 North Korean soldiers are in Kursk and have joined the fighting.',
      'en',
      '2031-05-02',
      events,
    );
    const b = report(
      "Selon le NIS, quelque 11 000 soldats nord-coréens combattent à Koursk aux côtés de l'armée russe.",
      'fr',
      '2031-05-02',
      events,
    );
    expect(compareEvidence(b, a)).toMatchObject({ source: 'same', figures: [] });
    // A day later, or with one event in common only, differing figures keep them apart.
    expect(compareEvidence({ ...b, published: '2031-05-03' }, a)).toBeNull();
    const oneEvent = report(
      'The NIS said some 11,000 North Korean soldiers are now in Kursk.',
      'en',
      '2031-05-02',
      [['TROOP_DEPLOYMENT', 'PRK', 'RUS']],
    );
    expect(compareEvidence(oneEvent, a)).toBeNull();
  });

  it('without any attributed source, wants an event and two figures', () => {
    const a = report(
      'Some 4,200 engineers and 180 trucks crossed the border, a newspaper wrote.',
      'en',
      '2031-05-01',
      [['TROOP_DEPLOYMENT', 'PRK', 'RUS']],
    );
    const b = report(
      'Rund 4.200 Pioniere und 180 Lastwagen überquerten die Grenze.',
      'de',
      '2031-05-02',
      [['TROOP_DEPLOYMENT', 'PRK', 'RUS']],
    );
    expect(compareEvidence(b, a)).toMatchObject({ source: 'none', figures: ['180', '4200'] });
    const oneFigure = report('Rund 4.200 Pioniere überquerten die Grenze.', 'de', '2031-05-02', [
      ['TROOP_DEPLOYMENT', 'PRK', 'RUS'],
    ]);
    expect(compareEvidence(oneFigure, a)).toBeNull();
  });

  it('accepts a report that names the source without a cue, not one that names none', () => {
    const named = report(
      'NIS figures: 2,300 containers of shells and 640 rail trips to Russia.',
      'en',
      '2031-03-05',
      SHIPMENT,
    );
    expect(named.source).toBeNull();
    expect(compareEvidence(named, en)).toMatchObject({ source: 'named', sourceId: 'kor-nis' });
    const silent = report(
      'About 2,300 containers of shells and 640 rail trips went to Russia.',
      'en',
      '2031-03-05',
      SHIPMENT,
    );
    expect(sourceRelation(silent, en).relation).toBe('one-sided');
    expect(compareEvidence(silent, en)).toBeNull();
  });
});

describe('bestEvidenceMatch', () => {
  it('takes the story with most evidence, never one holding a report of another source', () => {
    const ministry = report(
      'About 2,300 containers of shells went to Russia, South Korea’s defence ministry said.',
      'en',
      '2031-03-05',
      SHIPMENT,
    );
    const candidates = [
      { storyId: 'a', features: en },
      { storyId: 'b', features: fr },
    ];
    expect(bestEvidenceMatch(ko, candidates)?.candidate.storyId).toBe('a');
    expect(
      bestEvidenceMatch(ko, [...candidates, { storyId: 'a', features: ministry }])?.candidate
        .storyId,
    ).toBe('b');
  });
});

describe('evidenceKeys', () => {
  it('stores source, figures and events; looks up every named source too', () => {
    const named = report('The NIS and the JCS met. The JCS said 640 trips.', 'en', '2031-03-05');
    expect(evidenceKeys(named)).toEqual({
      stored: ['s:kor-jcs', 'n:640'],
      query: ['s:kor-jcs', 'n:640', 's:kor-nis'],
    });
    expect(evidenceKeys(en).stored).toEqual([
      's:kor-nis',
      'n:2300',
      'n:640',
      'e:ARMS_TRANSFER/PRK/RUS',
    ]);
  });
});
