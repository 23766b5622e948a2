/**
 * What the origin evaluation needs: one run of a corpus half through the real pipeline (extract,
 * attribute, enrich, store, analyse) and two scores on the stored result:
 * - attribution: gold events matched to stored mentions (same type, overlapping spans, one to one,
 *   greedy by overlap: docs/corpus-format.md), the gold `attribution` actor against the mention's;
 *   `before` reads every mention as the document's attributed source (what existed before
 *   mention attribution);
 * - origins: per event Vigie resolved from two or more documents, the gold announcements of its
 *   supporting documents and the independent origins counted, now (`after`, the stored events)
 *   and by story, credited origin and outlet alone (`before`).
 */
import { groupIndependentOrigins } from '../src/analyse/credibility/independence.js';
import { analyseDocuments } from '../src/analyse/analyse-documents.js';
import { readAttribution } from '../src/domain/attribution.js';
import type { GoldDocument } from '../src/domain/document.js';
import { extractDocument } from '../src/extract/extract-document.js';
import { attributeSource, readSources } from '../src/ingest/dedup/attributed-source.js';
import { enrichDocument } from '../src/ingest/dedup/enrich-document.js';
import { loadStoryData } from '../src/ingest/dedup/story-data.js';
import { processDocuments } from '../src/pipeline/process-documents.js';
import { openStore } from '../src/store/open-store.js';

export interface AttributionScore {
  /** Gold events, and the share of them with an attribution. */
  goldEvents: number;
  goldAttributedShare: number;
  /** Gold events matched to a stored mention. */
  matched: number;
  /** Matched gold events with an attribution, and how many of those Vigie attributes rightly. */
  attributed: number;
  correct: number;
  accuracy: number;
  /** Matched gold events without one (unattributed, own reporting) that Vigie leaves without. */
  unattributed: number;
  unattributedCorrect: number;
  /**
   * Matched gold events with an attribution that Vigie misses, by kind (counts only, so that the
   * held half can say why without showing a sentence): left without one, of them in a sentence
   * holding no attribution cue at all, and given another actor.
   */
  missed: { unattributed: number; unattributedWithoutCue: number; otherActor: number };
  /** Every matched gold event. */
  overall: number;
}

export interface OriginCounts {
  /** Events whose supporting documents report one announcement (target: ≤ 2 origins). */
  single: { events: number; atMostTwo: number; one: number; mean: number; max: number };
  /** Events supported by exactly two announcements (target: 2 origins). */
  pairs: { events: number; two: number; mean: number };
  /** Events supported by three or more announcements. */
  more: { events: number; mean: number };
}

export interface OriginRun {
  attribution: { before: AttributionScore; after: AttributionScore };
  origins: { before: OriginCounts; after: OriginCounts };
  /** Tune half only: errors to read (the held half is scored in aggregate). */
  errors: string[];
}

interface StoredMention {
  id: string;
  document_id: string;
  type: string;
  modality: string;
  span_start: number;
  span_end: number;
  event_id: string | null;
  attribution: string | null;
}

/** Runs `docs` through the pipeline in publication order and scores attribution and origins. */
export async function runOrigins(docs: readonly GoldDocument[]): Promise<OriginRun> {
  const store = await openStore({ url: ':memory:' });
  try {
    const ordered = [...docs].sort(
      (a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id),
    );
    const result = await processDocuments(
      store,
      ordered.map((value, i) => ({ line: i + 1, value })),
      { extract: (doc) => extractDocument(doc), enrich: enrichDocument, batchSize: 1 },
    );
    await analyseDocuments(store, result.documentIds, []);
    const mentions = (await store.db
      .selectFrom('mentions')
      .select([
        'id',
        'document_id',
        'type',
        'modality',
        'span_start',
        'span_end',
        'event_id',
        'attribution',
      ])
      .execute()) as StoredMention[];
    const stored = await store.db
      .selectFrom('documents')
      .select(['id', 'story_id', 'origin', 'outlet', 'published'])
      .execute();
    const events = await store.db
      .selectFrom('events')
      .select(['id', 'independent_sources'])
      .execute();
    const errors: string[] = [];
    const attribution = {
      before: scoreAttribution(docs, mentions, documentSourceActor(docs), null),
      after: scoreAttribution(
        docs,
        mentions,
        (m) => readAttribution(m.attribution)?.actor ?? null,
        errors,
      ),
    };
    const gold = new Map(docs.map((d) => [d.id, d]));
    const docRows = new Map(
      stored.map((d) => [
        d.id,
        {
          id: d.id,
          storyId: d.story_id,
          origin: d.origin,
          outlet: d.outlet,
          published: d.published,
        },
      ]),
    );
    const byEvent = new Map<string, StoredMention[]>();
    for (const m of mentions)
      if (m.event_id) byEvent.set(m.event_id, [...(byEvent.get(m.event_id) ?? []), m]);
    const samples: { announcements: number; before: number; after: number; id: string }[] = [];
    for (const e of events) {
      const own = byEvent.get(e.id) ?? [];
      const supporting = new Set(
        own.filter((m) => m.modality !== 'NEGATED').map((m) => m.document_id),
      );
      if (supporting.size < 2) continue;
      const announcements = new Set(
        [...supporting].map((id) => gold.get(id)?.announcement ?? `(none) ${id}`),
      );
      const legacy = groupIndependentOrigins(
        [...new Set(own.map((m) => m.document_id))].map((id) => docRows.get(id)!),
      ).filter((g) => g.documentIds.some((id) => supporting.has(id)));
      samples.push({
        id: e.id,
        announcements: announcements.size,
        before: legacy.length,
        after: e.independent_sources,
      });
      if (errors && announcements.size === 1 && e.independent_sources > 2)
        errors.push(
          `origins ${e.id}: one announcement (${[...announcements][0]}), ${e.independent_sources} origins counted over ${supporting.size} documents`,
        );
      if (announcements.size === 2 && e.independent_sources !== 2)
        errors.push(
          `origins ${e.id}: two announcements (${[...announcements].join(' | ')}), ${e.independent_sources} origins counted`,
        );
    }
    return {
      attribution,
      origins: { before: countOrigins(samples, 'before'), after: countOrigins(samples, 'after') },
      errors,
    };
  } finally {
    await store.close();
  }
}

