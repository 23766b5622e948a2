/**
 * Transfers and deployments between two states as map flows: one per (from, to, kind), weighted
 * by the independent sources of its events (summed), so six papers reprinting one briefing weigh
 * as one. Denied and hypothetical reports are left out: they are not movements.
 * @module
 */
export type FlowKind = 'transfer' | 'deployment';

const KIND_OF: Readonly<Record<string, FlowKind>> = {
  ARMS_TRANSFER: 'transfer',
  TECH_TRANSFER: 'transfer',
  TROOP_DEPLOYMENT: 'deployment',
};
const LEFT_OUT: ReadonlySet<string> = new Set(['NEGATED', 'HYPOTHETICAL']);

export interface Flow {
  readonly from: string;
  readonly to: string;
  readonly kind: FlowKind;
  readonly events: number;
  readonly sources: number;
}

export function flowsOf(
  events: readonly {
    type: string;
    modality: string;
    source: string | null;
    target: string | null;
    independentSources: number;
  }[],
  isState: (code: string) => boolean,
): Flow[] {
  const flows = new Map<
    string,
    { from: string; to: string; kind: FlowKind; events: number; sources: number }
  >();
  for (const e of events) {
    const kind = KIND_OF[e.type];
    if (!kind || LEFT_OUT.has(e.modality) || !e.source || !e.target || e.source === e.target)
      continue;
    if (!isState(e.source) || !isState(e.target)) continue;
    const key = `${e.source}>${e.target}>${kind}`;
    const flow = flows.get(key) ?? { from: e.source, to: e.target, kind, events: 0, sources: 0 };
    flow.events++;
    flow.sources += Math.max(1, e.independentSources);
    flows.set(key, flow);
  }
  return [...flows.values()].sort(
    (a, b) =>
      b.sources - a.sources || (a.from + a.to + a.kind).localeCompare(b.from + b.to + b.kind),
  );
}
