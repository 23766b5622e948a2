/**
 * The polling loop of `vigie run`: every cycle takes the due sources, reads each (fetch → parse),
 * hands the documents to `process` (the pipeline: extract → store), and only then records the
 * fetch state, so a crash between the two refetches and stores nothing twice (ids and content
 * hashes are idempotent). Failures are logged against the source and retried with backoff.
 * @module
 */
import { VigieError } from '../../domain/errors.js';
import type { Store } from '../../store/open-store.js';
import type { SourceRow } from '../../store/schema.js';
import {
  dueSources,
  knownDocumentUrls,
  logSourceError,
  nextDueAt,
  recordFetchFailure,
  recordFetchSuccess,
} from '../../store/sources-repo.js';
import type { SafeFetcher } from '../fetch/safe-fetch.js';
import type { ReadPathsOptions, SourceLine } from '../files/read-paths.js';
import { DEFAULT_BACKOFF, retryDelaySeconds, type BackoffPolicy } from './backoff.js';
import { readSource } from './read-source.js';

/** What the pipeline reports for one source's documents (processDocuments' result). */
export interface BatchResult {
  stored: number;
  duplicates: number;
  failed: readonly { line: number; id?: string; reason: string }[];
  /** Documents stored with a caveat (mentions capped). */
  warnings?: readonly { line: number; id?: string; reason: string }[];
  mentions: number;
  documentIds: readonly string[];
}

export interface SchedulerOptions {
  readonly store: Store;
  readonly fetcher: SafeFetcher;
  /** Stores a source's documents (extraction included); must commit before it resolves. */
  readonly process: (lines: SourceLine[], source: SourceRow) => Promise<BatchResult>;
  /** Called after each source's documents are committed (analysis and alerts hook in here). */
  readonly onBatch?: (result: BatchResult, source: SourceRow) => Promise<void> | void;
  /** One line per cycle and per failing source (stderr in the CLI). */
  readonly log?: (line: string) => void;
  readonly readJsonl?: ReadPathsOptions['readJsonl'];
  /** Folders local sources may read (vigie.yaml `sources.allowedRoots`); none by default. */
  readonly allowedRoots?: readonly string[];
  /** Sources read at the same time (per-host limits still apply inside the fetcher). */
  readonly concurrency?: number;
  /** Longest idle sleep between cycles, so new sources are noticed (default 30 s). */
  readonly idleMs?: number;
  readonly backoff?: BackoffPolicy;
  readonly now?: () => Date;
  readonly random?: () => number;
}

export interface CycleSummary {
  readonly sources: number;
  readonly ok: number;
  readonly notModified: number;
  readonly failed: number;
  readonly stored: number;
  readonly duplicates: number;
  readonly failedDocuments: number;
  readonly nextDueAt: string | null;
}

/** What polling one source did. */
export type PollOutcome =
  | { kind: 'failed' }
  | { kind: 'ok' | 'not-modified'; stored: number; duplicates: number; failedDocuments: number };

export class Scheduler {
  constructor(private readonly options: SchedulerOptions) {}

