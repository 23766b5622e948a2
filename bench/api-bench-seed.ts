/**
 * Fast synthetic data for the API benchmark: raw better-sqlite3 prepared inserts, committed
 * every INGEST_BATCH documents as `processDocuments` does, each commit followed by the merge of
 * the full-text index that the pipeline runs after each analysed batch (search-index-upkeep.ts),
 * so the index has the shape ingest gives it. Deterministic (seeded PRNG); skewed like real
 * news (a few actors and languages
 * dominate, rare place names make selective searches).
 * @module
 */
import type Database from 'better-sqlite3';
import { EVENT_TYPES } from '../src/domain/ontology.js';
import { mergeSegments } from '../src/store/search-index-upkeep.js';
import { inSearchKeyOrder } from '../src/store/search-key.js';

export interface BenchCounts {
  sources: number;
  documents: number;
  mentions: number;
  events: number;
  hypotheses: number;
  evidence: number;
  alerts: number;
}

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES: readonly string[] = EVENT_TYPES;
const ACTORS = [
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
];
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
const CAPS = [
  'BALLISTIC_MISSILE',
  'CRUISE_MISSILE',
  'HYPERSONIC',
  'NUCLEAR_WEAPON',
  'NUCLEAR_MATERIAL',
  'SPACE',
  'SUBMARINE',
  'AIR_DEFENSE',
  'AIRCRAFT',
  'ARTILLERY',
  'DRONE',
  'CONVENTIONAL',
];
const COMMON = [
  'officials said the missile launch',
  'the ministry confirmed a delivery of equipment',
  'analysts expect further tests',
  'satellite imagery showed activity at the site',
  'the talks ended without agreement',
  'sanctions were announced on Tuesday',
  'the defence minister visited the region',
  'a spokesperson denied the report',
  'troops were deployed near the border',
  'the agency raised concerns about enrichment',
];
const RARE: [string, number][] = [
  ['Hwasong', 0.01],
  ['Sohae', 0.002],
  ['Yongbyon reactor', 0.005],
  ['Vostochny cosmodrome', 0.001],
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}
/** Zipf-like: index 0 is the most frequent. */
function skewed<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.min(xs.length - 1, Math.floor(xs.length * r() * r()))]!;
}

const DAY0 = Date.UTC(2024, 0, 1);
/** processDocuments' default batch: one transaction per this many documents. */
const INGEST_BATCH = 500;
const DAYS = 730;

