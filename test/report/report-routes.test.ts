import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHarness, type Harness } from '../server/harness.js';

describe('brief and export routes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await buildHarness();
  });
  afterAll(async () => h?.close());

  it('serves a brief as HTML and Markdown, in French on request', async () => {
    const html = await h.as('viewer', { url: '/api/boards/korea/brief?since=14d' });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toContain('Situation report');
    expect(html.body).not.toContain('<script');
    const md = await h.as('viewer', { url: '/api/boards/korea/brief?format=md&lang=fr&since=14d' });
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.body).toContain('# Note de situation');
  });

  it('covers the date range it is given', async () => {
    const html = await h.as('viewer', {
      url: '/api/boards/korea/brief?since=2024-11-01&until=2024-11-05',
    });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('2024-11-01');
    expect(html.body).toContain('2024-11-05');
    expect(html.body).not.toContain('#event-evt-test-2');
    const bad = await h.as('viewer', { url: '/api/boards/korea/brief?until=soon' });
    expect(bad.statusCode).toBe(400);
  });

  it('links citations and events back to the dashboard when told its address', async () => {
    const base = encodeURIComponent('http://vigie.test:8080/');
    const html = await h.as('viewer', {
      url: `/api/boards/korea/brief?since=14d&dashboard=${base}`,
    });
    expect(html.statusCode).toBe(200);
    expect(html.body).toMatch(
      /<a href="http:\/\/vigie\.test:8080\/#\/documents\/doc-en-1\?start=0&amp;end=\d+" class="in-vigie">/,
    );
    expect(html.body).toContain('<a href="http://vigie.test:8080/#/events/evt-test-1">');
    const md = await h.as('viewer', {
      url: `/api/boards/korea/brief?format=md&since=14d&dashboard=${base}`,
    });
    expect(md.body).toMatch(
      /\]\(<http:\/\/vigie\.test:8080\/#\/documents\/doc-en-\d\?start=0&end=\d+>\)/,
    );
    const plain = await h.as('viewer', { url: '/api/boards/korea/brief?since=14d' });
    expect(plain.body).not.toContain('#/documents/');
    const bad = await h.as('viewer', {
      url: `/api/boards/korea/brief?dashboard=${encodeURIComponent('javascript:alert(1)')}`,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('says which brief formats this server renders: PDF only where Chromium is', async () => {
    const saved = process.env['VIGIE_CHROMIUM'];
    try {
      process.env['VIGIE_CHROMIUM'] = '/nonexistent/chromium';
      const without = await h.as('viewer', { url: '/api/briefs/formats' });
      expect(without.statusCode).toBe(200);
      expect(without.json()).toEqual({
        formats: ['md', 'html'],
        languages: ['en', 'fr'],
        pdfUnavailableReason: expect.stringContaining('Chromium at /nonexistent/chromium'),
      });
      // Any existing executable passes the check (it is not launched): node itself.
      process.env['VIGIE_CHROMIUM'] = process.execPath;
      const withPdf = await h.as('viewer', { url: '/api/briefs/formats' });
      expect(withPdf.json()).toMatchObject({
        formats: ['md', 'html', 'pdf'],
        pdfUnavailableReason: null,
      });
      expect((await h.as('none', { url: '/api/briefs/formats' })).statusCode).toBe(401);
    } finally {
      if (saved === undefined) delete process.env['VIGIE_CHROMIUM'];
      else process.env['VIGIE_CHROMIUM'] = saved;
    }
  });

  it('answers 404 for an unknown board and 400 for a bad period', async () => {
    expect((await h.as('viewer', { url: '/api/boards/nope/brief' })).statusCode).toBe(404);
    expect((await h.as('viewer', { url: '/api/boards/korea/brief?since=soon' })).statusCode).toBe(
      400,
    );
  });

  it('streams exports to analysts only', async () => {
    expect((await h.as('viewer', { url: '/api/export?format=csv' })).statusCode).toBe(403);
    expect((await h.as('none', { url: '/api/export?format=csv' })).statusCode).toBe(401);
    const csv = await h.as('analyst', { url: '/api/export?format=csv&what=mentions' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('vigie-mentions.csv');
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(h.seed.mentionCount + 1);
    const stix = await h.as('analyst', { url: '/api/export?format=stix&tlp=green' });
    const bundle = JSON.parse(stix.body) as { type: string; objects: { name?: string }[] };
    expect(bundle.type).toBe('bundle');
    expect(bundle.objects.some((o) => o.name === 'TLP:GREEN')).toBe(true);
    const jsonl = await h.as('analyst', { url: '/api/export?format=jsonl' });
    expect(jsonl.body.split('\n')[0]).toContain('vigie-store');
    expect((await h.as('analyst', { url: '/api/export?format=xml' })).statusCode).toBe(400);
  });
});
