/**
 * A thread of the extraction pool (extract-pool.ts): runs the same pure extractDocument on the
 * documents it is sent and posts each result, or the error's message, back with its job number.
 * @module
 */
import { parentPort } from 'node:worker_threads';
import { extractDocument } from '../extract/extract-document.js';
import type { ExtractJob, ExtractReply } from './extract-pool.js';

const port = parentPort;
if (!port) throw new Error('extract-worker.ts runs only as a worker thread of the extraction pool');

port.on('message', (job: ExtractJob) => {
  let reply: ExtractReply;
  try {
    reply = { job: job.job, result: extractDocument(job.doc) };
  } catch (error) {
    reply = { job: job.job, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
