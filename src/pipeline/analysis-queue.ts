/**
 * One analysis at a time for `vigie run`, with the batches that arrive meanwhile analysed
 * together: with 16 sources polled at once, each committing a few documents, an analysis per
 * batch repeated its fixed cost (boards, trends, the search index upkeep) for every two documents,
 * and analyses of different batches interleaved on the event loop. Each caller's promise settles
 * when the run that covers its documents is done, so a source's fetch state is still recorded
 * only after its documents are analysed.
 * @module
 */
import { appendAll } from '../domain/append-all.js';

/** Documents per run at most (bounded work; the rest waits for the next run). */
export const MAX_DOCUMENTS_PER_RUN = 2000;

interface Waiting {
  readonly ids: readonly string[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * `run` wrapped so that calls never overlap and calls made while one runs are merged into the
 * next run (at most `maxPerRun` documents, and always at least one caller's).
 * @example const analyse = queueAnalysis((ids) => analyseAndAlert(store, ids, setup));
 */
export function queueAnalysis(
  run: (documentIds: readonly string[]) => Promise<void>,
  maxPerRun = MAX_DOCUMENTS_PER_RUN,
): (documentIds: readonly string[]) => Promise<void> {
  const waiting: Waiting[] = [];
  let running = false;
  const pump = async (): Promise<void> => {
    running = true;
    while (waiting.length > 0) {
      const taken: Waiting[] = [];
      const ids: string[] = [];
      while (
        waiting.length > 0 &&
        (taken.length === 0 || ids.length + waiting[0]!.ids.length <= maxPerRun)
      ) {
        const next = waiting.shift()!;
        taken.push(next);
        appendAll(ids, next.ids);
      }
      try {
        await run(ids);
        for (const w of taken) w.resolve();
      } catch (error) {
        for (const w of taken) w.reject(error);
      }
    }
    running = false;
  };
  return (documentIds) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ ids: documentIds, resolve, reject });
      if (!running) void pump();
    });
}
