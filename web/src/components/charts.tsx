/** Small inline-SVG charts: sparkline, probability trajectory, horizontal bars. No chart library. */
import type { ComponentChildren } from 'preact';
import { day, pct } from '../format.js';
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

export interface Marker {
  readonly at: string;
  readonly probability: number;
  readonly label: string;
}

/** Probability over days (0–100 %), with evidence steps as dots. */
export function TrajectoryChart({
  points,
  markers,
  title,
}: {
  points: readonly Point[];
  markers: readonly Marker[];
  title: string;
}) {
  const [ref, measured] = useWidth<HTMLDivElement>(720);
  const w = Math.max(280, measured);
  const h = w < 500 ? 200 : 260;
  const m = { l: 42, r: 24, t: 12, b: 28 };
  const iw = w - m.l - m.r;
  const ih = h - m.t - m.b;
  const days = points.map((p) => p.day);
  const x = (d: string) => {
    const i = days.indexOf(d.slice(0, 10));
    const idx = i >= 0 ? i : d < days[0]! ? 0 : days.length - 1;
    return m.l + (days.length > 1 ? (idx / (days.length - 1)) * iw : iw / 2);
  };
  const y = (p: number) => m.t + (1 - p) * ih;
  if (points.length === 0) return <p class="muted">No trajectory yet.</p>;
  const path = points
    .map((p, i) => `${i ? 'L' : 'M'}${x(p.day).toFixed(1)},${y(p.probability).toFixed(1)}`)
    .join('');
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const labelEvery = Math.max(1, Math.ceil(days.length / Math.max(2, Math.floor(iw / 90))));
  return (
    <div ref={ref} class="chart-box">
      <svg
        class="trajectory"
        viewBox={`0 0 ${w} ${h}`}
        width={w}
        height={h}
        role="img"
        aria-label={title}
      >
        <title>{title}</title>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={m.l} x2={w - m.r} y1={y(t)} y2={y(t)} class="grid" />
            <text x={m.l - 6} y={y(t) + 4} text-anchor="end" class="axis">
              {pct(t)}
            </text>
          </g>
        ))}
        {days.map((d, i) =>
          i % labelEvery === 0 ? (
            <text
              key={d}
              x={x(d)}
              y={h - 8}
              text-anchor={i === 0 ? 'start' : 'middle'}
              class="axis"
            >
              {axisDay(d, i === 0 ? null : days[i - labelEvery]!)}
            </text>
          ) : null,
        )}
        <path d={path} class="line" fill="none" />
        {markers.map((mk) => (
          <circle key={mk.at + mk.label} cx={x(mk.at)} cy={y(mk.probability)} r="4" class="marker">
            <title>{`${day(mk.at)}: ${pct(mk.probability)} — ${mk.label}`}</title>
          </circle>
        ))}
      </svg>
    </div>
  );
}

/** `2024-11-04` on the first label and where the year changes, `11-04` elsewhere. */
export function axisDay(d: string, previous: string | null): string {
  return previous === null || previous.slice(0, 4) !== d.slice(0, 4) ? d : d.slice(5);
}

export interface Bar {
  readonly key: string;
  readonly label: ComponentChildren;
  readonly value: number;
}

export function BarList({ bars, unit }: { bars: readonly Bar[]; unit: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  if (bars.length === 0) return <p class="muted">Nothing yet.</p>;
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
