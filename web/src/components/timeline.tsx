/** Events on a time axis (first report), one row per event type, and a list by day. */
import { useState } from 'preact/hooks';
import type { VigieEvent } from '../api-types.js';
import { toneOf } from '../event-tone.js';
import { day } from '../format.js';
import { useWords } from '../i18n/i18n.js';
import { href } from '../router.js';
import { useWidth } from './use-width.js';

/** When an event was first reported, as a time; null when the store holds no usable date. */
function timeOf(e: VigieEvent): number | null {
  const t = Date.parse(e.firstSeen);
  return Number.isFinite(t) ? t : null;
}

export function Timeline({ events }: { events: readonly VigieEvent[] }) {
  const w0 = useWords();
  const [ref, measured] = useWidth<HTMLDivElement>(760);
  // The page says what to do when nothing matches (events.tsx); no empty chart.
  if (events.length === 0) return null;
  const dated = events.flatMap((e) => {
    const t = timeOf(e);
    return t === null ? [] : [{ e, t }];
  });
  const undated = events.length - dated.length;
  const note =
    undated > 0 ? (
      <p class="muted" data-testid="undated-note">
        {w0.fill(w0.ui.undatedEvents, { n: undated })}
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
        aria-label={w0.ui.timelineTitle}
      >
        {types.map((t, i) => (
          <g key={t}>
            <line x1={left} x2={w - 8} y1={i * row + 14} y2={i * row + 14} class="grid" />
            <text x={left - 8} y={i * row + 18} text-anchor="end" class="axis">
              {short(w0.type(t), narrow ? 13 : 24)}
              <title>{w0.type(t)}</title>
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
              <title>{`${day(e.firstSeen)} ${w0.type(e.type)} · ${w0.pair(e.source, e.target)} · ${w0.modality(e.modality)} (${e.mentionCount})`}</title>
            </circle>
          </a>
        ))}
      </svg>
      <p class="legend">
        <span class="key key-dot tone-cooperation" /> {w0.ui.chart.cooperation}{' '}
        <span class="key key-dot tone-conflict" /> {w0.ui.chart.conflict}{' '}
        <span class="key key-dot tone-solo" /> {w0.ui.chart.solo} · {w0.ui.chart.timelineSize}
      </p>
      {note}
    </div>
  );
}

const short = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** The event's actors, each a link to its actor page, in words ("🇷🇺 Russia → 🇰🇵 North Korea"). */
function ActorPair({ source, target }: { source: string | null; target: string | null }) {
  const w = useWords();
  if (!source && !target) return <>—</>;
  return (
    <>
      {source && <a href={href('actors', source)}>{w.actor(source)}</a>}
      {source && target ? ' → ' : ''}
      {target && <a href={href('actors', target)}>{w.actor(target)}</a>}
    </>
  );
}

/** Rows drawn at first: a long list is laid out a page at a time, not 500 rows at once. */
export const LIST_PAGE = 100;

export function EventList({ events }: { events: readonly VigieEvent[] }) {
  const w = useWords();
  const c = w.ui.columns;
  const [shown, setShown] = useState(LIST_PAGE);
  const more = Math.min(LIST_PAGE, events.length - shown);
  return (
    <div class="table-wrap">
      <table data-testid="event-table">
        <thead>
          <tr>
            <th scope="col">{c.date}</th>
            <th scope="col">{c.type}</th>
            <th scope="col">{c.actors}</th>
            <th scope="col">{c.modality}</th>
            <th scope="col">{c.capabilities}</th>
            <th scope="col">{c.mentions}</th>
            <th scope="col">{c.independentSources}</th>
            <th scope="col">{c.credibility}</th>
          </tr>
        </thead>
        <tbody>
          {events.slice(0, shown).map((e) => (
            <tr key={e.id} data-testid="event-row">
              <td>{e.date ?? day(e.firstSeen)}</td>
              <td>
                <a href={href('events', e.id)}>{w.type(e.type)}</a>
              </td>
              <td>
                <ActorPair source={e.source} target={e.target} />
              </td>
              <td>{w.modality(e.modality)}</td>
              <td>{w.capabilities(e.capabilities)}</td>
              <td>{e.mentionCount}</td>
              <td>{e.independentSources}</td>
              <td>{w.credibility(e.credibility)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 && (
        <button
          type="button"
          class="secondary small"
          data-testid="more-events"
          onClick={() => setShown(shown + LIST_PAGE)}
        >
          {w.fill(w.ui.filters.showMore, { n: more })}
        </button>
      )}
    </div>
  );
}
