/**
 * Polling for `vigie run` and `vigie worker`: a source is read (fetch → parse) within its time
 * budget, its documents go to `process` (the pipeline: extract → store), and only then is the
 * fetch state recorded, so a crash between the two refetches and stores nothing twice (ids and
 * content hashes are idempotent). Failures are logged against the source and retried with
 * backoff. `run` starts each source when it is due (polling-loop); `runOnce` polls the sources
 * due now and returns when all are done.
 * When the process stops (the signal aborts), no source starts, the fetches in flight are aborted,
 * and what had already answered (a feed read whole, its pages read) is still stored for up to
 * `stopDrainMs` (fetch.stopDrainMs, default 10 s): a graceful stop does not throw away what it
 * received. Past the drain a batch stops at its next safe point (processDocuments). A source cut
 * short (its fetch aborted, pages left unread, its batch cut) records neither success nor
 * failure, so it is still due at the next start, which stores what was not stored.
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
import { runPollingLoop } from './polling-loop.js';
import { readSource, type SourceRead } from './read-source.js';
import {
  DEFAULT_SOURCE_BUDGET_MS,
  DEFAULT_STOP_DRAIN_MS,
  drainAfter,
  withTimeBudget,
} from './time-budget.js';

/** What the pipeline reports for one source's documents (processDocuments' result). */
export interface BatchResult {
  stored: number;
  duplicates: number;
  failed: readonly { line: number; id?: string; reason: string }[];
  /** Documents stored with a caveat (mentions capped). */
  warnings?: readonly { line: number; id?: string; reason: string }[];
  mentions: number;
  documentIds: readonly string[];
  /** The stop signal cut the batch short: only `documentIds` were stored. */
  stopped?: boolean;
}

export interface SchedulerOptions {
  readonly store: Store;
  readonly fetcher: SafeFetcher;
  /**
   * Stores a source's documents (extraction included); must commit before it resolves. When
   * `stop` aborts (the drain after a stop ran out) it may stop at a safe point and say so
   * (`stopped`).
   */
  readonly process: (
    lines: SourceLine[],
    source: SourceRow,
    stop?: AbortSignal,
  ) => Promise<BatchResult>;
  /** Called after each source's documents are committed (analysis and alerts hook in here). */
  readonly onBatch?: (result: BatchResult, source: SourceRow) => Promise<void> | void;
  /** One line per cycle and per failing source (stderr in the CLI). */
  readonly log?: (line: string) => void;
  readonly readJsonl?: ReadPathsOptions['readJsonl'];
  /** Folders local sources may read (vigie.yaml `sources.allowedRoots`); none by default. */
  readonly allowedRoots?: readonly string[];
  /** Sources read at the same time (per-host limits still apply inside the fetcher). */
  readonly concurrency?: number;
  /** Longest idle sleep, so new sources are noticed, and longest time between log lines (default 30 s). */
  readonly idleMs?: number;
  /**
   * Longest time one remote source is read, feed and item pages (vigie.yaml
   * `fetch.sourceBudgetMs`; default 120 s). Past it, a feed keeps the items it got.
   */
  readonly sourceBudgetMs?: number;
  /** Item pages of one feed fetched at the same time (`fetch.pageConcurrency`; default 4). */
  readonly pageConcurrency?: number;
  /** Item pages fetched per feed and poll at most (`fetch.maxPagesPerFeed`; default 30). */
  readonly maxPagesPerFeed?: number;
  /**
   * After the stop, how long what had already answered is still stored (`fetch.stopDrainMs`;
   * default 10 s).
   */
  readonly stopDrainMs?: number;
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

/** What polling one source did; `stopped`: the process stopped first, and nothing was recorded. */
export type PollOutcome =
  | { kind: 'failed' }
  | { kind: 'stopped' }
  | { kind: 'ok' | 'not-modified'; stored: number; duplicates: number; failedDocuments: number };

export class Scheduler {
  /** Per stop signal, the signal that ends its drain (one timer per stop, not per source). */
  readonly #drains = new WeakMap<AbortSignal, AbortSignal>();

  constructor(private readonly options: SchedulerOptions) {}

  /**
   * Polls each source when it is due, up to `concurrency` at once, until `signal` aborts; then no
   * new source starts and the polls in flight stop at their next safe point.
   * @example const stop = new AbortController(); process.once('SIGTERM', () => stop.abort()); await scheduler.run(stop.signal);
   */
  async run(signal: AbortSignal): Promise<void> {
    const { store } = this.options;
    let totals = emptyTotals();
    await runPollingLoop(
      {
        dueBy: (until) => dueSources(store.db, until.toISOString()),
        poll: (source) =>
          this.pollSource(source, signal).then(
            (outcome) => addOutcome(totals, outcome),
            (error: unknown) => {
              totals.failed += 1;
              this.options.log?.(
                `vigie run: ${source.name} (${source.id}) could not be recorded: ${String(error)}`,
              );
            },
          ),
        concurrency: Math.max(1, this.options.concurrency ?? 4),
        idleMs: this.options.idleMs ?? 30_000,
        now: () => this.#now(),
        report: async () => {
          if (totals.sources === 0) return;
          const done = totals;
          totals = emptyTotals();
          this.#logSummary({ ...done, nextDueAt: await nextDueAt(store.db) });
        },
      },
      signal,
    );
  }