export function seedBenchStore(
  sqlite: Database.Database,
  options: { mentions: number },
): BenchCounts {
  const r = prng(42);
  const mentionsPerDoc = 8;
  const nDocs = Math.ceil(options.mentions / mentionsPerDoc);
  const nEvents = Math.ceil(options.mentions / 10);
  const nSources = 40;
  const now = '2026-01-01T00:00:00.000Z';
  sqlite.pragma('synchronous = OFF');
  const insSource =
    sqlite.prepare(`INSERT INTO sources (id, name, kind, url, reliability, lang, interval_seconds, enabled, error_count, created_at, updated_at)
    VALUES (?, ?, 'feed', ?, ?, ?, 900, 1, 0, ?, ?)`);
  const insDoc =
    sqlite.prepare(`INSERT INTO documents (id, source_id, outlet, url, title, text, lang, published, ingested_at, content_hash, story_id, origin, extracted_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`);
  const insMention =
    sqlite.prepare(`INSERT INTO mentions (id, document_id, type, source_actor, target_actor, modality, capabilities, date, span_start, span_end, trigger_start, trigger_end, mutual, lang, published, rules, cues, confidence, event_id, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)`);
  const insEvent =
    sqlite.prepare(`INSERT INTO events (id, type, source_actor, target_actor, capabilities, date, first_seen, last_seen, modality, mention_count, independent_sources, credibility, explanation, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const counts: BenchCounts = {
    sources: nSources,
    documents: nDocs,
    mentions: 0,
    events: nEvents,
    hypotheses: 0,
    evidence: 0,
    alerts: 0,
  };

  sqlite.exec('BEGIN');
  try {
    for (let i = 0; i < nSources; i++) {
      insSource.run(
        `src-${i}`,
        `Outlet ${i}`,
        `https://outlet${i}.example/feed.xml`,
        pick(r, ['A', 'B', 'C', 'D', 'E', 'F']),
        pick(r, LANGS),
        now,
        now,
      );
    }
    const eventDay: number[] = [];
    for (let e = 0; e < nEvents; e++) {
      const day = Math.floor(r() * DAYS);
      eventDay.push(day);
      const iso = new Date(DAY0 + day * 86_400_000).toISOString();
      const last = new Date(
        DAY0 + day * 86_400_000 + Math.floor(r() * 3) * 86_400_000,
      ).toISOString();
      const caps = r() < 0.6 ? `|${skewed(r, CAPS)}|` : '';
      const src = skewed(r, ACTORS);
      insEvent.run(
        `evt-${e}`,
        skewed(r, TYPES),
        src,
        r() < 0.3
          ? null
          : skewed(
              r,
              ACTORS.filter((a) => a !== src),
            ),
        caps,
        iso.slice(0, 10),
        iso,
        last,
        pick(r, MODALITIES),
        10,
        1 + Math.floor(r() * 4),
        1 + Math.floor(r() * 6),
        '{"bench":true}',
        last,
      );
    }
    // A batch is generated, then stored as processDocuments stores it: in search-key order.
    let batch: { published: string; doc: unknown[]; mentions: unknown[][] }[] = [];
    const storeBatch = () => {
      for (const b of inSearchKeyOrder(batch, (x) => x.published)) {
        insDoc.run(...b.doc);
        for (const m of b.mentions) insMention.run(...m);
      }
      batch = [];
      sqlite.exec('COMMIT');
      // What the pipeline does after each analysed batch (analyseAndAlert).
      mergeSegments(sqlite);
      sqlite.exec('BEGIN');
    };
    for (let d = 0; d < nDocs; d++) {
      if (d > 0 && d % INGEST_BATCH === 0) storeBatch();
      const day = Math.floor(r() * DAYS);
      const published = new Date(
        DAY0 + day * 86_400_000 + Math.floor(r() * 86_400_000),
      ).toISOString();
      const lang = skewed(r, LANGS);
      const sentences: string[] = [];
      for (let s = 0; s < 5; s++) {
        let sentence = `${skewed(r, ACTORS)} ${pick(r, COMMON)}`;
        for (const [name, p] of RARE) if (r() < p) sentence += ` near ${name}`;
        sentences.push(`${sentence}.`);
      }
      const text = sentences.join(' ');
      const sourceId = `src-${Math.floor(r() * r() * nSources)}`;
      const item = { published, doc: [] as unknown[], mentions: [] as unknown[][] };
      batch.push(item);
      item.doc.push(
        `doc-${d}`,
        sourceId,
        `Outlet ${sourceId.slice(4)}`,
        `https://news.example/${d}`,
        `Report ${d}: ${sentences[0]}`,
        text,
        lang,
        published,
        published,
        `h${d}`,
        r() < 0.2 ? 'Yonhap' : null,
        published,
      );
      let offset = 0;
      for (let m = 0; m < mentionsPerDoc && counts.mentions < options.mentions; m++) {
        const sentence = sentences[m % sentences.length]!;
        const start = text.indexOf(sentence, offset % text.length);
        const caps = r() < 0.5 ? `|${skewed(r, CAPS)}|` : '';
        const src = skewed(r, ACTORS);
        const type = skewed(r, TYPES);
        item.mentions.push([
          `doc-${d}#${m}`,
          `doc-${d}`,
          type,
          src,
          r() < 0.3
            ? null
            : skewed(
                r,
                ACTORS.filter((a) => a !== src),
              ),
          pick(r, MODALITIES),
          caps,
          published.slice(0, 10),
          Math.max(0, start),
          Math.max(0, start) + sentence.length,
          null,
          null,
          lang,
          published,
          `["${lang}.trigger.${type}"]`,
          '[]',
          0.5 + r() / 2,
          r() < 0.5 ? `evt-${Math.floor(r() * nEvents)}` : null,
          published,
        ]);
        counts.mentions++;
        offset += sentence.length;
      }
    }
    storeBatch();
    const insBoard = sqlite.prepare(
      `INSERT INTO watchboards (id, title, description, definition, updated_at) VALUES (?, ?, ?, '{}', ?)`,
    );
    const insHyp = sqlite.prepare(
      `INSERT INTO hypotheses (id, board_id, title, prior, horizon_days, probability, updated_at) VALUES (?, ?, ?, ?, 90, ?, ?)`,
    );
    const insInd = sqlite.prepare(
      `INSERT INTO indicators (id, hypothesis_id, board_id, title, criteria, lr_present, lr_absent) VALUES (?, ?, ?, ?, '{}', 2, NULL)`,
    );
    const insEv = sqlite.prepare(
      `INSERT INTO evidence (id, hypothesis_id, indicator_id, event_id, at, delta_log_odds, probability_before, probability_after, explanation, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{}', ?)`,
    );
    for (let b = 0; b < 3; b++) {
      insBoard.run(`board-${b}`, `Board ${b}`, `Synthetic board ${b}`, now);
      for (let h = 0; h < 3; h++) {
        const hid = `board-${b}.h${h}`;
        insInd.run(`${hid}.i0`, hid, `board-${b}`, `Indicator of ${hid}`);
        let p = 0.2;
        for (let k = 0; k < 200; k++) {
          const before = p;
          p = Math.min(0.95, Math.max(0.05, p + (r() - 0.5) * 0.1));
          const at = new Date(DAY0 + Math.floor((k / 200) * DAYS) * 86_400_000)
            .toISOString()
            .slice(0, 10);
          const lo = (x: number) => Math.log(x / (1 - x));
          insEv.run(
            `${hid}.e${k}`,
            hid,
            `${hid}.i0`,
            `evt-${Math.floor(r() * nEvents)}`,
            at,
            lo(p) - lo(before),
            before,
            p,
            now,
          );
          counts.evidence++;
        }
        insHyp.run(hid, `board-${b}`, `Hypothesis ${h} of board ${b}`, 0.2, p, now);
        counts.hypotheses++;
      }
    }
    const insAlert = sqlite.prepare(
      `INSERT INTO alerts (id, rule_id, kind, dedup_key, title, payload, created_at, acknowledged_at, acknowledged_by) VALUES (?, 'bench', 'first-event', ?, ?, '{}', ?, NULL, NULL)`,
    );
    for (let a = 0; a < 200; a++) {
      insAlert.run(
        `alert-${a}`,
        `bench:${a}`,
        `Alert ${a}`,
        new Date(DAY0 + a * 3 * 86_400_000).toISOString(),
      );
      counts.alerts++;
    }
    sqlite.exec('COMMIT');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  }
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec('ANALYZE');
  return counts;
}
