import { describe, expect, it } from 'vitest';
import type { MentionAttribution } from '../../domain/attribution.js';
import { assessCredibility } from './credibility-rules.js';
import { groupIndependentOrigins, type DocumentOrigin } from './independence.js';
import { dayInWords, summariseOrigins } from './origin-words.js';

const NIS: MentionAttribution = {
  actor: 'KOR',
  source: 'kor-nis',
  label: "South Korea's NIS",
  basis: 'named',
  span: null,
  conduit: null,
};
const JPN_MOD: MentionAttribution = {
  ...NIS,
  actor: 'JPN',
  source: 'jpn-mod',
  label: "Japan's defence ministry",
};
const JCS: MentionAttribution = {
  ...NIS,
  source: 'kor-jcs',
  label: "South Korea's Joint Chiefs of Staff",
};
const SEOUL: MentionAttribution = { ...NIS, source: null, label: 'South Korea', basis: 'speaker' };
const OWN: MentionAttribution = {
  actor: null,
  source: null,
  label: null,
  basis: 'own',
  span: null,
  conduit: null,
};

function doc(id: string, outlet: string, published: string, extra: Partial<DocumentOrigin> = {}) {
  return { id, outlet, published, storyId: null, origin: null, ...extra };
}
const mention = (documentId: string, attribution: MentionAttribution | null, n = 0) => ({
  id: `${documentId}#${n}`,
  documentId,
  attribution,
});

describe('independent origins by primary source', () => {
  it('six outlets carrying one briefing, in three languages and two stories, are one origin', () => {
    const docs = [
      doc('a', 'Seoul Wire', '2025-11-04', { storyId: 'S1' }),
      doc('b', 'Busan Daily', '2025-11-04', { storyId: 'S1', origin: 'Seoul Wire' }),
      doc('c', 'Le Veilleur', '2025-11-04', { storyId: 'S2' }),
      doc('d', 'Nordkurier', '2025-11-05', { storyId: 'S3' }),
      doc('e', 'Kanto Shimbun', '2025-11-05'),
      doc('f', 'Harbour Times', '2025-11-06', { storyId: 'S1' }),
    ];
    const mentions = [
      mention('a', NIS),
      mention('a', null, 1), // the lede, without a cue: the document's own attribution
      mention('b', NIS),
      mention('c', NIS),
      mention('d', NIS),
      mention('e', NIS),
      mention('f', null), // a copy that lost the attribution: its story's
    ];
    const groups = groupIndependentOrigins(docs, mentions);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      documentIds: ['a', 'b', 'c', 'd', 'e', 'f'],
      primary: { key: 'kor-nis', actor: 'KOR', source: 'kor-nis' },
      outlets: [
        'Seoul Wire',
        'Busan Daily',
        'Le Veilleur',
        'Nordkurier',
        'Kanto Shimbun',
        'Harbour Times',
      ],
      firstPublished: '2025-11-04',
    });
    expect(summariseOrigins(groups)).toBe(
      "6 outlets, 1 independent origin: South Korea's NIS on 4 November 2025",
    );
  });

  it('two announcing bodies are two origins, even in the same outlet', () => {
    const docs = [
      doc('a', 'Seoul Wire', '2025-11-04', { storyId: 'S1' }),
      doc('b', 'Seoul Wire', '2025-11-04', { storyId: 'S2' }),
    ];
    const groups = groupIndependentOrigins(docs, [mention('a', NIS), mention('b', JPN_MOD)]);
    expect(groups.map((g) => g.primary?.source)).toEqual(['kor-nis', 'jpn-mod']);
  });

  it('copies of one story stay one origin when an attribution of theirs goes astray', () => {
    const docs = [
      doc('a', 'Seoul Wire', '2025-11-04', { storyId: 'S1' }),
      doc('b', 'Le Veilleur', '2025-11-04', { storyId: 'S1' }),
    ];
    const groups = groupIndependentOrigins(docs, [mention('a', NIS), mention('b', JPN_MOD)]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.keys).toContain('story:S1');
  });

  it('one source a week later is a new origin', () => {
    const docs = [
      doc('a', 'X', '2025-11-04'),
      doc('b', 'Y', '2025-11-06'),
      doc('c', 'Z', '2025-11-11'),
    ];
    const groups = groupIndependentOrigins(docs, [
      mention('a', NIS),
      mention('b', NIS),
      mention('c', NIS),
    ]);
    expect(groups.map((g) => g.documentIds)).toEqual([['a', 'b'], ['c']]);
  });

  it('a report counts once, with the body most of its mentions name', () => {
    const docs = [
      doc('a', 'Seoul Wire', '2025-10-31'),
      doc('b', 'Tokyo Post', '2025-10-31'),
      doc('c', 'Busan Daily', '2025-10-31'),
    ];
    const groups = groupIndependentOrigins(docs, [
      mention('a', JCS, 0),
      mention('a', JPN_MOD, 1), // "Japan's defence ministry also said…": a line of the JCS report
      mention('a', JCS, 2),
      mention('b', JPN_MOD),
      mention('c', JCS),
    ]);
    expect(groups.map((g) => [g.primary?.source, g.documentIds])).toEqual([
      ['kor-jcs', ['a', 'c']],
      ['jpn-mod', ['b']],
    ]);
  });

  it('a state speaking joins the only body of that state in the same days', () => {
    const docs = [doc('a', 'X', '2025-11-04'), doc('b', 'Y', '2025-11-05')];
    expect(
      groupIndependentOrigins(docs, [mention('a', NIS), mention('b', SEOUL)]).map(
        (g) => g.documentIds,
      ),
    ).toEqual([['a', 'b']]);
    const three = [...docs, doc('c', 'Z', '2025-11-05')];
    expect(
      groupIndependentOrigins(three, [mention('a', NIS), mention('b', SEOUL), mention('c', JCS)]),
    ).toHaveLength(3);
  });

  it('states speaking together are one source, in whatever order each report lists them', () => {
    const e3 = (first: string): MentionAttribution => ({
      actor: first,
      source: null,
      label: 'E3',
      basis: 'speaker',
      span: null,
      conduit: null,
      joint: ['DEU', 'FRA', 'GBR'],
    });
    const docs = [
      doc('en', 'Harbour Times', '2025-08-28'),
      doc('de', 'Nordkurier', '2025-08-28'),
      doc('fr', 'Le Veilleur', '2025-08-29'),
    ];
    const joint = groupIndependentOrigins(docs, [
      mention('en', e3('GBR')),
      mention('de', e3('DEU')),
      mention('fr', { ...e3('FRA'), joint: undefined }),
    ]);
    // Britain-first and Germany-first reports of the joint step are one origin; France speaking
    // alone is another.
    expect(joint.map((g) => g.documentIds)).toEqual([['de', 'en'], ['fr']]);
    expect(joint[0]!.keys.some((k) => k.startsWith('source:actor:DEU+FRA+GBR@'))).toBe(true);
  });

  it("falls back to story, credited origin and outlet; an outlet's own reporting is its own", () => {
    const docs = [
      doc('a', 'NK Watch', '2025-03-02'),
      doc('b', 'Le Matin', '2025-03-02', { origin: 'NK Watch' }),
      doc('c', 'Daily Ledger', '2025-03-03'),
      doc('d', 'Seoul Wire', '2025-03-02'),
    ];
    const groups = groupIndependentOrigins(docs, [
      mention('a', OWN),
      mention('b', null),
      mention('c', null),
      mention('d', NIS),
    ]);
    expect(groups.map((g) => g.documentIds)).toEqual([['a', 'b'], ['c'], ['d']]);
    expect(groups[0]!.own).toBe(true);
    expect(summariseOrigins(groups)).toBe(
      "4 outlets, 3 independent origins: NK Watch's own reporting on 2 March 2025; " +
        "Daily Ledger's report on 3 March 2025; South Korea's NIS on 2 March 2025",
    );
  });

  it('without attributions, documents group by story, origin and outlet as before', () => {
    const docs = [
      doc('a', 'Korea Herald', '2024-01-01', { origin: 'Yonhap' }),
      doc('b', 'Le Monde', '2024-01-01', { origin: 'yonhap ' }),
      doc('c', 'Yonhap', '2024-01-01'),
      doc('d', 'NK News', '2024-01-01'),
    ];
    expect(groupIndependentOrigins(docs).map((g) => g.documentIds)).toEqual([
      ['a', 'b', 'c'],
      ['d'],
    ]);
  });
});

