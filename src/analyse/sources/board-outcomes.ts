/**
 * The resolution in force of every hypothesis: those shipped beside the stored boards' files,
 * overridden by every record in the store (a board whose definition no longer loads keeps its
 * recorded resolutions), as the track records read them.
 * @module
 */
import type { Store } from '../../store/open-store.js';
import { listResolutions } from '../../store/resolutions-repo.js';
import { storedBoards } from '../watchboards/resolve-hypothesis.js';
import { hypothesisKey } from '../watchboards/score-boards.js';

export async function resolveBoardsResolutions(
  store: Pick<Store, 'db' | 'dialect'>,
): Promise<Map<string, { outcome: boolean; date: string }>> {
  const out = new Map<string, { outcome: boolean; date: string }>();
  for (const b of await storedBoards(store))
    for (const r of b.resolutions ?? [])
      out.set(hypothesisKey(b.id, r.hypothesis), { outcome: r.outcome, date: r.date });
  // Oldest first: the latest record of each hypothesis is the one left in the map.
  for (const r of await listResolutions(store.db))
    out.set(r.hypothesisId, { outcome: r.outcome, date: r.date });
  return out;
}
