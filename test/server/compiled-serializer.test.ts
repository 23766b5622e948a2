import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listApiDocuments } from '../../src/store/api-queries/document-queries.js';
import { listApiEvents } from '../../src/store/api-queries/event-queries.js';
import { listApiMentions } from '../../src/store/api-queries/mention-queries.js';
import { buildHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await buildHarness();
});
afterAll(async () => h.close());

/** The body the route sends, next to what JSON.stringify makes of the store's own page. */
async function both(url: string, read: () => Promise<unknown>): Promise<[string, string]> {
  const res = await h.as('viewer', { url });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  return [res.body, JSON.stringify(await read())];
}

describe('list routes serialised by their compiled response schema', () => {
  it('send what JSON.stringify sends: no field dropped, renamed or coerced', async () => {
    const s = h.store;
    const cases: [string, () => Promise<unknown>][] = [
      ['/api/documents?limit=3', () => listApiDocuments(s, {}, { limit: 3 })],
      [
        '/api/documents?q=intercontinental',
        () => listApiDocuments(s, { q: 'intercontinental' }, { limit: 50 }),
      ],
      ['/api/mentions?limit=4', () => listApiMentions(s, {}, { limit: 4 })],
      ['/api/mentions?actor=PRK', () => listApiMentions(s, { actor: 'PRK' }, { limit: 50 })],
      ['/api/events?limit=5', () => listApiEvents(s, {}, { limit: 5 })],
    ];
    for (const [url, read] of cases) {
      const [sent, plain] = await both(url, read);
      // Key order inside an object may follow the schema; the values must be the same.
      expect(JSON.parse(sent), url).toStrictEqual(JSON.parse(plain));
      expect((JSON.parse(sent) as { items: unknown[] }).items.length, url).toBeGreaterThan(0);
    }
  });
});
