/**
 * Backtest benchmark (issue #13): `vigie backtest` of the 306-document backtest corpus over 30
 * months (2023-07 .. 2025-12, every quiet day scored) against a reference timed in the same run:
 * extraction alone of the same documents. Target: replay + backtest under 30 s wall.
 * Records wall and CPU seconds, the ratio to the reference, the load average and the commit in
 * bench/results/backtest.json, plus the held-half scores the run produced.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { scoreBacktest } from '../src/analyse/scoring/backtest-scores.js';
import { loadBoardFile } from '../src/analyse/watchboards/load-boards.js';
import { loadResolutionsFile } from '../src/analyse/watchboards/load-resolutions.js';
import { runReplay } from '../src/cli/commands/replay.js';
import { gitCommit } from './git-commit.js';
import { extractDocument } from '../src/extract/extract-document.js';
import type { InputDocument } from '../src/domain/document.js';

const CORPUS = fileURLToPath(new URL('./backtest/corpus.jsonl', import.meta.url));
const RESOLUTIONS = fileURLToPath(
  new URL('./backtest/russia-dprk.resolutions.yaml', import.meta.url),
);
const BOARD = fileURLToPath(new URL('../data/watchboards/russia-dprk.yaml', import.meta.url));
const OUT = fileURLToPath(new URL('./results/backtest.json', import.meta.url));
const TARGET_SECONDS = 30;

function timed<T>(fn: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const wall0 = performance.now();
  const cpu0 = process.cpuUsage();
  return fn().then((value) => {
    const cpu = process.cpuUsage(cpu0);
    return { value, wall: (performance.now() - wall0) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
  });
}

const documents = readFileSync(CORPUS, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as InputDocument);
const board = loadBoardFile(BOARD);
const resolutions = loadResolutionsFile(RESOLUTIONS, board);

// Warm the lexicons once, so neither run pays for loading them.
extractDocument(documents[0]!);
const reference = await timed(async () => {
  let mentions = 0;
  for (const d of documents) mentions += extractDocument(d).mentions.length;
  return mentions;
});
const backtest = await timed(async () => {
  const replay = await runReplay({ corpus: CORPUS, board, everyDay: { until: '2025-12-31' } });
  return { replay, scores: scoreBacktest(board, replay.trajectory, resolutions, '2024-10-01') };
});
const { replay, scores } = backtest.value;
const days = new Set(replay.trajectory.map((p) => p.at)).size;
const result = {
  benchmark: 'backtest',
  corpus: 'bench/backtest/corpus.jsonl',
  documents: replay.documents,
  daysScored: days,
  reference: {
    what: 'extraction alone of the same documents (extractDocument, same process)',
    mentions: reference.value,
    wallSeconds: Number(reference.wall.toFixed(2)),
    cpuSeconds: Number(reference.cpu.toFixed(2)),
  },
  backtest: {
    what: 'vigie backtest: replay day by day (extract, store, analyse, score every day) + scores',
    wallSeconds: Number(backtest.wall.toFixed(2)),
    cpuSeconds: Number(backtest.cpu.toFixed(2)),
  },
  ratio: {
    wall: Number((backtest.wall / reference.wall).toFixed(2)),
    cpu: Number((backtest.cpu / reference.cpu).toFixed(2)),
  },
  target: { wallSeconds: TARGET_SECONDS, met: backtest.wall < TARGET_SECONDS },
  heldHalf: {
    from: scores.heldFrom,
    brier: scores.held.brier,
    warnedInTime: scores.held.warnedInTime,
    longFalseAlarms: scores.held.longFalseAlarms,
    targetsMet: scores.held.targetsMet,
  },
  commit: gitCommit(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    totalMemoryMb: Math.round(totalmem() / 2 ** 20),
    node: process.version,
    loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
  },
  date: new Date().toISOString(),
};
mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(
  `backtest: ${result.documents} documents, ${days} days in ${result.backtest.wallSeconds} s wall (${result.backtest.cpuSeconds} s CPU); reference extraction ${result.reference.wallSeconds} s wall; ratio ${result.ratio.wall} (CPU ${result.ratio.cpu}); target < ${TARGET_SECONDS} s: ${result.target.met ? 'met' : 'NOT met'}; load ${result.machine.loadAverage.join(' ')}\n`,
);
