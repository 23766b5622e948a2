/**
 * `vigie brief --board ID [--since 7d] [--format md|html|pdf] [--lang en|fr] [--as-of DATE]
 * [--out FILE]`: a situation report for one watchboard. Without --out, md/html go to stdout and
 * pdf needs --out. Written atomically (temporary file, then rename).
 * @module
 */
import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import { renderBrief } from '../../report/brief/render-brief.js';
import { writeAtomically } from '../../report/write-atomic.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { CommandModule } from './command-module.js';

interface BriefCliOptions {
  board: string;
  since: string;
  format: string;
  lang: string;
  asOf?: string;
  out?: string;
}

export const briefCommand: CommandModule = {
  register(program: Command, run) {
    program
      .command('brief')
      .description(
        'situation report for a watchboard: key judgements, cited events, trends, sources',
      )
      .requiredOption('--board <id>', 'watchboard id')
      .option('--since <period>', 'period: 7d, 12h, 2w or a date', '7d')
      .option('--format <format>', 'md | html | pdf', 'md')
      .option('--lang <lang>', 'en | fr', 'en')
      .option('--as-of <date>', 'end of the period (default: the latest news in the store)')
      .option('--out <file>', 'write to this file instead of stdout (required for pdf)')
      .action((options: BriefCliOptions) => run((ctx) => runBrief(ctx, options)));
  },
};

async function runBrief(ctx: CliContext, options: BriefCliOptions): Promise<number> {
  if (options.format === 'pdf' && !options.out)
    throw new InputError('--format pdf needs --out FILE (PDF is not written to a terminal)', 'out');
  let asOf: Date | undefined;
  if (options.asOf) {
    asOf = new Date(
      /^\d{4}-\d{2}-\d{2}$/.test(options.asOf) ? `${options.asOf}T23:59:59.999Z` : options.asOf,
    );
    if (Number.isNaN(asOf.getTime()))
      throw new InputError(`--as-of "${options.asOf}" is not a date`, 'as-of');
  }
  const store = await ctx.store();
  const brief = await renderBrief(store, {
    boardId: options.board,
    since: options.since,
    format: options.format,
    lang: options.lang,
    ...(asOf ? { asOf } : {}),
  });
  if (options.out) {
    const body = brief.body;
    async function* once() {
      yield body;
    }
    const result = await writeAtomically(options.out, once());
    ctx.info(`wrote ${result.bytes} bytes to ${result.path}`);
  } else {
    process.stdout.write(brief.body);
  }
  return EXIT.ok;
}
