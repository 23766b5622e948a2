/**
 * Calibration: how well the board's warnings matched what happened. A reliability diagram
 * (forecast buckets against observed frequency), the scores of each resolved hypothesis and its
 * daily trajectory with the resolution marked. Data: GET /api/boards/:id/scores.
 * @module
 */
import type { z } from 'zod';
import type { BoardScoresSchema } from '../../../src/server/schemas/scores.js';
import { ProbabilityGrid } from '../components/charts.js';
import { Loaded } from '../components/status.js';
import { pct } from '../format.js';
import { useWords, type Words } from '../i18n/i18n.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';

type BoardScores = z.output<typeof BoardScoresSchema>;
type Point = { day: string; probability: number };

/** A score with three decimals, in the reader's language ("0.259", "0,259"). */
const f3 = (v: number | null | undefined, w: Words) =>
  v === null || v === undefined
    ? '—'
    : v.toLocaleString(w.lang, { minimumFractionDigits: 3, maximumFractionDigits: 3 });

export function CalibrationPage({ boardId }: { boardId: string | undefined }) {
  const { api } = useSession();
  const w = useWords();
  const [load] = useLoad(`calibration:${boardId ?? ''}`, async () => {
    const id =
      boardId ?? (await api.get<{ items: { id: string }[] }>('/api/boards')).items[0]?.id ?? null;
    if (!id) return null;
    return api.get<BoardScores>(`/api/boards/${encodeURIComponent(id)}/scores`);
  });
  return (
    <Loaded load={load}>
      {(s) => (s ? <CalibrationView s={s} /> : <p class="muted">{w.ui.calibration.noBoard}</p>)}
    </Loaded>
  );
}

