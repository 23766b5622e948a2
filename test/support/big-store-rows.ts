/**
 * The rows of the large synthetic store (big-store.ts) that are written after the documents:
 * events with their credibility-v2 explanation, and alerts with the payloads the alert rules
 * write. Also the prepared statements and the small helpers both files use.
 * @module
 */
import type Database from 'better-sqlite3';
import type { EventType } from '../../src/domain/ontology.js';

export const DAY0 = Date.UTC(2024, 0, 1);
export const NOW = '2026-01-01T00:00:00.000Z';
export const dayIso = (day: number) => new Date(DAY0 + day * 86_400_000).toISOString().slice(0, 10);

export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}
/** Zipf-like: index 0 is the most frequent. */
export function skewed<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.min(xs.length - 1, Math.floor(xs.length * r() * r()))]!;
}

export interface GenEvent {
  readonly id: string;
  readonly type: EventType;
  readonly source: string;
  readonly target: string | null;
  readonly caps: string;
  readonly day: number;
  readonly modality: string;
  /** Linked mentions still to place in documents. */
  wanted: number;
  mentions: number;
  firstSeen: string | null;
  lastSeen: string | null;
  documents: { id: string; outlet: string; grade: string; published: string }[];
  mentionIds: string[];
}

export type Statements = ReturnType<typeof prepare>;

export function prepare(sqlite: Database.Database) {
  return {
    source:
      sqlite.prepare(`INSERT INTO sources (id, name, kind, url, reliability, lang, interval_seconds, enabled, error_count, created_at, updated_at)
      VALUES (?, ?, 'feed', ?, ?, ?, 900, 1, 0, ?, ?)`),
    document:
      sqlite.prepare(`INSERT INTO documents (id, source_id, outlet, url, title, text, lang, published, ingested_at, content_hash, story_id, origin, extracted_at, analysed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    story:
      sqlite.prepare(`INSERT INTO stories (id, first_document_id, first_published, document_count, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?)`),
    storyDoc:
      sqlite.prepare(`INSERT INTO story_documents (document_id, story_id, lang, published, signatures, actors, numbers, details, sentences, reason, matched_document_id, created_at, source, names, evidence)
      VALUES (?, ?, ?, ?, '', '', '', '', 1, ?, ?, '${NOW}', NULL, '', ?)`),
    mention:
      sqlite.prepare(`INSERT INTO mentions (id, document_id, type, source_actor, target_actor, modality, capabilities, date, span_start, span_end, trigger_start, trigger_end, mutual, lang, published, rules, cues, confidence, event_id, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)`),
    event:
      sqlite.prepare(`INSERT INTO events (id, type, source_actor, target_actor, capabilities, date, first_seen, last_seen, modality, mention_count, independent_sources, credibility, explanation, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    trend: sqlite.prepare(
      `INSERT INTO trend_counts (id, actor_a, actor_b, type, day, count) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    alert:
      sqlite.prepare(`INSERT INTO alerts (id, rule_id, kind, dedup_key, title, payload, created_at, acknowledged_at, acknowledged_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)`),
  };
}

/** An event row with a credibility-v2 explanation: one origin per outlet that carried it. */
export function insertEvent(stmts: Statements, e: GenEvent): void {
  const groups = e.documents.map((d) => ({
    id: d.id,
    label: `${d.outlet} on ${d.published.slice(0, 10)}`,
    primary: null,
    outlets: [d.outlet],
    firstPublished: d.published,
    documentIds: [d.id],
    keys: [`outlet:${d.outlet}`],
    reliability: d.grade,
    supportModality: e.modality === 'NEGATED' ? 'ASSERTED' : e.modality,
    supportMentionIds: e.mentionIds.slice(0, 3),
    denialMentionIds: [],
  }));
  const firm = groups.filter((g) => g.supportModality === 'ASSERTED').length;
  const best = groups.map((g) => g.reliability).sort()[0] ?? 'F';
  const credibility = Math.min(
    6,
    Math.max(1, (firm >= 2 ? 2 : firm === 1 ? 3 : 4) + (best <= 'B' ? 0 : 1)),
  );
  const explanation = {
    rules: 'credibility-v2',
    summary: `${groups.length} ${groups.length === 1 ? 'outlet' : 'outlets'}, ${groups.length} independent ${groups.length === 1 ? 'origin' : 'origins'}`,
    groups,
    counts: { firm, hedged: groups.length - firm, hypothetical: 0, denials: 0 },
    bestReliability: best,
    base: { value: credibility, rule: `${firm} ${firm === 1 ? 'origin' : 'origins'} asserting it` },
    denialPenalty: 0,
    credibility,
    modality: e.modality,
    independentSources: Math.max(1, groups.length),
    mentionCount: e.mentions,
  };
  const first = e.firstSeen ?? `${dayIso(e.day)}T00:00:00.000Z`;
  stmts.event.run(
    e.id,
    e.type,
    e.source,
    e.target,
    e.caps,
    dayIso(e.day),
    first,
    e.lastSeen ?? first,
    e.modality,
    e.mentions,
    Math.max(1, groups.length),
    credibility,
    JSON.stringify(explanation),
    e.lastSeen ?? first,
  );
}

/** First-event alerts for the first event of each type and pair, and watch alerts on PRK tests. */
export function insertAlerts(
  stmts: Statements,
  r: () => number,
  events: readonly GenEvent[],
): number {
  const firsts = new Set<string>();
  const watched = new Set<string>();
  let n = 0;
  for (const e of events) {
    if (e.mentions === 0) continue;
    const pair = `${e.type}:${e.source}|${e.target ?? '-'}`;
    const summary = `first ${e.type} ${e.source}${e.target ? ` → ${e.target}` : ''}, ${e.modality.toLowerCase()}`;
    const day = dayIso(e.day);
    const documentIds = e.documents.map((d) => d.id);
    const base = {
      summary,
      at: day,
      pair: [e.source, e.target ?? ''],
      eventType: e.type,
      evidenceIds: [],
      mentionIds: e.mentionIds,
      documentIds,
    };
    if (!firsts.has(pair) && e.modality === 'ASSERTED') {
      firsts.add(pair);
      stmts.alert.run(
        `alert-${n++}`,
        'first-pair',
        'first-event',
        `first-pair:first-event:${pair}`,
        `First ${e.type} ${e.source}${e.target ? ` → ${e.target}` : ''}`,
        JSON.stringify({ rule: 'first-pair', kind: 'first-event', ...base, eventIds: [e.id] }),
        e.lastSeen ?? `${day}T00:00:00.000Z`,
      );
    } else if (
      e.source === 'PRK' &&
      e.type === 'MISSILE_TEST' &&
      documentIds[0] !== undefined &&
      !watched.has(documentIds[0]) &&
      r() < 0.3
    ) {
      watched.add(documentIds[0]);
      stmts.alert.run(
        `alert-${n++}`,
        'prk-tests',
        'watch',
        `prk-tests:watch:${documentIds[0]}`,
        `Watch prk-tests: MISSILE_TEST PRK`,
        JSON.stringify({
          rule: 'prk-tests',
          kind: 'watch',
          ...base,
          matchedKeywords: [],
          eventIds: [],
        }),
        e.firstSeen ?? `${day}T00:00:00.000Z`,
      );
    }
  }
  return n;
}
