import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await buildHarness({ services: {}, extra: { bodyLimit: 64 * 1024 } });
});
afterAll(async () => h.close());

async function counts() {
  const n = async (t: 'documents' | 'mentions' | 'sources' | 'alerts' | 'users' | 'api_tokens') =>
    Number(
      (
        await h.store.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    documents: await n('documents'),
    mentions: await n('mentions'),
    sources: await n('sources'),
    users: await n('users'),
    tokens: await n('api_tokens'),
    reliability: await h.store.db
      .selectFrom('sources')
      .select(['id', 'reliability'])
      .orderBy('id')
      .execute(),
  };
}

function expectError(
  res: { statusCode: number; json(): unknown; body: string },
  status: number,
  code?: string,
) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json() as { error: { code: string; message: string } };
  expect(typeof body.error.message).toBe('string');
  if (code) expect(body.error.code).toBe(code);
}

describe('bad input: a clear 4xx, never a 500, nothing stored', () => {
  it('unknown routes and methods answer JSON 404', async () => {
    expectError(await h.as('viewer', { url: '/api/nope' }), 404, 'VIGIE_NOT_FOUND');
    expectError(await h.as('none', { url: '/nope/../../etc/passwd' }), 404);
    expectError(await h.as('viewer', { method: 'DELETE', url: '/api/documents/doc-en-1' }), 404);
    expectError(await h.as('viewer', { method: 'PUT', url: '/api/sources' }), 404);
  });

  it('the root points to the OpenAPI document when no dashboard is built', async () => {
    const res = await h.as('none', { url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ openapi: '/openapi.json' });
  });

  it('wrong types and out-of-range values in queries are 400 with details', async () => {
    for (const url of [
      '/api/documents?limit=abc',
      '/api/documents?limit=0',
      '/api/documents?limit=501',
      '/api/documents?since=yesterday',
      '/api/documents?cursor=%%%',
      '/api/documents?lang=english!',
      '/api/mentions?type=NOT_A_TYPE',
      '/api/mentions?actor=north-korea',
      '/api/mentions?limit=1&limit=2',
      '/api/events?capability=LASER',
      '/api/events?modality=maybe',
      '/api/events?cursor=bm90LWpzb24',
      '/api/trends?pair=PRK',
      '/api/alerts?acknowledged=perhaps',
      '/api/alerts?offset=-1',
      '/api/boards/korea?days=9999',
      `/api/documents?q=${'x'.repeat(600)}`,
    ]) {
      const res = await h.as('viewer', { url });
      expectError(res, 400, 'VIGIE_INPUT_INVALID');
    }
    const detailed = (await h.as('viewer', { url: '/api/documents?limit=abc' })).json() as {
      error: { details: { in: string; path: string[] }[] };
    };
    expect(detailed.error.details[0]).toMatchObject({ in: 'query', path: ['limit'] });
  });

  it('SQL injection strings in q and filters are just text', async () => {
    const before = await counts();
    for (const payload of [
      "'; DROP TABLE documents; --",
      '" OR 1=1 --',
      "missile' OR '1'='1",
      'NEAR(a b) OR * AND "',
      '%_%\\',
      'x) UNION SELECT token_hash FROM api_tokens --',
    ]) {
      const q = encodeURIComponent(payload);
      for (const url of [
        `/api/documents?q=${q}`,
        `/api/mentions?q=${q}`,
        `/api/sources?q=${q}`,
        `/api/documents?sourceId=${q}`,
        `/api/documents?outlet=${q}`,
        `/api/mentions?documentId=${q}`,
        `/api/events/${q}`,
        `/api/documents/${q}`,
      ]) {
        const res = await h.as('viewer', { url });
        expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(500);
        expect([200, 400, 404]).toContain(res.statusCode);
        if (res.statusCode === 200 && url.includes('?'))
          expect((res.json() as { items: unknown[] }).items).toEqual([]);
      }
    }
    expect(await counts()).toEqual(before);
  });

  it('malformed JSON, wrong content type, empty and huge bodies', async () => {
    const before = await counts();
    const post = (payload: string, contentType = 'application/json') =>
      h.as('analyst', {
        method: 'POST',
        url: '/api/sources',
        payload,
        headers: { 'content-type': contentType },
      });
    expectError(await post('{"name": "x", '), 400, 'VIGIE_INPUT_INVALID');
    expectError(await post('not json at all'), 400, 'VIGIE_INPUT_INVALID');
    expectError(await post(''), 400);
    expectError(await post('null'), 400, 'VIGIE_INPUT_INVALID');
    expectError(await post('[1,2,3]'), 400, 'VIGIE_INPUT_INVALID');
    expectError(
      await post('{"__proto__": {"admin": true}, "name": "x"}'),
      400,
      'VIGIE_INPUT_INVALID',
    );
    expectError(
      await post('name=x', 'application/x-www-form-urlencoded'),
      415,
      'VIGIE_UNSUPPORTED_MEDIA_TYPE',
    );
    expectError(await post('<xml/>', 'text/xml'), 415);
    const huge = JSON.stringify({
      name: 'x',
      kind: 'feed',
      url: `https://a.example/${'a'.repeat(100 * 1024)}`,
    });
    expectError(await post(huge), 413, 'VIGIE_PAYLOAD_TOO_LARGE');
    const hugeDoc = JSON.stringify({ text: 'y'.repeat(200 * 1024) });
    const res = await h.as('analyst', {
      method: 'POST',
      url: '/api/documents',
      payload: hugeDoc,
      headers: { 'content-type': 'application/json' },
    });
    expectError(res, 413);
    expect(await counts()).toEqual(before);
  });

  it('wrong types in bodies are 400 and store nothing', async () => {
    const before = await counts();
    const bodies: [string, string, unknown][] = [
      ['POST', '/api/sources', { name: 123, kind: 'feed' }],
      ['POST', '/api/sources', { name: 'x', kind: 'satellite', url: 'https://x.example' }],
      ['POST', '/api/sources', { name: 'x', kind: 'feed' }],
      ['POST', '/api/sources', { name: 'x', kind: 'feed', url: 'javascript:alert(1)' }],
      [
        'POST',
        '/api/sources',
        { name: 'x', kind: 'feed', url: 'https://x.example', role: 'admin' },
      ],
      ['PATCH', '/api/sources/src-wire', { reliability: 'Z' }],
      ['PATCH', '/api/sources/src-wire', { reliability: ['A'] }],
      ['PATCH', '/api/sources/src-wire', {}],
      ['POST', '/api/documents', { text: 42 }],
      ['POST', '/api/documents', { documents: [] }],
      ['POST', '/api/documents', { documents: [{ text: 'ok' }, { text: null }] }],
      ['POST', '/api/documents', { text: 'x', published: 'last tuesday' }],
      ['POST', '/api/ingest-url', { url: 'file:///etc/passwd' }],
      ['POST', '/api/ingest-url', { url: 'not a url' }],
      ['POST', '/api/extract', { text: '' }],
      ['POST', '/api/extract', { text: ['a'] }],
    ];
    for (const [method, url, payload] of bodies) {
      const res = await h.as('analyst', {
        method: method as 'POST',
        url,
        payload: payload as object,
      });
      expectError(res, 400, 'VIGIE_INPUT_INVALID');
    }
    expect(await counts()).toEqual(before);
  });

  it('HTML in a created source name is stored as text and returned as JSON', async () => {
    const name = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const res = await h.as('analyst', {
      method: 'POST',
      url: '/api/sources',
      payload: { name, kind: 'outlet' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const got = await h.as('viewer', { url: `/api/sources/${res.json().id}` });
    expect(got.json().name).toBe(name);
  });

  it('sends security headers with a strict CSP and no CORS by default', async () => {
    const res = await h.as('viewer', {
      url: '/api/health',
      headers: { origin: 'https://evil.example' },
    });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await h.as('none', {
      method: 'OPTIONS',
      url: '/api/documents',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows CORS only for configured origins', async () => {
    const open = await buildHarness({ server: { corsOrigins: ['https://dash.example'] } });
    try {
      const ok = await open.as('viewer', {
        url: '/api/health',
        headers: { origin: 'https://dash.example' },
      });
      expect(ok.headers['access-control-allow-origin']).toBe('https://dash.example');
      const other = await open.as('viewer', {
        url: '/api/health',
        headers: { origin: 'https://evil.example' },
      });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await open.close();
    }
  });

  it('rate-limits with a JSON 429', async () => {
    const limited = await buildHarness({ server: { rateLimitPerMinute: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await limited.as('viewer', { url: '/api/boards' })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const res = await limited.as('viewer', { url: '/api/boards' });
      expectError(res, 429, 'VIGIE_RATE_LIMITED');
      expectError(await limited.as('viewer', { url: '/api/nope' }), 429);
    } finally {
      await limited.close();
    }
  });
});
