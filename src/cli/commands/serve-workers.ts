/**
 * `vigie serve --workers N`: a node:cluster primary that forks N server processes sharing one
 * listening socket. Each worker opens its own store (SQLite WAL lets readers run side by side;
 * writes wait on SQLite's busy timeout) and keeps its own caches, token cache and rate-limit
 * counters. The primary opens no server: it forks, reports the address once, replaces a worker
 * that dies after it started, and on SIGINT/SIGTERM asks every worker to stop and waits for all.
 * @module
 */
import cluster, { type Worker } from 'node:cluster';

/** What a worker tells the primary once it listens. */
export interface ListeningMessage {
  readonly vigie: 'listening';
  readonly port: number;
}

/** What the primary tells a worker to shut down gracefully. */
export const STOP_MESSAGE = { vigie: 'stop' } as const;

export interface WorkerPoolOptions {
  readonly workers: number;
  /** Printed once every worker listens (the port the workers share). */
  onListening(port: number): void;
  onWarning(message: string): void;
}

/** True in a process forked by the pool: it serves and reports instead of forking. */
export function isServeWorker(): boolean {
  return cluster.isWorker;
}

/** In a worker: tells the primary the port it listens on. */
export function reportListening(port: number): void {
  const message: ListeningMessage = { vigie: 'listening', port };
  process.send?.(message);
}

/** In a worker: resolves on SIGINT, SIGTERM or the primary's stop message, whichever is first. */
export function waitForStop(): Promise<void> {
  return new Promise<void>((resolve) => {
    // The handlers stay installed: a second signal (Ctrl-C reaches the whole process group, then
    // the primary asks again) must not kill the process halfway through closing.
    process.on('SIGINT', () => resolve());
    process.on('SIGTERM', () => resolve());
    process.on('message', (m: unknown) => {
      if (isMessage(m, 'stop')) resolve();
    });
  });
}

/**
 * In a worker, once closed: drops the channel to the primary, which otherwise keeps it alive.
 * Through `cluster.worker` (not `process.disconnect`), so Node does not exit at once and the
 * store still closes.
 */
export function leavePool(): void {
  cluster.worker?.disconnect();
}

/**
 * In the primary: forks the workers and runs until a signal has stopped them all.
 * Rejects if a worker exits before it ever listened (bad config, port taken, store error).
 */
export function runWorkerPool(options: WorkerPoolOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const live = new Set<Worker>();
    const started = new Set<Worker>();
    let listening = false;
    let stopping = false;
    let failure: Error | null = null;

    const stop = () => {
      if (stopping) return;
      stopping = true;
      for (const w of live) if (w.isConnected()) w.send(STOP_MESSAGE);
    };
    const onSignal = () => stop();
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);

    const fork = () => {
      const worker = cluster.fork();
      live.add(worker);
      worker.on('message', (m: unknown) => {
        if (!isMessage(m, 'listening')) return;
        started.add(worker);
        if (!listening && started.size === options.workers) {
          listening = true;
          options.onListening((m as ListeningMessage).port);
        }
      });
      worker.on('exit', (code, signal) => {
        live.delete(worker);
        const wasStarted = started.delete(worker);
        if (!stopping) {
          const how = signal ?? `code ${code}`;
          if (!wasStarted) {
            failure = new Error(`a server worker exited before listening (${how})`);
            stop();
          } else {
            options.onWarning(
              `server worker ${worker.process.pid} exited (${how}); starting another`,
            );
            fork();
          }
        }
        if (stopping && live.size === 0) {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          if (failure) reject(failure);
          else resolve();
        }
      });
    };
    for (let i = 0; i < options.workers; i++) fork();
  });
}

function isMessage(m: unknown, kind: 'listening' | 'stop'): boolean {
  return typeof m === 'object' && m !== null && (m as { vigie?: unknown }).vigie === kind;
}
