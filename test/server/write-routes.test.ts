import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/schema.js';
import { defaultServices } from '../../src/server/default-services.js';
import { buildHarness, type Harness } from './harness.js';

let h: Harness;
let page: Server;
let pageUrl = '';
const services = defaultServices(ConfigSchema.parse({ fetch: { allowPrivate: ['127.0.0.1'] } }));

const ARTICLE = `<!doctype html><html lang="en"><head><title>Russia delivers missiles</title>
<meta property="article:published_time" content="2024-11-14T08:00:00Z"></head><body><article>
<h1>Russia delivers missiles</h1>
<p>Russia delivered air defense missiles to North Korea last week, officials in Seoul said on Thursday.
The shipment included launchers and radars, according to the South Korean defence ministry, which
monitored the transfer closely over several days. ${'Analysts said the deliveries deepen military cooperation between the two countries. '.repeat(4)}</p>
</article></body></html>`;

beforeAll(async () => {
  h = await buildHarness({ services });
  page = createHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(ARTICLE);
  });
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/article`;
});
afterAll(async () => {
  await h.close();
  await services.close();
  await new Promise((resolve) => page.close(resolve));
});

const count = async (table: 'documents' | 'mentions' | 'sources') =>
  Number(
    (
      await h.store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('write routes', () => {
  it('ingests one document with extraction; its HTML is stored and returned inert, as text', async () => {
    const text =
      'North Korea test-fired a ballistic missile on Tuesday, South Korea said. <script>alert(1)</script><img src=x onerror=alert(2)>';
    const res = await h.as('analyst', {
      method: 'POST',
      url: '/api/documents',
      payload: {
        id: 'posted-1',
        text,
        lang: 'en',
        published: '2024-11-14T10:00:00Z',
        title: '<b>Test</b>',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json();
    expect(out).toMatchObject({ stored: 1, duplicates: 0, failed: [] });
    const id = out.documentIds[0];
    const doc = await h.as('viewer', { url: `/api/documents/${encodeURIComponent(id)}` });
    expect(doc.headers['content-type']).toContain('application/json');
    expect(doc.json().text).toBe(text);
    expect(doc.json().title).toBe('<b>Test</b>');
    expect(doc.json().mentions.length).toBeGreaterThan(0);
    expect(doc.json().mentions[0].type).toBe('MISSILE_TEST');
  });

  it('ingests a batch and reports duplicates and per-document failures', async () => {
    const before = await count('documents');
    const res = await h.as('analyst', {
      method: 'POST',
      url: '/api/documents',
      payload: {
        documents: [
          {
            text: 'Iran launched a satellite into orbit on Sunday, state media reported.',
            lang: 'en',
          },
          {
            text: 'Iran launched a satellite into orbit on Sunday, state media reported.',
            lang: 'en',
          },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ stored: 1, duplicates: 1 });
    expect(await count('documents')).toBe(before + 1);
  });

  it('ingests a URL through the guarded fetcher and the article reader', async () => {
    const res = await h.as('analyst', {
      method: 'POST',
      url: '/api/ingest-url',
      payload: { url: pageUrl },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().documentIds[0];
    const doc = (await h.as('viewer', { url: `/api/documents/${encodeURIComponent(id)}` })).json();
    expect(doc.text).toContain('Russia delivered air defense missiles');
    expect(doc.url).toBe(pageUrl);
  });

  it('refuses URL ingest of a private address under the default fetch policy', async () => {
    const strict = await buildHarness();
    try {
      const res = await strict.as('analyst', {
        method: 'POST',
        url: '/api/ingest-url',
        payload: { url: pageUrl },
      });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.code).toBe('VIGIE_FETCH_REFUSED');
    } finally {
      await strict.close();
    }
  });

  it('answers 501 for a service the server was built without', async () => {
    const bare = await buildHarness({ services: {} });
    try {
      const res = await bare.as('analyst', {
        method: 'POST',
        url: '/api/ingest-url',
        payload: { url: pageUrl },
      });
      expect(res.statusCode).toBe(501);
      expect(res.json().error.code).toBe('VIGIE_NOT_IMPLEMENTED');
    } finally {
      await bare.close();
    }
  });

  it('extracts posted text for a viewer without storing it', async () => {
    const before = await count('documents');
    const text = 'Russia delivered ballistic missiles to North Korea in June, officials said.';
    const res = await h.as('viewer', {
      method: 'POST',
      url: '/api/extract',
      payload: { text, lang: 'en' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out.lang).toBe('en');
    expect(out.mentions[0]).toMatchObject({ type: 'ARMS_TRANSFER', source: 'RUS', target: 'PRK' });
    expect(out.mentions[0].sentence).toBe(text.slice(out.mentions[0].start, out.mentions[0].end));
    expect(await count('documents')).toBe(before);
  });

  it('creates a source, grades its reliability, and rejects a duplicate URL', async () => {
    const created = await h.as('analyst', {
      method: 'POST',
      url: '/api/sources',
      payload: {
        name: 'KCNA Watch',
        kind: 'feed',
        url: 'https://kcnawatch.example/rss',
        reliability: 'D',
        lang: 'en',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const patched = await h.as('analyst', {
      method: 'PATCH',
      url: `/api/sources/${id}`,
      payload: { reliability: 'B' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().reliability).toBe('B');
    const dup = await h.as('analyst', {
      method: 'POST',
      url: '/api/sources',
      payload: { name: 'Again', kind: 'feed', url: 'https://kcnawatch.example/rss' },
    });
    expect(dup.statusCode).toBe(409);
    expect(
      (
        await h.as('analyst', {
          method: 'PATCH',
          url: '/api/sources/nope',
          payload: { reliability: 'A' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await h.as('analyst', {
          method: 'PATCH',
          url: `/api/sources/${id}`,
          payload: { reliability: 'Z' },
        })
      ).statusCode,
    ).toBe(400);
  });

  it('acknowledges an alert once, and the overview shows it at once', async () => {
    const o1 = (await h.as('viewer', { url: '/api/overview' })).json();
    const ack = await h.as('analyst', { method: 'POST', url: '/api/alerts/alert-1/ack' });
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ id: 'alert-1', acknowledgedBy: 'analyst-user' });
    const again = await h.as('admin', { method: 'POST', url: '/api/alerts/alert-1/ack' });
    expect(again.json().acknowledgedBy).toBe('analyst-user');
    const o2 = (await h.as('viewer', { url: '/api/overview' })).json();
    expect(o2.unacknowledgedAlerts).toBe(o1.unacknowledgedAlerts - 1);
    expect(
      (await h.as('analyst', { method: 'POST', url: '/api/alerts/nope/ack' })).statusCode,
    ).toBe(404);
  });
});
