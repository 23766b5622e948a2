import { describe, expect, it } from 'vitest';
import { formatExplanation } from '../../src/cli/commands/board.js';
import type { HypothesisExplanation } from '../../src/analyse/watchboards/explain-hypothesis.js';

describe('vigie board --explain', () => {
  it('says under each mention why its document is in its story', () => {
    const mention = {
      id: 'm',
      outlet: 'Wire',
      published: '2031-03-05',
      start: 0,
      end: 30,
      sentence: 'Seoul said shells went north.',
      modality: 'ASSERTED',
      lang: 'en',
      attribution: null,
    };
    const x: HypothesisExplanation = {
      hypothesis: {
        id: 'b/h',
        boardId: 'b',
        title: 'Shells flow',
        prior: 0.2,
        probability: 0.3,
        horizonDays: null,
      },
      steps: [
        {
          evidenceId: 'e1',
          at: '2031-03-05',
          indicatorId: 'i',
          indicatorTitle: null,
          eventId: null,
          event: null,
          delta: 0.4,
          before: 0.2,
          after: 0.3,
          factors: { lr: 2 },
          origins: null,
          mentions: [
            { ...mention, documentId: 'a', story: { id: 'story-1', why: null } },
            {
              ...mention,
              documentId: 'b',
              story: {
                id: 'story-1',
                why: 'joined a on evidence: same source kor-nis; 0 days apart',
              },
            },
            { ...mention, documentId: 'c', story: null },
          ],
        },
      ],
    };
    const lines = formatExplanation(x).split('\n');
    expect(lines.filter((l) => l.includes('story'))).toEqual([
      '      story story-1: joined a on evidence: same source kor-nis; 0 days apart',
    ]);
    expect(lines.findIndex((l) => l.startsWith('    - b '))).toBe(
      lines.findIndex((l) => l.includes('story story-1')) - 1,
    );
  });

  it('shows the origins with the outlets that carried each, and whom each mention cites', () => {
    const x: HypothesisExplanation = {
      hypothesis: {
        id: 'b/h',
        boardId: 'b',
        title: 'Troops abroad',
        prior: 0.2,
        probability: 0.25,
        horizonDays: null,
      },
      steps: [
        {
          evidenceId: 'e1',
          at: '2031-03-05',
          indicatorId: 'i',
          indicatorTitle: null,
          eventId: 'ev',
          event: {
            type: 'TROOP_DEPLOYMENT',
            source: 'PRK',
            target: 'RUS',
            capabilities: [],
            modality: 'ASSERTED',
            date: null,
            credibility: 3,
            independentSources: 1,
          },
          delta: 0.2,
          before: 0.2,
          after: 0.25,
          factors: { lr: 2, independentSources: 1 },
          origins: {
            summary: "3 outlets, 1 independent origin: South Korea's NIS on 5 March 2031",
            summaryMessage: { key: 'text', params: { text: '(not printed)' } },
            origins: [
              {
                label: "South Korea's NIS on 5 March 2031",
                labelMessage: { key: 'text', params: { text: '(not printed)' } },
                source: 'kor-nis',
                outlets: ['Seoul Wire', 'Le Veilleur', 'Nordkurier'],
                documentIds: ['a', 'b', 'c'],
              },
            ],
          },
          mentions: [
            {
              id: 'a#0',
              documentId: 'a',
              outlet: 'Seoul Wire',
              published: '2031-03-05',
              start: 0,
              end: 40,
              sentence: 'Troops left for the front, the NIS said.',
              modality: 'ASSERTED',
              lang: 'en',
              attribution: {
                actor: 'KOR',
                source: 'kor-nis',
                label: "South Korea's NIS",
                basis: 'named',
                span: { start: 30, end: 33 },
                conduit: 'Yonhap',
              },
              story: null,
            },
          ],
        },
      ],
    };
    const lines = formatExplanation(x).split('\n');
    expect(lines).toContain(
      "    origins: 3 outlets, 1 independent origin: South Korea's NIS on 5 March 2031",
    );
    expect(lines).toContain(
      "      · South Korea's NIS on 5 March 2031: Seoul Wire, Le Veilleur, Nordkurier",
    );
    expect(lines).toContain("      attributed to South Korea's NIS (KOR, kor-nis) via Yonhap");
  });
});
