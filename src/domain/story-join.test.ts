import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { messagesIn } from './english-messages.js';
import { formatMessage } from './messages.js';
import { describeEvidence, describeStoryJoin, readStoryJoin } from './story-join.js';

const EVIDENCE = {
  stage: 'evidence',
  days: 1,
  source: 'same',
  sourceId: 'kor-jcs',
  figures: ['420'],
  events: ['MISSILE_TEST/PRK/-'],
  names: ['kor-jcs', 'jpn-mod'],
  score: 3.5,
} as const;

describe('story joins', () => {
  it('reads a stored evidence join and says why in one line, naming the outlet and sources', () => {
    const join = readStoryJoin({
      reason: 'evidence',
      matched_document_id: 'wire-7',
      matched_outlet: 'Yonhap',
      source: 'kor-jcs',
      evidence: JSON.stringify(EVIDENCE),
    });
    expect(join.summary).toBe(
      "joined Yonhap's report on evidence: same source South Korea's Joint Chiefs of Staff; " +
        "figures 420; event MISSILE_TEST/PRK/-; also naming Japan's defence ministry; 1 day apart",
    );
    expect(formatMessage(messagesIn('fr'), join.summaryMessage)).toBe(
      'rattaché à l’article de Yonhap sur indices : même source, l’état-major interarmées ' +
        'sud-coréen ; chiffres 420 ; événement MISSILE_TEST/PRK/- ; citant aussi le ministère ' +
        'japonais de la Défense ; 1 jour d’écart',
    );
    expect(join.evidence).toMatchObject({ stage: 'evidence', figures: ['420'] });
    // Without a known outlet the matched report is its document; ingest's trace keeps the ids.
    expect(
      readStoryJoin({ ...join, matched_document_id: 'wire-7', evidence: JSON.stringify(EVIDENCE) })
        .summary,
    ).toMatch(/^joined document wire-7 on evidence: same source South Korea's Joint/);
    expect(describeEvidence(EVIDENCE)).toBe(
      'same source kor-jcs; figures 420; event MISSILE_TEST/PRK/-; also naming jpn-mod; 1 day apart',
    );
  });

  it('describes the wording stages and first reports; unreadable evidence is none', () => {
    expect(
      describeStoryJoin(
        'near-duplicate',
        'a',
        { stage: 'near-duplicate', measures: { copy: 0.834, vocabulary: 0.7 } },
        'Wire Daily',
      ),
    ).toBe("near-duplicate of Wire Daily's report (83% of the shorter text's passages shared)");
    expect(
      describeStoryJoin('translation', 'a', {
        stage: 'translation',
        measures: { events: ['MEETING/PRK/RUS'], actors: 1 },
      }),
    ).toBe('translation of document a (events MEETING/PRK/RUS; actors 100% shared)');
    expect(describeStoryJoin('new-story', null, null)).toBe('first report of its story');
    expect(
      readStoryJoin({ reason: 'rewrite', matched_document_id: 'b', source: null, evidence: '{' }),
    ).toMatchObject({ evidence: null, summary: 'rewrite of document b (? shared wording)' });
  });

  it('has a name in English and French for every listed source', () => {
    const sources = (
      parse(readFileSync(new URL('../../data/stories/sources.yaml', import.meta.url), 'utf8')) as {
        sources: { id: string }[];
      }
    ).sources;
    expect(sources.length).toBeGreaterThan(30);
    for (const lang of ['en', 'fr'] as const) {
      const table = messagesIn(lang).messages;
      const unnamed = sources.filter((s) => typeof table[`source.${s.id}`] !== 'string');
      expect(
        unnamed.map((s) => s.id),
        lang,
      ).toEqual([]);
    }
  });
});
