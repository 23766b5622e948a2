/**
 * Actor pairs split by what the reports say happened: asserted, hedged (hedged, hypothetical or
 * planned: not reported as done) or denied. A denied transfer is not cooperation, so the network
 * draws each kind apart instead of colouring by event type.
 * @module
 */
export type EdgeKind = 'asserted' | 'hedged' | 'denied';
export const EDGE_KINDS: readonly EdgeKind[] = ['asserted', 'hedged', 'denied'];

export function edgeKindOf(modality: string): EdgeKind {
  if (modality === 'NEGATED') return 'denied';
  if (modality === 'ASSERTED') return 'asserted';
  return 'hedged';
}

export interface KindedPair {
  readonly a: string;
  readonly b: string;
  readonly events: number;
  readonly kinds: Readonly<Record<EdgeKind, number>>;
  /** Events per type, for the tooltip: [type, count], most first. */
  readonly types: readonly (readonly [string, number])[];
}

/** Unordered actor pairs with their events split by kind, heaviest first. */
export function kindedPairs(
  events: readonly {
    type: string;
    modality: string;
    source: string | null;
    target: string | null;
  }[],
): KindedPair[] {
  const pairs = new Map<
    string,
    {
      a: string;
      b: string;
      events: number;
      kinds: Record<EdgeKind, number>;
      types: Map<string, number>;
    }
  >();
  for (const e of events) {
    if (!e.source || !e.target || e.source === e.target) continue;
    const [a, b] = [e.source, e.target].sort() as [string, string];
    const key = `${a}|${b}`;
    const pair = pairs.get(key) ?? {
      a,
      b,
      events: 0,
      kinds: { asserted: 0, hedged: 0, denied: 0 },
      types: new Map<string, number>(),
    };
    pair.events++;
    pair.kinds[edgeKindOf(e.modality)]++;
    pair.types.set(e.type, (pair.types.get(e.type) ?? 0) + 1);
    pairs.set(key, pair);
  }
  return [...pairs.values()]
    .map((p) => ({
      ...p,
      types: [...p.types].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)),
    }))
    .sort((x, y) => y.events - x.events || (x.a + x.b).localeCompare(y.a + y.b));
}
