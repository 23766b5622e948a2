/**
 * Cooperation–conflict weight of each event type for a pair of actors, on a Goldstein-like scale
 * from −10 (most hostile) to +10 (most cooperative). Values follow the Goldstein (1992) weights of
 * the matching CAMEO roots, adjusted to read as "between these two actors" (docs/trends.md).
 * @module
 */
import type { EventType } from '../../domain/ontology.js';

export const COOPERATION_WEIGHTS: Readonly<Record<EventType, number>> = {
  AGREEMENT: 8, // CAMEO 05/057 sign formal agreement: +8
  MEETING: 4, // CAMEO 04 consult: +1..+4 (summits weigh most)
  MILITARY_COOPERATION: 7, // CAMEO 06 material cooperation (military): +6..+7.4
  ARMS_TRANSFER: 7.4, // CAMEO 07 provide aid (military): +7.4
  TECH_TRANSFER: 7.4, // same root as military aid
  TROOP_DEPLOYMENT: 6, // sent to a partner's side: cooperation between sender and host
  MISSILE_TEST: -4, // CAMEO 15 show of force (solo): −4..−7.2
  NUCLEAR_TEST: -7.2,
  SPACE_LAUNCH: -1, // dual-use signal, mild
  WEAPONS_DEVELOPMENT: -2,
  REQUEST: 3, // CAMEO 02 appeal: +3
  SANCTION: -8, // CAMEO 16 reduce relations / sanction: −4..−8
  CONCERN: -2, // CAMEO 11 disapprove: −2
  THREAT: -7, // CAMEO 13 threaten: −4.4..−7
  ATTACK: -10, // CAMEO 19 fight: −10
  REJECTION: -4, // CAMEO 12 reject: −4
};
