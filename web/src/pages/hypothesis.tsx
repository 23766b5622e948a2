/** A hypothesis: trajectory, indicators with their contributions, and the evidence trail to the spans. */
import type { Explanation, ExplanationStep, Hypothesis } from '../api-types.js';
import { SignedBar, TrajectoryChart } from '../components/charts.js';
import { StepCorrections } from '../components/correction-panel.js';
import { Loaded } from '../components/status.js';
import { attributedFrom, day, pct, points } from '../format.js';
import { useWords, type Words } from '../i18n/i18n.js';
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
  const [load, reload] = useLoad(`hypothesis:${id}`, async () => {
    const path = `/api/hypotheses/${encodeURIComponent(id)}`;
    const [h, e] = await Promise.all([
      // The longest trail the API gives (a year), so a long board is not cut to its last months.
      api.get<Hypothesis>(path, { days: MAX_DAYS }),
      api.get<Explanation>(`${path}/explain`),
    ]);
    return { h, e };
  });
  return (
    <Loaded load={load} retry={reload}>
      {({ h, e }) => <HypothesisView h={h} e={e} />}
    </Loaded>
  );
}

function HypothesisView({ h, e }: { h: Hypothesis; e: Explanation }) {
  const w = useWords();
  const scale = Math.max(0.1, ...h.indicators.map((i) => Math.abs(i.contribution)));
  const steps = [...e.steps].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const trajectory = trimTrajectory(h.trajectory, h.history[0]?.at);
  return (
    <>
      <p class="crumbs">
        <a href="#/">{w.ui.nav.overview}</a> › {h.boardTitle ?? h.boardId}
      </p>
      <h1>{h.title}</h1>
      <p class="lead">
        <span class="prob">{pct(h.probability)}</span> {w.ui.hypothesisLead.now} ·{' '}
        {w.fill(w.ui.hypothesisLead.prior, { p: pct(h.prior) })}
        {h.horizonDays
          ? ` · ${w.fill(w.ui.hypothesisLead.horizon, { n: h.horizonDays })}`
          : ''} · {w.fill(w.ui.hypothesisLead.updated, { day: day(h.updatedAt) })}
      </p>
      {h.pendingDocuments > 0 && (
        <p class="notice" data-testid="pending-documents">
          {w.fill(w.ui.pendingDocuments, { n: h.pendingDocuments })}
        </p>
      )}
      {h.resolution && (
        <p class="notice" data-testid="resolution">
          {w.fill(w.ui.resolved, {
            outcome: h.resolution.outcome ? w.ui.resolvedTrue : w.ui.resolvedFalse,
            date: h.resolution.date,
          })}{' '}
          (
          <a href={h.resolution.source} rel="noreferrer noopener">
            source
          </a>
          ){h.resolution.note ? `: ${h.resolution.note}` : ''} · {w.ui.recordedBy}{' '}
          {h.resolution.recordedBy}
        </p>
      )}
      <section aria-labelledby="trajectory">
        <h2 id="trajectory">{w.ui.trajectory}</h2>
        <TrajectoryChart
          title={`${h.title}: ${w.ui.chart.probability}`}
          points={trajectory}
          markers={h.history.map((p) => ({
            at: p.at,
            probability: p.probability,
            label: h.evidence.find((ev) => ev.id === p.evidenceId)?.indicatorTitle ?? p.evidenceId,
            silence: isSilence(h.evidence.find((ev) => ev.id === p.evidenceId)?.explanation),
          }))}
        />
      </section>
      <section aria-labelledby="indicators">
        <h2 id="indicators">{w.ui.indicators.title}</h2>
        <p class="muted small">{w.ui.indicators.help}</p>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{w.ui.indicators.indicator}</th>
                <th scope="col">{w.ui.indicators.lrPresent}</th>
                <th scope="col">{w.ui.indicators.lrAbsent}</th>
                <th scope="col">{w.ui.indicators.steps}</th>
                <th scope="col">{w.ui.indicators.contribution}</th>
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
        <h2 id="evidence">{w.ui.evidence}</h2>
        <p class="muted small">{w.ui.credibilityScale}</p>
        {steps.length === 0 && <p class="muted empty">{w.ui.noEvidence}</p>}
        <ol class="evidence">
          {steps.map((s) => (
            <EvidenceStep key={s.id} s={s} />
          ))}
        </ol>
        {e.truncated && <p class="muted">{w.ui.olderSteps}</p>}
      </section>
    </>
  );
}

/** An absence step: no matching event for a while (its factors say `kind: absence`). */
function isSilence(explanation: unknown): boolean {
  const x = explanation as { kind?: unknown; factors?: { kind?: unknown } } | null;
  return x?.kind === 'absence' || x?.factors?.kind === 'absence';
}

function silentDays(explanation: unknown): number | null {
  const x = explanation as { silentDays?: unknown; factors?: { silentDays?: unknown } } | null;
  const d = x?.silentDays ?? x?.factors?.silentDays;
  return typeof d === 'number' ? d : null;
}

function EvidenceStep({ s }: { s: ExplanationStep }) {
  const w = useWords();
  const silence = !s.event && isSilence(s.explanation);
  return (
    <li class="evidence-item" data-testid="evidence-item">
      <p>
        <strong>{day(s.at)}</strong> · {s.indicatorTitle ?? s.indicatorId} ·{' '}
        {silence && <span class="silence">{w.ui.silence} · </span>}
        <span class={s.after >= s.before ? 'up' : 'down'}>{points(s.before, s.after)}</span> (
        {pct(s.before)} → {pct(s.after)})
      </p>
      {silence && (
        <p class="muted" data-testid="silence-step">
          {w.fill(w.ui.silenceText, { days: silentDays(s.explanation) ?? '?' })}
        </p>
      )}
      {s.event && <EventLine e={s.event} w={w} />}
      <StepCorrections explanation={s.explanation} />
      {s.origins && (
        <details class="origins" data-testid="origins">
          <summary>{w.message(s.origins.summaryMessage)}</summary>
          <ul>
            {s.origins.origins.map((o) => (
              <li key={o.label}>
                {w.message(o.labelMessage)}:{' '}
                <span class="muted">{o.outlets.join(', ') || '—'}</span>
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
              — {m.document.outlet ?? w.ui.wb.unknownOutlet}, {day(m.document.published)} (
              {m.document.lang ? w.language(m.document.lang) : '?'})
              {m.attribution ? `, ${attributedFrom(m.attribution, w)}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </li>
  );
}

function EventLine({ e, w }: { e: NonNullable<ExplanationStep['event']>; w: Words }) {
  return (
    <p class="muted">
      <a href={href('events', e.id)} data-testid="evidence-event">
        {w.type(e.type)} · {w.pair(e.source, e.target)}
      </a>{' '}
      · {w.modality(e.modality)} · {w.fill(w.ui.independentSources, { n: e.independentSources })} ·{' '}
      {w.ui.credibilityWord} {w.credibility(e.credibility)}
    </p>
  );
}
