/**
 * Loads watchboard YAML files: zod validation, then board-level checks (duplicate ids, empty
 * indicators, `extends` targets and cycles). Every error names the file, line and field;
 * a bad file never stops the others from loading.
 * @module
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { VigieError } from '../../domain/errors.js';
import { loadResolutionsFile, siblingResolutionsFile } from './load-resolutions.js';
import { BoardSchema, type MatchCriteria, type Watchboard } from './board-schema.js';

export class WatchboardError extends VigieError {
  readonly file: string;
  readonly line: number | null;
  readonly field: string;
  constructor(file: string, line: number | null, field: string, message: string) {
    const where = `${file}${line === null ? '' : `:${line}`}`;
    super('VIGIE_WATCHBOARD_INVALID', `${where}: ${field}: ${message}`, { where });
    this.name = 'WatchboardError';
    this.file = file;
    this.line = line;
    this.field = field;
  }
}

export interface LoadBoardsResult {
  readonly boards: readonly Watchboard[];
  readonly errors: readonly WatchboardError[];
}

/** The boards shipped in data/watchboards/ (sorted by file name). */
export function defaultBoardFiles(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = resolve(here, '../../../data/watchboards');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && !/\.resolutions\.yaml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** The shipped boards plus extra files (config `watchboards:`), relative paths against `baseDir`. */
export function boardFiles(extra: readonly string[] = [], baseDir = process.cwd()): string[] {
  return [...defaultBoardFiles(), ...extra.map((f) => resolve(baseDir, f))];
}

/** Loads every file; later files with an id already loaded are reported as duplicates. */
export function loadWatchboards(files: readonly string[]): LoadBoardsResult {
  const boards: Watchboard[] = [];
  const errors: WatchboardError[] = [];
  for (const file of files) {
    try {
      const board = loadBoardFile(file);
      const clash = boards.find((b) => b.id === board.id);
      if (clash)
        throw new WatchboardError(
          file,
          null,
          'id',
          `board id "${board.id}" is already defined in ${clash.file}`,
        );
      boards.push(board);
    } catch (error) {
      errors.push(
        error instanceof WatchboardError
          ? error
          : new WatchboardError(
              file,
              null,
              '(file)',
              error instanceof Error ? error.message : String(error),
            ),
      );
    }
  }
  return { boards, errors };
}

export function loadBoardFile(file: string): Watchboard {
  if (!existsSync(file)) throw new WatchboardError(file, null, '(file)', 'file not found');
  const board = parseBoard(readFileSync(file, 'utf8'), file);
  const beside = siblingResolutionsFile(file);
  if (!existsSync(beside)) return board;
  try {
    return { ...board, resolutions: loadResolutionsFile(beside, board) };
  } catch (error) {
    throw new WatchboardError(beside, null, 'resolutions', (error as Error).message);
  }
}

export function parseBoard(text: string, file: string): Watchboard {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new WatchboardError(
      file,
      lineCounter.linePos(e.pos[0]).line,
      '(yaml)',
      e.message.split('\n')[0]!,
    );
  }
  const lineOf = (path: readonly PropertyKey[]) => lineAt(doc, lineCounter, path);
  const parsed = BoardSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    throw new WatchboardError(file, lineOf(issue.path), field, issue.message);
  }
  const board = parsed.data;
  const fail = (path: (string | number)[], message: string): never => {
    throw new WatchboardError(file, lineOf(path), path.join('.'), message);
  };
  const hypothesisIds = new Map<string, number>();
  board.hypotheses.forEach((h, hi) => {
    if (hypothesisIds.has(h.id))
      fail(['hypotheses', hi, 'id'], `duplicate hypothesis id "${h.id}"`);
    hypothesisIds.set(h.id, hi);
    const indicatorIds = new Map<string, number>();
    h.indicators.forEach((ind, ii) => {
      if (indicatorIds.has(ind.id))
        fail(['hypotheses', hi, 'indicators', ii, 'id'], `duplicate indicator id "${ind.id}"`);
      indicatorIds.set(ind.id, ii);
    });
    // Resolve `extends` (within the hypothesis), refusing missing targets and cycles.
    const resolved = new Map<string, MatchCriteria>();
    const resolveMatch = (ii: number, trail: string[]): MatchCriteria => {
      const ind = h.indicators[ii]!;
      const cached = resolved.get(ind.id);
      if (cached) return cached;
      if (trail.includes(ind.id))
        fail(
          ['hypotheses', hi, 'indicators', ii, 'extends'],
          `cyclic extends: ${[...trail, ind.id].join(' → ')}`,
        );
      let match: MatchCriteria = ind.match;
      if (ind.extends !== undefined) {
        const parent = indicatorIds.get(ind.extends);
        if (parent === undefined)
          fail(
            ['hypotheses', hi, 'indicators', ii, 'extends'],
            `unknown indicator "${ind.extends}"`,
          );
        match = { ...resolveMatch(parent!, [...trail, ind.id]), ...stripUndefined(ind.match) };
      }
      resolved.set(ind.id, match);
      return match;
    };
    h.indicators.forEach((ind, ii) => {
      const match = resolveMatch(ii, []);
      const empty = !match.types && !match.actors && !match.capabilities && !match.keywords;
      if (empty)
        fail(
          ['hypotheses', hi, 'indicators', ii, 'match'],
          'empty indicator: give at least types, actors, capabilities or keywords',
        );
      ind.match = match;
    });
  });
  return { ...board, file };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The line of the deepest existing node on `path` (1-based), or null. */
function lineAt(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): number | null {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as
      { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return counter.linePos(node.range[0]).line;
  }
  return null;
}
