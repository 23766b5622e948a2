/**
 * Loads the shipped watchboards plus the config's, reporting bad files on stderr and going on.
 * @module
 */
import { dirname } from 'node:path';
import type { Watchboard } from '../../analyse/watchboards/board-schema.js';
import { boardFiles, loadWatchboards } from '../../analyse/watchboards/load-boards.js';
import type { CliContext } from '../context.js';

export function loadConfiguredBoards(ctx: CliContext): Watchboard[] {
  const base = ctx.config.file ? dirname(ctx.config.file) : process.cwd();
  const { boards, errors } = loadWatchboards(boardFiles(ctx.config.watchboards, base));
  for (const error of errors) ctx.info(`vigie: watchboard skipped: ${error.message}`);
  return [...boards];
}
