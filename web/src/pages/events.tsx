/** Events: filters kept in the URL, a timeline, the actor-pair network and the regional map. */
import type { CursorPage, VigieEvent } from '../api-types.js';
import { ActorInput } from '../components/actor-input.js';
import { DateRange, rangeOf } from '../components/date-range.js';
import { EventMap } from '../components/event-map.js';
import { EventNetwork } from '../components/event-network.js';
import { ExportLinks } from '../components/export-links.js';
import { Loaded } from '../components/status.js';
import { useWords, type Words } from '../i18n/i18n.js';
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

/** A filter choice in words: the code's label, the code kept as the value. */
function choiceLabel(w: Words, key: 'type' | 'capability' | 'modality', code: string): string {
  if (key === 'type') return w.type(code);
  if (key === 'capability') return w.capability(code);
  return w.modality(code);
}

export function EventsPage({ query }: { query: URLSearchParams }) {
  const { api } = useSession();
  const w = useWords();
  const f = w.ui.filters;
  const filters: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = query.get(k);
    if (v) filters[k] = v;
  }
  const range = rangeOf(query);
  filters.since = range.since;
  filters.until = range.until;
  if (!filters.actor) delete filters.partner;
  const set = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<
    string,
    string
  >;
  const key = JSON.stringify(set);
  const [choices] = useLoad('choices', () => loadChoices());
  const [load, reload] = useLoad(`events:${key}`, () =>
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
      <h1>{w.ui.nav.events}</h1>
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
            {f[k]}
            <select name={k} value={filters[k] ?? ''}>
              <option value="">{f.any}</option>
              {(options[k] ?? (filters[k] ? [filters[k]] : [])).map((v) => (
                <option key={v} value={v}>
                  {choiceLabel(w, k, v)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label>
          {f.actor}
          <ActorInput name="actor" id="events-actor" value={filters.actor ?? ''} />
        </label>
        <label>
          {f.partner}
          <ActorInput name="partner" id="events-partner" value={filters.partner ?? ''} />
        </label>
        <label>
          {f.language}
          <input name="lang" value={filters.lang ?? ''} placeholder="en" size={4} />
        </label>
        <DateRange value={filters} />
        <div class="filter-actions">
          <button type="submit">{f.apply}</button>
          <a class="button secondary" href="#/events">
            {f.clear}
          </a>
        </div>
      </form>
      <Loaded load={load} retry={reload}>
        {(page) => (
          <>
            <p class="muted" data-testid="event-count">
              {w.fill(page.next ? f.countMore : f.count, { n: page.items.length, limit: LIMIT })}
            </p>
            {page.items.length === 0 && key !== '{}' && (
              <p class="muted empty">
                {w.ui.noEvents} <a href="#/events">{w.ui.clearFilters}</a>
              </p>
            )}
            {page.items.length === 0 && key === '{}' && (
              <p class="muted empty">{w.ui.noEventsAtAll}</p>
            )}
            <ExportLinks filters={set} />
            <section aria-labelledby="timeline-h">
              <h2 id="timeline-h">{f.timeline}</h2>
              <Timeline events={page.items} />
            </section>
            <div class="columns">
              <section aria-labelledby="network-h">
                <h2 id="network-h">{f.network}</h2>
                <EventNetwork
                  events={page.items}
                  onSelect={(a, b) =>
                    navigate(href('events', { ...filters, actor: a, partner: b }))
                  }
                />
              </section>
              <section aria-labelledby="map-h">
                <h2 id="map-h">{f.map}</h2>
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
              <h2 id="list-h">{f.list}</h2>
              <EventList events={page.items} />
            </section>
          </>
        )}
      </Loaded>
    </>
  );
}
