/**
 * `vigie board resolve BOARD/HYP --outcome true|false --date D --source URL [--note …]`: records how
 * a question was settled (with who and when) and rescores the board, which freezes the hypothesis
 * at its outcome from that day.
 * @module
 */
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { resolveHypothesis } from '../../analyse/watchboards/resolve-hypothesis.js';
import { InputError } from '../../domain/errors.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { RunAction } from './command-module.js';
import { loadConfiguredBoards } from './board-loading.js';

interface ResolveOptions {
  outcome: string;
  date: string;
  source: string;
  note?: string;
  json?: boolean;
}

export function registerResolve(board: Command, run: RunAction): void {
  board
    .command('resolve <hypothesis>')
    .description('record how a hypothesis resolved (board/hypothesis); freezes it at the outcome')
    .requiredOption('--outcome <outcome>', 'true or false')
    .requiredOption('--date <day>', 'day the question was settled (YYYY-MM-DD)')
    .requiredOption('--source <url>', 'the public record that settles it (http(s) URL)')
    .option('--note <text>', 'what settled it, in a sentence')
    // --json is the board command's own option (commander reads it there).
    .action((hypothesis: string, options: ResolveOptions, cmd: Command) =>
      run((ctx) =>
        runResolve(ctx, hypothesis, { ...options, json: cmd.optsWithGlobals().json === true }),
      ),
    );
}

async function runResolve(
  ctx: CliContext,
  hypothesis: string,
  options: ResolveOptions,
): Promise<number> {
  if (options.outcome !== 'true' && options.outcome !== 'false')
    throw new InputError(`--outcome must be true or false, not "${options.outcome}"`, 'outcome');
  const store = await ctx.store();
  const resolution = await resolveHypothesis(
    store,
    {
      hypothesisId: hypothesis,
      input: {
        outcome: options.outcome === 'true',
        date: options.date,
        source: options.source,
        ...(options.note !== undefined ? { note: options.note } : {}),
      },
      recordedBy: `cli:${userInfo().username}`,
    },
    loadConfiguredBoards(ctx),
  );
  if (options.json) ctx.out(JSON.stringify(resolution, null, 2));
  else
    ctx.out(
      `${resolution.hypothesisId} resolved ${resolution.outcome ? 'TRUE' : 'FALSE'} on ${resolution.date} (${resolution.source}); recorded by ${resolution.recordedBy} at ${resolution.recordedAt}`,
    );
  return EXIT.ok;
}
