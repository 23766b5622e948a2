/**
 * World map of events drawn offline: world-atlas TopoJSON bundled as JSON, projected with d3-geo,
 * countries shaded by the number of events whose source or target they are.
 */
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import atlas from 'world-atlas/countries-110m.json';
import iso from '../data/iso-numeric.json';
import type { VigieEvent } from '../api-types.js';

type CountryProps = { name: string };
const topology = atlas as unknown as Topology<{ countries: GeometryCollection<CountryProps> }>;
const countries = feature(topology, topology.objects.countries).features as Feature<
  Geometry,
  CountryProps
>[];
const W = 800;
const H = 400;
const projection = geoEqualEarth().fitSize([W, H], {
  type: 'FeatureCollection',
  features: countries.filter((c) => c.id !== '010'),
});
const path = geoPath(projection);
const paths = countries.map((c) => ({
  id: String(c.id ?? ''),
  name: c.properties.name,
  d: path(c) ?? '',
}));
const NUMERIC: Readonly<Record<string, string>> = iso.codes;
const SHADES = ['#f1f4f8', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];

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

export function EventMap({
  events,
  onSelect,
}: {
  events: readonly VigieEvent[];
  /** Called with the world-atlas numeric id of a clicked country that has events. */
  onSelect?: (numericId: string) => void;
}) {
  const counts = countByCountry(events);
  const max = Math.max(0, ...counts.values());
  const shade = (n: number) =>
    n === 0 ? SHADES[0]! : SHADES[Math.min(5, 1 + Math.floor(((n - 1) / Math.max(1, max)) * 5))]!;
  const ranked = paths
    .filter((p) => (counts.get(p.id) ?? 0) > 0)
    .sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0));
  return (
    <figure class="map">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="map-title" data-testid="world-map">
        <title id="map-title">World map: countries shaded by number of events</title>
        {paths.map((p) => {
          const n = counts.get(p.id) ?? 0;
          return (
            <path
              key={p.id + p.name}
              d={p.d}
              fill={shade(n)}
              class={n > 0 && onSelect ? 'country clickable' : 'country'}
              data-count={n}
              onClick={n > 0 && onSelect ? () => onSelect(p.id) : undefined}
            >
              <title>{`${p.name}: ${n} event${n === 1 ? '' : 's'}`}</title>
            </path>
          );
        })}
      </svg>
      <figcaption>
        {ranked.length === 0
          ? 'No events with a state actor under these filters.'
          : ranked.map((p, i) => (
              <span key={p.id}>
                {i ? ' · ' : ''}
                {onSelect ? (
                  <button type="button" class="link" onClick={() => onSelect(p.id)}>
                    {p.name}
                  </button>
                ) : (
                  p.name
                )}{' '}
                {counts.get(p.id)}
              </span>
            ))}
      </figcaption>
    </figure>
  );
}
