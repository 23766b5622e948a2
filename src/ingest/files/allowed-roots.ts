/**
 * Local folders as sources are the operator's decision, never an analyst's: a path is read only
 * when it lies inside one of the roots listed in vigie.yaml (`sources.allowedRoots`). Paths are
 * compared after resolving symbolic links, so neither `../` nor a link leads out of a root.
 * @module
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { VigieError } from '../../domain/errors.js';

/** True when `path` is `root` itself or lies below it (both already absolute and resolved). */
export function isInsideRoot(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

async function realOrResolved(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Resolves `path` (links included) and returns it when it lies inside one of `roots`; throws
 * VIGIE_FORBIDDEN, naming the setting to change, otherwise.
 */
export async function confineToRoots(path: string, roots: readonly string[]): Promise<string> {
  const real = await realOrResolved(path);
  for (const root of roots) {
    if (isInsideRoot(real, await realOrResolved(root))) return real;
  }
  const hint =
    roots.length === 0
      ? 'no local folder may be a source until vigie.yaml lists it under sources.allowedRoots'
      : `vigie.yaml allows only ${roots.join(', ')} (sources.allowedRoots)`;
  throw new VigieError('VIGIE_FORBIDDEN', `${path} is outside the allowed source roots: ${hint}`, {
    where: path,
  });
}
