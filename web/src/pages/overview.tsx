/** Overview: watchboard cards with their Brief control, latest alerts, activity by language and by source. */
import type { Alert, HypothesisCard, Overview as OverviewData } from '../api-types.js';
import { BriefControl } from '../components/brief-control.js';
import { BarList, Sparkline } from '../components/charts.js';
import { Loaded } from '../components/status.js';
import { dateTime, day, pct, pctPair, points } from '../format.js';
import { alertTitle } from '../alert-title.js';
import { useWords, type Words } from '../i18n/i18n.js';
import { href } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';

export function Overview() {
  const { api } = useSession();
  const w = useWords();
  const [load, reload] = useLoad('overview', () => api.get<OverviewData>('/api/overview'));
  return (
    <Loaded load={load} retry={reload}>
      {(o) => (
        <>
          <h1>{w.ui.nav.overview}</h1>
          {o.boards.length === 0 && <p class="muted empty">{w.ui.noBoards}</p>}
          {o.boards.map((b) => (
            <section key={b.id} class="board" aria-labelledby={`board-${b.id}`}>
              <h2 id={`board-${b.id}`}>{b.title}</h2>
              {b.description && <p class="muted">{b.description}</p>}
              <BriefControl boardId={b.id} boardTitle={b.title} />
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
                {o.activity.from
                  ? w.fill(w.ui.activityWindow, {
                      from: day(o.activity.from),
                      to: day(o.activity.to),
                    })
                  : ''}
              </p>
              <h3>{w.ui.byLanguage}</h3>
              <BarList
                unit="documents"
                bars={o.activity.byLanguage.map((l) => ({
                  key: l.lang,
                  label: w.language(l.lang),
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
          {day(c.at)}: {changeSentence(c, w)}
        </p>
      ) : (
        <p class="muted">{w.fill(w.ui.noChange, { prior: pct(h.prior) })}</p>
      )}
    </article>
  );
}

export function alertTarget(a: Alert): string | null {
  const p = a.payload as { hypothesisId?: unknown; eventId?: unknown } | null;
  if (p && typeof p.hypothesisId === 'string') return href('hypotheses', p.hypothesisId);
  return null;
}

/** "Indicator title: raised it from 8.2% to 8.4%", or the silence that lowered it. */
function changeSentence(c: NonNullable<HypothesisCard['lastChange']>, w: Words): string {
  const [before, after] = pctPair(c.before, c.after);
  const key = after === before ? 'unchanged' : c.after > c.before ? 'raised' : 'lowered';
  const what = c.eventId ? '' : ` (${w.ui.silence.toLowerCase()})`;
  return `${c.indicatorTitle ?? c.indicatorId}${what}: ${w.fill(w.ui[key], { before, after })}`;
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
            <span class="muted"> · {dateTime(a.createdAt)}</span>
          </li>
        );
      })}
    </ul>
  );
}
