/**
 * Codes of the Vigie event ontology v1 (../shared/spec/ontology.md).
 * Codes are stable identifiers: never rename one.
 * @module
 */
import { z } from 'zod';

export const EVENT_TYPES = [
  'AGREEMENT',
  'MEETING',
  'MILITARY_COOPERATION',
  'ARMS_TRANSFER',
  'TECH_TRANSFER',
  'TROOP_DEPLOYMENT',
  'MISSILE_TEST',
  'NUCLEAR_TEST',
  'SPACE_LAUNCH',
  'WEAPONS_DEVELOPMENT',
  'REQUEST',
  'SANCTION',
  'CONCERN',
  'THREAT',
  'ATTACK',
  'REJECTION',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const EventTypeSchema = z.enum(EVENT_TYPES);

/** Types whose two roles are unordered participants. */
export const SYMMETRIC_TYPES: ReadonlySet<EventType> = new Set([
  'AGREEMENT',
  'MEETING',
  'MILITARY_COOPERATION',
]);

/** Types whose source alone is the actor (target is always null). */
export const SOLO_TYPES: ReadonlySet<EventType> = new Set([
  'MISSILE_TEST',
  'NUCLEAR_TEST',
  'SPACE_LAUNCH',
  'WEAPONS_DEVELOPMENT',
]);

/** PLOVER and CAMEO roots, for exports and GDELT mapping. */
export const EVENT_TYPE_CODES: Readonly<Record<EventType, { plover: string; cameo: string }>> = {
  AGREEMENT: { plover: 'AGREE', cameo: '05' },
  MEETING: { plover: 'CONSULT', cameo: '04' },
  MILITARY_COOPERATION: { plover: 'COOPERATE', cameo: '06' },
  ARMS_TRANSFER: { plover: 'AID', cameo: '07' },
  TECH_TRANSFER: { plover: 'AID', cameo: '06' },
  TROOP_DEPLOYMENT: { plover: 'MOBILIZE', cameo: '15' },
  MISSILE_TEST: { plover: 'MOBILIZE', cameo: '15' },
  NUCLEAR_TEST: { plover: 'MOBILIZE', cameo: '15' },
  SPACE_LAUNCH: { plover: 'MOBILIZE', cameo: '15' },
  WEAPONS_DEVELOPMENT: { plover: 'MOBILIZE', cameo: '15' },
  REQUEST: { plover: 'REQUEST', cameo: '02' },
  SANCTION: { plover: 'SANCTION', cameo: '16' },
  CONCERN: { plover: 'ACCUSE', cameo: '11' },
  THREAT: { plover: 'THREATEN', cameo: '13' },
  ATTACK: { plover: 'ASSAULT', cameo: '19' },
  REJECTION: { plover: 'REJECT', cameo: '12' },
};

export const MODALITIES = ['ASSERTED', 'HEDGED', 'NEGATED', 'HYPOTHETICAL', 'PLANNED'] as const;
export type Modality = (typeof MODALITIES)[number];
export const ModalitySchema = z.enum(MODALITIES);

export const CAPABILITIES = [
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
] as const;
export type Capability = (typeof CAPABILITIES)[number];
export const CapabilitySchema = z.enum(CAPABILITIES);

/** International organisations the ontology scores as actors. */
export const ORGANISATIONS = [
  'UN',
  'UNSC',
  'IAEA',
  'NATO',
  'EU',
  'G7',
  'MSMT',
  'ASEAN',
  'CTBTO',
] as const;

/**
 * Organisations that monitor, inspect or convene: they report arms, technology and troops
 * moving, and are never the sender or the receiver of such a move.
 */
export const MONITORING_BODIES: ReadonlySet<string> = new Set([
  'UN',
  'UNSC',
  'IAEA',
  'MSMT',
  'CTBTO',
  'ASEAN',
  'G7',
]);

/**
 * An actor code: ISO 3166-1 alpha-3 for states, or one of ORGANISATIONS.
 * Validated by shape; the gazetteer decides which codes exist.
 */
export const ActorCodeSchema = z
  .string()
  .regex(
    /^(?:[A-Z]{3}|UN|EU|G7|UNSC|IAEA|NATO|MSMT|ASEAN|CTBTO)$/,
    'expected an ISO alpha-3 or organisation code',
  );
export type ActorCode = string;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const PartialDateSchema = z
  .string()
  .regex(
    /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/,
    'expected YYYY, YYYY-MM or YYYY-MM-DD',
  );
export type PartialDate = string;

/** Admiralty scale: source reliability A–F, information credibility 1–6. */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY_GRADES)[number];
export const ReliabilitySchema = z.enum(RELIABILITY_GRADES);
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;
