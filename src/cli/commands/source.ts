/**
 * `vigie source add|list|remove|set-reliability|grade|suggest-grades`: the feeds, pages and
 * folders Vigie polls, each with an Admiralty reliability grade (default F, "cannot be judged"),
 * changed with an audit record and suggested from the source's track record.
 * @module
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import { confineToRoots } from '../../ingest/files/allowed-roots.js';
import { isRemoteUrl } from '../../ingest/scheduler/read-source.js';
import { addSource, listSources, removeSource, type SourceKind } from '../../store/sources-repo.js';
import type { CliContext } from '../context.js';
import type { CommandModule } from './command-module.js';
import { applyGradeFromCli, registerGradeCommands } from './source-grades.js';
import { sourceToJson } from './source-json.js';

interface AddOptions {
  name?: string;
  reliability: string;
  lang?: string;
  interval: string;
  kind?: string;
  disabled?: boolean;
}

export const sourceCommand: CommandModule = {
  register(program: Command, run) {
    const source = program.command('source').description('manage the sources `vigie run` polls');
    source
      .command('add <url-or-path>')
      .description(
        'register a feed or page URL, or a local file or folder inside sources.allowedRoots',
      )
      .option('--name <name>', 'display name (default: host and path)')
      .option('--reliability <grade>', 'Admiralty reliability A–F', 'F')
      .option('--lang <code>', 'language hint (BCP 47 primary tag)')
      .option('--interval <seconds>', 'poll interval in seconds (min 10)', '900')
      .option('--kind <kind>', 'feed | page | file (default: feed for URLs, file for paths)')
      .option('--disabled', 'register without polling it')
      .action((target: string, options: AddOptions) => run((ctx) => add(ctx, target, options)));
    source
      .command('list')
      .description('list sources with their grade, schedule and last error')
      .option('--json', 'machine-readable output')
      .action((options: { json?: boolean }) => run((ctx) => list(ctx, options.json === true)));
    source
      .command('remove <id>')
      .description('remove a source (its documents stay)')
      .action((id: string) =>
        run(async (ctx) => {
          const row = await removeSource((await ctx.store()).db, id);
          ctx.info(`removed source ${row.id} (${row.name})`);
        }),
      );
    source
      .command('set-reliability <id> <grade>')
      .description('change a source’s Admiralty reliability grade (A–F), audited like `grade`')
      .action((id: string, grade: string) =>
        run((ctx) => applyGradeFromCli(ctx, id, grade, undefined)),
      );
    registerGradeCommands(source, run);
  },
};

async function add(ctx: CliContext, target: string, options: AddOptions): Promise<void> {
  const interval = Number(options.interval);
  if (!Number.isInteger(interval) || interval < 10)
    throw new InputError(
      `--interval must be a whole number of seconds ≥ 10, not "${options.interval}"`,
      '--interval',
    );
  if (options.kind !== undefined && !['feed', 'page', 'file'].includes(options.kind))
    throw new InputError(`--kind must be feed, page or file, not "${options.kind}"`, '--kind');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target) && !isRemoteUrl(target))
    throw new InputError(`only http(s) URLs and local paths can be sources, not ${target}`, target);
  const url = isRemoteUrl(target)
    ? new URL(target).href
    : await confineToRoots(resolve(target), ctx.config.sources.allowedRoots);
  const row = await addSource((await ctx.store()).db, {
    url,
    name: options.name,
    reliability: options.reliability,
    lang: options.lang,
    intervalSeconds: interval,
    kind: options.kind as SourceKind | undefined,
    enabled: options.disabled !== true,
  });
  ctx.out(row.id);
  ctx.info(
    `added ${row.kind} source ${row.id} (${row.name}), reliability ${row.reliability}, every ${row.interval_seconds} s`,
  );
}

async function list(ctx: CliContext, json: boolean): Promise<void> {
  const rows = await listSources((await ctx.store()).db);
  if (json) {
    ctx.out(JSON.stringify(rows.map(sourceToJson), null, 2));
    return;
  }
  if (rows.length === 0) {
    ctx.info('no sources yet: `vigie source add URL`');
    return;
  }
  for (const r of rows) {
    const state = r.enabled
      ? r.error_count > 0
        ? `${r.error_count} error(s): ${r.last_error ?? ''}`
        : `last ${r.last_fetched_at ?? 'never'}`
      : 'disabled';
    ctx.out(`${r.id}  ${r.reliability}  ${r.kind.padEnd(4)}  ${r.name}  ${r.url ?? ''}  ${state}`);
  }
}