  /** One cycle over the sources due now. */
  async runOnce(signal?: AbortSignal): Promise<CycleSummary> {
    const { store } = this.options;
    const started = this.#now();
    const due = await dueSources(store.db, started.toISOString());
    const totals = emptyTotals();
    const queue = [...due];
    const worker = async (): Promise<void> => {
      for (let source = queue.shift(); source && !signal?.aborted; source = queue.shift()) {
        addOutcome(totals, await this.pollSource(source, signal));
      }
    };
    const workers = Math.max(1, Math.min(this.options.concurrency ?? 4, due.length));
    await Promise.all(Array.from({ length: workers }, worker));
    const summary = { ...totals, nextDueAt: await nextDueAt(store.db) };
    if (summary.sources > 0) this.#logSummary(summary);
    return summary;
  }

  #logSummary(summary: CycleSummary): void {
    this.options.log?.(
      `vigie run: ${summary.sources} source(s) polled — ${summary.ok} ok (${summary.notModified} not modified), ${summary.failed} failed; ` +
        `${summary.stored} stored, ${summary.duplicates} duplicate(s), ${summary.failedDocuments} rejected; next due ${summary.nextDueAt ?? 'never'}`,
    );
  }

  /**
   * Reads one source and stores its batch, then records its fetch state (or its failure and
   * backoff). Never throws for the source's own failures; `vigie worker` calls it per job. When
   * `stop` aborts, the fetches in flight are abandoned; a feed that had answered is stored within
   * the drain (and recorded when nothing of it was left out). A source cut short records nothing
   * (`stopped`), so it is still due; the documents already committed are duplicates when it is
   * read again. Batches stored after the stop are analysed by the next start's catch-up.
   */
  async pollSource(source: SourceRow, stop?: AbortSignal): Promise<PollOutcome> {
    const { store } = this.options;
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
      const read = await this.#read(source, source.url, stop);
      let result: BatchResult = {
        stored: 0,
        duplicates: 0,
        failed: [],
        mentions: 0,
        documentIds: [],
      };
      if (read.lines.length > 0) {
        result = await this.options.process(read.lines, source, stop && this.#drain(stop));
        if (result.stopped) return this.#stopped(source, result.stored);
        // Stopping: the batch is committed (its fetch state is recorded below), its analysis is
        // left to the next start's catch-up.
        if (!stop?.aborted) await this.options.onBatch?.(result, source);
      }
      // Pages left unread by the stop: their items were left out, the feed is read again.
      if (read.cutShort) return this.#stopped(source, result.stored);
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
      // Aborted by the stop, or failed as the process stops: read again at the next start.
      if (stop?.aborted) return this.#stopped(source, 0);
      await this.#fail(source, at, error);
      return { kind: 'failed' };
    }
  }

  #stopped(source: SourceRow, stored: number): PollOutcome {
    this.options.log?.(
      `vigie run: ${source.name} (${source.id}) stopped before its batch was complete ` +
        `(${stored} document(s) stored); it is read again at the next start`,
    );
    return { kind: 'stopped' };
  }

  #drain(stop: AbortSignal): AbortSignal {
    let drain = this.#drains.get(stop);
    if (!drain) {
      drain = drainAfter(stop, this.options.stopDrainMs ?? DEFAULT_STOP_DRAIN_MS);
      this.#drains.set(stop, drain);
    }
    return drain;
  }

  /** Reads the source within its time budget, or until `stop` aborts. */
  #read(source: SourceRow, url: string, stop: AbortSignal | undefined): Promise<SourceRead> {
    const { store, fetcher } = this.options;
    const budgetMs = this.options.sourceBudgetMs ?? DEFAULT_SOURCE_BUDGET_MS;
    const ref = {
      id: source.id,
      name: source.name,
      url,
      lang: source.lang,
      etag: source.etag,
      lastModified: source.last_modified,
    };
    return withTimeBudget(
      budgetMs,
      url,
      (signal) =>
        readSource(ref, {
          fetcher,
          knownUrls: (urls) => knownDocumentUrls(store.db, urls),
          allowedRoots: this.options.allowedRoots ?? [],
          signal,
          ...(this.options.readJsonl ? { readJsonl: this.options.readJsonl } : {}),
          ...(this.options.pageConcurrency
            ? { pageConcurrency: this.options.pageConcurrency }
            : {}),
          ...(this.options.maxPagesPerFeed !== undefined
            ? { maxPagesPerFeed: this.options.maxPagesPerFeed }
            : {}),
        }),
      stop,
    );
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

type Totals = { -readonly [K in keyof Omit<CycleSummary, 'nextDueAt'>]: number };

function emptyTotals(): Totals {
  return {
    sources: 0,
    ok: 0,
    notModified: 0,
    failed: 0,
    stored: 0,
    duplicates: 0,
    failedDocuments: 0,
  };
}

function addOutcome(totals: Totals, outcome: PollOutcome): void {
  totals.sources += 1;
  if (outcome.kind === 'stopped') return;
  if (outcome.kind === 'failed') {
    totals.failed += 1;
    return;
  }
  totals.ok += 1;
  if (outcome.kind === 'not-modified') totals.notModified += 1;
  totals.stored += outcome.stored;
  totals.duplicates += outcome.duplicates;
  totals.failedDocuments += outcome.failedDocuments;
}
