import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SafeFetcher, type FetchPolicy } from '../../src/ingest/fetch/safe-fetch.js';
import { createAddressPolicy } from '../../src/ingest/fetch/address-policy.js';
import type { Resolver } from '../../src/ingest/fetch/guarded-lookup.js';
import {
  endless,
  loopbackOnly,
  serve,
  startFixtureServer,
  type FixtureServer,
} from './support/fixture-server.js';

const POLICY: FetchPolicy = {
  timeoutMs: 3000,
  maxBytes: 256 * 1024,
  maxRedirects: 3,
  userAgent: 'vigie-test',
  allowPrivate: ['127.0.0.1'],
};

let server: FixtureServer;
let fetcher: SafeFetcher;

beforeAll(async () => {
  server = await startFixtureServer();
  fetcher = new SafeFetcher(POLICY, { resolver: loopbackOnly });
  server.route('/ok', serve('hello', { 'content-type': 'text/plain' }));
  server.route('/cond', (req, res) => {
    if (req.headers['if-none-match'] === '"v1"') res.writeHead(304).end();
    else
      res
        .writeHead(200, {
          etag: '"v1"',
          'last-modified': 'Tue, 01 Oct 2024 10:00:00 GMT',
          'content-type': 'text/plain',
        })
        .end('v1');
  });
  server.route('/r1', serve('', { location: '/r2' }, 302));
  server.route('/r2', serve('', { location: '/ok' }, 301));
  server.route('/loop-a', serve('', { location: '/loop-b' }, 302));
  server.route('/loop-b', serve('', { location: '/loop-a' }, 302));
  for (let i = 0; i < 6; i++)
    server.route(`/chain${i}`, serve('', { location: `/chain${i + 1}` }, 307));
  server.route(
    '/to-metadata',
    serve('', { location: 'http://169.254.169.254/latest/meta-data/' }, 302),
  );
  server.route('/to-file', serve('', { location: 'file:///etc/passwd' }, 302));
  server.route('/endless', endless());
  server.route('/too-long', serve(Buffer.alloc(300 * 1024, 'b'), { 'content-type': 'text/plain' }));
  server.route('/slow', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('partial');
  });
  server.route('/error', serve('boom', { 'content-type': 'text/plain' }, 503));
  server.route('/pdf', serve('%PDF-1.4', { 'content-type': 'application/pdf' }));
});

afterAll(async () => {
  await fetcher.close();
  await server.close();
});

