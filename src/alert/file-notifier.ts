/**
 * File delivery: one JSON line per alert, appended to a file, or written to stdout (`-`).
 * @module
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Writable } from 'node:stream';
import type { Notifier } from './alert-firing.js';
import { NotifierError } from './notifier-error.js';

export interface FileNotifierOptions {
  readonly id: string;
  /** A file path, or `-` for stdout. */
  readonly path: string;
  /** Where `-` writes (default process.stdout). */
  readonly stdout?: Writable;
  readonly now?: () => Date;
}

export function createFileNotifier(options: FileNotifierOptions): Notifier {
  const now = options.now ?? (() => new Date());
  return {
    id: options.id,
    async send(alert, idempotencyKey) {
      const line = `${JSON.stringify({ idempotencyKey, deliveredAt: now().toISOString(), alert })}\n`;
      try {
        if (options.path === '-') {
          await writeTo(options.stdout ?? process.stdout, line);
        } else {
          await mkdir(dirname(options.path), { recursive: true });
          // One append of a whole line: O_APPEND keeps concurrent writers' lines intact.
          await appendFile(options.path, line, 'utf8');
        }
      } catch (error) {
        throw new NotifierError(
          options.id,
          `cannot write ${options.path}: ${(error as Error).message}`,
          { cause: error },
        );
      }
    },
  };
}

function writeTo(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}
