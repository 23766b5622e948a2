/** Events on a time axis (first report), one row per event type, and a list by day. */
import type { VigieEvent } from '../api-types.js';
import { toneOf } from '../event-tone.js';
import { day, pair } from '../format.js';
import { href } from '../router.js';
import { useWidth } from './use-width.js';

/** When an event was first reported, as a time; null when the store holds no usable date. */
function timeOf(e: VigieEvent): number | null {
  const t = Date.parse(e.firstSeen);
  return Number.isFinite(t) ? t : null;
}

export function Timeline({ events }: { events: readonly VigieEvent[] }) {
  const [ref, measured] = useWidth<HTMLDivElement>(760);
  if (events.length === 0) return <p class="muted">No events match these filters.</p>;
  const dated = events.flatMap((e) => {
    const t = timeOf(e);
    return t === null ? [] : [{ e, t }];
  });
  const undated = events.length - dated.length;
  const note =
    undated > 0 ? (
      <p class="muted" data-testid="undated-note">
        {undated} event{undated === 1 ? ' has' : 's have'} no date and{' '}
        {undated === 1 ? 'is' : 'are'} not on the timeline; they are in the list below.
      </p>
    ) : null;
  if (dated.length === 0) return note;
  const times = dated.map((d) => d.t);
  const min = Math.min(...times);
  const max = Math.max(...times);
  const span = Math.max(max - min, 86_400_000);
  const types = [...new Set(dated.map((d) => d.e.type))].sort();
  const w = Math.max(300, measured);
  const narrow = w < 560;
  const left = narrow ? 96 : 160;
  const row = 22;
  const h = types.length * row + 30;
  const x = (t: number) => left + ((t - min) / span) * (w - left - 16);
  const ticks = (narrow ? [0, 0.5, 1] : [0, 0.25, 0.5, 0.75, 1]).map((f) => min + f * span);
  const anchor = (i: number) => (i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle');
  return (
    <div ref={ref} class="chart-box">
      <svg
        class="timeline"
        viewBox={`0 0 ${w} ${h}`}
        width={w}
        height={h}
        role="img"
        aria-label="Timeline of events by type; each dot opens its event"
      >
        {types.map((t, i) => (
          <g key={t}>
            <line x1={left} x2={w - 8} y1={i * row + 14} y2={i * row + 14} class="grid" />
            <text x={left - 8} y={i * row + 18} text-anchor="end" class="axis">
              {narrow && t.length > 13 ? `${t.slice(0, 12)}…` : t}
            </text>
          </g>
        ))}
        {ticks.map((t, i) => (
          <text key={t} x={x(t)} y={h - 6} text-anchor={anchor(i)} class="axis">
            {new Date(t).toISOString().slice(0, 10)}
          </text>
        ))}
        {dated.map(({ e, t }) => (
          <a key={e.id} href={href('events', e.id)} data-testid="timeline-dot">
            <circle
              cx={x(t)}
              cy={types.indexOf(e.type) * row + 14}
              r={4 + Math.min(6, e.mentionCount)}
              class={`dot tone-${toneOf(e.type) ?? 'solo'}`}
            >
              <title>{`${day(e.firstSeen)} ${e.type} ${pair(e.source, e.target)} (${e.mentionCount} mentions)`}</title>
            </circle>
          </a>
        ))}
      </svg>
      {note}
    </div>
  );
}

function ActorPair({ source, target }: { source: string | null; target: string | null }) {
  if (!source && !target) return <>—</>;
  return (
    <>
      {source && <a href={href('actors', source)}>{source}</a>}
      {source && target ? ' → ' : ''}
      {target && <a href={href('actors', target)}>{target}</a>}
    </>
  );
}

export function EventList({ events }: { events: readonly VigieEvent[] }) {
  return (
    <div class="table-wrap">
      <table data-testid="event-table">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Type</th>
            <th scope="col">Actors</th>
            <th scope="col">Modality</th>
            <th scope="col">Capabilities</th>
            <th scope="col">Mentions</th>
            <th scope="col">Independent sources</th>
            <th scope="col">Credibility</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} data-testid="event-row">
              <td>{e.date ?? day(e.firstSeen)}</td>
              <td>
                <a href={href('events', e.id)}>{e.type}</a>
              </td>
              <td>
                <ActorPair source={e.source} target={e.target} />
              </td>
              <td>{e.modality}</td>
              <td>{e.capabilities.join(', ') || '—'}</td>
              <td>{e.mentionCount}</td>
              <td>{e.independentSources}</td>
              <td>{e.credibility}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