  /**
   * Runs cycles until `signal` aborts; the cycle in flight finishes (no new source starts).
   * @example const stop = new AbortController(); process.once('SIGTERM', () => stop.abort()); await scheduler.run(stop.signal);
   */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const summary = await this.runOnce(signal);
      if (signal.aborted) break;
      const now = this.#now().getTime();
      const next = summary.nextDueAt ? Date.parse(summary.nextDueAt) : Number.POSITIVE_INFINITY;
      const wait = Math.max(200, Math.min(next - now, this.options.idleMs ?? 30_000));
      await sleep(wait, signal);
    }
  }

  /** One cycle over the sources due now. */
  async runOnce(signal?: AbortSignal): Promise<CycleSummary> {
    const { store } = this.options;
    const started = this.#now();
    const due = await dueSources(store.db, started.toISOString());
    const totals = {
      sources: 0,
      ok: 0,
      notModified: 0,
      failed: 0,
      stored: 0,
      duplicates: 0,
      failedDocuments: 0,
    };
    const queue = [...due];
    const worker = async (): Promise<void> => {
      for (let source = queue.shift(); source && !signal?.aborted; source = queue.shift()) {
        totals.sources += 1;
        const outcome = await this.pollSource(source);
        if (outcome.kind === 'failed') totals.failed += 1;
        else {
          totals.ok += 1;
          if (outcome.kind === 'not-modified') totals.notModified += 1;
          totals.stored += outcome.stored;
          totals.duplicates += outcome.duplicates;
          totals.failedDocuments += outcome.failedDocuments;
        }
      }
    };
    const workers = Math.max(1, Math.min(this.options.concurrency ?? 4, due.length));
    await Promise.all(Array.from({ length: workers }, worker));
    const summary = { ...totals, nextDueAt: await nextDueAt(store.db) };
    if (summary.sources > 0) {
      this.options.log?.(
        `vigie run: ${summary.sources} source(s) polled — ${summary.ok} ok (${summary.notModified} not modified), ${summary.failed} failed; ` +
          `${summary.stored} stored, ${summary.duplicates} duplicate(s), ${summary.failedDocuments} rejected; next due ${summary.nextDueAt ?? 'never'}`,
      );
    }
    return summary;
  }

  /**
   * Reads one source and stores its batch, then records its fetch state (or its failure and
   * backoff). Never throws for the source's own failures; `vigie worker` calls it per job.
   */
  async pollSource(source: SourceRow): Promise<PollOutcome> {
    const { store, fetcher } = this.options;
    const at = this.#now();
    if (!source.url) {
      await this.#fail(
        source,
        at,
        new VigieError('VIGIE_CONFIG_INVALID', 'source has no URL or path'),
      );
      return { kind: 'failed' };
    }
    try {
      const read = await readSource(
        {
          id: source.id,
          name: source.name,
          url: source.url,
          lang: source.lang,
          etag: source.etag,
          lastModified: source.last_modified,
        },
        {
          fetcher,
          knownUrls: (urls) => knownDocumentUrls(store.db, urls),
          allowedRoots: this.options.allowedRoots ?? [],
          ...(this.options.readJsonl ? { readJsonl: this.options.readJsonl } : {}),
        },
      );
      let result: BatchResult = {
        stored: 0,
        duplicates: 0,
        failed: [],
        mentions: 0,
        documentIds: [],
      };
      if (read.lines.length > 0) {
        result = await this.options.process(read.lines, source);
        await this.options.onBatch?.(result, source);
      }
      const stamp = this.#now().toISOString();
      for (const e of read.itemErrors)
        await logSourceError(store.db, source.id, {
          at: stamp,
          code: e.code,
          message: e.message,
          url: e.url,
        });
      for (const f of result.failed)
        await logSourceError(store.db, source.id, {
          at: stamp,
          code: 'VIGIE_INPUT_INVALID',
          message: `document ${f.id ?? `#${f.line}`} rejected: ${f.reason}`,
          url: source.url,
        });
      for (const w of result.warnings ?? [])
        await logSourceError(store.db, source.id, {
          at: stamp,
          code: 'VIGIE_INPUT_INVALID',
          message: `document ${w.id ?? `#${w.line}`} stored with a warning: ${w.reason}`,
          url: source.url,
        });
      for (const path of read.unsupported)
        await logSourceError(store.db, source.id, {
          at: stamp,
          code: 'VIGIE_INPUT_INVALID',
          message: `unsupported file type, skipped`,
          url: path,
        });
      // Fetch state last: documents are committed, so a crash before this line only causes a refetch.
      await recordFetchSuccess(store.db, source.id, {
        fetchedAt: stamp,
        nextFetchAt: new Date(at.getTime() + source.interval_seconds * 1000).toISOString(),
        etag: read.etag,
        lastModified: read.lastModified,
        ...(read.kind ? { kind: read.kind } : {}),
      });
      return {
        kind: read.notModified ? 'not-modified' : 'ok',
        stored: result.stored,
        duplicates: result.duplicates,
        failedDocuments: result.failed.length,
      };
    } catch (error) {
      await this.#fail(source, at, error);
      return { kind: 'failed' };
    }
  }

  async #fail(source: SourceRow, at: Date, error: unknown): Promise<void> {
    const code = error instanceof VigieError ? error.code : 'VIGIE_FETCH_FAILED';
    const message = error instanceof Error ? error.message : String(error);
    const delay = retryDelaySeconds(
      source.error_count + 1,
      this.options.backoff ?? DEFAULT_BACKOFF,
      this.options.random,
    );
    const nextFetchAt = new Date(at.getTime() + delay * 1000).toISOString();
    this.options.log?.(
      `vigie run: ${source.name} (${source.id}) failed: ${code}: ${message}; retry at ${nextFetchAt}`,
    );
    await recordFetchFailure(this.options.store.db, source.id, {
      at: at.toISOString(),
      nextFetchAt,
      code,
      message,
      url: source.url,
    });
  }

  #now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
