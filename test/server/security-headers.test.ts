import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await buildHarness();
});
afterAll(async () => h.close());

const CSP =
  "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;" +
  "font-src 'self';connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';" +
  "frame-ancestors 'none'";

describe('security headers computed once from helmet', () => {
  it('are on every kind of reply: a list, a refusal, an unknown route, bad input', async () => {
    const replies = [
      await h.as('viewer', { url: '/api/documents?limit=1' }),
      await h.as('none', { url: '/api/overview' }),
      await h.as('viewer', { url: '/api/nothing-here' }),
      await h.as('viewer', { url: '/api/documents?limit=0' }),
    ];
    expect(replies.map((r) => r.statusCode)).toEqual([200, 401, 404, 400]);
    for (const res of replies) {
      expect(res.headers['content-security-policy']).toBe(CSP);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+; includeSubDomains$/);
      expect(res.headers['x-dns-prefetch-control']).toBe('off');
      expect(res.headers['cross-origin-embedder-policy']).toBeUndefined();
      // The probe's own content type is not copied over the real reply's.
      expect(res.headers['content-type']).toContain('application/json');
    }
  });
});
