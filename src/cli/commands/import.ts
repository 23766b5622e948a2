/**
 * `vigie import gdelt FILE [--json] [--max-errors N]`: import a GDELT 1.0 or 2.0 event file
 * (`.CSV` or `.zip`) into gdelt_events, mapped onto ontology v1.
 * Exit 0 when every row was imported, 3 when some rows were rejected (listed), 2 for a bad file
 * (one that broke off part-way, at a cap of vigie.yaml `gdelt` or a damaged zip, keeps the rows
 * read before the break).
 * @module
 */
import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import { importGdeltFile, type GdeltImportResult } from '../../ingest/gdelt/import-gdelt.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { CommandModule } from './command-module.js';

interface ImportGdeltOptions {
  json?: boolean;
  maxErrors: string;
}

export const importCommand: CommandModule = {
  register(program: Command, run) {
    const command = program.command('import').description('import external event data');
    command
      .command('gdelt <file>')
      .description('import a GDELT 1.0 daily or 2.0 15-minute event export (.CSV or .zip)')
      .option('--json', 'print the import result as JSON')
      .option('--max-errors <n>', 'bad rows listed (all are counted)', '20')
      .action((file: string, options: ImportGdeltOptions) =>
        run((ctx) => runImportGdelt(ctx, file, options)),
      );
  },
};

async function runImportGdelt(
  ctx: CliContext,
  file: string,
  options: ImportGdeltOptions,
): Promise<number> {
  const maxListedErrors = Number(options.maxErrors);
  if (!Number.isInteger(maxListedErrors) || maxListedErrors < 0) {
    throw new InputError(`--max-errors must be a whole number, got "${options.maxErrors}"`);
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new InputError(`no such file: ${file}`, file);
  }
  const store = await ctx.store();
  let lastReport = 0;
  const result = await importGdeltFile(store, file, {
    maxListedErrors,
    limits: ctx.config.gdelt,
    onProgress: (rows) => {
      if (!options.json && rows - lastReport >= 100_000) {
        lastReport = rows;
        ctx.info(`${rows.toLocaleString('en')} rows read…`);
      }
    },
  });
  ctx.out(options.json ? JSON.stringify(result, null, 2) : formatResult(result));
  if (result.stopped) {
    ctx.info(`vigie import: stopped after row ${result.rows}: ${result.stopped}`);
    return EXIT.usage;
  }
  return result.errorCount > 0 ? EXIT.partial : EXIT.ok;
}

function formatResult(r: GdeltImportResult): string {
  const lines = [
    `${r.file}: ${r.rows} rows, ${r.inserted} imported, ${r.duplicates} already stored, ` +
      `${r.unmapped} unmapped (kept), ${r.errorCount} rejected`,
  ];
  const types = Object.entries(r.byType).sort((a, b) => b[1] - a[1]);
  if (types.length > 0) lines.push(`  by type: ${types.map(([t, n]) => `${t} ${n}`).join(', ')}`);
  for (const e of r.errors) lines.push(`  row ${e.line}: ${e.message}`);
  if (r.errorCount > r.errors.length) {
    lines.push(`  … and ${r.errorCount - r.errors.length} more rejected rows`);
  }
  return lines.join('\n');
}
