/**
 * `vigie eval GOLD.jsonl [--by lang|type] [--json] [--predictions PRED.jsonl]`: scores the extractor
 * (or a predictions file) against an annotated corpus, with the worst errors and their sentences.
 * @module
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { GoldDocumentSchema, PredictionSchema, type Prediction } from '../../domain/document.js';
import { InputError } from '../../domain/errors.js';
import { extractDocument } from '../../extract/extract-document.js';
import { formatEvalReport } from '../../extract/eval/format-report.js';
import { parseJsonLines } from '../../extract/eval/parse-jsonl.js';
import { scorePredictions } from '../../extract/eval/score.js';
import { toPrediction } from '../../extract/eval/to-prediction.js';
import { EXIT } from '../exit-codes.js';
import type { CommandModule } from './command-module.js';

interface EvalOptions {
  readonly by?: string;
  readonly json?: boolean;
  readonly predictions?: string;
  readonly worst?: string;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    throw new InputError(
      `cannot read ${file}: ${cause instanceof Error ? cause.message : String(cause)}`,
      file,
      cause,
    );
  }
}

export const evalCommand: CommandModule = {
  register(program: Command, run) {
    program
      .command('eval')
      .description('score extraction against an annotated corpus (corpus-format.md)')
      .argument('<gold>', 'gold corpus, JSON Lines with `events`')
      .option('--by <key>', 'breakdown to print: lang or type (default both)')
      .option('--json', 'print the full report as JSON')
      .option(
        '--predictions <file>',
        'score this predictions file instead of running the extractor',
      )
      .option('--worst <n>', 'how many false positives/negatives to list', '10')
      .action((gold: string, options: EvalOptions) =>
        run(async (ctx) => {
          if (options.by !== undefined && options.by !== 'lang' && options.by !== 'type')
            throw new InputError(`--by must be lang or type, not ${options.by}`, '--by');
          const worst = Number(options.worst ?? '10');
          if (!Number.isInteger(worst) || worst < 0)
            throw new InputError('--worst must be a whole number', '--worst');
          const goldParsed = parseJsonLines(await readText(gold), GoldDocumentSchema);
          if (goldParsed.errors.length > 0) {
            const first = goldParsed.errors.slice(0, 5).map((e) => `line ${e.line}: ${e.message}`);
            throw new InputError(`invalid gold corpus: ${first.join('; ')}`, gold);
          }
          let predictions: Prediction[];
          if (options.predictions !== undefined) {
            const parsed = parseJsonLines(await readText(options.predictions), PredictionSchema);
            for (const e of parsed.errors)
              ctx.info(`${options.predictions}:${e.line}: skipped: ${e.message}`);
            predictions = parsed.items;
          } else {
            predictions = goldParsed.items.map((doc) => {
              try {
                return toPrediction(
                  doc.id,
                  extractDocument({
                    id: doc.id,
                    text: doc.text,
                    ...(doc.lang !== undefined ? { lang: doc.lang } : {}),
                    ...(doc.published !== undefined ? { published: doc.published } : {}),
                    ...(doc.title !== undefined ? { title: doc.title } : {}),
                  }),
                );
              } catch (error) {
                return {
                  id: doc.id,
                  events: [],
                  error: error instanceof Error ? error.message : String(error),
                };
              }
            });
          }
          const report = scorePredictions(goldParsed.items, predictions, { worst });
          const by = options.by as 'lang' | 'type' | undefined;
          ctx.out(
            options.json
              ? JSON.stringify(report, null, 2)
              : formatEvalReport(report, by ? { by } : {}),
          );
          return EXIT.ok;
        }),
      );
  },
};
