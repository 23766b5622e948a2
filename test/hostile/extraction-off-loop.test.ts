/**
 * Finding 2 of the hardening review: 8 parallel `POST /api/extract` of 1 MB each kept
 * `/api/health` waiting 4.2 s, because extraction ran on the event loop. Large inputs are now
 * extracted in a pool of worker threads, so the server answers while they run; the pool stops
 * with the server. Asserted by order (health answers before any extraction does), not by time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { liveExtractThreads } from '../../src/pipeline/extract-pool.js';
import { buildHarness, type Harness } from '../server/harness.js';

const SENTENCE =
  'The committee met on Tuesday to discuss the regional budget, the harbour and the weather. ';
const MB = 1_000_000;
const filler = (tag: number) =>
  `${tag} ${SENTENCE.repeat(Math.ceil(MB / SENTENCE.length))}`.slice(0, MB);

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('extraction off the event loop', () => {
  it('answers /api/health while 8 parallel 1 MB extractions run, and stops its threads on close', async () => {
    h = await buildHarness({ server: { limits: { viewer: { concurrent: 8 } } } });
    const harness = h;
    const done: string[] = [];
    const extractions = Array.from({ length: 8 }, (_, i) =>
      harness
        .as('viewer', {
          method: 'POST',
          url: '/api/extract',
          payload: { text: filler(i), lang: 'en' },
        })
        .then((res) => {
          done.push('extract');
          return res;
        }),
    );
    // The threads have the documents once they are started.
    while (liveExtractThreads() === 0) await new Promise((r) => setTimeout(r, 10));
    for (let i = 0; i < 5; i++) {
      const health = await harness.as('none', { url: '/api/health' });
      expect(health.statusCode).toBe(200);
      done.push('health');
    }
    const answers = await Promise.all(extractions);
    for (const res of answers) {
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ lang: 'en', mentions: [] });
    }
    expect(done.slice(0, 5)).toEqual(['health', 'health', 'health', 'health', 'health']);
    expect(liveExtractThreads()).toBeGreaterThan(0);
    await h.close();
    h = undefined;
    expect(liveExtractThreads()).toBe(0);
  }, 180_000);

  it('extracts a large posted document in the pool and stores its mentions', async () => {
    h = await buildHarness();
    const event = 'North Korea fired a ballistic missile on Tuesday, Seoul said. ';
    const text = `${event}${SENTENCE.repeat(Math.ceil(40_000 / SENTENCE.length))}`;
    const res = await h.as('analyst', {
      method: 'POST',
      url: '/api/documents',
      payload: { id: 'large', lang: 'en', published: '2024-11-12', text },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ stored: 1, failed: [] });
    expect(res.json().mentions).toBeGreaterThan(0);
    expect(liveExtractThreads()).toBeGreaterThan(0);
  }, 60_000);
});
