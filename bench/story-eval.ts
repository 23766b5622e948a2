/**
 * Story clustering and credited-origin evaluation on the `story`/`origin` fields of a corpus
 * (default ../shared/corpus/dev.jsonl) → bench/results/stories.json.
 *
 * Documents are enriched in publication order through the real enrich hook and stored in an
 * in-memory SQLite store, as the ingest pipeline does. Two runs: `text-only` (no extraction) and
 * `gold-events` (the corpus's annotated events stand in for the extractor, to measure the
 * translation rule independently of extraction quality), and `extracted` (the real extractor,
 * as `vigie ingest` runs it: the figure to quote).
 *
 * Story: pairwise precision/recall over document pairs (same `story` value = positive; a document
 * without `story` is a singleton). Origin: accuracy over documents (no `origin` must give null).
 *
 * Usage: npx tsx bench/story-eval.ts [corpus.jsonl]
 */
import { extractDocument } from '../src/extract/extract-document.js';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { GoldDocumentSchema, type GoldDocument } from '../src/domain/document.js';
import type { ExtractionResult } from '../src/domain/mention.js';
import { openStore } from '../src/store/open-store.js';
import { enrichDocument } from '../src/ingest/dedup/enrich-document.js';
import { contentHash } from '../src/ingest/dedup/normalise-text.js';

const corpusPath =
  process.argv[2] ?? new URL('../../shared/corpus/dev.jsonl', import.meta.url).pathname;
const docs: GoldDocument[] = readFileSync(corpusPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim().length > 0)
  .map((l) => GoldDocumentSchema.parse(JSON.parse(l)));

function goldExtraction(doc: GoldDocument): ExtractionResult {
  return {
    lang: doc.lang ?? 'und',
    origins: [],
    mentions: doc.events.map((e) => {
      const start = Math.max(0, doc.text.indexOf(e.evidence));
      return {
        type: e.type,
        source: e.source,
        target: e.target,
        modality: e.modality,
        capabilities: e.capabilities,
        date: e.date,
        start,
        end: start + e.evidence.length,
        rules: ['gold'],
        cues: [],
        confidence: 1,
      };
    }),
  };
}

interface RunResult {
  story: {
    precision: number;
    recall: number;
    f1: number;
    truePairs: number;
    predictedPairs: number;
    goldPairs: number;
  };
  origin: {
    accuracy: number;
    correct: number;
    total: number;
    errors: { id: string; gold: string | null; got: string | null }[];
  };
  storyErrors: { a: string; b: string; kind: 'false-merge' | 'missed' }[];
}

async function run(mode: 'text-only' | 'gold-events' | 'extracted'): Promise<RunResult> {
  const store = await openStore({ url: ':memory:' });
  const ordered = [...docs].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''));
  const predictedStory = new Map<string, string>();
  const predictedOrigin = new Map<string, string | null>();
  try {
    for (const doc of ordered) {
      const row = {
        id: doc.id,
        text: doc.text,
        lang: doc.lang ?? null,
        published: doc.published ?? null,
        outlet: doc.outlet ?? null,
        title: doc.title ?? null,
        url: doc.url ?? null,
        ingested_at: new Date().toISOString(),
        content_hash: contentHash(doc.text),
      };
      const extra = await enrichDocument(
        store.db,
        row,
        mode === 'gold-events'
          ? goldExtraction(doc)
          : mode === 'extracted'
            ? extractDocument(doc)
            : undefined,
      );
      await store.db
        .insertInto('documents')
        .values({ ...row, ...extra })
        .execute();
      predictedStory.set(doc.id, extra.story_id ?? doc.id);
      predictedOrigin.set(doc.id, extra.origin ?? null);
    }
  } finally {
    await store.close();
  }
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  const storyErrors: RunResult['storyErrors'] = [];
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const a = docs[i]!;
      const b = docs[j]!;
      const isGold = a.story !== undefined && a.story === b.story;
      const isPredicted = predictedStory.get(a.id) === predictedStory.get(b.id);
      if (isGold) gold++;
      if (isPredicted) predicted++;
      if (isGold && isPredicted) tp++;
      if (isGold !== isPredicted)
        storyErrors.push({ a: a.id, b: b.id, kind: isPredicted ? 'false-merge' : 'missed' });
    }
  }
  const precision = predicted === 0 ? 1 : tp / predicted;
  const recall = gold === 0 ? 1 : tp / gold;
  let correct = 0;
  const originErrors: RunResult['origin']['errors'] = [];
  for (const doc of docs) {
    const got = predictedOrigin.get(doc.id) ?? null;
    const want = doc.origin ?? null;
    if (got === want) correct++;
    else originErrors.push({ id: doc.id, gold: want, got });
  }
  return {
    story: {
      precision,
      recall,
      f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
      truePairs: tp,
      predictedPairs: predicted,
      goldPairs: gold,
    },
    origin: { accuracy: correct / docs.length, correct, total: docs.length, errors: originErrors },
    storyErrors,
  };
}

const results = {
  corpus: corpusPath.replace(/^.*\/shared\//, '../shared/'),
  documents: docs.length,
  measuredAt: new Date().toISOString(),
  targets: { storyPrecision: 0.9, storyRecall: 0.9, originAccuracy: 0.9 },
  runs: {
    'text-only': await run('text-only'),
    'gold-events': await run('gold-events'),
    extracted: await run('extracted'),
  },
};
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/stories.json', import.meta.url),
  `${JSON.stringify(results, null, 2)}\n`,
);
for (const [name, r] of Object.entries(results.runs)) {
  console.log(
    `${name}: story P=${r.story.precision.toFixed(3)} R=${r.story.recall.toFixed(3)} ` +
      `(${r.story.truePairs}/${r.story.predictedPairs} predicted, ${r.story.goldPairs} gold pairs); ` +
      `origin accuracy=${r.origin.accuracy.toFixed(3)} (${r.origin.correct}/${r.origin.total})`,
  );
  for (const e of r.storyErrors) console.log(`  story ${e.kind}: ${e.a} ~ ${e.b}`);
  for (const e of r.origin.errors) console.log(`  origin ${e.id}: gold=${e.gold} got=${e.got}`);
}
