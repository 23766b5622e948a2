/**
 * The `vigie backtest --html` report: one self-contained page (no script, no outside resource)
 * with the scores of the held and tune halves and a reliability diagram of the held half.
 * @module
 */
import type { BoardScores } from '../analyse/scoring/board-scores.js';
import type { BacktestScores } from '../analyse/scoring/backtest-scores.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const f3 = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(3));

export function renderBacktestHtml(input: {
  readonly boardId: string;
  readonly boardTitle: string;
  readonly corpus: string;
  readonly documents: number;
  readonly scores: BacktestScores;
}): string {
  const { scores } = input;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Backtest: ${esc(input.boardTitle)}</title>
<style>body{font:15px/1.45 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1d2430}
table{border-collapse:collapse;margin:1rem 0}td,th{border-bottom:1px solid #d7dce3;padding:.3rem .6rem;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}.met{color:#0a6b2d}.missed{color:#a51d24;font-weight:600}
svg text{font-size:11px;fill:#4a5566}</style></head><body>
<h1>Backtest: ${esc(input.boardTitle)}</h1>
<p>Board <code>${esc(input.boardId)}</code>, corpus <code>${esc(input.corpus)}</code>: ${input.documents} documents replayed day by day.
Tuned on the days before ${esc(scores.heldFrom)}; the held half (from ${esc(scores.heldFrom)}) was never tuned on.</p>
<h2>Held half (reported)</h2>
${section(scores.held)}
<h3>Reliability diagram (held half)</h3>
${reliabilitySvg(scores.held)}
<h2>Tune half</h2>
${section(scores.tune)}
</body></html>
`;
}

function section(s: BoardScores): string {
  const met = (ok: boolean) =>
    `<span class="${ok ? 'met' : 'missed'}">${ok ? 'met' : 'not met'}</span>`;
  const rows = s.hypotheses
    .map((h) => {
      const x = h.scores;
      const r = h.resolution
        ? `${h.resolution.outcome ? 'true' : 'false'} on ${h.resolution.date}`
        : 'open';
      return `<tr><td>${esc(h.title)}<br><code>${esc(h.id)}</code></td><td>${esc(h.kind)}</td><td>${esc(r)}</td>
<td class="n">${x ? x.days : '—'}</td><td class="n">${f3(x?.brier)}</td><td class="n">${f3(x?.brierAt[30])} / ${f3(x?.brierAt[90])} / ${f3(x?.brierAt[180])}</td>
<td class="n">${f3(x?.logScore)}</td><td class="n">${x?.leadDays != null ? `${x.leadDays} d` : '—'}</td><td class="n">${x?.falseAlarmDays != null ? `${x.falseAlarmDays} d` : '—'}</td></tr>`;
    })
    .join('\n');
  const buckets = s.calibration
    .filter((b) => b.forecasts > 0)
    .map(
      (b) =>
        `<tr><td>${(b.from * 100).toFixed(0)}–${(b.to * 100).toFixed(0)} %</td><td class="n">${b.forecasts}</td><td class="n">${f3(b.meanForecast)}</td><td class="n">${f3(b.observed)}</td></tr>`,
    )
    .join('\n');
  return `<p>Brier (time-averaged over ${s.scored} resolved hypotheses): <strong>${f3(s.brier)}</strong>, target ≤ 0.15: ${met(s.targetsMet.brier)}.
True ones above 70 % before their confirmation: ${s.warnedInTime.count}/${s.warnedInTime.of} (${met(s.targetsMet.warnedInTime)}).
False ones above 70 % for more than 30 days: ${s.longFalseAlarms} (${met(s.targetsMet.falseAlarms)}). Log score: ${f3(s.logScore)}.</p>
<table><thead><tr><th>Hypothesis</th><th>Kind</th><th>Resolved</th><th>Days</th><th>Brier</th><th>Brier 30/90/180 d before</th><th>Log score</th><th>Lead time</th><th>Days above 70 % (false)</th></tr></thead>
<tbody>${rows}</tbody></table>
<table><thead><tr><th>Forecast</th><th>Forecast-days</th><th>Mean forecast</th><th>Observed frequency</th></tr></thead><tbody>${buckets}</tbody></table>`;
}

/** Observed frequency against mean forecast per bucket, dot area by count; diagonal = perfect. */
export function reliabilitySvg(s: BoardScores): string {
  const size = 320;
  const m = 40;
  const inner = size - 2 * m;
  const x = (p: number) => (m + p * inner).toFixed(1);
  const y = (p: number) => (size - m - p * inner).toFixed(1);
  const most = s.calibration.reduce((n, b) => Math.max(n, b.forecasts), 1);
  const dots = s.calibration
    .filter((b) => b.forecasts > 0)
    .map(
      (b) =>
        `<circle cx="${x(b.meanForecast!)}" cy="${y(b.observed!)}" r="${(3 + 7 * Math.sqrt(b.forecasts / most)).toFixed(1)}" fill="#2f6fb3" fill-opacity="0.7"><title>${b.forecasts} forecast-days</title></circle>`,
    )
    .join('');
  const ticks = [0, 0.5, 1]
    .map(
      (t) =>
        `<line x1="${x(0)}" x2="${x(1)}" y1="${y(t)}" y2="${y(t)}" stroke="#d7dce3"/><text x="${m - 6}" y="${Number(y(t)) + 4}" text-anchor="end">${t * 100} %</text><text x="${x(t)}" y="${size - m + 16}" text-anchor="middle">${t * 100} %</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img" aria-label="Reliability diagram">${ticks}<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#888" stroke-dasharray="4 4"/><text x="${size / 2}" y="${size - 6}" text-anchor="middle">forecast</text><text x="12" y="${size / 2}" text-anchor="middle" transform="rotate(-90 12 ${size / 2})">observed</text>${dots}</svg>`;
}
