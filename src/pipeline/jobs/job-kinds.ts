/**
 * The kinds of work `vigie worker` takes from the queue, and how each is keyed: one waiting
 * `fetch-source` per source, one waiting `analyse` for the whole store (it analyses whatever is
 * pending, so a second one would have nothing more to do).
 * @module
 */
import type { NewJob } from '../../store/jobs-repo.js';

export const JOB_KIND = {
  fetchSource: 'fetch-source',
  analyse: 'analyse',
} as const;

/** Analysis merges events across documents: one pass at a time over the whole store. */
export const EXCLUSIVE_KINDS: readonly string[] = [JOB_KIND.analyse];

/** Poll one source, store its batch, then ask for analysis. */
export function fetchSourceJob(sourceId: string): NewJob {
  return { kind: JOB_KIND.fetchSource, key: sourceId, payload: { sourceId }, maxAttempts: 5 };
}

/** Analyse every stored document not yet analysed, and record its alerts. */
export function analyseJob(): NewJob {
  return { kind: JOB_KIND.analyse, key: 'pending', payload: {}, maxAttempts: 8 };
}

/** The source id of a `fetch-source` payload; a clear error for anything else. */
export function readFetchSourcePayload(payload: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    throw new Error(`fetch-source payload is not JSON: ${payload.slice(0, 80)}`);
  }
  const sourceId = (parsed as { sourceId?: unknown } | null)?.sourceId;
  if (typeof sourceId !== 'string' || sourceId.length === 0)
    throw new Error(`fetch-source payload has no sourceId: ${payload.slice(0, 80)}`);
  return sourceId;
}
