/**
 * Store rows → standard STIX 2.1 objects. An event is a `report` (report_types threat-report)
 * whose object_refs are its actors' identities and locations and the `relationship` between the
 * actors; a document is a `report` of its source and the event reports it mentions. Vigie's own
 * fields ride on them through the declared property extension (stix-static.ts), never as bare
 * custom properties or a custom object type. Pure: ids are UUIDv5 of stable keys (stix-ids.ts).
 * @module
 */
import { readFileSync } from 'node:fs';
import type { MentionAttribution } from '../../domain/attribution.js';
import { ORGANISATIONS } from '../../domain/ontology.js';
import type { Row } from '../scan-table.js';
import { decodeCodes } from '../../store/schema.js';
import { confidenceFromCredibility, stixId, stixTime } from './stix-ids.js';
import { VIGIE_EPOCH, VIGIE_EXTENSION_ID, VIGIE_IDENTITY_ID } from './stix-static.js';

type Obj = Record<string, unknown>;

const ORGS: ReadonlySet<string> = new Set(ORGANISATIONS);
/** ISO 3166-1 alpha-3 → alpha-2 (a STIX location's country is alpha-2); shared with the dashboard. */
const ALPHA2: Readonly<Record<string, string>> = (
  JSON.parse(readFileSync(new URL('../../../data/iso-alpha2.json', import.meta.url), 'utf8')) as {
    codes: Record<string, string>;
  }
).codes;

export const sourceRef = (sourceId: string) => stixId('identity', `source:${sourceId}`);
export const actorRef = (code: string) => stixId('identity', `actor:${code}`);
export const locationRef = (code: string) => stixId('location', `country:${code}`);
export const eventRef = (eventId: string) => stixId('report', `event:${eventId}`);
export const documentRef = (documentId: string) => stixId('report', `document:${documentId}`);

function common(marking: string): Obj {
  return { created_by_ref: VIGIE_IDENTITY_ID, object_marking_refs: [marking] };
}

function vigie(properties: Obj): Obj {
  return {
    extensions: { [VIGIE_EXTENSION_ID]: { extension_type: 'property-extension', ...properties } },
  };
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

/** A state's country as a `location` (alpha-2), or null for organisations and unknown codes. */
export function actorLocation(code: string, marking: string): Obj | null {
  const country = ALPHA2[code];
  if (!country) return null;
  return {
    type: 'location',
    spec_version: '2.1',
    id: locationRef(code),
    ...common(marking),
    created: VIGIE_EPOCH,
    modified: VIGIE_EPOCH,
    name: code,
    country,
  };
}

/** The state identity "located-at" its country. */
export function actorLocatedAt(code: string, marking: string): Obj | null {
  if (!ALPHA2[code]) return null;
  return relationship('located-at', actorRef(code), locationRef(code), VIGIE_EPOCH, marking);
}

export function hasLocation(code: string): boolean {
  return code in ALPHA2;
}

const words = (type: string) => type.toLowerCase().replace(/_/g, ' ');

/**
 * An event's objects: the relationship from its source to its target actor (two-actor events),
 * then the event report referencing the actors, their locations and that relationship.
 */
export function eventObjects(e: Row, marking: string): Obj[] {
  const firstSeen = stixTime(e.first_seen as string, VIGIE_EPOCH);
  const lastSeen = stixTime(e.last_seen as string, firstSeen);
  const confidence = confidenceFromCredibility(Number(e.credibility));
  const source = e.source_actor ? String(e.source_actor) : null;
  const target = e.target_actor ? String(e.target_actor) : null;
  const type = String(e.type);
  const modality = String(e.modality);
  const id = String(e.id);
  const actors = [...new Set([source, target].filter((a): a is string => a !== null))];
  const refs = actors.flatMap((a) => [actorRef(a), ...(hasLocation(a) ? [locationRef(a)] : [])]);
  const out: Obj[] = [];
  if (source && target && source !== target) {
    const link: Obj = {
      ...relationship(
        type.toLowerCase().replace(/_/g, '-'),
        actorRef(source),
        actorRef(target),
        firstSeen,
        marking,
        `event:${id}`,
      ),
      modified: stixTime(e.updated_at as string, firstSeen),
      description: `${words(type)} ${source} → ${target}, ${modality.toLowerCase()} in the reports`,
      start_time: firstSeen,
      ...(lastSeen > firstSeen ? { stop_time: lastSeen } : {}),
      ...(confidence === undefined ? {} : { confidence }),
      ...vigie({ event_id: id, event_type: type, modality }),
    };
    out.push(link);
    refs.push(String(link.id));
  }
  out.push({
    type: 'report',
    spec_version: '2.1',
    id: eventRef(id),
    ...common(marking),
    created: firstSeen,
    modified: stixTime(e.updated_at as string, firstSeen),
    ...(confidence === undefined ? {} : { confidence }),
    name: `${words(type)}: ${source ?? '?'}${target ? ` → ${target}` : ''} (${modality.toLowerCase()})`,
    description: `Event resolved by Vigie from ${Number(e.mention_count)} mention(s), ${Number(e.independent_sources)} independent source(s); Admiralty credibility ${Number(e.credibility)}.`,
    report_types: ['threat-report'],
    published: firstSeen,
    object_refs: refs.length > 0 ? refs : [VIGIE_IDENTITY_ID],
    labels: [`event-type:${type}`, `modality:${modality}`],
    external_references: [{ source_name: 'vigie', external_id: id }],
    ...vigie({
      event_id: id,
      event_type: type,
      ...(source ? { source_actor: source } : {}),
      ...(target ? { target_actor: target } : {}),
      capabilities: decodeCodes(e.capabilities as string),
      modality,
      ...(e.date ? { event_date: String(e.date) } : {}),
      first_seen: firstSeen,
      last_seen: lastSeen,
      mention_count: Number(e.mention_count),
      independent_sources: Number(e.independent_sources),
      credibility: Number(e.credibility),
      ...eventOrigins(e.explanation),
    }),
  });
  return out;
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

/** One mention's attribution as a document report carries it (in the Vigie extension). */
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
  key = '',
): Obj {
  return {
    type: 'relationship',
    spec_version: '2.1',
    id: stixId('relationship', `${kind}:${from}:${to}${key ? `:${key}` : ''}`),
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
    ...(attributions.length > 0 ? vigie({ attributions: [...attributions] }) : {}),
    external_references: [
      {
        source_name: d.outlet ? String(d.outlet) : 'vigie',
        external_id: String(d.id),
        ...(d.url ? { url: String(d.url) } : {}),
      },
    ],
  };
}
