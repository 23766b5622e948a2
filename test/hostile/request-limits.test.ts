/**
 * Finding 2 of the hardening review: work per request was unbounded. A viewer could post 8 MiB
 * to any route and run as many extractions at once as it liked. Bodies are now sized by route
 * and role (413 before the body is read, or as a chunked one streams in), and costly routes
 * are capped per client (429) and for the whole server (503), each with a JSON message naming
 * the setting.
 */
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import type { IngestOutcome, ServerServices } from '../../src/server/services.js';
import { buildHarness, type Harness } from '../server/harness.js';

const OK: IngestOutcome = {
  stored: 1,
  duplicates: 0,
  mentions: 0,
  documentIds: ['d'],
  failed: [],
  warnings: [],
};

/** An ingest service that holds every call until `open()`. */
function gatedServices(): { services: ServerServices; open: () => void; entered: () => number } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let calls = 0;
  return {
    services: {
      ingestDocuments: async () => {
        calls += 1;
        await gate;
        return OK;
      },
      extractText: () => ({ lang: 'en', mentions: [], origins: [] }),
    },
    open: () => release(),
    entered: () => calls,
  };
}

const extractBody = (chars: number) => ({ text: 'a'.repeat(chars), lang: 'en' });
const post = (url: string, payload: Record<string, unknown>) => ({
  method: 'POST' as const,
  url,
  payload,
});

async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((r) => setTimeout(r, 5));
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('body limits by route and role', () => {
  it('refuses a viewer a body over its limit with 413 and the setting, an analyst not', async () => {
    h = await buildHarness({
      services: gatedServices().services,
      server: { limits: { viewer: { bodyBytes: 100_000 } } },
    });
    const big = post('/api/extract', extractBody(150_000));
    const viewer = await h.as('viewer', big);
    expect(viewer.statusCode).toBe(413);
    expect(viewer.json().error.code).toBe('VIGIE_PAYLOAD_TOO_LARGE');
    expect(viewer.json().error.message).toMatch(/server\.limits\.viewer\.bodyBytes/);
    const analyst = await h.as('analyst', big);
    expect(analyst.statusCode).toBe(200);
  });

  it('gives the anonymous viewer the smallest bodies', async () => {
    h = await buildHarness({
      services: gatedServices().services,
      server: { anonymousViewer: true },
    });
    const body = post('/api/extract', extractBody(100_000));
    const anonymous = await h.as('none', body);
    expect(anonymous.statusCode).toBe(413);
    expect(anonymous.json().error.message).toMatch(/anonymous/);
    expect((await h.as('viewer', body)).statusCode).toBe(200);
  });

  it('caps a route with no document in it at its own ceiling, whatever the role', async () => {
    h = await buildHarness({ services: gatedServices().services });
    const res = await h.as('admin', post('/api/sources', { name: 'x'.repeat(200_000) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/every role/);
  });

  it('stops reading a chunked body (no length declared) once it passes the limit', async () => {
    h = await buildHarness({
      services: gatedServices().services,
      server: { limits: { viewer: { bodyBytes: 100_000 } } },
    });
    const address = await h.app.listen({ host: '127.0.0.1', port: 0 });
    async function* chunks() {
      yield Buffer.from('{"text":"');
      for (let i = 0; i < 200; i++) yield Buffer.from('a'.repeat(1000));
      yield Buffer.from('"}');
    }
    const res = await request(`${address}/api/extract`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${h.seed.tokens.viewer}`,
      },
      body: Readable.from(chunks()),
    });
    expect(res.statusCode).toBe(413);
    const answer = (await res.body.json()) as { error: { code: string } };
    expect(answer.error.code).toBe('VIGIE_PAYLOAD_TOO_LARGE');
  });
});

describe('concurrency caps on costly routes', () => {
  it('answers 429 to a client past its role cap and 503 when the server is full', async () => {
    const gated = gatedServices();
    h = await buildHarness({
      services: gated.services,
      server: { limits: { analyst: { concurrent: 1 }, maxInFlight: 1 } },
    });
    const doc = post('/api/documents', { text: 'Iran tested a missile.' });
    const first = h.as('analyst', doc);
    await until(() => gated.entered() === 1);
    const same = await h.as('analyst', doc);
    expect(same.statusCode).toBe(429);
    expect(same.json().error.message).toMatch(/server\.limits\.analyst\.concurrent/);
    const other = await h.as('admin', doc);
    expect(other.statusCode).toBe(503);
    expect(other.json().error.code).toBe('VIGIE_BUSY');
    // Cheap reads are not counted: the dashboard keeps working.
    expect((await h.as('viewer', { url: '/api/overview' })).statusCode).toBe(200);
    gated.open();
    expect((await first).statusCode).toBe(201);
    // The slot is given back.
    expect((await h.as('admin', doc)).statusCode).toBe(201);
  });
});
