import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExtractionResult } from '../../domain/mention.js';
import type { Capability, EventType } from '../../domain/ontology.js';
import { bestStoryMatch, matchStory } from './story-decision.js';
import { storyFeatures, type StoryFeatures } from './story-features.js';

interface FixtureDoc {
  id: string;
  lang: string;
  published: string;
  text: string;
  story?: string;
  events?: [EventType, string | null, string | null, Capability[]][];
}

const docs: FixtureDoc[] = readFileSync(
  new URL('../../../test/fixtures/dedup/stories.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as FixtureDoc);

function extraction(doc: FixtureDoc): ExtractionResult | undefined {
  if (!doc.events) return undefined;
  return {
    lang: doc.lang,
    origins: [],
    mentions: doc.events.map(([type, source, target, capabilities]) => ({
      type,
      source,
      target,
      capabilities,
      modality: 'ASSERTED',
      date: null,
      start: 0,
      end: 1,
      rules: [],
      cues: [],
      confidence: 1,
    })),
  };
}

const features = new Map<string, StoryFeatures>(
  docs.map((d) => [d.id, storyFeatures(d, extraction(d))]),
);
const f = (id: string) => features.get(id)!;

/** Clusters the fixtures in publication order, as assignStory does against the store. */
function cluster(): Map<string, string> {
  const story = new Map<string, string>();
  const seen: { id: string; features: StoryFeatures }[] = [];
  for (const doc of [...docs].sort((a, b) => a.published.localeCompare(b.published))) {
    const best = bestStoryMatch(f(doc.id), seen);
    story.set(doc.id, best ? story.get(best.candidate.id)! : doc.id);
    seen.push({ id: doc.id, features: f(doc.id) });
  }
  return story;
}

describe('story decision on test/fixtures/dedup/stories.jsonl', () => {
  it('reaches pairwise precision and recall ≥ 0.9', () => {
    const story = cluster();
    let tp = 0;
    let predicted = 0;
    let gold = 0;
    const wrong: string[] = [];
    for (let i = 0; i < docs.length; i++) {
      for (let j = i + 1; j < docs.length; j++) {
        const a = docs[i]!;
        const b = docs[j]!;
        const isGold = a.story !== undefined && a.story === b.story;
        const isPredicted = story.get(a.id) === story.get(b.id);
        gold += isGold ? 1 : 0;
        predicted += isPredicted ? 1 : 0;
        tp += isGold && isPredicted ? 1 : 0;
        if (isGold !== isPredicted) wrong.push(`${a.id}~${b.id}`);
      }
    }
    expect(gold).toBeGreaterThan(15);
    expect({ precision: tp / predicted, wrong }).toMatchObject({ precision: expect.any(Number) });
    expect(tp / predicted).toBeGreaterThanOrEqual(0.9);
    expect(tp / gold).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ['en-s1-a', 'en-s1-copy', 'near-duplicate'],
    ['en-s1-a', 'en-s1-rewrite', 'near-duplicate'],
    ['en-s1-a', 'en-s1-reorder', 'near-duplicate'],
    ['en-s2-a', 'en-s2-b', 'rewrite'],
    ['fr-s3-a', 'fr-s3-intro', 'near-duplicate'],
    ['ru-s4-a', 'ru-s4-intro', 'near-duplicate'],
    ['ko-s5-a', 'ko-s5-copy', 'near-duplicate'],
    ['ja-s6-a', 'ja-s6-reorder', 'near-duplicate'],
    ['zh-s7-a', 'zh-s7-copy', 'near-duplicate'],
    ['tr-en', 'tr-de', 'translation'],
    ['tr-en', 'tr-es', 'translation'],
  ])('%s and %s are one story (%s)', (a, b, reason) => {
    expect(matchStory(f(b), f(a))?.reason).toBe(reason);
  });

  it.each([
    ['en-s1-a', 'en-n1'],
    ['en-s1-a', 'en-n2'],
    ['en-s1-a', 'en-n3'],
    ['fr-s3-a', 'fr-n1'],
    ['ru-s4-a', 'ru-n1'],
    ['ko-s5-a', 'ko-n1'],
    ['ko-s5-a', 'ko-n2'],
    ['ja-s6-a', 'ja-n1'],
    ['zh-s7-a', 'zh-n1'],
    ['tr-en', 'tr-n-fr'],
    ['tr-en', 'tr-n-ru'],
  ])('%s and %s are different reports on the same topic', (a, b) => {
    expect(matchStory(f(b), f(a))).toBeNull();
  });
});

describe('story decision and attributed sources', () => {
  const events: ExtractionResult = {
    lang: 'en',
    origins: [],
    mentions: (
      [
        ['MISSILE_TEST', 'PRK', null],
        ['CONCERN', 'KOR', 'PRK'],
      ] as const
    ).map(([type, source, target]) => ({
      type,
      source,
      target,
      capabilities: [],
      modality: 'ASSERTED' as const,
      date: null,
      start: 0,
      end: 1,
      rules: [],
      cues: [],
      confidence: 1,
    })),
  };
  const en = (who: string) =>
    storyFeatures(
      {
        text: `North Korea fired two missiles into the sea on Sunday, ${who} said, condemning it.`,
        lang: 'en',
        published: '2031-06-01',
      },
      events,
    );
  const de = (who: string) =>
    storyFeatures(
      {
        text: `Nordkorea hat am Sonntag zwei Raketen ins Meer abgefeuert, teilte ${who} mit.`,
        lang: 'de',
        published: '2031-06-01',
      },
      events,
    );

  it('a copy stays a copy; a translation naming another source is another announcement', () => {
    expect(matchStory(en('the JCS'), en('Japan’s defence ministry'))?.reason).toBe(
      'near-duplicate',
    );
    expect(matchStory(de('der Vereinigte Generalstab'), en('the JCS'))).toMatchObject({
      reason: 'translation',
      detail: { events: ['CONCERN/KOR/PRK', 'MISSILE_TEST/PRK/-'] },
    });
    expect(matchStory(de('das japanische Verteidigungsministerium'), en('the JCS'))).toBeNull();
  });
});
