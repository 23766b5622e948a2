// Preload for child processes in tests (`node --import tsx --import ./record-loads.js ...`):
// appends the URL of every module the process loads to the file named by VIGIE_TEST_LOAD_LOG, so
// a test can tell which modules a CLI run imported. Written synchronously as each module loads,
// so the log is complete even when the process ends with process.exit().
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

// This file is both the preload (main thread) and the hooks module (Node's hooks thread).
if (isMainThread) register(import.meta.url);

export async function load(url, context, nextLoad) {
  appendFileSync(process.env.VIGIE_TEST_LOAD_LOG, `${url}\n`);
  return nextLoad(url, context);
}
