/**
 * A regional map, East Asia to Eastern Europe, drawn offline (world-atlas TopoJSON projected with
 * d3-geo): states shaded by their events, and arrows for transfers and deployments between two
 * states, their width the independent sources behind them (flows.ts).
 */
import { geoConicEqualArea, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import atlas from 'world-atlas/countries-110m.json';
import iso from '../data/iso-numeric.json';
import { flowsOf, type Flow } from '../flows.js';
import { useWords } from '../i18n/i18n.js';
import type { VigieEvent } from '../api-types.js';

type CountryProps = { name: string };
const topology = atlas as unknown as Topology<{ countries: GeometryCollection<CountryProps> }>;
const countries = feature(topology, topology.objects.countries).features as Feature<
  Geometry,
  CountryProps
>[];
const W = 800;
const H = 460;
/** The region's corners (lon, lat): Eastern Europe to Japan, the Gulf to the Arctic coast. */
const REGION: [number, number][] = [
  [22, 35],
  [148, 30],
  [22, 62],
  [148, 62],
  [85, 72],
  [85, 22],
];
const projection = geoConicEqualArea()
  .parallels([30, 60])
  .rotate([-85, 0])
  .fitExtent(
    [
      [10, 10],
      [W - 10, H - 10],
    ],
    { type: 'MultiPoint', coordinates: REGION },
  )
  .clipExtent([
    [0, 0],
    [W, H],
  ]);
const path = geoPath(projection);
const NUMERIC: Readonly<Record<string, string>> = iso.codes;
const shapes = countries
  .map((c) => ({ id: String(c.id ?? ''), name: c.properties.name, d: path(c) ?? '', c }))
  .filter((s) => s.d !== '');
/** A state's anchor for arrows: its projected centroid, when on the map. */
const anchors = new Map<string, [number, number]>();
for (const [code, id] of Object.entries(NUMERIC)) {
  const shape = shapes.find((s) => s.id === id);
  if (!shape) continue;
  const [x, y] = path.centroid(shape.c);
  if (Number.isFinite(x) && Number.isFinite(y) && x > 0 && x < W && y > 0 && y < H)
    anchors.set(code, [x, y]);
}
const SHADES = ['#eef1f5', '#dbe6f2', '#bcd2e8', '#93b6d8', '#6a96c4'];

/** Events per country (numeric atlas id); each event counts once per distinct state actor. */
export function countByCountry(events: readonly VigieEvent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of events) {
    for (const code of new Set([e.source, e.target])) {
      const id = code ? NUMERIC[code] : undefined;
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}

/** A curved arrow from one anchor to another, bent to the right of its direction. */
function arc(a: [number, number], b: [number, number]): string {
  const [x1, y1] = a;
  const [x2, y2] = b;
  const mx = (x1 + x2) / 2;
  const my = (y1 + y2) / 2;
  const bend = 0.2;
  return `M${x1.toFixed(1)},${y1.toFixed(1)}Q${(mx - (y2 - y1) * bend).toFixed(1)},${(my + (x2 - x1) * bend).toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`;
}

export function EventMap({
  events,
  onSelect,
}: {
  events: readonly VigieEvent[];
  /** Called with the world-atlas numeric id of a clicked country that has events. */
  onSelect?: (numericId: string) => void;
}) {
  const w = useWords();
  const counts = countByCountry(events);
  const max = Math.max(1, ...counts.values());
  const shade = (n: number) =>
    n === 0 ? SHADES[0]! : SHADES[Math.min(4, 1 + Math.floor(((n - 1) / max) * 4))]!;
  const flows = flowsOf(events, (code) => code in NUMERIC);
  const drawn = flows.filter((f) => anchors.has(f.from) && anchors.has(f.to));
  const heaviest = Math.max(1, ...drawn.map((f) => f.sources));
  const named = new Set(drawn.flatMap((f) => [f.from, f.to]));
  const flowText = (f: Flow) =>
    w.fill(w.ui.map.flow, {
      from: w.actor(f.from),
      to: w.actor(f.to),
      events: f.events,
      sources: f.sources,
    });
  return (
    <figure class="map">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="map-title" data-testid="world-map">
        <title id="map-title">{w.ui.map.title}</title>
        <defs>
          {(['transfer', 'deployment'] as const).map((k) => (
            <marker
              key={k}
              id={`arrow-${k}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="5"
              markerHeight="5"
              orient="auto-start-reverse"
            >
              <path d="M0,0L10,5L0,10z" class={`arrow-head-${k}`} />
            </marker>
          ))}
        </defs>
        {shapes.map((s) => {
          const n = counts.get(s.id) ?? 0;
          return (
            <path
              key={s.id + s.name}
              d={s.d}
              fill={shade(n)}
              class={n > 0 && onSelect ? 'country land clickable' : 'country land'}
              data-count={n}
              onClick={n > 0 && onSelect ? () => onSelect(s.id) : undefined}
            >
              <title>{`${s.name}: ${n}`}</title>
            </path>
          );
        })}
        {drawn.map((f) => (
          <path
            key={`${f.from}-${f.to}-${f.kind}`}
            d={arc(anchors.get(f.from)!, anchors.get(f.to)!)}
            class={`flow flow-${f.kind}`}
            data-flow={`${f.from}>${f.to}`}
            stroke-width={1.5 + (f.sources / heaviest) * 7}
            marker-end={`url(#arrow-${f.kind})`}
          >
            <title>{`${w.ui.map[f.kind]}: ${flowText(f)}`}</title>
          </path>
        ))}
        {[...named].map((code) => {
          const [x, y] = anchors.get(code)!;
          return (
            <text key={code} x={x} y={y - 6} text-anchor="middle" class="place">
              {w.actor(code)}
            </text>
          );
        })}
      </svg>
      <figcaption class="legend">
        <span class="key key-transfer" /> {w.ui.map.transfer} <span class="key key-deployment" />{' '}
        {w.ui.map.deployment} · {w.ui.map.weight} · {w.ui.map.shade}
      </figcaption>
      {flows.length === 0 ? (
        <p class="muted empty">{w.ui.noFlows}</p>
      ) : (
        <ul class="flows" data-testid="flows">
          {flows.map((f) => (
            <li key={`${f.from}-${f.to}-${f.kind}`}>
              {w.ui.map[f.kind]}: {flowText(f)}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
