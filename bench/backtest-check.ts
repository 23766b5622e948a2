/**
 * `vigie backtest` gives the same results fast (issue #13): the backtest corpus replayed with runs
 * of quiet days scored in memory and with every quiet day scored in the store, compared byte for
 * byte (bench/replay-equivalence.ts). Writes bench/results/backtest-check.json with the digests of
 * every output, so runs at two commits can be compared too: with equal `mention events` digests
 * (the same extraction), the `scores` digests must be equal. Exits 1 on any difference.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBoardFile } from '../src/analyse/watchboards/load-boards.js';
import { loadResolutionsFile } from '../src/analyse/watchboards/load-resolutions.js';
import { gitCommit } from './git-commit.js';
import { compareReplays } from './replay-equivalence.js';

const CORPUS = fileURLToPath(new URL('./backtest/corpus.jsonl', import.meta.url));
const BOARD = fileURLToPath(new URL('../data/watchboards/russia-dprk.yaml', import.meta.url));
const RESOLUTIONS = fileURLToPath(
  new URL('./backtest/russia-dprk.resolutions.yaml', import.meta.url),
);
const OUT = fileURLToPath(new URL('./results/backtest-check.json', import.meta.url));

const board = loadBoardFile(BOARD);
const { fast, differences, digests } = await compareReplays({
  corpus: CORPUS,
  board,
  resolutions: loadResolutionsFile(RESOLUTIONS, board),
  heldFrom: '2024-10-01',
  until: '2025-12-31',
});
const result = {
  check: 'backtest: quiet days in memory against every quiet day in the store',
  corpus: 'bench/backtest/corpus.jsonl',
  documents: fast.replay.documents,
  points: fast.replay.trajectory.length,
  identical: differences.length === 0,
  differences,
  heldBrier: fast.scores.held.brier,
  digests,
  commit: gitCommit(),
  date: new Date().toISOString(),
};
mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(
  `backtest check: ${result.documents} documents, ${result.points} points; ${
    result.identical ? 'identical' : `DIFFERENT: ${differences.join(', ')}`
  }; scores sha256 ${digests['scores']}\n`,
);
process.exitCode = result.identical ? 0 : 1;
