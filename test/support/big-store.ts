/**
 * A large synthetic store, generated fast, for the browser test at 100,000 events and the API and
 * dashboard benchmarks at 1,000,000 mentions: raw better-sqlite3 prepared inserts, deterministic
 * (seeded PRNG), skewed like real news (a few actors, types and languages dominate; rare place
 * names make selective searches). Documents hold real sentences: every mention's span and trigger
 * span point into its document's text. Events carry their mentions' attributes and a
 * credibility-v2 explanation; copies of a report form stories; trend counts are computed as
 * analysis computes them; a watchboard is scored by the real scoring (`scoreBoards`), and alerts
 * carry the payloads the alert rules write.
 *
 * @example
 * const store = await openStore({ url: ':memory:' });
 * const big = await generateBigStore(store, { events: 100_000, mentions: 250_000 });
 * @module
 */
import { parseBoard } from '../../src/analyse/watchboards/load-boards.js';
import { resolveHypothesis } from '../../src/analyse/watchboards/resolve-hypothesis.js';
import { scoreBoards } from '../../src/analyse/watchboards/score-boards.js';
import { pairOf } from '../../src/analyse/trends/trend-counts.js';
import { CAPABILITIES, EVENT_TYPES, SOLO_TYPES } from '../../src/domain/ontology.js';
import type { Store } from '../../src/store/open-store.js';
import { mergeSegments } from '../../src/store/search-index-upkeep.js';
import { bigText, sentenceOf, type Sentence } from './big-store-text.js';
import {
  dayIso,
  insertAlerts,
  insertEvent,
  pick,
  prepare,
  prng,
  skewed,
  NOW,
  DAY0,
  type GenEvent,
} from './big-store-rows.js';

export interface BigStoreOptions {
  readonly events: number;
  readonly mentions: number;
  /**
   * Commit every 500 documents and merge the full-text index after each commit, as ingest does
   * (the API benchmark wants the index in that shape). Default: one transaction.
   */
  readonly ingestBatches?: boolean;
  readonly seed?: number;
}

export interface BigStoreCounts {
  sources: number;
  documents: number;
  mentions: number;
  events: number;
  stories: number;
  hypotheses: number;
  evidence: number;
  alerts: number;
}

export interface BigStore {
  readonly counts: BigStoreCounts;
  /** Rows that pages and benchmarks open: the busiest event, a story with copies, the board. */
  readonly ids: {
    readonly event: string;
    readonly document: string;
    readonly story: string;
    readonly actor: string;
    readonly board: string;
    readonly hypothesis: string;
    /** A word found in a few hundred documents at most. */
    readonly rareWord: string;
  };
  /** The last day of news (the store's clock). */
  readonly lastDay: string;
}

export const ACTORS = [
  'PRK',
  'RUS',
  'USA',
  'CHN',
  'IRN',
  'KOR',
  'JPN',
  'UKR',
  'ISR',
  'PAK',
  'IND',
  'FRA',
  'GBR',
  'DEU',
  'SYR',
  'BLR',
  'IAEA',
  'UN',
  'NATO',
  'EU',
] as const;
const LANGS = ['en', 'en', 'en', 'fr', 'ru', 'ko', 'zh', 'ja', 'de', 'es'];
const MODALITIES = [
  'ASSERTED',
  'ASSERTED',
  'ASSERTED',
  'HEDGED',
  'HEDGED',
  'PLANNED',
  'NEGATED',
  'HYPOTHETICAL',
];
const CAPS = CAPABILITIES;
const GRADES = ['A', 'B', 'B', 'C', 'C', 'C', 'D', 'E', 'F'];

const DAYS = 730;
/** processDocuments' default batch: one transaction per this many documents. */
const INGEST_BATCH = 500;

/** Events spread over two years, each wanting at least one mention (heavy-tailed counts). */
function makeEvents(r: () => number, n: number, linked: number): GenEvent[] {
  const events: GenEvent[] = [];
  const weights: number[] = [];
  for (let e = 0; e < n; e++) {
    const type = skewed(r, EVENT_TYPES);
    const source = skewed(r, ACTORS);
    const solo = SOLO_TYPES.has(type);
    events.push({
      id: `evt-${e}`,
      type,
      source,
      target:
        solo || r() < 0.15
          ? null
          : skewed(
              r,
              ACTORS.filter((a) => a !== source),
            ),
      caps: r() < 0.6 ? `|${skewed(r, CAPS)}|` : '',
      day: Math.floor(r() * DAYS),
      modality: pick(r, MODALITIES),
      wanted: 1,
      mentions: 0,
      firstSeen: null,
      lastSeen: null,
      documents: [],
      mentionIds: [],
    });
    weights.push(Math.min(500, 1 / (1 - r()))); // heavy-tailed: a few events dominate the news
  }
  const extra = Math.max(0, linked - n);
  const total = weights.reduce((s, w) => s + w, 0) || 1;
  for (let e = 0; e < n; e++) events[e]!.wanted += Math.floor((extra * weights[e]!) / total);
  events.sort((a, b) => a.day - b.day);
  return events;
}

