/**
 * The fixed objects of every Vigie bundle: the TLP 2.0 marking definitions (as published by the
 * OASIS CTI TC; consumers recognise them by id), Vigie's own identity, and the
 * extension-definition of Vigie's property extension, which carries Vigie's own fields on
 * standard objects (event reports, their actor relationships, document reports; docs/exports.md).
 * @module
 */
import { stixId } from './stix-ids.js';

export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

const TLP_IDS: Readonly<Record<TlpLevel, string>> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};
const TLP_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

export function tlpMarking(level: TlpLevel): Record<string, unknown> {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP_IDS[level],
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${level.toUpperCase()}`,
    extensions: {
      [TLP_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: level },
    },
  };
}

export function tlpMarkingId(level: TlpLevel): string {
  return TLP_IDS[level];
}

/** A fixed creation time for Vigie's own objects, so bundles stay byte-stable. */
export const VIGIE_EPOCH = '2024-01-01T00:00:00.000Z';
export const VIGIE_IDENTITY_ID = stixId('identity', 'vigie');
export const VIGIE_EXTENSION_ID = stixId('extension-definition', 'vigie-properties/2.0');

export function vigieIdentity(): Record<string, unknown> {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: VIGIE_IDENTITY_ID,
    created: VIGIE_EPOCH,
    modified: VIGIE_EPOCH,
    name: 'Vigie',
    identity_class: 'system',
    description: 'Vigie multilingual early-warning system (exporter of this bundle).',
  };
}

/**
 * The properties the extension may carry, by the object that carries them: an event's report
 * (ontology type, actors, modality, counts, origins, Admiralty credibility), the relationship
 * between its actors (modality), a document's report (whom it attributes each event to).
 */
export const EXTENSION_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Vigie property extension 2.0',
  type: 'object',
  required: ['extension_type'],
  properties: {
    extension_type: { const: 'property-extension' },
    event_id: { type: 'string', description: 'Vigie event id' },
    event_type: { type: 'string', description: 'ontology v1 event type, e.g. MISSILE_TEST' },
    source_actor: { type: 'string', description: 'ISO alpha-3 or organisation code' },
    target_actor: { type: 'string' },
    capabilities: { type: 'array', items: { type: 'string' } },
    modality: { enum: ['ASSERTED', 'HEDGED', 'NEGATED', 'HYPOTHETICAL', 'PLANNED'] },
    event_date: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' },
    first_seen: { type: 'string', format: 'date-time' },
    last_seen: { type: 'string', format: 'date-time' },
    mention_count: { type: 'integer', minimum: 0 },
    independent_sources: { type: 'integer', minimum: 0 },
    credibility: { type: 'integer', minimum: 1, maximum: 6 },
    origin_summary: { type: 'string' },
    origins: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          label: { type: 'string' },
          primary_source: { type: 'string' },
          primary_actor: { type: 'string' },
          outlets: { type: 'array', items: { type: 'string' } },
          documents: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    attributions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['event_ref', 'basis'],
        properties: {
          event_ref: { type: 'string' },
          basis: { type: 'string' },
          actor: { type: 'string' },
          source: { type: 'string' },
          conduit: { type: 'string' },
        },
      },
    },
  },
} as const;

export function vigieExtensionDefinition(marking: string): Record<string, unknown> {
  return {
    type: 'extension-definition',
    spec_version: '2.1',
    id: VIGIE_EXTENSION_ID,
    created_by_ref: VIGIE_IDENTITY_ID,
    created: VIGIE_EPOCH,
    modified: VIGIE_EPOCH,
    name: 'Vigie event properties',
    description:
      'Vigie fields on standard STIX objects: on an event report the ontology v1 type, actors, capabilities, modality, counts, independent origins and Admiralty credibility (1-6); on a relationship between actors its modality; on a document report whom it attributes each event to.',
    schema: JSON.stringify(EXTENSION_SCHEMA),
    version: '2.0',
    extension_types: ['property-extension'],
    object_marking_refs: [marking],
  };
}
