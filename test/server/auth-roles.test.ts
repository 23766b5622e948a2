import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/server/route-table.js';
import type { Access } from '../../src/server/route.js';
import { buildHarness, type Harness } from './harness.js';

const SAMPLE_IDS: Record<string, string> = {
  documents: 'doc-en-1',
  events: 'evt-test-1',
  stories: 'story-1',
  sources: 'src-wire',
  boards: 'korea',
  hypotheses: 'korea.icbm',
  alerts: 'alert-2',
};

function concreteUrl(url: string): string {
  const collection = url.split('/')[2] ?? '';
  return url.replace(':id', SAMPLE_IDS[collection] ?? 'x');
}

const ROLES = ['viewer', 'analyst', 'admin'] as const;
const RANK: Record<Access, number> = { public: 0, viewer: 1, analyst: 2, admin: 3 };

let h: Harness;
let logs = '';
beforeAll(async () => {
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs += chunk.toString('utf8');
      done();
    },
  });
  h = await buildHarness({ extra: { logger: { level: 'debug', stream } } });
});
afterAll(async () => h.close());

describe('role enforcement on every route of the table', () => {
  for (const route of ROUTES) {
    const url = concreteUrl(route.url);
    const name = `${route.method} ${route.url} (${route.access})`;
    it(name, async () => {
      const inject = {
        method: route.method,
        url,
        ...(route.method === 'GET' ? {} : { payload: {} }),
      };
      if (route.access === 'public') {
        expect((await h.as('none', inject)).statusCode).toBe(200);
        return;
      }
      const none = await h.as('none', inject);
      expect(none.statusCode, 'no token').toBe(401);
      expect(none.json().error.code).toBe('VIGIE_UNAUTHORIZED');
      const forged = `vigie_${'A'.repeat(43)}`;
      for (const authorization of [
        `Bearer ${forged}`,
        `Bearer ${h.seed.expiredToken}`,
        `Bearer ${h.seed.revokedToken}`,
        'Bearer not-a-token',
        `Basic ${Buffer.from('admin:admin').toString('base64')}`,
        `Bearer ${h.seed.tokens.admin}x`,
      ]) {
        const res = await h.as({ authorization }, inject);
        expect(res.statusCode, authorization.slice(0, 20)).toBe(401);
      }
      for (const role of ROLES) {
        const res = await h.as(role, inject);
        if (RANK[role] < RANK[route.access]) {
          expect(res.statusCode, `${role} refused`).toBe(403);
          expect(res.json().error.code).toBe('VIGIE_FORBIDDEN');
        } else {
          expect([401, 403], `${role} allowed: ${res.body}`).not.toContain(res.statusCode);
          expect(res.statusCode, res.body).toBeLessThan(500);
        }
      }
    });
  }

  it('a viewer is refused an analyst action and nothing changes', async () => {
    const res = await h.as('viewer', {
      method: 'PATCH',
      url: '/api/sources/src-wire',
      payload: { reliability: 'A' },
    });
    expect(res.statusCode).toBe(403);
    const row = await h.store.db
      .selectFrom('sources')
      .select('reliability')
      .where('id', '=', 'src-wire')
      .executeTakeFirstOrThrow();
    expect(row.reliability).toBe('C');
  });

  it('never writes a token to the log', () => {
    expect(logs.length).toBeGreaterThan(0);
    for (const token of [
      ...Object.values(h.seed.tokens),
      h.seed.expiredToken,
      h.seed.revokedToken,
    ]) {
      expect(logs).not.toContain(token);
      expect(logs).not.toContain(token.slice(6));
    }
    expect(logs).toContain('token refused');
  });

  it('stores tokens hashed only', async () => {
    const rows = await h.store.db.selectFrom('api_tokens').select('token_hash').execute();
    for (const r of rows) expect(r.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const all = JSON.stringify(rows);
    for (const token of Object.values(h.seed.tokens)) expect(all).not.toContain(token);
  });
});

describe('anonymous viewer (server.anonymousViewer)', () => {
  it('lets reads through without a token but still refuses analyst actions and bad tokens', async () => {
    const anon = await buildHarness({ server: { anonymousViewer: true } });
    try {
      expect((await anon.as('none', { url: '/api/overview' })).statusCode).toBe(200);
      expect(
        (await anon.as('none', { method: 'POST', url: '/api/alerts/alert-1/ack' })).statusCode,
      ).toBe(403);
      expect(
        (
          await anon.as(
            { authorization: `Bearer vigie_${'B'.repeat(43)}` },
            { url: '/api/overview' },
          )
        ).statusCode,
      ).toBe(401);
      expect(
        (await anon.as('analyst', { method: 'POST', url: '/api/alerts/alert-1/ack' })).statusCode,
      ).toBe(200);
    } finally {
      await anon.close();
    }
  });
});