const BOARD = parseBoard(
  `id: bigboard
title: Russia and the DPRK (large store)
start: '2024-01-01'
hypotheses:
  - id: transfer
    title: Russia transfers arms or technology to the DPRK
    kind: occurrence
    resolution: { criterion: a transfer stated as fact by a party, by: Russia or the DPRK }
    prior: 0.3
    indicators:
      - id: t
        title: transfers
        match: { types: [ARMS_TRANSFER, TECH_TRANSFER], actors: { source: [RUS], target: [PRK] } }
        lr: 4
  - id: missiles
    title: The DPRK tests a ballistic missile within 90 days
    kind: window
    horizonDays: 90
    resolution: { criterion: a launch detected by a government, by: Japan or South Korea }
    prior: 0.4
    indicators:
      - id: m
        title: missile tests
        match: { types: [MISSILE_TEST], actors: { source: [PRK] } }
        lr: 2
        absence: { days: 30, lr: 0.8 }
`,
  'bigboard.yaml',
);

/**
 * Fills an empty, migrated SQLite store. Sources, documents and mentions first (with stories and
 * search index), then the events with what their mentions say, trend counts, alerts, and last
 * the watchboard, scored by `scoreBoards`.
 */
export async function generateBigStore(store: Store, options: BigStoreOptions): Promise<BigStore> {
  const sqlite = store.sqlite;
  if (!sqlite) throw new Error('generateBigStore writes SQLite rows; open a SQLite store');
  const r = prng(options.seed ?? 42);
  const linked = Math.max(options.events, Math.round(options.mentions * 0.7));
  const events = makeEvents(r, options.events, linked);
  const counts: BigStoreCounts = {
    sources: 40,
    documents: 0,
    mentions: 0,
    events: events.length,
    stories: 0,
    hypotheses: 0,
    evidence: 0,
    alerts: 0,
  };
  sqlite.pragma('synchronous = OFF');
  const stmts = prepare(sqlite);
  const sources = Array.from({ length: counts.sources }, (_, i) => ({
    id: `src-${i}`,
    outlet: `Outlet ${i}`,
    grade: pick(r, GRADES),
    lang: skewed(r, LANGS),
  }));
  let busiest = events[0]!;
  let storyWithCopies = '';
  const trends = new Map<string, { a: string; b: string; type: string; day: string; n: number }>();
  const trendSeen = new Set<string>();
  // Indexes are built once after the rows (a sort) instead of updated row by row.
  const indexes = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
       AND tbl_name IN ('documents', 'mentions', 'events', 'trend_counts')`,
    )
    .all() as { name: string; sql: string }[];
  sqlite.exec('BEGIN');
  try {
    if (!options.ingestBatches) for (const i of indexes) sqlite.exec(`DROP INDEX "${i.name}"`);
    for (const s of sources) {
      stmts.source.run(
        s.id,
        s.outlet,
        `https://outlet${s.id.slice(4)}.example/feed.xml`,
        s.grade,
        s.lang,
        NOW,
        NOW,
      );
    }
    let cursor = 0;
    let story: {
      id: string;
      first: string;
      published: string;
      count: number;
      left: number;
    } | null = null;
    let d = 0;
    while (counts.mentions < options.mentions || cursor < events.length) {
      if (options.ingestBatches && d > 0 && d % INGEST_BATCH === 0) {
        sqlite.exec('COMMIT');
        mergeSegments(sqlite); // what the pipeline does after each analysed batch
        sqlite.exec('BEGIN');
      }
      const day = cursor < events.length ? events[cursor]!.day : Math.floor(r() * DAYS);
      const published = new Date(
        DAY0 + day * 86_400_000 + Math.floor(r() * 86_400_000),
      ).toISOString();
      const src = sources[Math.floor(r() * r() * sources.length)]!;
      const lang = r() < 0.7 && src.lang ? src.lang : skewed(r, LANGS);
      const id = `doc-${d++}`;
      // 2–14 mentions a document, most from the events of the day, a few about nothing stored.
      const size = 2 + Math.floor(r() * r() * 13);
      const sentences: Sentence[] = [];
      const placed: {
        e: GenEvent | null;
        at: number;
        s: Sentence;
        type: string;
        source: string;
        target: string | null;
        caps: string;
        modality: string;
      }[] = [];
      for (let k = 0; k < size; k++) {
        let e: GenEvent | null = null;
        if (cursor < events.length && r() < 0.85) {
          e = events[cursor]!;
          if (--e.wanted <= 0) cursor++;
        }
        const type = e?.type ?? skewed(r, EVENT_TYPES);
        const source = e?.source ?? skewed(r, ACTORS);
        const target = e
          ? e.target
          : SOLO_TYPES.has(type)
            ? null
            : skewed(
                r,
                ACTORS.filter((a) => a !== source),
              );
        const caps = e?.caps ?? (r() < 0.5 ? `|${skewed(r, CAPS)}|` : '');
        const s = sentenceOf(r, lang, type, source, target, caps);
        placed.push({
          e,
          at: sentences.length,
          s,
          type,
          source,
          target,
          caps,
          modality: e && r() < 0.8 ? e.modality : pick(r, MODALITIES),
        });
        sentences.push(s);
        if (r() < 0.3) sentences.push(sentenceOf(r, lang, null, skewed(r, ACTORS), null, ''));
      }
      const { text, title, starts } = bigText(r, sentences);
      if (story && story.left > 0 && r() < 0.9) {
        story.left--;
        story.count++;
        stmts.storyDoc.run(
          id,
          story.id,
          lang,
          published,
          'near-duplicate',
          story.first,
          JSON.stringify({ stage: 'wording', measures: { copy: 0.8 + r() / 5 } }),
        );
        if (storyWithCopies === '' && story.count >= 3) storyWithCopies = story.id;
      } else {
        if (story) stmts.story.run(story.id, story.first, story.published, story.count, NOW, NOW);
        story = null;
        if (r() < 0.25) {
          story = {
            id: `story-${counts.stories++}`,
            first: id,
            published,
            count: 1,
            left: 1 + Math.floor(r() * 4),
          };
          stmts.storyDoc.run(id, story.id, lang, published, 'new-story', null, null);
        }
      }
      stmts.document.run(
        id,
        src.id,
        src.outlet,
        `https://news.example/${id}`,
        title,
        text,
        lang,
        published,
        published,
        `h${id}`,
        story?.id ?? null,
        r() < 0.2 ? 'Yonhap' : null,
        published,
        published,
      );
      counts.documents++;
      placed.forEach((p, m) => {
        const start = starts[p.at]!;
        const mentionId = `${id}#${m}`;
        const trigger = start + p.s.trigger;
        const cues = [
          {
            kind: 'trigger',
            start: trigger,
            end: trigger + p.s.triggerLength,
            ref: `${lang}.trigger.${p.type}`,
            value: p.type,
          },
          {
            kind: 'actor',
            start: start + p.s.actor,
            end: start + p.s.actor + p.s.actorLength,
            ref: `gazetteer.${p.source}`,
            value: p.source,
          },
        ];
        stmts.mention.run(
          mentionId,
          id,
          p.type,
          p.source,
          p.target,
          p.modality,
          p.caps,
          p.e ? dayIso(p.e.day) : published.slice(0, 10),
          start,
          start + p.s.text.length,
          trigger,
          trigger + p.s.triggerLength,
          lang,
          published,
          JSON.stringify([`${lang}.trigger.${p.type}`]),
          JSON.stringify(cues),
          0.5 + r() / 2,
          p.e?.id ?? null,
          published,
        );
        counts.mentions++;
        const e = p.e;
        if (!e) return;
        e.mentions++;
        e.firstSeen ??= published;
        e.lastSeen = published;
        if (e.mentionIds.length < 20) e.mentionIds.push(mentionId);
        if (e.documents.length < 6 && !e.documents.some((x) => x.id === id))
          e.documents.push({ id, outlet: src.outlet, grade: src.grade, published });
        if (e.mentions > busiest.mentions) busiest = e;
        const pair = pairOf(e.type, e.source, e.target);
        const once = `${e.id}|${published.slice(0, 10)}`;
        if (pair && !trendSeen.has(once)) {
          trendSeen.add(once);
          const key = `${pair[0]}|${pair[1]}|${e.type}|${published.slice(0, 10)}`;
          const t = trends.get(key) ?? {
            a: pair[0],
            b: pair[1],
            type: e.type,
            day: published.slice(0, 10),
            n: 0,
          };
          t.n++;
          trends.set(key, t);
        }
      });
    }
    if (story) stmts.story.run(story.id, story.first, story.published, story.count, NOW, NOW);
    for (const e of events) insertEvent(stmts, e);
    for (const [key, t] of trends) stmts.trend.run(key, t.a, t.b, t.type, t.day, t.n);
    counts.alerts = insertAlerts(stmts, r, events);
    if (!options.ingestBatches) for (const i of indexes) sqlite.exec(i.sql);
    sqlite.exec('COMMIT');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  }
  mergeSegments(sqlite);
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec('ANALYZE');
  const lastDay = dayIso(events[events.length - 1]?.day ?? 0);
  const now = `${lastDay}T23:00:00.000Z`;
  await scoreBoards(store, [BOARD], { now });
  // One hypothesis resolved (true, as the record went), so calibration has a score to show.
  await resolveHypothesis(
    store,
    {
      hypothesisId: `${BOARD.id}/transfer`,
      input: { outcome: true, date: dayIso(DAYS - 200), source: 'https://example.org/record' },
      recordedBy: 'big-store',
      now,
    },
    [BOARD],
  );
  const steps = sqlite.prepare('SELECT count(*) AS n FROM evidence').get() as { n: number };
  counts.hypotheses = BOARD.hypotheses.length;
  counts.evidence = steps.n;
  return {
    counts,
    ids: {
      event: busiest.id,
      document: busiest.documents[0]?.id ?? 'doc-0',
      story: storyWithCopies || 'story-0',
      actor: 'PRK',
      board: BOARD.id,
      hypothesis: `${BOARD.id}/missiles`,
      rareWord: 'Sohae',
    },
    lastDay,
  };
}
