/** Overview: watchboard cards with their Brief control, latest alerts, activity by language and by source. */
import type { Alert, HypothesisCard, Overview as OverviewData } from '../api-types.js';
import { BriefControl } from '../components/brief-control.js';
import { BarList, Sparkline } from '../components/charts.js';
import { Loaded } from '../components/status.js';
import { dateTime, day, pct, points } from '../format.js';
import { DateRange, rangeOf } from '../components/date-range.js';
import { href, navigate } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';

export function Overview({ query }: { query: URLSearchParams }) {
  const { api } = useSession();
  const range = rangeOf(query);
  const [load] = useLoad('overview', () => api.get<OverviewData>('/api/overview'));
  return (
    <Loaded load={load}>
      {(o) => (
        <>
          <h1>Overview</h1>
          <form
            class="filters"
            aria-label="Date range for briefs and links"
            key={`${range.since ?? ''}:${range.until ?? ''}`}
            onSubmit={(e) => {
              e.preventDefault();
              const data = new FormData(e.currentTarget);
              navigate(
                href('', {
                  since: String(data.get('since') ?? ''),
                  until: String(data.get('until') ?? ''),
                }),
              );
            }}
          >
            <DateRange value={range} />
            <div class="filter-actions">
              <button type="submit" class="secondary">
                Use these dates
              </button>
            </div>
            {(range.since || range.until) && (
              <p class="muted">
                Briefs cover these dates;{' '}
                <a href={href('events', { since: range.since, until: range.until })}>events</a> and{' '}
                <a href={href('documents', { since: range.since, until: range.until })}>
                  documents
                </a>{' '}
                in the same range.
              </p>
            )}
          </form>
          {o.boards.length === 0 && (
            <p class="muted">No watchboard yet: add one with vigie board.</p>
          )}
          {o.boards.map((b) => (
            <section key={b.id} class="board" aria-labelledby={`board-${b.id}`}>
              <h2 id={`board-${b.id}`}>{b.title}</h2>
              {b.description && <p class="muted">{b.description}</p>}
              <BriefControl boardId={b.id} boardTitle={b.title} range={range} />
              <div class="cards">
                {b.hypotheses.map((h) => (
                  <HypothesisCardView key={h.id} h={h} />
                ))}
              </div>
            </section>
          ))}
          <div class="columns">
            <section aria-labelledby="latest-alerts">
              <h2 id="latest-alerts">
                Latest alerts{' '}
                <span class="badge" title="unacknowledged">
                  {o.unacknowledgedAlerts} open
                </span>
              </h2>
              <AlertList alerts={o.alerts} />
              <p>
                <a href="#/alerts">All alerts</a>
              </p>
            </section>
            <section aria-labelledby="activity">
              <h2 id="activity">Activity</h2>
              <p class="muted" data-testid="activity-totals">
                In the store: <a href="#/documents">{o.activity.totals.documents} documents</a>,{' '}
                {o.activity.totals.mentions} mentions,{' '}
                <a href="#/events">{o.activity.totals.events} events</a>.
              </p>
              {o.activity.from ? (
                <p class="muted" data-testid="activity-window">
                  The bars count documents published from {day(o.activity.from)} to{' '}
                  {day(o.activity.to)}, the last 30 days of news.
                </p>
              ) : (
                <p class="muted">No dated document yet: ingest news to see activity.</p>
              )}
              <h3>By language</h3>
              <BarList
                unit="documents"
                bars={o.activity.byLanguage.map((l) => ({
                  key: l.lang,
                  label: (
                    <a href={href('documents', { lang: l.lang, since: day(o.activity.from) })}>
                      {l.lang}
                    </a>
                  ),
                  value: l.documents,
                }))}
              />
              <h3>By source</h3>
              <BarList
                unit="documents"
                bars={o.activity.bySource.map((s) => ({
                  key: s.sourceId ?? s.name,
                  label: s.name,
                  value: s.documents,
                }))}
              />
            </section>
          </div>
        </>
      )}
    </Loaded>
  );
}

function HypothesisCardView({ h }: { h: HypothesisCard }) {
  const c = h.lastChange;
  return (
    <article class="card" data-testid="hypothesis-card">
      <h3>
        <a href={href('hypotheses', h.id)}>{h.title}</a>
      </h3>
      <div class="card-figure">
        <span class="prob" aria-label={`probability ${pct(h.probability)}`}>
          {pct(h.probability)}
        </span>
        <Sparkline
          points={h.trajectory}
          label={`30-day trajectory of ${h.title}, now ${pct(h.probability)}`}
        />
      </div>
      {c ? (
        <p class="change">
          <span class={c.after >= c.before ? 'up' : 'down'}>{points(c.before, c.after)}</span> on{' '}
          {day(c.at)}:{' '}
          {c.eventId ? (
            <a href={href('events', c.eventId)} data-testid="change-event">
              {c.reason}
            </a>
          ) : (
            c.reason
          )}
        </p>
      ) : (
        <p class="muted">No change since the prior ({pct(h.prior)}).</p>
      )}
    </article>
  );
}

interface AlertPayloadLike {
  hypothesisId?: unknown;
  eventId?: unknown;
  eventIds?: unknown;
  documentIds?: unknown;
  at?: unknown;
}

const firstString = (x: unknown): string | null =>
  Array.isArray(x) && typeof x[0] === 'string' ? x[0] : null;

/** Where an alert leads: its hypothesis, its (first) event, or the document that fired it. */
export function alertTarget(a: Alert): string | null {
  const p = (a.payload ?? {}) as AlertPayloadLike;
  if (typeof p.hypothesisId === 'string') return href('hypotheses', p.hypothesisId);
  const event = typeof p.eventId === 'string' ? p.eventId : firstString(p.eventIds);
  if (event) return href('events', event);
  const doc = firstString(p.documentIds);
  return doc ? href('documents', doc) : null;
}

/** When the alert's cause happened (the event or evidence date), else when it was recorded. */
export function alertTime(a: Alert): { at: string; recorded: boolean } {
  const at = ((a.payload ?? {}) as AlertPayloadLike).at;
  return typeof at === 'string' && at !== '' && !Number.isNaN(Date.parse(at))
    ? { at, recorded: false }
    : { at: a.createdAt, recorded: true };
}

/** "on 2024-11-04" for the cause's date, "recorded 2024-11-10 07:35" when there is none. */
export function whenText(a: Alert): string {
  const t = alertTime(a);
  return t.recorded ? `recorded ${dateTime(t.at)}` : `on ${dateTime(t.at)}`;
}

function AlertList({ alerts }: { alerts: readonly Alert[] }) {
  if (alerts.length === 0) return <p class="muted">No alerts.</p>;
  return (
    <ul class="alerts">
      {alerts.map((a) => {
        const to = alertTarget(a);
        return (
          <li key={a.id} class={a.acknowledgedAt ? 'acked' : ''}>
            <span class="kind">{a.kind}</span> {to ? <a href={to}>{a.title}</a> : a.title}
            <span class="muted"> · {whenText(a)}</span>
          </li>
        );
      })}
    </ul>
  );
}
