/** A hypothesis: trajectory, indicators with their contributions, and the evidence trail to the spans. */
import type { Explanation, ExplanationStep, Hypothesis } from '../api-types.js';
import { SignedBar, TrajectoryChart } from '../components/charts.js';
import { StepCorrections } from '../components/correction-panel.js';
import { Loaded } from '../components/status.js';
import { attributionText, day, pair, pct, points } from '../format.js';
import { href } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';

/** The longest trajectory the API gives; the chart starts shortly before the first step. */
const MAX_DAYS = 366;
const MIN_DAYS = 90;

/** The trajectory from a week before the first evidence step (at least the last 90 days). */
export function trimTrajectory<T extends { day: string }>(
  points: readonly T[],
  firstStep: string | undefined,
): T[] {
  if (points.length <= MIN_DAYS) return [...points];
  const latestStart = points.length - MIN_DAYS;
  if (!firstStep) return points.slice(latestStart);
  const d = new Date(`${firstStep.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 7);
  const from = d.toISOString().slice(0, 10);
  const i = points.findIndex((p) => p.day >= from);
  return points.slice(Math.min(i < 0 ? latestStart : i, latestStart));
}

export function HypothesisPage({ id }: { id: string }) {
  const { api } = useSession();
  const [load] = useLoad(`hypothesis:${id}`, async () => {
    const path = `/api/hypotheses/${encodeURIComponent(id)}`;
    const [h, e] = await Promise.all([
      api.get<Hypothesis>(path, { days: MAX_DAYS }),
      api.get<Explanation>(`${path}/explain`),
    ]);
    return { h, e };
  });
  return <Loaded load={load}>{({ h, e }) => <HypothesisView h={h} e={e} />}</Loaded>;
}

function HypothesisView({ h, e }: { h: Hypothesis; e: Explanation }) {
  const scale = Math.max(0.1, ...h.indicators.map((i) => Math.abs(i.contribution)));
  const steps = [...e.steps].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const trajectory = trimTrajectory(h.trajectory, h.history[0]?.at);
  return (
    <>
      <p class="crumbs">
        <a href="#/">Overview</a> › {h.boardTitle ?? h.boardId}
      </p>
      <h1>{h.title}</h1>
      <p class="lead">
        <span class="prob">{pct(h.probability)}</span> now · prior {pct(h.prior)}
        {h.horizonDays ? ` · horizon ${h.horizonDays} days` : ''} · updated {day(h.updatedAt)}
      </p>
      {h.pendingDocuments > 0 && (
        <p class="notice" data-testid="pending-documents">
          {h.pendingDocuments} documents not analysed yet: silence below may be unread news.
        </p>
      )}
      {h.resolution && (
        <p class="notice" data-testid="resolution">
          Resolved {h.resolution.outcome ? 'true' : 'false'} on {h.resolution.date} (
          <a href={h.resolution.source} rel="noreferrer noopener">
            source
          </a>
          ){h.resolution.note ? `: ${h.resolution.note}` : ''} · recorded by{' '}
          {h.resolution.recordedBy}
        </p>
      )}
      <section aria-labelledby="trajectory">
        <h2 id="trajectory">
          Trajectory{' '}
          {trajectory.length > 0 &&
            `(${trajectory[0]!.day} to ${trajectory[trajectory.length - 1]!.day})`}
        </h2>
        <TrajectoryChart
          title={`Probability of "${h.title}" by day; dots are evidence steps`}
          points={trajectory}
          markers={h.history.map((p) => ({
            at: p.at,
            probability: p.probability,
            label: h.evidence.find((ev) => ev.id === p.evidenceId)?.indicatorTitle ?? p.evidenceId,
          }))}
        />
      </section>
      <section aria-labelledby="indicators">
        <h2 id="indicators">Indicators</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col">LR present</th>
                <th scope="col">LR absent</th>
                <th scope="col">Steps</th>
                <th scope="col">Contribution (log-odds)</th>
              </tr>
            </thead>
            <tbody>
              {h.indicators.map((i) => (
                <tr key={i.id}>
                  <td>{i.title}</td>
                  <td>{i.lrPresent}</td>
                  <td>{i.lrAbsent ?? '—'}</td>
                  <td>{i.steps}</td>
                  <td class="contribution">
                    <SignedBar value={i.contribution} scale={scale} />
                    {i.contribution >= 0 ? '+' : ''}
                    {i.contribution.toFixed(2)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="evidence">
        <h2 id="evidence">Evidence</h2>
        {steps.length === 0 && <p class="muted">No evidence yet.</p>}
        <ol class="evidence">
          {steps.map((s) => (
            <EvidenceStep key={s.id} s={s} />
          ))}
        </ol>
        {e.truncated && <p class="muted">Older steps are not shown.</p>}
      </section>
    </>
  );
}

function EvidenceStep({ s }: { s: ExplanationStep }) {
  return (
    <li class="evidence-item" data-testid="evidence-item">
      <p>
        <strong>{day(s.at)}</strong> · {s.indicatorTitle ?? s.indicatorId} ·{' '}
        {silenceLabel(s.explanation)}
        <span class={s.after >= s.before ? 'up' : 'down'}>{points(s.before, s.after)}</span> (
        {pct(s.before)} → {pct(s.after)})
      </p>
      {s.event && (
        <p class="muted">
          <a href={href('events', s.event.id)} data-testid="evidence-event">
            {s.event.type} {pair(s.event.source, s.event.target)}
          </a>{' '}
          · {s.event.modality} · {s.event.independentSources} independent source
          {s.event.independentSources === 1 ? '' : 's'} · credibility {s.event.credibility}
        </p>
      )}
      <StepCorrections explanation={s.explanation} />
      {s.origins && (
        <details class="origins" data-testid="origins">
          <summary>{s.origins.summary}</summary>
          <ul>
            {s.origins.origins.map((o) => (
              <li key={o.label}>
                {o.label}: <span class="muted">{o.outlets.join(', ') || '—'}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      <ul class="mentions">
        {s.mentions.map((m) => (
          <li key={m.id}>
            <a
              href={href('documents', m.documentId, { start: m.span.start, end: m.span.end })}
              data-testid="evidence-link"
            >
              “{m.sentence}”
            </a>{' '}
            <span class="muted">
              — {m.document.outlet ?? 'unknown outlet'}, {day(m.document.published)} (
              {m.document.lang ?? '?'})
              {m.attribution ? `, from ${attributionText(m.attribution)}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </li>
  );
}

/** An absence step is silence, said as such (the same words as the CLI and the brief). */
function silenceLabel(explanation: unknown) {
  const f = explanation as { kind?: string; silentDays?: number } | null;
  if (f?.kind !== 'absence' || typeof f.silentDays !== 'number') return null;
  return (
    <span class="silence" data-testid="silence">
      silence: no new report for {f.silentDays} days ·{' '}
    </span>
  );
}
