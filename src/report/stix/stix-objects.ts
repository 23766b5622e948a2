/**
 * Store rows → STIX 2.1 objects. Pure: ids are UUIDv5 of stable keys (stix-ids.ts).
 * @module
 */
import type { MentionAttribution } from '../../domain/attribution.js';
import { ORGANISATIONS } from '../../domain/ontology.js';
import type { Row } from '../scan-table.js';
import { decodeCodes } from '../../store/schema.js';
import { confidenceFromCredibility, stixId, stixTime } from './stix-ids.js';
import { EVENT_EXTENSION_ID, VIGIE_EPOCH, VIGIE_IDENTITY_ID } from './stix-static.js';

type Obj = Record<string, unknown>;

const ORGS: ReadonlySet<string> = new Set(ORGANISATIONS);

export const sourceRef = (sourceId: string) => stixId('identity', `source:${sourceId}`);
export const actorRef = (code: string) => stixId('identity', `actor:${code}`);
export const eventRef = (eventId: string) => stixId('x-vigie-event', `event:${eventId}`);
export const documentRef = (documentId: string) => stixId('report', `document:${documentId}`);

function common(marking: string): Obj {
  return { created_by_ref: VIGIE_IDENTITY_ID, object_marking_refs: [marking] };
}

export function sourceIdentity(s: Row, marking: string): Obj {
  const created = stixTime(s.created_at as string, VIGIE_EPOCH);
  return {
    type: 'identity',
    spec_version: '2.1',
    id: sourceRef(String(s.id)),
    ...common(marking),
    created,
    modified: stixTime(s.updated_at as string, created),
    name: String(s.name),
    identity_class: 'organization',
    roles: ['news-source'],
    description: `News source (${String(s.kind)}); Admiralty source reliability ${String(s.reliability)}.`,
    labels: [`reliability:${String(s.reliability)}`],
    ...(s.url
      ? { external_references: [{ source_name: String(s.name), url: String(s.url) }] }
      : {}),
  };
}

export function actorIdentity(code: string, marking: string): Obj {
  const org = ORGS.has(code);
  return {
    type: 'identity',
    spec_version: '2.1',
    id: actorRef(code),
    ...common(marking),
    created: VIGIE_EPOCH,
    modified: VIGIE_EPOCH,
    name: code,
    identity_class: org ? 'organization' : 'nation',
    description: org ? `International organisation ${code}` : `State (ISO 3166-1 alpha-3 ${code})`,
  };
}

export function eventObject(e: Row, marking: string): Obj {
  const firstSeen = stixTime(e.first_seen as string, VIGIE_EPOCH);
  const confidence = confidenceFromCredibility(Number(e.credibility));
  const source = e.source_actor ? String(e.source_actor) : null;
  const target = e.target_actor ? String(e.target_actor) : null;
  return {
    type: 'x-vigie-event',
    spec_version: '2.1',
    id: eventRef(String(e.id)),
    ...common(marking),
    created: firstSeen,
    modified: stixTime(e.updated_at as string, firstSeen),
    ...(confidence === undefined ? {} : { confidence }),
    name: `${String(e.type)} ${source ?? '?'}${target ? ` → ${target}` : ''}`,
    event_type: String(e.type),
    ...(source ? { source_actor: source } : {}),
    ...(target ? { target_actor: target } : {}),
    capabilities: decodeCodes(e.capabilities as string),
    modality: String(e.modality),
    ...(e.date ? { event_date: String(e.date) } : {}),
    first_seen: firstSeen,
    last_seen: stixTime(e.last_seen as string, firstSeen),
    mention_count: Number(e.mention_count),
    independent_sources: Number(e.independent_sources),
    ...eventOrigins(e.explanation),
    credibility: Number(e.credibility),
    external_references: [{ source_name: 'vigie', external_id: String(e.id) }],
    extensions: { [EVENT_EXTENSION_ID]: { extension_type: 'new-sdo' } },
  };
}

/**
 * The event's independent origins from its stored explanation (credibility-v2): the summary in
 * words and, per origin with support, its label, primary source, outlets and document ids.
 */
function eventOrigins(explanation: unknown): Obj {
  let parsed: {
    summary?: unknown;
    groups?: {
      label?: string;
      primary?: { key: string; actor: string | null } | null;
      outlets?: string[];
      documentIds?: string[];
      supportModality?: string | null;
    }[];
  };
  try {
    parsed = JSON.parse(String(explanation)) as typeof parsed;
  } catch {
    return {};
  }
  if (typeof parsed.summary !== 'string' || !Array.isArray(parsed.groups)) return {};
  return {
    origin_summary: parsed.summary,
    origins: parsed.groups
      .filter((g) => g.supportModality !== null && g.supportModality !== undefined)
      .map((g) => ({
        label: g.label ?? '',
        ...(g.primary ? { primary_source: g.primary.key } : {}),
        ...(g.primary?.actor ? { primary_actor: g.primary.actor } : {}),
        outlets: g.outlets ?? [],
        documents: g.documentIds ?? [],
      })),
  };
}

/** One mention's attribution as a report carries it (`x_vigie_attributions`). */
export function reportAttribution(eventId: string, a: MentionAttribution): Obj {
  return {
    event_ref: eventRef(eventId),
    basis: a.basis,
    ...(a.actor ? { actor: a.actor } : {}),
    ...(a.source ? { source: a.source } : {}),
    ...(a.conduit ? { conduit: a.conduit } : {}),
  };
}

export function relationship(
  kind: string,
  from: string,
  to: string,
  created: string,
  marking: string,
): Obj {
  return {
    type: 'relationship',
    spec_version: '2.1',
    id: stixId('relationship', `${kind}:${from}:${to}`),
    ...common(marking),
    created,
    modified: created,
    relationship_type: kind,
    source_ref: from,
    target_ref: to,
  };
}

export function documentReport(
  d: Row,
  refs: readonly string[],
  marking: string,
  attributions: readonly Obj[] = [],
): Obj {
  const ingested = stixTime(d.ingested_at as string, VIGIE_EPOCH);
  const published = stixTime(d.published as string, ingested);
  const title = d.title ? String(d.title) : `Document ${String(d.id)}`;
  return {
    type: 'report',
    spec_version: '2.1',
    id: documentRef(String(d.id)),
    ...common(marking),
    created: ingested,
    modified: ingested,
    name: title,
    report_types: ['threat-report'],
    published,
    ...(d.lang ? { lang: String(d.lang) } : {}),
    object_refs: refs.length > 0 ? [...refs] : [VIGIE_IDENTITY_ID],
    ...(attributions.length > 0 ? { x_vigie_attributions: [...attributions] } : {}),
    external_references: [
      {
        source_name: d.outlet ? String(d.outlet) : 'vigie',
        external_id: String(d.id),
        ...(d.url ? { url: String(d.url) } : {}),
      },
    ],
  };
}
