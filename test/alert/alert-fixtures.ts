/** Shared fixtures for the alert tests: firings and a real HTTP receiver on 127.0.0.1:0. */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AlertFiring } from '../../src/alert/alert-firing.js';

export function makeFiring(n: number, ruleId = 'first-arms'): AlertFiring {
  return {
    ruleId,
    kind: 'first-event',
    dedupKey: `${ruleId}:first-event:ARMS_TRANSFER:RUS>PRK:${n}`,
    title: `First ARMS_TRANSFER RUS → PRK #${n}`,
    payload: {
      rule: ruleId,
      kind: 'first-event',
      summary: `first ARMS_TRANSFER RUS → PRK (AIR_DEFENSE), asserted, credibility 2 #${n}`,
      at: '2024-06-19',
      pair: ['RUS', 'PRK'],
      eventType: 'ARMS_TRANSFER',
      evidenceIds: [],
      eventIds: [`evt-${n}`],
      mentionIds: [`doc-${n}#0`],
      documentIds: [`doc-${n}`],
    },
  };
}

export interface ReceivedRequest {
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface HttpReceiver {
  readonly url: string;
  readonly requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** A real HTTP server; `respond` decides each answer from the request and its index. */
export async function startHttpReceiver(
  respond: (request: ReceivedRequest, index: number, res: ServerResponse) => void,
): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(request);
      respond(request, requests.length - 1, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