describe('SafeFetcher on loopback (allowlisted)', () => {
  it('fetches a page', async () => {
    const res = await fetcher.fetch({ url: `${server.origin}/ok` });
    expect(Buffer.from(res.body).toString()).toBe('hello');
    expect(res).toMatchObject({ status: 200, notModified: false, contentType: 'text/plain' });
  });

  it('does a conditional GET', async () => {
    const first = await fetcher.fetch({ url: `${server.origin}/cond` });
    expect(first.etag).toBe('"v1"');
    const second = await fetcher.fetch({
      url: `${server.origin}/cond`,
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(second).toMatchObject({ status: 304, notModified: true });
  });

  it('follows bounded redirects', async () => {
    const res = await fetcher.fetch({ url: `${server.origin}/r1` });
    expect(res.url).toBe(`${server.origin}/ok`);
  });

  it('stops a redirect loop and a long chain', async () => {
    await expect(fetcher.fetch({ url: `${server.origin}/loop-a` })).rejects.toMatchObject({
      code: 'VIGIE_FETCH_FAILED',
      message: expect.stringContaining('redirect loop'),
    });
    await expect(fetcher.fetch({ url: `${server.origin}/chain0` })).rejects.toThrow(
      'more than 3 redirects',
    );
  });

  it('re-checks every redirect hop', async () => {
    await expect(fetcher.fetch({ url: `${server.origin}/to-metadata` })).rejects.toMatchObject({
      code: 'VIGIE_FETCH_REFUSED',
      message: expect.stringContaining('169.254.169.254'),
    });
    await expect(fetcher.fetch({ url: `${server.origin}/to-file` })).rejects.toMatchObject({
      code: 'VIGIE_FETCH_REFUSED',
    });
  });

  it('stops reading an endless response at the size cap', async () => {
    await expect(fetcher.fetch({ url: `${server.origin}/endless` })).rejects.toMatchObject({
      code: 'VIGIE_FETCH_FAILED',
      message: expect.stringContaining('262144-byte cap'),
    });
    await expect(fetcher.fetch({ url: `${server.origin}/too-long` })).rejects.toThrow('cap');
  });

  it('times out a stalled body', async () => {
    const quick = new SafeFetcher({ ...POLICY, timeoutMs: 300 }, { resolver: loopbackOnly });
    await expect(quick.fetch({ url: `${server.origin}/slow` })).rejects.toMatchObject({
      code: 'VIGIE_FETCH_FAILED',
      message: expect.stringContaining('timed out'),
    });
    await quick.close();
  });

  it('reports HTTP errors, unexpected types and unreachable hosts', async () => {
    await expect(fetcher.fetch({ url: `${server.origin}/error` })).rejects.toMatchObject({
      code: 'VIGIE_FETCH_FAILED',
      status: 503,
    });
    await expect(
      fetcher.fetch({ url: `${server.origin}/pdf`, accept: ['text/html', 'application/rss+xml'] }),
    ).rejects.toThrow('unexpected content type application/pdf');
    const closed = await startFixtureServer();
    const origin = closed.origin;
    await closed.close();
    await expect(fetcher.fetch({ url: `${origin}/gone` })).rejects.toMatchObject({
      code: 'VIGIE_FETCH_FAILED',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });
});

describe('SafeFetcher refusals (no connection is ever attempted)', () => {
  // Names resolve to forbidden addresses through a fake resolver; the refusal happens in lookup.
  const fake: Resolver = async (hostname) => {
    const table: Record<string, string> = {
      'intranet.test': '10.1.2.3',
      'metadata.test': '169.254.169.254',
      'home.test': '127.0.0.1',
      'v6.test': 'fe80::1',
      'mapped.test': '::ffff:192.168.1.1',
    };
    const address = table[hostname];
    if (!address)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  };
  const strict = new SafeFetcher({ ...POLICY, allowPrivate: [] }, { resolver: fake });
  afterAll(() => strict.close());

  it('refuses loopback, private and metadata IP literals before connecting', async () => {
    for (const url of [
      server?.origin ?? 'http://127.0.0.1:1',
      'http://10.0.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]/',
      'http://0.0.0.0/',
      'http://2130706433/',
    ]) {
      await expect(strict.fetch({ url })).rejects.toMatchObject({ code: 'VIGIE_FETCH_REFUSED' });
    }
    expect(server.hits.get('/') ?? 0).toBe(0);
  });

  it('refuses names that resolve to forbidden addresses', async () => {
    for (const host of ['intranet.test', 'metadata.test', 'home.test', 'v6.test', 'mapped.test']) {
      await expect(strict.fetch({ url: `http://${host}/feed` })).rejects.toMatchObject({
        code: 'VIGIE_FETCH_REFUSED',
        message: expect.stringContaining(host),
      });
    }
  });

  it('refuses other schemes', async () => {
    for (const url of ['ftp://example.org/x', 'file:///etc/passwd', 'gopher://x/']) {
      await expect(strict.fetch({ url })).rejects.toMatchObject({
        code: 'VIGIE_FETCH_REFUSED',
        message: expect.stringContaining('only http and https'),
      });
    }
  });

  it('reports an unknown name as a fetch failure', async () => {
    await expect(strict.fetch({ url: 'http://nowhere.test/' })).rejects.toMatchObject({
      code: 'VIGIE_FETCH_FAILED',
      message: expect.stringContaining('ENOTFOUND'),
    });
  });
});

describe('address policy allowlist', () => {
  it('allows by host name or CIDR only', () => {
    const policy = createAddressPolicy(['intranet.test', '10.20.0.0/16']);
    expect(policy.refusal('10.1.2.3', 'intranet.test')).toBeNull();
    expect(policy.refusal('10.20.3.4', 'other.test')).toBeNull();
    expect(policy.refusal('10.21.3.4', 'other.test')).toMatch(/private/);
    expect(policy.refusal('93.184.216.34', 'example.org')).toBeNull();
    expect(policy.refusal('2606:4700::1', 'example.org')).toBeNull();
    expect(() => createAddressPolicy(['10.0.0.0/99'])).toThrow('bad CIDR');
  });
});