function CalibrationView({ s }: { s: BoardScores }) {
  const w = useWords();
  const t = w.ui.calibration;
  const resolved = s.hypotheses.filter((h) => h.resolution);
  const trajectory = new Map(s.trajectories.map((t) => [t.id, t.trajectory]));
  return (
    <>
      <h1>{w.fill(t.title, { title: s.title })}</h1>
      {s.pendingDocuments > 0 && (
        <p class="notice" data-testid="pending-documents">
          {w.fill(t.pending, { n: s.pendingDocuments })}
        </p>
      )}
      <p class="lead" data-testid="calibration-summary">
        {s.scored === 0
          ? t.nothing
          : w.fill(s.scored === 1 ? t.summaryOne : t.summary, {
              brier: f3(s.brier, w),
              n: s.scored,
              warned: s.warnedInTime.count,
              of: s.warnedInTime.of,
              alarms: s.longFalseAlarms,
            })}
      </p>
      <section aria-labelledby="reliability">
        <h2 id="reliability">{t.diagram}</h2>
        <Reliability buckets={s.calibration} w={w} />
      </section>
      <section aria-labelledby="resolved">
        <h2 id="resolved">{t.resolved}</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.columns.hypothesis}</th>
                <th scope="col">{t.columns.kind}</th>
                <th scope="col">{t.columns.resolved}</th>
                <th scope="col">{t.columns.brier}</th>
                <th scope="col">{t.columns.brierBefore}</th>
                <th scope="col">{t.columns.logScore}</th>
                <th scope="col">{t.columns.lead}</th>
              </tr>
            </thead>
            <tbody>
              {resolved.map((h) => (
                <tr key={h.id} data-testid="scored-hypothesis">
                  <td>
                    <a href={`#/hypotheses/${encodeURIComponent(h.id)}`}>{h.title}</a>
                  </td>
                  <td>{t.kind[h.kind] ?? h.kind}</td>
                  <td>
                    {w.fill(t.resolvedOn, {
                      outcome: h.resolution!.outcome ? t.outcome.true : t.outcome.false,
                      date: h.resolution!.date,
                    })}
                  </td>
                  <td>{f3(h.scores?.brier, w)}</td>
                  <td>
                    {f3(h.scores?.brierAt[30], w)} / {f3(h.scores?.brierAt[90], w)} /{' '}
                    {f3(h.scores?.brierAt[180], w)}
                  </td>
                  <td>{f3(h.scores?.logScore, w)}</td>
                  <td>
                    {h.resolution!.outcome
                      ? h.scores?.leadDays
                        ? w.fill(t.warned, { n: h.scores.leadDays })
                        : t.noWarning
                      : w.fill(t.alarmDays, { n: h.scores?.falseAlarmDays ?? 0 })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {resolved.map((h) => (
          <figure key={h.id} class="chart-box">
            <figcaption>{h.title}</figcaption>
            <ResolvedTrajectory
              points={trajectory.get(h.id) ?? []}
              resolution={h.resolution!}
              title={w.fill(t.trajectory, { title: h.title })}
              w={w}
            />
          </figure>
        ))}
      </section>
    </>
  );
}

/** Forecast (x) against observed frequency (y) per bucket; the diagonal is perfect calibration. */
function Reliability({ buckets, w }: { buckets: BoardScores['calibration']; w: Words }) {
  const t = w.ui.calibration;
  const size = 320;
  const m = 52;
  const inner = size - 2 * m;
  const x = (p: number) => m + p * inner;
  const y = (p: number) => size - m - p * inner;
  const most = Math.max(1, ...buckets.map((b) => b.forecasts));
  return (
    <svg
      class="reliability"
      viewBox={`0 0 ${size} ${size}`}
      width={size}
      height={size}
      role="img"
      aria-label={t.diagramLabel}
    >
      {[0, 0.5, 1].map((t) => (
        <g key={t}>
          <line x1={x(0)} x2={x(1)} y1={y(t)} y2={y(t)} class="grid" />
          <text x={m - 6} y={y(t) + 4} text-anchor="end" class="axis">
            {pct(t)}
          </text>
          <text x={x(t)} y={size - m + 16} text-anchor="middle" class="axis">
            {pct(t)}
          </text>
        </g>
      ))}
      <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} class="grid" stroke-dasharray="4 4" />
      <text x={size / 2} y={size - 6} text-anchor="middle" class="axis">
        {t.forecast}
      </text>
      <text
        x={12}
        y={size / 2}
        text-anchor="middle"
        class="axis"
        transform={`rotate(-90 12 ${size / 2})`}
      >
        {t.observed}
      </text>
      {buckets
        .filter((b) => b.forecasts > 0)
        .map((b) => (
          <circle
            key={b.from}
            data-testid="reliability-point"
            cx={x(b.meanForecast!)}
            cy={y(b.observed!)}
            r={3 + 7 * Math.sqrt(b.forecasts / most)}
            class="marker"
          >
            <title>
              {w.fill(t.point, {
                from: pct(b.from),
                to: pct(b.to),
                n: b.forecasts,
                mean: pct(b.meanForecast!),
                observed: pct(b.observed!),
              })}
            </title>
          </circle>
        ))}
    </svg>
  );
}

function ResolvedTrajectory({
  points,
  resolution,
  title,
  w: words,
}: {
  points: readonly Point[];
  resolution: { outcome: boolean; date: string };
  title: string;
  w: Words;
}) {
  const t = words.ui.calibration;
  if (points.length === 0) return <p class="muted">{t.noTrajectory}</p>;
  const w = 640;
  const h = 160;
  const m = { l: 42, r: 12, t: 10, b: 22 };
  const t0 = Date.parse(points[0]!.day);
  const t1 = Math.max(Date.parse(points[points.length - 1]!.day), Date.parse(resolution.date));
  const x = (d: string) => m.l + ((Date.parse(d) - t0) / Math.max(1, t1 - t0)) * (w - m.l - m.r);
  const y = (p: number) => m.t + (1 - p) * (h - m.t - m.b);
  // A step line: each point holds until the next.
  let path = '';
  points.forEach((p, i) => {
    path += i === 0 ? `M${x(p.day)},${y(p.probability)}` : `H${x(p.day)}V${y(p.probability)}`;
  });
  path += `H${x(new Date(t1).toISOString().slice(0, 10))}`;
  const rx = x(resolution.date);
  return (
    <svg
      class="trajectory"
      viewBox={`0 0 ${w} ${h}`}
      width={w}
      height={h}
      role="img"
      aria-label={title}
    >
      <title>{title}</title>
      <ProbabilityGrid ticks={[0, 0.7, 1]} x1={m.l} x2={w - m.r} y={y} />
      <text x={m.l} y={h - 6} class="axis">
        {points[0]!.day}
      </text>
      <path d={path} class="line" fill="none" />
      <line
        x1={rx}
        x2={rx}
        y1={m.t}
        y2={h - m.b}
        class="marker"
        stroke-width="2"
        data-testid="resolution-mark"
      />
      <text x={w - m.r} y={h - 6} text-anchor="end" class="axis">
        {words.fill(t.mark, {
          outcome: resolution.outcome ? t.outcome.true : t.outcome.false,
          date: resolution.date,
        })}
      </text>
    </svg>
  );
}
