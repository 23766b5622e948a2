/**
 * `vigie backtest CORPUS.jsonl --board ID --resolutions R.yaml [--held-from D] [--until D]
 * [--html report.html] [--json]`: replays the corpus day by day as `vigie replay` does (the same
 * pipeline, quiet days scored too), then scores the trajectories against the resolutions, for
 * the tune half and the held half.
 * @module
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { scoreBacktest } from '../../analyse/scoring/backtest-scores.js';
import { loadResolutionsFile } from '../../analyse/watchboards/load-resolutions.js';
import { InputError, NotFoundError } from '../../domain/errors.js';
import { renderBacktestHtml } from '../../report/backtest-report.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { CommandModule } from './command-module.js';
import { loadConfiguredBoards } from './board-loading.js';
import { formatBoardScores } from './format-scores.js';
import { runReplay } from './replay.js';

interface BacktestOptions {
  board: string;
  resolutions: string;
  heldFrom?: string;
  until?: string;
  html?: string;
  json?: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const backtestCommand: CommandModule = {
  register(program: Command, run) {
    program
      .command('backtest <corpus>')
      .description('replay a corpus day by day, then score the board against known resolutions')
      .requiredOption('--board <id>', 'watchboard to score')
      .requiredOption('--resolutions <file>', 'resolutions YAML (board, resolutions: [...])')
      .option('--held-from <day>', 'first day of the held half (default: the middle day)')
      .option('--until <day>', 'score quiet days up to this day (default: the last document)')
      .option('--html <file>', 'write the report (tables and reliability diagram) as HTML')
      .option('--json', 'machine-readable output')
      .action((corpus: string, options: BacktestOptions) =>
        run((ctx) => runBacktest(ctx, corpus, options)),
      );
  },
};

async function runBacktest(
  ctx: CliContext,
  corpus: string,
  options: BacktestOptions,
): Promise<number> {
  for (const [name, value] of [
    ['--held-from', options.heldFrom],
    ['--until', options.until],
  ] as const) {
    if (value !== undefined && !DAY.test(value))
      throw new InputError(`${name} must be a day (YYYY-MM-DD), not "${value}"`, name);
  }
  const boards = loadConfiguredBoards(ctx);
  const board = boards.find((b) => b.id === options.board);
  if (!board)
    throw new NotFoundError(
      `no watchboard "${options.board}" (known: ${boards.map((b) => b.id).join(', ') || 'none'})`,
    );
  const resolutions = loadResolutionsFile(options.resolutions, board);
  const started = performance.now();
  const replay = await runReplay({
    corpus,
    board,
    everyDay: options.until ? { until: options.until } : {},
  });
  const seconds = (performance.now() - started) / 1000;
  for (const s of replay.skipped) ctx.info(`vigie: backtest skipped ${s}`);
  const scores = scoreBacktest(board, replay.trajectory, resolutions, options.heldFrom);
  if (options.html)
    writeFileSync(
      options.html,
      renderBacktestHtml({
        boardId: board.id,
        boardTitle: board.title,
        corpus,
        documents: replay.documents,
        scores,
      }),
    );
  if (options.json) {
    const { inputs: _inputs, ...rest } = scores;
    ctx.out(JSON.stringify({ documents: replay.documents, seconds, ...rest }, null, 2));
  } else {
    ctx.out(
      `backtest: ${replay.documents} document(s) replayed on board ${board.id} in ${seconds.toFixed(1)} s; held half from ${scores.heldFrom}`,
    );
    ctx.out(`\nHELD HALF (reported)\n${formatBoardScores(board.id, scores.held)}`);
    ctx.out(`\nTUNE HALF\n${formatBoardScores(board.id, scores.tune)}`);
    if (options.html) ctx.out(`\nreport written to ${options.html}`);
  }
  return replay.skipped.length > 0 ? EXIT.partial : EXIT.ok;
}
