/**
 * Resolutions shipped as YAML (for backtests, or beside a board as `<board>.resolutions.yaml`):
 *
 *     board: russia-dprk
 *     resolutions:
 *       - hypothesis: troops-deployed
 *         outcome: true
 *         date: '2025-04-26'
 *         source: https://…
 *         note: Russia's chief of staff acknowledges the deployment.
 *
 * Validated against the board: every hypothesis must exist, each at most once.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { InputError, formatIssues } from '../../domain/errors.js';
import { FileResolutionSchema, type BoardDefinition, type FileResolution } from './board-schema.js';

const ResolutionsFileSchema = z
  .object({ board: z.string().min(1), resolutions: z.array(FileResolutionSchema) })
  .strict();

/** The resolutions file that may sit beside a board file: `x.yaml` → `x.resolutions.yaml`. */
export function siblingResolutionsFile(boardFile: string): string {
  return boardFile.replace(/\.ya?ml$/, '.resolutions.yaml');
}

export function parseResolutions(
  text: string,
  file: string,
  board: Pick<BoardDefinition, 'id' | 'hypotheses'>,
): FileResolution[] {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new InputError(`${file}: ${(error as Error).message.split('\n')[0]}`, file);
  }
  const parsed = ResolutionsFileSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(`${file}: ${formatIssues(parsed.error.issues)}`, file);
  if (parsed.data.board !== board.id)
    throw new InputError(
      `${file}: resolutions for board "${parsed.data.board}", not "${board.id}"`,
      file,
    );
  const seen = new Set<string>();
  parsed.data.resolutions.forEach((r, i) => {
    if (!board.hypotheses.some((h) => h.id === r.hypothesis))
      throw new InputError(
        `${file}: resolutions.${i}.hypothesis: no hypothesis "${r.hypothesis}" on board ${board.id}`,
        file,
      );
    if (seen.has(r.hypothesis))
      throw new InputError(`${file}: resolutions.${i}: "${r.hypothesis}" is resolved twice`, file);
    seen.add(r.hypothesis);
  });
  return parsed.data.resolutions;
}

export function loadResolutionsFile(
  file: string,
  board: Pick<BoardDefinition, 'id' | 'hypotheses'>,
): FileResolution[] {
  if (!existsSync(file)) throw new InputError(`resolutions file not found: ${file}`, file);
  return parseResolutions(readFileSync(file, 'utf8'), file, board);
}
