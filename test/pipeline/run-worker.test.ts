/**
 * The worker loop and the job handlers in one process, over both backends: a file source goes
 * through fetch-source → analyse with the real pipeline; failures are recorded, not lost; a stop
 * lets the job in flight finish; sources that are no longer due are skipped.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/extract-document.js';
import { enrichDocument } from '../../src/ingest/dedup/enrich-document.js';
import { SafeFetcher } from '../../src/ingest/fetch/safe-fetch.js';
import { Scheduler } from '../../src/ingest/scheduler/scheduler.js';
import { enqueueDueSources } from '../../src/pipeline/jobs/enqueue-due-sources.js';
import { createJobHandlers } from '../../src/pipeline/jobs/job-handlers.js';
import { fetchSourceJob } from '../../src/pipeline/jobs/job-kinds.js';
import { runWorker } from '../../src/pipeline/jobs/run-worker.js';
import { processDocuments } from '../../src/pipeline/process-documents.js';
import { countJobs, enqueueJob } from '../../src/store/jobs-repo.js';
import type { Store } from '../../src/store/open-store.js';
import { addSource } from '../../src/store/sources-repo.js';
import { testBackends } from '../support/test-stores.js';

const backends = await testBackends();
const tmp = mkdtempSync(join(tmpdir(), 'vigie-run-worker-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const DOCS = [
  {
    id: 'w-1',
    lang: 'en',
    published: '2024-10-20',
    text: 'Russia delivered ballistic missile components to North Korea last month, officials in Seoul said.',
  },
  {
    id: 'w-2',
    lang: 'en',
    published: '2024-10-23',
    text: 'North Korea has sent thousands of troops to Russia, the South Korean spy agency said on Wednesday.',
  },
];

function handlersFor(store: Store, fetcher: SafeFetcher) {
  const poller = new Scheduler({
    store,
    fetcher,
    allowedRoots: [tmp],
    process: (lines, source) =>
      processDocuments(store, lines, {
        sourceId: source.id,
        extract: (doc) => extractDocument(doc),
        enrich: enrichDocument,
      }),
  });
  return createJobHandlers({ store, poller, analysis: { boards: [], rules: [] } });
}

const fetcher = () =>
  new SafeFetcher({
    timeoutMs: 5000,
    maxBytes: 1_000_000,
    maxRedirects: 0,
    userAgent: 'vigie-test',
    allowPrivate: [],
  });

describe.each(backends)('vigie worker loop on $name', (backend) => {
  const run = it.skipIf(backend.skipReason !== null);

  run('fetches a due source, stores and analyses its documents, then drains', async () => {
    const store = await backend.open();
    const f = fetcher();
    try {
      const file = join(tmp, `${backend.name}-docs.jsonl`);
      writeFileSync(file, DOCS.map((d) => JSON.stringify(d)).join('\n'));
      const source = await addSource(store.db, { url: file, name: 'Local file' });
      const lines: string[] = [];
      const summary = await runWorker({
        store,
        handlers: handlersFor(store, f),
        once: true,
        concurrency: 2,
        schedule: () => enqueueDueSources(store),
        log: (line) => lines.push(line),
      });
      expect(summary).toEqual({ done: 2, failed: 0 });
      expect(lines[0]).toMatch(
        new RegExp(
          `fetch-source ${source.id} \\(attempt 1/5\\) done in \\d+ ms: Local file: ok, 2 stored`,
        ),
      );
      expect(lines[1]).toMatch(/analyse pending \(attempt 1\/8\) done .*analysed 2 document\(s\)/);
      const docs = await store.db.selectFrom('documents').select(['id', 'analysed_at']).execute();
      expect(docs.map((d) => d.id).sort()).toEqual(['w-1', 'w-2']);
      expect(docs.every((d) => d.analysed_at !== null)).toBe(true);
      // Fetched: no longer due, so a second scheduler step and a stale job do nothing.
      expect(await enqueueDueSources(store)).toBe(0);
      await enqueueJob(store.db, fetchSourceJob(source.id));
      await enqueueJob(store.db, fetchSourceJob('src_gone'));
      const again: string[] = [];
      await runWorker({
        store,
        handlers: handlersFor(store, f),
        once: true,
        log: (l) => again.push(l),
      });
      expect(again.join('\n')).toMatch(/not due before .*, skipped/);
      expect(again.join('\n')).toMatch(/src_gone .* source removed, skipped/);
      expect(await countJobs(store.db)).toMatchObject({ pending: 0, running: 0, done: 4 });
    } finally {
      await f.close();
      await store.close();
    }
  });

  run('records a failing job for a retry and goes on with the others', async () => {
    const store = await backend.open();
    try {
      await enqueueJob(store.db, { kind: 'boom', key: 'a', maxAttempts: 2 });
      await enqueueJob(store.db, { kind: 'fine', key: 'b' });
      await enqueueJob(store.db, { kind: 'nobody-handles-this', key: 'c' });
      const lines: string[] = [];
      const summary = await runWorker({
        store,
        handlers: {
          boom: () => Promise.reject(new Error('feed server said 503')),
          fine: () => Promise.resolve('ok'),
        },
        once: true,
        log: (line) => lines.push(line),
      });
      expect(summary).toEqual({ done: 1, failed: 1 });
      expect(lines.join('\n')).toMatch(
        /boom a \(attempt 1\/2\) failed → failed: Error: feed server said 503/,
      );
      const boom = await store.db
        .selectFrom('jobs')
        .selectAll()
        .where('kind', '=', 'boom')
        .executeTakeFirstOrThrow();
      expect(boom).toMatchObject({
        state: 'failed',
        attempts: 1,
        last_error: 'feed server said 503',
      });
      expect(Date.parse(boom.run_at)).toBeGreaterThan(Date.now());
      // Kinds this worker has no handler for stay queued for a worker that has one.
      expect(await countJobs(store.db)).toMatchObject({ pending: 1, failed: 1, done: 1 });
    } finally {
      await store.close();
    }
  });

  run('finishes the job in flight when stopped, and claims nothing after', async () => {
    const store = await backend.open();
    try {
      await enqueueJob(store.db, { kind: 'slow', key: 'first' });
      await enqueueJob(store.db, { kind: 'slow', key: 'second', runAt: new Date(Date.now() - 1) });
      const stop = new AbortController();
      let started!: () => void;
      const startedP = new Promise<void>((r) => (started = r));
      let finish!: () => void;
      const handled: string[] = [];
      const loop = runWorker({
        store,
        concurrency: 1,
        signal: stop.signal,
        handlers: {
          slow: async (job) => {
            handled.push(job.key);
            started();
            await new Promise<void>((r) => (finish = r));
            return 'finished';
          },
        },
      });
      await startedP;
      stop.abort();
      finish();
      expect(await loop).toEqual({ done: 1, failed: 0 });
      expect(handled).toHaveLength(1);
      expect(await countJobs(store.db)).toMatchObject({ done: 1, pending: 1, running: 0 });
    } finally {
      await store.close();
    }
  });
});
