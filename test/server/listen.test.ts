import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { buildHarness, type Harness } from './harness.js';

let h: Harness;
let base = '';
beforeAll(async () => {
  h = await buildHarness();
  await h.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => h.close());

describe('real listen on 127.0.0.1:0', () => {
  it('serves the API over HTTP with auth, JSON errors and security headers', async () => {
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get('content-security-policy')).toContain("script-src 'self'");
    const refused = await fetch(`${base}/api/overview`);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'VIGIE_UNAUTHORIZED',
    );
    const ok = await fetch(`${base}/api/events?actor=PRK&limit=2`, {
      headers: { authorization: `Bearer ${h.seed.tokens.viewer}` },
    });
    expect(ok.status).toBe(200);
    const page = (await ok.json()) as { items: unknown[]; next: string | null };
    expect(page.items).toHaveLength(2);
    expect(page.next).not.toBeNull();
    const bad = await fetch(`${base}/api/sources`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${h.seed.tokens.analyst}`,
        'content-type': 'application/json',
      },
      body: '{"name":',
    });
    expect(bad.status).toBe(400);
    const spec = await fetch(`${base}/openapi.json`);
    expect(((await spec.json()) as { openapi: string }).openapi).toBe('3.1.0');
  });
});
