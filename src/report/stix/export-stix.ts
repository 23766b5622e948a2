/**
 * A STIX 2.1 bundle of the store (or of a filtered view), streamed object by object, standard
 * objects only: TLP marking, Vigie identity, the extension-definition of Vigie's property
 * extension, sources and actors as identities, states' countries as locations, events as reports
 * of their actors with the relationship between them, documents as reports (object_refs: their
 * source and the event reports they mention). Deterministic: the same store and filter give the
 * same bytes.
 * @module
 */
import { sql } from 'kysely';
import { readAttribution } from '../../domain/attribution.js';
import type { Store } from '../../store/open-store.js';
import { canonicalJson } from '../canonical-json.js';
import { scanTable } from '../scan-table.js';
import { eventCondition, narrowsEvents, type ExportFilter } from '../export/export-filter.js';
import { inPages } from '../export/in-pages.js';
import { stixId } from './stix-ids.js';
import {
  actorIdentity,
  actorLocatedAt,
  actorLocation,
  documentReport,
  eventObjects,
  eventRef,
  reportAttribution,
  sourceIdentity,
  sourceRef,
} from './stix-objects.js';
import {
  vigieExtensionDefinition,
  tlpMarking,
  tlpMarkingId,
  vigieIdentity,
  type TlpLevel,
} from './stix-static.js';

export interface StixExportOptions extends ExportFilter {
  /** Default `clear`. */
  readonly tlp?: TlpLevel;
}

export async function* exportStixBundle(
  store: Store,
  options: StixExportOptions = {},
): AsyncGenerator<string> {
  const level = options.tlp ?? 'clear';
  const marking = tlpMarkingId(level);
  const bundleId = stixId('bundle', `vigie:${canonicalJson({ ...options, tlp: level })}`);
  yield `{"id":${JSON.stringify(bundleId)},"objects":[\n`;
  let first = true;
  const emit = (o: Record<string, unknown>) => {
    const line = `${first ? '' : ',\n'}${canonicalJson(o)}`;
    first = false;
    return line;
  };
  yield emit(tlpMarking(level)) + emit(vigieIdentity()) + emit(vigieExtensionDefinition(marking));

  const sourceIds = new Set<string>();
  for await (const s of scanTable(store, { name: 'sources', key: ['id'] })) {
    sourceIds.add(String(s.id));
    yield emit(sourceIdentity(s, marking));
  }

  const where = eventCondition(options);
  const filtered = where ? sql`WHERE ${where}` : sql``;
  const actors = await sql<{ code: string }>`SELECT code FROM (
      SELECT source_actor AS code FROM events ${filtered}
      UNION SELECT target_actor AS code FROM events ${filtered}) a
    WHERE code IS NOT NULL`.execute(store.db);
  for (const code of actors.rows.map((r) => r.code).sort()) {
    let chunk = emit(actorIdentity(code, marking));
    const location = actorLocation(code, marking);
    const locatedAt = actorLocatedAt(code, marking);
    if (location && locatedAt) chunk += emit(location) + emit(locatedAt);
    yield chunk;
  }

  const events = scanTable(store, { name: 'events', key: ['id'] }, where ? { where } : {});
  for await (const page of inPages(events, 1000)) {
    let chunk = '';
    for (const e of page) for (const obj of eventObjects(e, marking)) chunk += emit(obj);
    yield chunk;
  }

  const docWhere = documentCondition(options);
  const documents = scanTable(
    store,
    { name: 'documents', key: ['id'] },
    docWhere ? { where: docWhere } : {},
  );
  for await (const page of inPages(documents, 500)) {
    const ids = page.map((d) => String(d.id));
    const eventFilter = where ? sql`AND event_id IN (SELECT id FROM events WHERE ${where})` : sql``;
    const links = await sql<{
      document_id: string;
      event_id: string;
      attribution: string | null;
    }>`SELECT DISTINCT document_id, event_id, attribution FROM mentions
      WHERE event_id IS NOT NULL AND document_id IN (${sql.join(ids)}) ${eventFilter}`.execute(
      store.db,
    );
    const byDoc = new Map<string, Set<string>>();
    // Whom each document attributes each event to (mentions.attribution), once per distinct one.
    const attributions = new Map<string, Map<string, Record<string, unknown>>>();
    for (const l of links.rows) {
      byDoc.set(l.document_id, (byDoc.get(l.document_id) ?? new Set()).add(eventRef(l.event_id)));
      const a = readAttribution(l.attribution);
      if (!a) continue;
      const entry = reportAttribution(l.event_id, a);
      const own = attributions.get(l.document_id) ?? new Map();
      own.set(canonicalJson(entry), entry);
      attributions.set(l.document_id, own);
    }
    let chunk = '';
    for (const d of page) {
      const refs = [...(byDoc.get(String(d.id)) ?? [])].sort();
      if (d.source_id && sourceIds.has(String(d.source_id)))
        refs.unshift(sourceRef(String(d.source_id)));
      const own = attributions.get(String(d.id));
      const listed = own ? [...own].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v) : [];
      chunk += emit(documentReport(d, refs, marking, listed));
    }
    yield chunk;
  }
  yield `\n],"type":"bundle"}\n`;
}

/**
 * Documents published in the period; under any other filter (a board, the events page's
 * filters), those that mention one of the kept events.
 */
function documentCondition(filter: ExportFilter) {
  const parts = [];
  if (filter.since) parts.push(sql`published >= ${filter.since}`);
  if (narrowsEvents(filter)) {
    const events = eventCondition({ ...filter, since: undefined })!;
    parts.push(
      sql`id IN (SELECT document_id FROM mentions WHERE event_id IN (SELECT id FROM events WHERE ${events}))`,
    );
  }
  return parts.length > 0 ? sql.join(parts, sql` AND `) : undefined;
}
