/**
 * `vigie extract --input docs.jsonl --output preds.jsonl`: streaming extraction, one output line
 * per input line in input order (corpus-format.md). A line that cannot be parsed or extracted gets
 * `{"id", "events": [], "error"}` and the run goes on; counts go to stderr.
 * @module
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { InputDocumentSchema, type InputDocument, type Prediction } from '../../domain/document.js';
import { formatIssues, InputError } from '../../domain/errors.js';
import type { ExtractionResult } from '../../domain/mention.js';
import { extractDocument } from '../../extract/extract-document.js';
import { toPrediction } from '../../extract/eval/to-prediction.js';
import { createChatClient } from '../../extract/llm/chat-client.js';
import { extractWithLlm } from '../../extract/llm/extract-with-llm.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { CommandModule } from './command-module.js';

export interface ExtractStreamStats {
  readonly lines: number;
  readonly ok: number;
  readonly failed: number;
  readonly events: number;
  /** UTF-16 code units of document text processed. */
  readonly textChars: number;
  readonly seconds: number;
}

export type ExtractFn = (doc: InputDocument) => ExtractionResult | Promise<ExtractionResult>;

const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** The id a failed line is reported under: its own when readable, else `line-N`. */
function idOf(raw: unknown, lineNo: number): string {
  if (raw !== null && typeof raw === 'object' && 'id' in raw) {
    const id = (raw as { id: unknown }).id;
    if (typeof id === 'string' && id.length > 0) return id;
  }
  return `line-${lineNo}`;
}

/** Extracts one JSON line into one prediction; never throws. */
export async function extractLine(
  line: string,
  lineNo: number,
  extract: ExtractFn,
): Promise<Prediction> {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    return { id: `line-${lineNo}`, events: [], error: `invalid JSON: ${errorText(error)}` };
  }
  const id = idOf(raw, lineNo);
  const parsed = InputDocumentSchema.safeParse(raw);
  if (!parsed.success)
    return { id, events: [], error: `invalid document: ${formatIssues(parsed.error.issues)}` };
  try {
    return toPrediction(id, await extract(parsed.data));
  } catch (error) {
    return { id, events: [], error: `extraction failed: ${errorText(error)}` };
  }
}

/**
 * Reads JSON Lines documents and writes prediction lines, in order, one per input line, with
 * constant memory (one line at a time, honouring back-pressure).
 */
export async function extractStream(
  input: Readable,
  output: Writable,
  extract: ExtractFn = (doc) => extractDocument(doc),
): Promise<ExtractStreamStats> {
  const started = process.hrtime.bigint();
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lines = 0;
  let ok = 0;
  let failed = 0;
  let events = 0;
  let textChars = 0;
  const counted: ExtractFn = (doc) => {
    textChars += doc.text.length;
    return extract(doc);
  };
  for await (const line of rl) {
    lines++;
    const prediction =
      line.trim() === ''
        ? { id: `line-${lines}`, events: [], error: 'empty line' }
        : await extractLine(line, lines, counted);
    if (prediction.error === undefined) {
      ok++;
      events += prediction.events.length;
    } else failed++;
    if (!output.write(`${JSON.stringify(prediction)}\n`)) await once(output, 'drain');
  }
  return {
    lines,
    ok,
    failed,
    events,
    textChars,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}

function openInput(path: string): Readable {
  if (path === '-') return process.stdin;
  const stream = createReadStream(path);
  return stream;
}

interface ExtractOptions {
  readonly input: string;
  readonly output: string;
  readonly llm?: boolean;
}

/** Rules only, or rules plus the model of `extract.llm` (high-recall mode) when enabled. */
function chooseExtractor(
  ctx: CliContext,
  forceLlm: boolean,
): { extract: ExtractFn; llmErrors: () => number } {
  const llm = ctx.config.extract.llm;
  if (!llm || (!llm.enabled && !forceLlm)) {
    if (forceLlm)
      throw new InputError('--llm needs extract.llm (baseUrl, model) in the config', 'extract.llm');
    return { extract: (doc) => extractDocument(doc), llmErrors: () => 0 };
  }
  const client = createChatClient({
    baseUrl: llm.baseUrl,
    model: llm.model,
    timeoutMs: llm.timeoutMs,
    ...(llm.apiKey !== undefined ? { apiKey: llm.apiKey } : {}),
  });
  let errors = 0;
  return {
    extract: async (doc) => {
      const r = await extractWithLlm(doc, extractDocument(doc), client);
      if (r.error !== undefined) {
        errors++;
        if (errors <= 5) ctx.info(`extract: LLM skipped for ${doc.id ?? 'a document'}: ${r.error}`);
      }
      return r.result;
    },
    llmErrors: () => errors,
  };
}

export const extractCommand: CommandModule = {
  register(program: Command, run) {
    program
      .command('extract')
      .description(
        'extract event mentions from JSON Lines documents (prediction format of corpus-format.md)',
      )
      .option('-i, --input <file>', 'documents, JSON Lines (`-` for stdin)', '-')
      .option('-o, --output <file>', 'predictions, JSON Lines (`-` for stdout)', '-')
      .option('--llm', 'add mentions from the model of extract.llm (high-recall mode)')
      .action((options: ExtractOptions) =>
        run(async (ctx) => {
          const { extract, llmErrors } = chooseExtractor(ctx, options.llm === true);
          const input = openInput(options.input);
          const opened = new Promise<void>((resolve, reject) => {
            if (options.input === '-') resolve();
            else input.once('open', () => resolve()).once('error', reject);
          });
          await opened.catch((error: unknown) => {
            throw new InputError(
              `cannot read ${options.input}: ${errorText(error)}`,
              options.input,
              error,
            );
          });
          const output: Writable =
            options.output === '-' ? process.stdout : createWriteStream(options.output);
          const stats = await extractStream(input, output, extract);
          if (output !== process.stdout) {
            output.end();
            await once(output, 'finish');
          }
          const mb = stats.textChars / 1e6;
          ctx.info(
            `extract: ${stats.lines} line(s), ${stats.ok} ok, ${stats.failed} failed, ${stats.events} event(s); ` +
              (llmErrors() > 0 ? `LLM unavailable for ${llmErrors()} document(s); ` : '') +
              `${mb.toFixed(2)} M chars in ${stats.seconds.toFixed(2)} s (${(mb / Math.max(stats.seconds, 1e-9)).toFixed(2)} M chars/s)`,
          );
          return stats.failed > 0 ? EXIT.partial : EXIT.ok;
        }),
      );
  },
};
