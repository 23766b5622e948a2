/** Small inline-SVG charts: sparkline, probability trajectory, horizontal bars. No chart library. */
import type { ComponentChildren } from 'preact';
import { day, pct } from '../format.js';
import { monthTicks } from '../axis-ticks.js';
import { useWords } from '../i18n/i18n.js';
import { useWidth } from './use-width.js';

interface Point {
  readonly day: string;
  readonly probability: number;
}

export function Sparkline({ points, label }: { points: readonly Point[]; label: string }) {
  const w = 120;
  const h = 32;
  if (points.length === 0) return null;
  const step = points.length > 1 ? w / (points.length - 1) : 0;
  const d = points
    .map((p, i) => `${(i * step).toFixed(1)},${(h - 2 - p.probability * (h - 4)).toFixed(1)}`)
    .join(' ');
  const last = points[points.length - 1]!;
  return (
    <svg class="sparkline" viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img">
      <title>{label}</title>
      <line x1="0" x2={w} y1={h / 2} y2={h / 2} class="sparkline-mid" />
      <polyline points={d} fill="none" />
      <circle cx={(points.length - 1) * step} cy={h - 2 - last.probability * (h - 4)} r="2.5" />
    </svg>
  );
}

/** Horizontal grid lines at probabilities, labelled in per cent on the left (trajectory charts). */
export function ProbabilityGrid({
  ticks,
  x1,
  x2,
  y,
}: {
  ticks: readonly number[];
  x1: number;
  x2: number;
  y: (p: number) => number;
}) {
  return (
    <>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x1} x2={x2} y1={y(t)} y2={y(t)} class="grid" />
          <text x={x1 - 6} y={y(t) + 4} text-anchor="end" class="axis">
            {pct(t)}
          </text>
        </g>
      ))}
    </>
  );
}

export interface Marker {
  readonly at: string;
  readonly probability: number;
  readonly label: string;
  /** An absence step (no matching event for a while), drawn apart from event steps. */
  readonly silence?: boolean;
}

const DAY_MS = 86_400_000;

/** Probability over time (0–100 %), with evidence steps as dots and silence steps as rings. */
export function TrajectoryChart({
  points,
  markers,
  title,
}: {
  points: readonly Point[];
  markers: readonly Marker[];
  title: string;
}) {
  const w0 = useWords();
  const [ref, measured] = useWidth<HTMLDivElement>(720);
  if (points.length === 0) return <p class="muted empty">{w0.ui.noTrajectory}</p>;
  const w = Math.max(280, measured);
  const h = w < 500 ? 200 : 260;
  const m = { l: 42, r: 24, t: 12, b: 28 };
  const iw = w - m.l - m.r;
  const ih = h - m.t - m.b;
  const time = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);
  const min = time(points[0]!.day);
  const max = Math.max(min + DAY_MS, time(points[points.length - 1]!.day));
  const x = (d: string) => m.l + ((Math.min(max, Math.max(min, time(d))) - min) / (max - min)) * iw;
  const y = (p: number) => m.t + (1 - p) * ih;
  const path = points
    .map((p, i) => `${i ? 'L' : 'M'}${x(p.day).toFixed(1)},${y(p.probability).toFixed(1)}`)
    .join('');
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const months = monthTicks(min, max, Math.max(2, Math.floor(iw / 80)), w0.lang);
  return (
    <figure ref={ref} class="chart-box">
      <svg
        class="trajectory"
        viewBox={`0 0 ${w} ${h}`}
        width={w}
        height={h}
        role="img"
        aria-label={title}
      >
        <title>{title}</title>
        <ProbabilityGrid ticks={ticks} x1={m.l} x2={w - m.r} y={y} />
        {months.map((k, i) => (
          <g key={k.t}>
            <line
              x1={x(new Date(k.t).toISOString())}
              x2={x(new Date(k.t).toISOString())}
              y1={h - m.b}
              y2={h - m.b + 4}
              class="grid"
            />
            <text
              x={x(new Date(k.t).toISOString())}
              y={h - 8}
              text-anchor={i === 0 && months.length > 1 ? 'start' : 'middle'}
              class="axis"
            >
              {k.label}
            </text>
          </g>
        ))}
        <path d={path} class="line" fill="none" />
        {markers.map((mk) => (
          <circle
            key={mk.at + mk.label}
            cx={x(mk.at)}
            cy={y(mk.probability)}
            r="4"
            class={mk.silence ? 'marker marker-silence' : 'marker'}
          >
            <title>{`${day(mk.at)}: ${pct(mk.probability)} — ${mk.silence ? `${w0.ui.silence}: ` : ''}${mk.label}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption class="legend">
        <span class="key key-line" /> {w0.ui.chart.probability} <span class="key key-dot" />{' '}
        {w0.ui.chart.evidenceStep} <span class="key key-ring" /> {w0.ui.chart.silenceStep}
      </figcaption>
    </figure>
  );
}

export interface Bar {
  readonly key: string;
  readonly label: ComponentChildren;
  readonly value: number;
}

export function BarList({ bars, unit }: { bars: readonly Bar[]; unit: string }) {
  const w = useWords();
  const max = Math.max(1, ...bars.map((b) => b.value));
  if (bars.length === 0) return <p class="muted empty">{w.ui.nothingYet}</p>;
  return (
    <ul class="bars">
      {bars.map((b) => (
        <li key={b.key}>
          <span class="bar-label">{b.label}</span>
          <span class="bar-track" aria-hidden="true">
            <span class="bar-fill" style={{ width: `${(b.value / max) * 100}%` }} />
          </span>
          <span class="bar-value">
            {b.value} <span class="sr-only">{unit}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A log-odds contribution as a signed bar around zero. */
export function SignedBar({ value, scale }: { value: number; scale: number }) {
  const wpct = Math.min(50, (Math.abs(value) / Math.max(scale, 1e-9)) * 50);
  return (
    <span class="signed" aria-hidden="true">
      <span
        class={value >= 0 ? 'signed-pos' : 'signed-neg'}
        style={
          value >= 0 ? { left: '50%', width: `${wpct}%` } : { right: '50%', width: `${wpct}%` }
        }
      />
    </span>
  );
}
