/**
 * Whether an event type is cooperation or conflict between its two actors, for the network's
 * edge colours (the ontology's PLOVER/CAMEO families: 02–08 cooperative, 11–19 conflictual).
 * Types with a single actor (tests, launches, development) draw no edge.
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

export interface PairEdge {
  readonly a: string;
  readonly b: string;
  readonly events: number;
  readonly cooperation: number;
  readonly conflict: number;
}

/** Actor pairs (unordered) with their event counts, heaviest first. */
export function actorPairs(
  events: readonly { type: string; source: string | null; target: string | null }[],
): PairEdge[] {
  const edges = new Map<
    string,
    { a: string; b: string; events: number; cooperation: number; conflict: number }
  >();
  for (const e of events) {
    if (!e.source || !e.target || e.source === e.target) continue;
    const [a, b] = [e.source, e.target].sort() as [string, string];
    const key = `${a}|${b}`;
    const edge = edges.get(key) ?? { a, b, events: 0, cooperation: 0, conflict: 0 };
    edge.events++;
    const tone = toneOf(e.type);
    if (tone) edge[tone]++;
    edges.set(key, edge);
  }
  return [...edges.values()].sort(
    (x, y) => y.events - x.events || (x.a + x.b).localeCompare(y.a + y.b),
  );
}
