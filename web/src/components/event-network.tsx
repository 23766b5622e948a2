/** Actor-pair network: nodes on a circle, edge width = event count, colour = cooperation vs conflict. */
import { actorPairs, type PairEdge } from '../event-tone.js';
import type { VigieEvent } from '../api-types.js';

function edgeColour(e: PairEdge): string {
  if (e.cooperation > e.conflict) return 'var(--coop)';
  if (e.conflict > e.cooperation) return 'var(--conflict)';
  return 'var(--mixed)';
}

export function EventNetwork({
  events,
  onSelect,
}: {
  events: readonly VigieEvent[];
  /** Called with the two actors of a clicked edge (or a pair's row). */
  onSelect?: (a: string, b: string) => void;
}) {
  const edges = actorPairs(events);
  if (edges.length === 0) {
    return <p class="muted">No events between two actors under these filters.</p>;
  }
  const nodes = [...new Set(edges.flatMap((e) => [e.a, e.b]))].sort();
  const w = 420;
  const h = 320;
  const r = Math.min(w, h) / 2 - 40;
  const pos = new Map(
    nodes.map((n, i) => {
      const angle = (i / nodes.length) * 2 * Math.PI - Math.PI / 2;
      return [n, { x: w / 2 + r * Math.cos(angle), y: h / 2 + r * Math.sin(angle) }];
    }),
  );
  const max = Math.max(...edges.map((e) => e.events));
  const degree = (n: string) =>
    edges.filter((e) => e.a === n || e.b === n).reduce((s, e) => s + e.events, 0);
  return (
    <figure class="network">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-labelledby="network-title">
        <title id="network-title">Actor pairs: line width is the number of events</title>
        {edges.map((e) => {
          const p = pos.get(e.a)!;
          const q = pos.get(e.b)!;
          return (
            <line
              key={`${e.a}-${e.b}`}
              x1={p.x}
              y1={p.y}
              x2={q.x}
              y2={q.y}
              stroke={edgeColour(e)}
              stroke-width={1.5 + (e.events / max) * 8}
              stroke-linecap="round"
              opacity="0.8"
              class={onSelect ? 'clickable' : undefined}
              data-testid="network-edge"
              onClick={onSelect ? () => onSelect(e.a, e.b) : undefined}
            >
              <title>{`${e.a}–${e.b}: ${e.events} events (${e.cooperation} cooperation, ${e.conflict} conflict)`}</title>
            </line>
          );
        })}
        {nodes.map((n) => {
          const p = pos.get(n)!;
          return (
            <g key={n}>
              <circle cx={p.x} cy={p.y} r={15 + Math.min(8, degree(n))} class="node" />
              <text x={p.x} y={p.y + 4} text-anchor="middle" class="node-label">
                {n}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span class="swatch" style={{ background: 'var(--coop)' }} /> cooperation{' '}
        <span class="swatch" style={{ background: 'var(--conflict)' }} /> conflict{' '}
        <span class="swatch" style={{ background: 'var(--mixed)' }} /> mixed
      </figcaption>
      <table class="compact">
        <caption class="sr-only">Actor pairs</caption>
        <thead>
          <tr>
            <th scope="col">Pair</th>
            <th scope="col">Events</th>
            <th scope="col">Cooperation</th>
            <th scope="col">Conflict</th>
          </tr>
        </thead>
        <tbody>
          {edges.map((e) => (
            <tr key={`${e.a}-${e.b}`}>
              <td>
                {onSelect ? (
                  <button type="button" class="link" onClick={() => onSelect(e.a, e.b)}>
                    {e.a}–{e.b}
                  </button>
                ) : (
                  `${e.a}–${e.b}`
                )}
              </td>
              <td>{e.events}</td>
              <td>{e.cooperation}</td>
              <td>{e.conflict}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
