/**
 * Extraction off the event loop: a pool of worker threads, one per core by default, each
 * running the same pure extractDocument (extract-worker.ts). A thread takes one document at a
 * time; the others wait in order. Threads start on first use and stop with close(), which
 * rejects what is still waiting. Small documents cost less inline than the copy to a thread:
 * `extractor()` sends only those of at least `offLoopChars` characters.
 * @example
 * const pool = new ExtractPool();
 * const result = await pool.extract({ id: 'd1', text, lang: 'en' });
 * await pool.close();
 * @module
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { VigieError } from '../domain/errors.js';
import type { ExtractionResult } from '../domain/mention.js';
import { extractDocument } from '../extract/extract-document.js';
import type { ExtractFn } from './process-documents.js';

export type ExtractInput = Parameters<ExtractFn>[0];

/** What the pool posts to a thread, and what the thread posts back. */
export interface ExtractJob {
  readonly job: number;
  readonly doc: ExtractInput;
}
export type ExtractReply =
  | { readonly job: number; readonly result: ExtractionResult }
  | { readonly job: number; readonly error: string };

/** Documents at least this long (UTF-16 units) go to a thread: inline they block I/O > ~10 ms. */
export const OFF_LOOP_CHARS = 16_384;

let liveThreads = 0;

/** Extraction threads alive in this process, every pool together (a closed server leaves 0). */
export function liveExtractThreads(): number {
  return liveThreads;
}

export interface ExtractPoolOptions {
  /** Threads (default: the machine's cores). */
  readonly size?: number;
}

interface Waiting {
  readonly job: number;
  readonly doc: ExtractInput;
  resolve(result: ExtractionResult): void;
  reject(error: Error): void;
}

interface Thread {
  readonly worker: Worker;
  running: Waiting | null;
}

export class ExtractPool {
  readonly size: number;
  readonly #threads: Thread[] = [];
  readonly #queue: Waiting[] = [];
  #nextJob = 1;
  #closed = false;
  #started = 0;

  constructor(options: ExtractPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
  }

  /** Threads started since the pool was made (a crashed thread is replaced). */
  get threadsStarted(): number {
    return this.#started;
  }

  /** Threads running now. */
  get threads(): number {
    return this.#threads.length;
  }

  extract(doc: ExtractInput): Promise<ExtractionResult> {
    if (this.#closed) return Promise.reject(new PoolClosedError());
    return new Promise((resolve, reject) => {
      this.#queue.push({ job: this.#nextJob++, doc, resolve, reject });
      this.#dispatch();
    });
  }

  /** An ExtractFn: large documents to a thread, the others inline. */
  extractor(offLoopChars = OFF_LOOP_CHARS): ExtractFn {
    return (doc) => (doc.text.length >= offLoopChars ? this.extract(doc) : extractDocument(doc));
  }

  /** Stops every thread; documents still waiting or running are rejected. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const waiting of this.#queue.splice(0)) waiting.reject(new PoolClosedError());
    const threads = this.#threads.splice(0);
    for (const t of threads) t.running?.reject(new PoolClosedError());
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const thread = this.#threads.find((t) => t.running === null) ?? this.#spawn();
      if (!thread) return;
      const waiting = this.#queue.shift()!;
      thread.running = waiting;
      thread.worker.postMessage({ job: waiting.job, doc: waiting.doc } satisfies ExtractJob);
    }
  }

  #spawn(): Thread | undefined {
    if (this.#threads.length >= this.size) return undefined;
    const worker = new Worker(WORKER.script, { eval: WORKER.eval });
    const thread: Thread = { worker, running: null };
    this.#started += 1;
    liveThreads += 1;
    worker.once('exit', () => (liveThreads -= 1));
    worker.on('message', (reply: ExtractReply) => {
      const waiting = thread.running;
      thread.running = null;
      if (waiting?.job === reply.job) {
        if ('result' in reply) waiting.resolve(reply.result);
        else waiting.reject(new Error(reply.error));
      }
      this.#dispatch();
    });
    // A thread that dies (out of memory, a bug) fails its document only; the next one replaces it.
    const lost = (error: Error): void => {
      const at = this.#threads.indexOf(thread);
      if (at === -1) return;
      this.#threads.splice(at, 1);
      thread.running?.reject(error);
      thread.running = null;
      this.#dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`extraction thread exited with code ${code}`)));
    this.#threads.push(thread);
    return thread;
  }
}

export class PoolClosedError extends VigieError {
  constructor() {
    super('VIGIE_UNAVAILABLE', 'the extraction pool is shut down (the server is stopping)');
    this.name = 'PoolClosedError';
  }
}

/**
 * The thread's script: the compiled .js beside this module, or under tsx (tests, `tsx`
 * benchmarks) the .ts source, loaded after registering tsx's loader in the thread (an
 * `--import` flag does not reach a worker's entry module on Node 20).
 */
const WORKER = ((): { script: string | URL; eval: boolean } => {
  if (!import.meta.url.endsWith('.ts'))
    return { script: new URL('./extract-worker.js', import.meta.url), eval: false };
  // require.resolve finds the CommonJS build; the ES module build sits beside it.
  const api = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const tsx = pathToFileURL(api).href;
  const source = new URL('./extract-worker.ts', import.meta.url).href;
  const script = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return { script, eval: true };
})();
