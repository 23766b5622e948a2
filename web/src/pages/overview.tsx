/** Overview: watchboard cards with their Brief control, latest alerts, activity by language and by source. */
import type { Alert, HypothesisCard, Overview as OverviewData } from '../api-types.js';
import { BriefControl } from '../components/brief-control.js';
import { BarList, Sparkline } from '../components/charts.js';
import { Loaded } from '../components/status.js';
import { dateTime, day, pct, pctPair, points } from '../format.js';
import { alertTitle } from '../alert-title.js';
import { DateRange, rangeOf } from '../components/date-range.js';
import { useWords, type Words } from '../i18n/i18n.js';
import { href, navigate } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';

export function Overview({ query }: { query: URLSearchParams }) {
  const { api } = useSession();
  const w = useWords();
  const range = rangeOf(query);
  const [load, reload] = useLoad('overview', () => api.get<OverviewData>('/api/overview'));
  return (
    <Loaded load={load} retry={reload}>
      {(o) => (
        <>
          <h1>{w.ui.nav.overview}</h1>
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
                {w.ui.range.use}
              </button>
            </div>
            {(range.since || range.until) && (
              <p class="muted">
                {w.ui.range.briefs}{' '}
                <a href={href('events', { since: range.since, until: range.until })}>
                  {w.ui.range.events}
                </a>{' '}
                {w.ui.range.and}{' '}
                <a href={href('documents', { since: range.since, until: range.until })}>
                  {w.ui.range.documents}
                </a>{' '}
                {w.ui.range.sameRange}
              </p>
            )}
          </form>
          {o.boards.length === 0 && <p class="muted empty">{w.ui.noBoards}</p>}
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
                {w.ui.latestAlerts}{' '}
                <span class="badge">{w.fill(w.ui.openCount, { n: o.unacknowledgedAlerts })}</span>
              </h2>
              <AlertList alerts={o.alerts} />
              <p>
                <a href="#/alerts">{w.ui.allAlerts}</a>
              </p>
            </section>
            <section aria-labelledby="activity">
              <h2 id="activity">{w.ui.activity}</h2>
              <p class="muted" data-testid="activity-totals">
                {w.fill(w.ui.activityTotals, o.activity.totals)}{' '}
                <a href="#/documents">{w.ui.nav.documents}</a> ·{' '}
                <a href="#/events">{w.ui.nav.events}</a>
              </p>
              <p class="muted" data-testid="activity-window">
                {o.activity.from
                  ? w.fill(w.ui.activityWindow, {
                      from: day(o.activity.from),
                      to: day(o.activity.to),
                    })
                  : w.ui.noActivity}
              </p>
              <h3>{w.ui.byLanguage}</h3>
              <BarList
                unit="documents"
                bars={o.activity.byLanguage.map((l) => ({
                  key: l.lang,
                  label: (
                    <a href={href('documents', { lang: l.lang, since: day(o.activity.from) })}>
                      {w.language(l.lang)}
                    </a>
                  ),
                  value: l.documents,
                }))}
              />
              <h3>{w.ui.bySource}</h3>
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
  const w = useWords();
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
          label={`${h.title}: ${pct(h.probability)} (${w.ui.sparkline})`}
        />
      </div>
      <p class="muted small">{w.ui.sparkline}</p>
      {c ? (
        <p class="change">
          <span class={c.after >= c.before ? 'up' : 'down'}>{points(c.before, c.after)}</span>{' '}
          {day(c.at)}:{' '}
          {c.eventId ? (
            <a href={href('events', c.eventId)} data-testid="change-event">
              {changeSentence(c, w)}
            </a>
          ) : (
            changeSentence(c, w)
          )}
        </p>
      ) : (
        <p class="muted">{w.fill(w.ui.noChange, { prior: pct(h.prior) })}</p>
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
export function whenText(a: Alert, w: Words): string {
  const t = alertTime(a);
  return w.fill(t.recorded ? w.ui.alertRecorded : w.ui.alertOn, { at: dateTime(t.at) });
}

/** "Indicator title: raised it from 8.2% to 8.4%", or the silence that lowered it. */
function changeSentence(c: NonNullable<HypothesisCard['lastChange']>, w: Words): string {
  const [before, after] = pctPair(c.before, c.after);
  const key = after === before ? 'unchanged' : c.after > c.before ? 'raised' : 'lowered';
  const what = c.eventId ? '' : ` (${w.ui.silence.toLowerCase()})`;
  return w.fill(w.ui.changeLine, {
    indicator: `${c.indicatorTitle ?? c.indicatorId}${what}`,
    change: w.fill(w.ui[key], { before, after }),
  });
}

function AlertList({ alerts }: { alerts: readonly Alert[] }) {
  const w = useWords();
  if (alerts.length === 0) return <p class="muted empty">{w.ui.noAlerts}</p>;
  return (
    <ul class="alerts">
      {alerts.map((a) => {
        const to = alertTarget(a);
        return (
          <li key={a.id} class={a.acknowledgedAt ? 'acked' : ''}>
            <span class="kind">{w.alertKind(a.kind)}</span>{' '}
            {to ? <a href={to}>{alertTitle(a, w)}</a> : alertTitle(a, w)}
            <span class="muted"> · {whenText(a, w)}</span>
          </li>
        );
      })}
    </ul>
  );
}
