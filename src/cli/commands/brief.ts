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
      .requiredOption('--board <id>', 'the watchboard to report on (see `vigie board`)')
      .option(
        '--since <period>',
        'how far back the period starts from its end: 12h, 7d, 2w, or a date YYYY-MM-DD',
        '7d',
      )
      .option(
        '--format <format>',
        'md (Markdown), html (one self-contained file with SVG charts) or pdf (needs Chromium and --out)',
        'md',
      )
      .option('--lang <lang>', 'language of the headings and labels: en or fr', 'en')
      .option(
        '--as-of <date>',
        'end of the period, YYYY-MM-DD or an ISO instant (default: the latest news in the store)',
      )
      .option('--out <file>', 'write to this file (atomically) instead of stdout; required for pdf')
      .addHelpText(
        'after',
        `
A brief holds the key judgements (each hypothesis, its change over the period and the
evidence that moved it), the most significant new events with citations (document id and
span), trend charts and an annex of sources. PDF briefs in Korean, Japanese or Chinese need
CJK fonts on the machine (Debian: apt-get install fonts-noto-cjk).

Examples:
  npx vigie brief --board russia-dprk
  npx vigie brief --board russia-dprk --since 30d --format html --out brief.html
  npx vigie brief --board russia-dprk --lang fr --format pdf --out brief.pdf`,
      )
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
