/**
 * The rows of the event and mention exports, one page of value arrays at a time, in the column
 * order below: the CSV writer and the JSONL view writer (export-csv.ts, export-view-jsonl.ts)
 * format the same values. Lists (capabilities, outlets, links) stay arrays here.
 * @module
 */
import { readAttribution } from '../../domain/attribution.js';
import type { Store } from '../../store/open-store.js';
import { decodeCodes } from '../../store/schema.js';
import { scanTable, type Row } from '../scan-table.js';
import { eventCondition, mentionCondition, type ExportFilter } from './export-filter.js';
import { inPages } from './in-pages.js';

export const EVENT_COLUMNS = [
  'event_id',
  'date',
  'type',
  'source',
  'target',
  'capabilities',
  'modality',
  'credibility',
  'independent_sources',
  'mention_count',
  'first_seen',
  'last_seen',
  'outlets',
  'links',
] as const;

export const MENTION_COLUMNS = [
  'mention_id',
  'document_id',
  'event_id',
  'date',
  'published',
  'type',
  'source',
  'target',
  'capabilities',
  'modality',
  'mutual',
  'lang',
  'outlet',
  'link',
  'span_start',
  'span_end',
  'quote',
  'confidence',
  'attributed_actor',
  'attributed_source',
  'attribution_basis',
  'attribution_conduit',
] as const;

const PAGE = 1000;

export type Values = unknown[];

export async function* eventRowPages(
  store: Store,
  filter: ExportFilter = {},
): AsyncGenerator<Values[]> {
  const where = eventCondition(filter);
  const events = scanTable(store, { name: 'events', key: ['id'] }, where ? { where } : {});
  for await (const page of inPages(events, PAGE)) {
    const ids = page.map((e) => String(e.id));
    const sources = await store.db
      .selectFrom('mentions')
      .innerJoin('documents', 'documents.id', 'mentions.document_id')
      .select(['mentions.event_id', 'documents.outlet', 'documents.url'])
      .where('mentions.event_id', 'in', ids)
      .execute();
    const byEvent = new Map<string, { outlets: Set<string>; links: Set<string> }>();
    for (const s of sources) {
      const key = s.event_id ?? '';
      const entry = byEvent.get(key) ?? { outlets: new Set(), links: new Set() };
      if (s.outlet) entry.outlets.add(s.outlet);
      if (s.url) entry.links.add(s.url);
      byEvent.set(key, entry);
    }
    yield page.map((e) => {
      const extra = byEvent.get(String(e.id));
      return [
        e.id,
        e.date,
        e.type,
        e.source_actor,
        e.target_actor,
        decodeCodes(e.capabilities as string),
        e.modality,
        e.credibility,
        e.independent_sources,
        e.mention_count,
        e.first_seen,
        e.last_seen,
        [...(extra?.outlets ?? [])].sort(),
        [...(extra?.links ?? [])].sort(),
      ];
    });
  }
}

export async function* mentionRowPages(
  store: Store,
  filter: ExportFilter = {},
): AsyncGenerator<Values[]> {
  const where = mentionCondition(filter);
  const mentions = scanTable(store, { name: 'mentions', key: ['id'] }, where ? { where } : {});
  for await (const page of inPages(mentions, PAGE)) {
    const docIds = [...new Set(page.map((m) => String(m.document_id)))];
    const docs = await store.db
      .selectFrom('documents')
      .select(['id', 'outlet', 'url', 'text'])
      .where('id', 'in', docIds)
      .execute();
    const byId = new Map(docs.map((d) => [d.id, d]));
    yield page.map((m) => mentionValues(m, byId.get(String(m.document_id))));
  }
}

function mentionValues(
  m: Row,
  doc: { outlet: string | null; url: string | null; text: string } | undefined,
): Values {
  const start = Number(m.span_start);
  const end = Number(m.span_end);
  const attribution = readAttribution(m.attribution as string | null);
  return [
    m.id,
    m.document_id,
    m.event_id,
    m.date,
    m.published,
    m.type,
    m.source_actor,
    m.target_actor,
    decodeCodes(m.capabilities as string),
    m.modality,
    m.mutual,
    m.lang,
    doc?.outlet ?? null,
    doc?.url ?? null,
    start,
    end,
    doc ? doc.text.slice(start, end) : null,
    m.confidence,
    attribution?.actor ?? null,
    attribution?.source ?? null,
    attribution?.basis ?? null,
    attribution?.conduit ?? null,
  ];
}
