/**
 * Actor-pair network: a force-directed layout (force-layout.ts), one line per kind of report
 * between two actors (asserted solid, hedged dashed, denied dotted) with its width the number of
 * events, and names beside the nodes so they never overflow a circle.
 */
import { EDGE_KINDS, kindedPairs, type EdgeKind, type KindedPair } from '../edge-kinds.js';
import { forceLayout } from '../force-layout.js';
import { useWords, type Words } from '../i18n/i18n.js';
import type { VigieEvent } from '../api-types.js';

const W = 480;
const H = 360;
/** Most pairs drawn; the table below lists every pair. */
const MAX_PAIRS = 60;
const LABEL_CHARS = 18;

export function EventNetwork({
  events,
  onSelect,
}: {
  events: readonly VigieEvent[];
  /** Called with the two actors of a clicked edge (or a pair's row). */
  onSelect?: (a: string, b: string) => void;
}) {
  const w = useWords();
  const all = kindedPairs(events);
  if (all.length === 0) return <p class="muted empty">{w.ui.noPairs}</p>;
  const edges = all.slice(0, MAX_PAIRS);
  const nodes = [...new Set(edges.flatMap((e) => [e.a, e.b]))].sort();
  const pos = forceLayout(
    nodes,
    edges.map((e) => ({ a: e.a, b: e.b, weight: e.events })),
    { width: W, height: H, padX: 70, padY: 28, minGap: 56 },
  );
  const max = Math.max(...edges.map((e) => e.events));
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.a, (degree.get(e.a) ?? 0) + e.events);
    degree.set(e.b, (degree.get(e.b) ?? 0) + e.events);
  }
  return (
    <figure class="network" data-testid="network">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="network-title">
        <title id="network-title">{w.ui.network.title}</title>
        {edges.map((e) => (
          <PairLines key={`${e.a}-${e.b}`} e={e} pos={pos} max={max} w={w} onSelect={onSelect} />
        ))}
        {nodes.map((n) => {
          const p = pos.get(n)!;
          const r = 5 + Math.min(7, Math.sqrt(degree.get(n) ?? 1) * 1.5);
          const name = w.actor(n);
          return (
            <g key={n} data-actor={n}>
              <circle cx={p.x} cy={p.y} r={r} class="node">
                <title>{name}</title>
              </circle>
              <text x={p.x} y={p.y + r + 13} text-anchor="middle" class="node-name">
                {name.length > LABEL_CHARS ? `${name.slice(0, LABEL_CHARS - 1)}…` : name}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="legend">
        {EDGE_KINDS.map((k) => (
          <span key={k}>
            <span class={`key key-${k}`} /> {w.edgeKind[k]}{' '}
          </span>
        ))}
        · {w.ui.network.width}
      </figcaption>
      <div class="table-wrap">
        <table class="compact" data-testid="pair-table">
          <caption class="sr-only">{w.ui.network.title}</caption>
          <thead>
            <tr>
              <th scope="col">{w.ui.network.pair}</th>
              <th scope="col">{w.ui.network.events}</th>
              {EDGE_KINDS.map((k) => (
                <th key={k} scope="col">
                  {w.edgeKind[k]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {all.map((e) => (
              <tr key={`${e.a}-${e.b}`}>
                <td>
                  {onSelect ? (
                    <button type="button" class="link" onClick={() => onSelect(e.a, e.b)}>
                      {w.actor(e.a)} – {w.actor(e.b)}
                    </button>
                  ) : (
                    `${w.actor(e.a)} – ${w.actor(e.b)}`
                  )}
                </td>
                <td>{e.events}</td>
                {EDGE_KINDS.map((k) => (
                  <td key={k}>{e.kinds[k]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** The pair's kinds as parallel lines, offset across the pair's direction. */
function PairLines({
  e,
  pos,
  max,
  w,
  onSelect,
}: {
  e: KindedPair;
  pos: Map<string, { x: number; y: number }>;
  max: number;
  w: Words;
  onSelect: ((a: string, b: string) => void) | undefined;
}) {
  const p = pos.get(e.a)!;
  const q = pos.get(e.b)!;
  const len = Math.max(1e-6, Math.hypot(q.x - p.x, q.y - p.y));
  const nx = -(q.y - p.y) / len;
  const ny = (q.x - p.x) / len;
  const present = EDGE_KINDS.filter((k) => e.kinds[k] > 0);
  const types = e.types.map(([t, n]) => `${w.type(t)} ${n}`).join(', ');
  return (
    <g data-pair={`${e.a}-${e.b}`}>
      {present.map((k: EdgeKind, i) => {
        const offset = (i - (present.length - 1) / 2) * 6;
        return (
          <line
            key={k}
            x1={p.x + nx * offset}
            y1={p.y + ny * offset}
            x2={q.x + nx * offset}
            y2={q.y + ny * offset}
            class={`edge edge-${k}${onSelect ? ' clickable' : ''}`}
            data-kind={k}
            data-testid="network-edge"
            stroke-width={1.5 + (e.kinds[k] / max) * 5}
            stroke-linecap="round"
            onClick={onSelect ? () => onSelect(e.a, e.b) : undefined}
          >
            <title>{`${w.actor(e.a)} – ${w.actor(e.b)}: ${e.kinds[k]} ${w.edgeKind[k]} (${types})`}</title>
          </line>
        );
      })}
    </g>
  );
}
