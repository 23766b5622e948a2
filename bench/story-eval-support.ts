/**
 * What the story evaluation needs: a corpus with gold `story`/`origin`, the fixed split of the
 * syndication corpus, one clustering run through the real enrich hook, and the scores
 * (pairwise story precision/recall/F1, origin accuracy, stories and origins per gold story).
 */
import { readFileSync } from 'node:fs';
import { GoldDocumentSchema, type GoldDocument } from '../src/domain/document.js';
import type { ExtractionResult } from '../src/domain/mention.js';
import { extractDocument } from '../src/extract/extract-document.js';
import { groupIndependentOrigins } from '../src/analyse/credibility/independence.js';
import { enrichDocument } from '../src/ingest/dedup/enrich-document.js';
import { contentHash } from '../src/ingest/dedup/normalise-text.js';
import { openStore } from '../src/store/open-store.js';

export type RunMode = 'text-only' | 'gold-events' | 'extracted';

export function readCorpus(path: string): GoldDocument[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => {
      // The syndication corpus writes `origin: null` for "credits no origin".
      const { origin, ...rest } = JSON.parse(l) as { origin?: string | null };
      return GoldDocumentSchema.parse(origin === null ? rest : { origin, ...rest });
    });
}

/**
 * The syndication corpus split, fixed once before any rule was written: stories with an odd
 * number (S01, S03 …) are the tune half, even ones the held half. A story never straddles halves.
 */
export function syndicationHalf(doc: GoldDocument): 'tune' | 'held' {
  const n = Number(/\d+/.exec(doc.story ?? '')?.[0] ?? Number.NaN);
  if (!Number.isInteger(n)) throw new Error(`document ${doc.id} has no numbered story`);
  return n % 2 === 1 ? 'tune' : 'held';
}

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

export interface PairScore {
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  goldPairs: number;
}

export interface GoldStoryResult {
  /** How many Vigie stories the gold story's documents were put in (1 is right). */
  stories: number;
  /** Independent origins Vigie counts among the gold story's documents (1 is right). */
  origins: number;
  documents: number;
}

export interface RunResult {
  story: PairScore;
  origin: {
    accuracy: number;
    correct: number;
    total: number;
    errors: { id: string; gold: string | null; got: string | null }[];
  };
  /** Per gold story; documents without one are left out. */
  goldStories: Record<string, GoldStoryResult>;
  /** Gold stories Vigie split (stories > 1) and predicted stories mixing gold stories. */
  split: number;
  mixed: number;
  storyErrors: { a: string; b: string; kind: 'false-merge' | 'missed' }[];
  /** Why each document joined its story (reason, matched document, evidence). */
  joins: Record<string, { reason: string; matched: string | null; evidence: string | null }>;
}

/**
 * Clusters `docs` as the ingest pipeline does — in publication order, each enriched then stored
 * in an in-memory SQLite store — and scores the stories against the gold ones.
 */
export async function runStories(docs: readonly GoldDocument[], mode: RunMode): Promise<RunResult> {
  const store = await openStore({ url: ':memory:' });
  const ordered = [...docs].sort(
    (a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id),
  );
  const predictedStory = new Map<string, string>();
  const predictedOrigin = new Map<string, string | null>();
  const joins: RunResult['joins'] = {};
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
      const extraction =
        mode === 'gold-events'
          ? goldExtraction(doc)
          : mode === 'extracted'
            ? extractDocument(doc)
            : undefined;
      const extra = await enrichDocument(store.db, row, extraction);
      await store.db
        .insertInto('documents')
        .values({ ...row, ...extra })
        .execute();
      predictedStory.set(doc.id, extra.story_id ?? doc.id);
      predictedOrigin.set(doc.id, extra.origin ?? null);
    }
    const indexRows = await store.db.selectFrom('story_documents').selectAll().execute();
    for (const r of indexRows) {
      joins[r.document_id] = {
        reason: r.reason,
        matched: r.matched_document_id,
        evidence: r.evidence,
      };
    }
  } finally {
    await store.close();
  }
  return score(docs, predictedStory, predictedOrigin, joins);
}

function score(
  docs: readonly GoldDocument[],
  predictedStory: ReadonlyMap<string, string>,
  predictedOrigin: ReadonlyMap<string, string | null>,
  joins: RunResult['joins'],
): RunResult {
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

  const byGold = new Map<string, GoldDocument[]>();
  for (const d of docs) if (d.story) byGold.set(d.story, [...(byGold.get(d.story) ?? []), d]);
  const goldStories: Record<string, GoldStoryResult> = {};
  for (const [story, members] of [...byGold].sort(([a], [b]) => a.localeCompare(b))) {
    const origins = groupIndependentOrigins(
      members.map((d) => ({
        id: d.id,
        storyId: predictedStory.get(d.id) ?? null,
        origin: predictedOrigin.get(d.id) ?? null,
        outlet: d.outlet ?? null,
      })),
    );
    goldStories[story] = {
      stories: new Set(members.map((d) => predictedStory.get(d.id))).size,
      origins: origins.length,
      documents: members.length,
    };
  }
  const goldOf = new Map<string, Set<string | undefined>>();
  for (const d of docs) {
    const p = predictedStory.get(d.id)!;
    goldOf.set(p, (goldOf.get(p) ?? new Set()).add(d.story));
  }

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
    goldStories,
    split: Object.values(goldStories).filter((g) => g.stories > 1).length,
    mixed: [...goldOf.values()].filter((s) => s.size > 1).length,
    storyErrors,
    joins,
  };
}

/** One summary line of a run. */
export function summaryLine(name: string, r: RunResult): string {
  const g = Object.values(r.goldStories);
  const multi = g.filter((x) => x.documents > 1);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  return (
    `${name}: story P=${r.story.precision.toFixed(3)} R=${r.story.recall.toFixed(3)} ` +
    `F1=${r.story.f1.toFixed(3)} (${r.story.truePairs}/${r.story.predictedPairs} predicted, ` +
    `${r.story.goldPairs} gold pairs); ${r.split}/${g.length} gold stories split, ${r.mixed} mixed; ` +
    `per gold story of 2+ documents: ${mean(multi.map((x) => x.stories)).toFixed(2)} stories, ` +
    `${mean(multi.map((x) => x.origins)).toFixed(2)} origins counted; ` +
    `origin accuracy=${r.origin.accuracy.toFixed(3)} (${r.origin.correct}/${r.origin.total})`
  );
}
