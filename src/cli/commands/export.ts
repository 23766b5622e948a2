/**
 * `vigie export --format stix|csv|jsonl|gold [--what events|mentions] [--since 7d] [--board ID]
 * [--tlp clear] [--include-auth] [--out FILE]`: streamed exports (constant memory). With --out
 * the file is written to a temporary name then renamed, so a failure never leaves a corrupt
 * file. The JSONL export leaves the users and token hashes out unless --include-auth. The gold
 * export writes the analysts' corrected documents as an annotated corpus for `vigie eval`.
 * @module
 */
import type { Command } from 'commander';
import { openExport } from '../../report/export/export-store.js';
import { resolveSince } from '../../report/period.js';
import { writeAtomically } from '../../report/write-atomic.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { CommandModule } from './command-module.js';

interface ExportOptions {
  format: string;
  what?: string;
  since?: string;
  board?: string;
  tlp?: string;
  includeAuth?: boolean;
  out?: string;
}

export const exportCommand: CommandModule = {
  register(program: Command, run) {
    program
      .command('export')
      .description(
        'export the store: STIX 2.1 bundle, CSV (events or mentions), JSONL (whole store) or gold (corrected documents)',
      )
      .requiredOption(
        '--format <format>',
        'stix | csv | jsonl | gold (corrected documents as an annotated corpus for vigie eval)',
      )
      .option('--what <rows>', 'csv: events (default) or mentions')
      .option('--since <period>', 'stix/csv: only what was seen since (7d, 12h, 2w or a date)')
      .option('--board <id>', 'stix/csv: only events that moved this watchboard')
      .option('--tlp <level>', 'stix: TLP 2.0 marking (clear, green, amber, amber+strict, red)')
      .option('--include-auth', 'jsonl: also the users and token hashes (moving a store)')
      .option('--out <file>', 'write to this file (atomically) instead of stdout')
      .action((options: ExportOptions) => run((ctx) => runExport(ctx, options)));
  },
};

async function runExport(ctx: CliContext, options: ExportOptions): Promise<number> {
  const store = await ctx.store('scan');
  const exported = openExport(store, {
    format: options.format,
    ...(options.what ? { what: options.what } : {}),
    ...(options.since ? { since: resolveSince(options.since, new Date()) } : {}),
    ...(options.board ? { board: options.board } : {}),
    ...(options.tlp ? { tlp: options.tlp } : {}),
    ...(options.includeAuth ? { includeAuth: true } : {}),
  });
  if (options.out) {
    const result = await writeAtomically(options.out, exported.chunks);
    ctx.info(`wrote ${result.bytes} bytes to ${result.path}`);
    return EXIT.ok;
  }
  for await (const chunk of exported.chunks) {
    if (!process.stdout.write(chunk))
      await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
  return EXIT.ok;
}
