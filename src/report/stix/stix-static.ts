/**
 * The fixed objects of every Vigie bundle: the TLP 2.0 marking definitions (as published by the
 * OASIS CTI TC; consumers recognise them by id), Vigie's own identity, and the
 * extension-definition that declares the `x-vigie-event` object type (docs/exports.md).
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
export const EVENT_EXTENSION_ID = stixId('extension-definition', 'x-vigie-event/1.0');

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

/** The property list documented in docs/exports.md ("x-vigie-event"). */
export const EVENT_PROPERTIES = [
  'name',
  'event_type',
  'source_actor',
  'target_actor',
  'capabilities',
  'modality',
  'event_date',
  'first_seen',
  'last_seen',
  'mention_count',
  'independent_sources',
  'origin_summary',
  'origins',
  'credibility',
] as const;

export function eventExtensionDefinition(marking: string): Record<string, unknown> {
  return {
    type: 'extension-definition',
    spec_version: '2.1',
    id: EVENT_EXTENSION_ID,
    created_by_ref: VIGIE_IDENTITY_ID,
    created: VIGIE_EPOCH,
    modified: VIGIE_EPOCH,
    name: 'x-vigie-event',
    description:
      'A proliferation-relevant event (ontology v1 type, actors, capabilities, modality) resolved by Vigie from news mentions; credibility is the Admiralty 1-6 scale.',
    schema: `Vigie docs/exports.md#x-vigie-event (JSON schema): properties ${EVENT_PROPERTIES.join(', ')}`,
    version: '1.0',
    extension_types: ['new-sdo'],
    object_marking_refs: [marking],
  };
}
