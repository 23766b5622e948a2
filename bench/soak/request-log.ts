/**
 * The soak server's request log: one JSON line per response, written when the response closes
 * (so a tar-pit's line says how long the client held on), read back by the checker.
 * @module
 */
import { readFileSync } from 'node:fs';

export type Client = 'vigie' | 'reference' | 'other';

export interface RequestLogEntry {
  /** Epoch ms when the request arrived. */
  t: number;
  /** How long the response stayed open. */
  ms: number;
  host: number;
  path: string;
  /** The plan's feed the path belongs to (its feed or one of its pages). */
  feed: string | null;
  kind: 'feed' | 'page' | 'other';
  ua: Client;
  status: number;
  bytes: number;
  /** The whole response was handed to the socket (false: the client or the server cut it). */
  complete: boolean;
  /** Feed responses: the oldest and newest item positions shown. */
  items?: [number, number] | null;
}

/** The User-Agent of the reference poller, so its requests are told from vigie's. */
export const REFERENCE_USER_AGENT = 'soak-reference/1';

export function userAgentOf(header: string | undefined): Client {
  if (header?.startsWith('Vigie/')) return 'vigie';
  if (header === REFERENCE_USER_AGENT) return 'reference';
  return 'other';
}

export function readRequestLog(file: string): RequestLogEntry[] {
  const entries: RequestLogEntry[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    entries.push(JSON.parse(line) as RequestLogEntry);
  }
  return entries.sort((a, b) => a.t - b.t);
}
