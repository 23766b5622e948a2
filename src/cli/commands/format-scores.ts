/**
 * Plain-text scores of a board (`vigie board --scores`, `vigie backtest`): one line per
 * hypothesis, the board's figures against the targets, and the calibration table.
 * @module
 */
import type { BoardScores } from '../../analyse/scoring/board-scores.js';

const f3 = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(3));

export function formatBoardScores(boardId: string, s: BoardScores): string {
  const period = `${s.period.from ?? 'start'} … ${s.period.to ?? 'now'}`;
  const lines = [`${boardId}: scores over ${period}`];
  lines.push(
    `  ${'hypothesis'.padEnd(32)} ${'kind'.padEnd(10)} ${'resolved'.padEnd(17)} days  Brier  B@30   B@90   B@180  log     lead  alarm`,
  );
  for (const h of s.hypotheses) {
    const r = h.resolution
      ? `${h.resolution.outcome ? 'true ' : 'false'} ${h.resolution.date}`
      : 'open';
    const x = h.scores;
    lines.push(
      `  ${h.id.padEnd(32)} ${h.kind.padEnd(10)} ${r.padEnd(17)} ${
        x
          ? `${String(x.days).padStart(4)}  ${f3(x.brier)}  ${f3(x.brierAt[30])}  ${f3(x.brierAt[90])}  ${f3(x.brierAt[180])}  ${x.logScore.toFixed(3).padStart(6)}  ${(x.leadDays === null ? '—' : `${x.leadDays}d`).padStart(5)}  ${x.falseAlarmDays === null ? '—' : `${x.falseAlarmDays}d`}`
          : h.resolution
            ? '   (no scored day in the period)'
            : '   (not scored until resolved)'
      }`,
    );
  }
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  lines.push(
    `  board: Brier ${f3(s.brier)} over ${s.scored} resolved hypothes${s.scored === 1 ? 'is' : 'es'} (target ≤ 0.15: ${met(s.targetsMet.brier)}); log score ${f3(s.logScore)}`,
    `  true ones above 70% before confirmation: ${s.warnedInTime.count}/${s.warnedInTime.of} (${met(s.targetsMet.warnedInTime)}); false ones above 70% for more than 30 days: ${s.longFalseAlarms} (${met(s.targetsMet.falseAlarms)})`,
    '  calibration (forecast bucket: forecasts, mean forecast, observed frequency):',
  );
  for (const b of s.calibration) {
    if (b.forecasts === 0) continue;
    lines.push(
      `    ${(b.from * 100).toFixed(0).padStart(3)}–${(b.to * 100).toFixed(0)}%: ${String(b.forecasts).padStart(6)}  ${f3(b.meanForecast)}  ${f3(b.observed)}`,
    );
  }
  return lines.join('\n');
}