/** Before mention attribution: every mention takes its document's attributed source. */
function documentSourceActor(docs: readonly GoldDocument[]): (m: StoredMention) => string | null {
  const actors = new Map(
    loadStoryData()
      .names.get('*')!
      .sources.map((s) => [s.id, s.actor]),
  );
  const byDoc = new Map(
    docs.map((d) => {
      const source = attributeSource(d.text, d.lang).primary;
      return [d.id, source ? (actors.get(source) ?? null) : null];
    }),
  );
  return (m) => byDoc.get(m.document_id) ?? null;
}

function scoreAttribution(
  docs: readonly GoldDocument[],
  mentions: readonly StoredMention[],
  actorOf: (m: StoredMention) => string | null,
  errors: string[] | null,
): AttributionScore {
  const byDoc = new Map<string, StoredMention[]>();
  for (const m of mentions) byDoc.set(m.document_id, [...(byDoc.get(m.document_id) ?? []), m]);
  let goldEvents = 0;
  let goldAttributed = 0;
  let matched = 0;
  let attributed = 0;
  let correct = 0;
  let unattributed = 0;
  let unattributedCorrect = 0;
  const missed = { unattributed: 0, unattributedWithoutCue: 0, otherActor: 0 };
  for (const doc of docs) {
    const candidates = byDoc.get(doc.id) ?? [];
    const pairs: { gold: number; mention: StoredMention; overlap: number }[] = [];
    doc.events.forEach((g, i) => {
      const start = doc.text.indexOf(g.evidence);
      const end = start + g.evidence.length;
      for (const m of candidates) {
        const overlap = Math.min(end, m.span_end) - Math.max(start, m.span_start);
        if (m.type === g.type && start >= 0 && overlap > 0)
          pairs.push({ gold: i, mention: m, overlap });
      }
    });
    pairs.sort(
      (a, b) =>
        b.overlap - a.overlap || a.gold - b.gold || a.mention.id.localeCompare(b.mention.id),
    );
    const usedGold = new Set<number>();
    const usedMention = new Set<string>();
    for (const p of pairs) {
      if (usedGold.has(p.gold) || usedMention.has(p.mention.id)) continue;
      usedGold.add(p.gold);
      usedMention.add(p.mention.id);
      matched++;
      const want = doc.events[p.gold]!.attribution ?? null;
      const got = actorOf(p.mention);
      if (want !== null) {
        attributed++;
        if (got === want) correct++;
        else if (got !== null) missed.otherActor++;
        else {
          missed.unattributed++;
          const evidence = doc.events[p.gold]!.evidence;
          if (readSources(evidence, doc.lang, undefined, { statements: true }).cues.length === 0)
            missed.unattributedWithoutCue++;
        }
      } else {
        unattributed++;
        if (got === null) unattributedCorrect++;
      }
      if (errors && got !== want)
        errors.push(
          `attribution ${doc.id} ${p.mention.type}: gold ${want ?? 'none'}, got ${got ?? 'none'}` +
            ` (${readAttribution(p.mention.attribution)?.basis ?? 'none'}) «${doc.events[p.gold]!.evidence}»`,
        );
    }
    goldEvents += doc.events.length;
    goldAttributed += doc.events.filter((e) => e.attribution).length;
  }
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    goldEvents,
    goldAttributedShare: ratio(goldAttributed, goldEvents),
    matched,
    attributed,
    correct,
    accuracy: ratio(correct, attributed),
    unattributed,
    unattributedCorrect,
    missed,
    overall: ratio(correct + unattributedCorrect, matched),
  };
}

function countOrigins(
  samples: readonly { announcements: number; before: number; after: number }[],
  which: 'before' | 'after',
): OriginCounts {
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const single = samples.filter((s) => s.announcements === 1).map((s) => s[which]);
  const pairs = samples.filter((s) => s.announcements === 2).map((s) => s[which]);
  const more = samples.filter((s) => s.announcements > 2).map((s) => s[which]);
  return {
    single: {
      events: single.length,
      atMostTwo: single.filter((n) => n <= 2).length,
      one: single.filter((n) => n === 1).length,
      mean: mean(single),
      max: single.length === 0 ? 0 : Math.max(...single),
    },
    pairs: { events: pairs.length, two: pairs.filter((n) => n === 2).length, mean: mean(pairs) },
    more: { events: more.length, mean: mean(more) },
  };
}
