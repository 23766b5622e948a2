import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventType } from '../../domain/ontology.js';
import { attributeMentions } from './mention-attribution.js';

/**
 * Attribution carried by the discourse (discourse-frame.ts), on short documents written for this
 * test in nine languages (test/fixtures/dedup/carried-attribution.jsonl): documents whose source
 * goes on into sentences with no cue (a detail of the same event, a lede before its source, "Об
 * этом сообщила…", a bare quotation) and counter-examples where it must not (background,
 * public acts, another event, a new paragraph, a frame too far back, own reporting).
 */
interface FixtureMention {
  type: EventType;
  source: string | null;
  target: string | null;
  sentence: string;
  trigger: string;
  expect: string | null;
  source_id?: string;
}
interface Fixture {
  id: string;
  lang: string;
  note: string;
  text: string;
  mentions: FixtureMention[];
}

const fixtures = readFileSync(
  new URL('../../../test/fixtures/dedup/carried-attribution.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Fixture);

function attribute(doc: Fixture) {
  const mentions = doc.mentions.map((m) => {
    const start = doc.text.indexOf(m.sentence);
    const t = start + m.sentence.indexOf(m.trigger);
    if (start < 0 || t < start) throw new Error(`${doc.id}: no sentence or trigger "${m.trigger}"`);
    return {
      type: m.type,
      source: m.source,
      target: m.target,
      modality: 'ASSERTED' as const,
      start,
      end: start + m.sentence.length,
      trigger: { start: t, end: t + m.trigger.length },
    };
  });
  return attributeMentions(doc.text, doc.lang, mentions);
}

describe('attribution carried by the discourse (own fixtures)', () => {
  it('covers carried and not-carried cases in several languages', () => {
    const langs = new Set(fixtures.map((f) => f.lang));
    expect(langs.size).toBeGreaterThanOrEqual(6);
    expect(fixtures.some((f) => f.mentions.some((m) => m.expect === null))).toBe(true);
  });

  for (const doc of fixtures)
    it(`${doc.id} (${doc.lang}): ${doc.note}`, () => {
      const got = attribute(doc);
      doc.mentions.forEach((m, i) => {
        const a = got[i] ?? null;
        const actor = a && a.basis !== 'own' && a.basis !== 'conduit' ? a.actor : null;
        expect({ sentence: m.sentence, actor }).toEqual({ sentence: m.sentence, actor: m.expect });
        if (m.source_id) expect(a?.source).toBe(m.source_id);
      });
    });

  it('points a carried attribution at where the text named its source', () => {
    const doc = fixtures.find((f) => f.id === 'c-en-detail')!;
    const carried = attribute(doc)[1]!;
    expect(carried.basis).toBe('continued');
    expect(doc.text.slice(carried.span!.start, carried.span!.end)).toMatch(/Joint Chiefs/u);
  });
});
