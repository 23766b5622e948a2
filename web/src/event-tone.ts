/**
 * Whether an event type is cooperation or conflict between its two actors, for the timeline's
 * dot colours (the ontology's PLOVER/CAMEO families: 02–08 cooperative, 11–19 conflictual).
 * Types with a single actor (tests, launches, development) have no tone. The network does not
 * use it: it draws what the reports say (asserted, hedged, denied; edge-kinds.ts).
 * @module
 */
export type Tone = 'cooperation' | 'conflict';

const TONES: Readonly<Record<string, Tone>> = {
  AGREEMENT: 'cooperation',
  MEETING: 'cooperation',
  MILITARY_COOPERATION: 'cooperation',
  ARMS_TRANSFER: 'cooperation',
  TECH_TRANSFER: 'cooperation',
  TROOP_DEPLOYMENT: 'cooperation',
  REQUEST: 'cooperation',
  SANCTION: 'conflict',
  CONCERN: 'conflict',
  THREAT: 'conflict',
  ATTACK: 'conflict',
  REJECTION: 'conflict',
};

export function toneOf(type: string): Tone | null {
  return TONES[type] ?? null;
}
