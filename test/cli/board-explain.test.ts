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
});