describe('credibility with primary sources', () => {
  const reliability = 'F';
  it('one briefing reprinted by six papers is one firm origin: possibly true, not confirmed', () => {
    const docs = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => ({
      ...doc(id, `Paper ${i + 1}`, '2025-11-04'),
      reliability,
    }));
    const result = assessCredibility({
      documents: docs,
      mentions: docs.map((d) => ({ ...mention(d.id, NIS), modality: 'ASSERTED' as const })),
      rejections: [],
    });
    expect(result.independentSources).toBe(1);
    expect(result.credibility).toBe(3);
    expect(result.rules).toBe('credibility-v2');
    expect(result.summary).toBe(
      "6 outlets, 1 independent origin: South Korea's NIS on 4 November 2025",
    );
    expect(result.groups[0]).toMatchObject({
      label: "South Korea's NIS on 4 November 2025",
      outlets: ['Paper 1', 'Paper 2', 'Paper 3', 'Paper 4', 'Paper 5', 'Paper 6'],
    });
  });

  it('two bodies confirming, each carried twice, are two origins; a denial is named', () => {
    const docs = [
      { ...doc('a', 'P1', '2025-10-31'), reliability },
      { ...doc('b', 'P2', '2025-10-31'), reliability },
      { ...doc('c', 'P3', '2025-11-01'), reliability },
      { ...doc('d', 'P4', '2025-11-01'), reliability },
    ];
    const moscow: MentionAttribution = { ...SEOUL, actor: 'RUS', label: 'Russia' };
    const result = assessCredibility({
      documents: docs,
      mentions: [
        { ...mention('a', JCS), modality: 'ASSERTED' },
        { ...mention('b', JCS), modality: 'ASSERTED' },
        { ...mention('c', JPN_MOD), modality: 'ASSERTED' },
        { ...mention('d', JPN_MOD), modality: 'HEDGED' },
      ],
      rejections: [{ id: 'd#9', documentId: 'd', attribution: moscow }],
    });
    expect(result.independentSources).toBe(2);
    expect(result.counts).toEqual({ firm: 2, hedged: 0, hypothetical: 0, denials: 1 });
    expect(result.summary).toBe(
      "4 outlets, 2 independent origins: South Korea's Joint Chiefs of Staff on 31 October 2025; " +
        "Japan's defence ministry on 1 November 2025; denied by Russia on 1 November 2025",
    );
  });
});

describe('dayInWords', () => {
  it('writes a day in English, whatever the time', () => {
    expect(dayInWords('2025-11-04T09:30:00Z')).toBe('4 November 2025');
    expect(dayInWords(null)).toBeNull();
  });
});
