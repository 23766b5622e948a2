import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHarness, type Harness } from './harness.js';

let h: Harness;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>Vigie</title><script type="module" src="/assets/app.js"></script>',
  );
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("vigie")');
  h = await buildHarness({ services: {}, extra: { webRoot: dir } });
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('dashboard files (web/dist)', () => {
  it('serves the SPA with fallback for client routes, and JSON 404 under /api', async () => {
    const root = await h.as('none', { url: '/' });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('<title>Vigie</title>');
    expect(root.headers['content-security-policy']).toContain("script-src 'self'");
    const asset = await h.as('none', { url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
    const deep = await h.as('none', { url: '/hypotheses/korea.icbm' });
    expect(deep.statusCode).toBe(200);
    expect(deep.headers['content-type']).toContain('text/html');
    const api = await h.as('viewer', { url: '/api/unknown' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('VIGIE_NOT_FOUND');
    expect(
      (await h.as('viewer', { method: 'POST', url: '/somewhere', payload: {} })).statusCode,
    ).toBe(404);
  });
});
