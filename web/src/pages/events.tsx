/** Events: filters kept in the URL, a timeline, the actor-pair network and the world map. */
import type { CursorPage, VigieEvent } from '../api-types.js';
import { ActorInput } from '../components/actor-input.js';
import { DateRange, rangeOf } from '../components/date-range.js';
import { EventMap } from '../components/event-map.js';
import { EventNetwork } from '../components/event-network.js';
import { Loaded } from '../components/status.js';
import { EventList, Timeline } from '../components/timeline.js';
import { loadChoices } from '../choices.js';
import iso from '../data/iso-numeric.json';
import { href, navigate } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';

export const FILTER_KEYS = [
  'type',
  'actor',
  'partner',
  'capability',
  'modality',
  'lang',
  'since',
  'until',
] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
type Filters = Partial<Record<FilterKey, string>>;
const LIMIT = 500;
/** World-atlas numeric id → the actor code of that state. */
const ALPHA3 = new Map(Object.entries(iso.codes as Record<string, string>).map(([a, n]) => [n, a]));

export function EventsPage({ query }: { query: URLSearchParams }) {
  const { api } = useSession();
  const filters: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = query.get(k);
    if (v) filters[k] = v;
  }
  const range = rangeOf(query);
  filters.since = range.since;
  filters.until = range.until;
  if (!filters.actor) delete filters.partner;
  const key = JSON.stringify(filters);
  const [choices] = useLoad('choices', () => loadChoices());
  const [load] = useLoad(`events:${key}`, () =>
    api.get<CursorPage<VigieEvent>>('/api/events', { ...filters, limit: LIMIT }),
  );
  const options = choices.state === 'ready' ? choices.data : {};

  function apply(form: HTMLFormElement) {
    const data = new FormData(form);
    const next: Record<string, string> = {};
    for (const k of FILTER_KEYS) {
      const v = String(data.get(k) ?? '').trim();
      if (v) next[k] = k === 'actor' || k === 'partner' ? v.toUpperCase() : v;
    }
    navigate(href('events', next));
  }

  return (
    <>
      <h1>Events</h1>
      <form
        class="filters"
        aria-label="Event filters"
        onSubmit={(e) => {
          e.preventDefault();
          apply(e.currentTarget);
        }}
        key={key}
      >
        {(['type', 'capability', 'modality'] as const).map((k) => (
          <label key={k}>
            {k}
            <select name={k} value={filters[k] ?? ''}>
              <option value="">any</option>
              {(options[k] ?? (filters[k] ? [filters[k]] : [])).map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label>
          actor
          <ActorInput name="actor" id="events-actor" value={filters.actor ?? ''} />
        </label>
        <label>
          with
          <ActorInput name="partner" id="events-partner" value={filters.partner ?? ''} />
        </label>
        <label>
          language
          <input name="lang" value={filters.lang ?? ''} placeholder="en" size={4} />
        </label>
        <DateRange value={filters} />
        <div class="filter-actions">
          <button type="submit">Apply</button>
          <a class="button secondary" href="#/events">
            Clear
          </a>
        </div>
      </form>
      <Loaded load={load}>
        {(page) => (
          <>
            <p class="muted" data-testid="event-count">
              {page.items.length}
              {page.next ? '+' : ''} event{page.items.length === 1 ? '' : 's'}
              {page.next ? ` (first ${LIMIT} shown)` : ''}
            </p>
            <section aria-labelledby="timeline-h">
              <h2 id="timeline-h">Timeline</h2>
              <Timeline events={page.items} />
            </section>
            <div class="columns">
              <section aria-labelledby="network-h">
                <h2 id="network-h">Actor network</h2>
                <EventNetwork
                  events={page.items}
                  onSelect={(a, b) =>
                    navigate(href('events', { ...filters, actor: a, partner: b }))
                  }
                />
              </section>
              <section aria-labelledby="map-h">
                <h2 id="map-h">Map</h2>
                <EventMap
                  events={page.items}
                  onSelect={(numeric) => {
                    const code = ALPHA3.get(numeric);
                    if (code)
                      navigate(
                        href('actors', code, { since: filters.since, until: filters.until }),
                      );
                  }}
                />
              </section>
            </div>
            <section aria-labelledby="list-h">
              <h2 id="list-h">List</h2>
              <EventList events={page.items} />
            </section>
          </>
        )}
      </Loaded>
    </>
  );
}
