import { describe, expect, it } from 'vitest';
import { describeStoryJoin, readStoryJoin } from './story-join.js';

describe('story joins', () => {
  it('reads a stored evidence join and says why in one line', () => {
    const join = readStoryJoin({
      reason: 'evidence',
      matched_document_id: 'wire-7',
      source: 'kor-jcs',
      evidence: JSON.stringify({
        stage: 'evidence',
        days: 1,
        source: 'same',
        sourceId: 'kor-jcs',
        figures: ['420'],
        events: ['MISSILE_TEST/PRK/-'],
        names: ['kor-jcs', 'jpn-mod'],
        score: 3.5,
      }),
    });
    expect(join.summary).toBe(
      'joined wire-7 on evidence: same source kor-jcs; figures 420; event MISSILE_TEST/PRK/-; ' +
        'also naming jpn-mod; 1 day apart',
    );
    expect(join.evidence).toMatchObject({ stage: 'evidence', figures: ['420'] });
  });

  it('describes the wording stages and first reports; unreadable evidence is none', () => {
    expect(
      describeStoryJoin('near-duplicate', 'a', {
        stage: 'near-duplicate',
        measures: { copy: 0.834, vocabulary: 0.7 },
      }),
    ).toBe("near-duplicate of a (83% of the shorter text's passages shared)");
    expect(
      describeStoryJoin('translation', 'a', {
        stage: 'translation',
        measures: { events: ['MEETING/PRK/RUS'], actors: 1 },
      }),
    ).toBe('translation of a (events MEETING/PRK/RUS; actors 100% shared)');
    expect(describeStoryJoin('new-story', null, null)).toBe('first report of its story');
    expect(
      readStoryJoin({ reason: 'rewrite', matched_document_id: 'b', source: null, evidence: '{' }),
    ).toMatchObject({ evidence: null, summary: 'rewrite of b (? shared wording)' });
  });
});
