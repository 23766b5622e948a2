import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await buildHarness();
});
afterAll(async () => h.close());

const get = async (url: string) => {
  const res = await h.as('viewer', { url });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
};

describe('read routes on a seeded SQLite store', () => {
  it('health needs no token', async () => {
    const res = await h.as('none', { url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', store: 'sqlite' });
  });

  it('searches documents with highlighted snippets and filters', async () => {
    const page = await get('/api/documents?q=intercontinental');
    expect(page.items.map((d: { id: string }) => d.id)).toEqual(['doc-en-2', 'doc-en-1']);
    const snippet = page.items[0].snippet;
    const marked = snippet.highlights.map((s: { start: number; end: number }) =>
      snippet.text.slice(s.start, s.end),
    );
    expect(marked).toEqual(['intercontinental']);
    expect((await get('/api/documents?lang=fr')).items.map((d: { id: string }) => d.id)).toEqual([
      'doc-fr-1',
    ]);
    expect((await get('/api/documents?sourceId=src-yonhap&until=2024-11-05')).items).toHaveLength(
      1,
    );
    expect((await get('/api/documents?storyId=story-1')).items).toHaveLength(2);
    expect(
      (await get('/api/documents?q=탄도미사일')).items.map((d: { id: string }) => d.id),
    ).toEqual(['doc-ko-1']);
  });

  it('pages documents with a cursor that reaches every document once', async () => {
    const seen: string[] = [];
    let url = '/api/documents?limit=2';
    for (let i = 0; i < 10; i++) {
      const page = await get(url);
      seen.push(...page.items.map((d: { id: string }) => d.id));
      if (!page.next) break;
      url = `/api/documents?limit=2&cursor=${encodeURIComponent(page.next)}`;
    }
    expect(seen).toEqual(['doc-hostile', 'doc-ko-1', 'doc-fr-1', 'doc-en-2', 'doc-en-1']);
  });

  it('returns a document with mentions, spans, cues, story siblings, origin and source', async () => {
    const doc = await get('/api/documents/doc-en-1');
    expect(doc.source).toMatchObject({ id: 'src-yonhap', reliability: 'B' });
    expect(doc.origin).toBe('Yonhap');
    expect(doc.story).toMatchObject({
      id: 'story-1',
      documentCount: 2,
      joined: { reason: 'new-story', source: 'kor-jcs', summary: 'first report of its story' },
    });
    expect(doc.siblings.map((s: { id: string }) => s.id)).toEqual(['doc-en-2']);
    expect(doc.mentions).toHaveLength(2);
    const m = doc.mentions[0];
    expect(doc.text.slice(m.span.start, m.span.end)).toBe(m.sentence);
    expect(doc.text.slice(m.trigger.start, m.trigger.end)).toBe('fired');
    expect(m.cues.some((c: { kind: string }) => c.kind === 'trigger')).toBe(true);
    // Whom the text says the claim comes from, apart from the conduit that carried it.
    expect(m.attribution).toEqual({
      actor: 'KOR',
      source: 'kor-jcs',
      label: "South Korea's Joint Chiefs of Staff",
      basis: 'named',
      span: { start: 71, end: 74 },
      conduit: 'Yonhap',
    });
    expect(doc.text.slice(m.attribution.span.start, m.attribution.span.end)).toBe('JCS');
    expect(doc.mentions[1].attribution).toBeNull();
  });

  it('filters mentions by actor in either role, type, modality, capability, lang and dates', async () => {
    const ids = async (q: string) =>
      (await get(`/api/mentions?${q}`)).items.map((m: { id: string }) => m.id);
    expect(await ids('actor=RUS')).toEqual(['doc-fr-1#0', 'doc-en-1#1']);
    expect((await ids('actor=PRK')).length).toBe(5);
    expect(await ids('type=MISSILE_TEST&capability=CRUISE_MISSILE')).toEqual(['doc-hostile#0']);
    expect(await ids('modality=HEDGED&lang=fr')).toEqual(['doc-fr-1#0']);
    expect(await ids('since=2024-11-12&until=2024-11-12')).toEqual(['doc-ko-1#0']);
    // q matches the mention's document: both mentions of the one article naming Pyongyang.
    expect(await ids('q=Pyongyang')).toEqual(['doc-en-1#1', 'doc-en-1#0']);
    expect(await ids('eventId=evt-test-1')).toEqual(['doc-en-2#0', 'doc-en-1#0']);
    expect(await ids('documentId=doc-ko-1')).toEqual(['doc-ko-1#0']);
  });

  it('lists events with filters and pages, and explains one event', async () => {
    const ids = async (q: string) =>
      (await get(`/api/events?${q}`)).items.map((e: { id: string }) => e.id);
    expect(await ids('')).toEqual(['evt-test-2', 'evt-transfer-1', 'evt-test-1']);
    expect(await ids('actor=RUS')).toEqual(['evt-transfer-1']);
    expect(await ids('type=MISSILE_TEST&lang=ko')).toEqual(['evt-test-2']);
    expect(await ids('capability=AIR_DEFENSE&modality=HEDGED')).toEqual(['evt-transfer-1']);
    expect(await ids('since=2024-11-10&until=2024-11-11')).toEqual(['evt-transfer-1']);
    const first = await get('/api/events?limit=1');
    const second = await get(`/api/events?limit=2&cursor=${first.next}`);
    expect(second.items.map((e: { id: string }) => e.id)).toEqual(['evt-transfer-1', 'evt-test-1']);
    expect(second.next).toBeNull();
    const e = await get('/api/events/evt-transfer-1');
    expect(e.mentions.map((m: { id: string }) => m.id).sort()).toEqual([
      'doc-en-1#1',
      'doc-fr-1#0',
    ]);
    expect(e.mentions[0].document.id).toBeTruthy();
    expect(e.explanation).toMatchObject({ independentOrigins: 2 });
  });

  it('returns a story with its documents and credited origins', async () => {
    const s = await get('/api/stories/story-1');
    expect(s.documents.map((d: { id: string }) => d.id)).toEqual(['doc-en-1', 'doc-en-2']);
    expect(s.origins).toEqual([{ name: 'Yonhap', documents: 2 }]);
    expect(s.joins[1]).toMatchObject({
      documentId: 'doc-en-2',
      reason: 'evidence',
      matchedDocumentId: 'doc-en-1',
      evidence: { stage: 'evidence', sourceId: 'kor-jcs', events: ['MISSILE_TEST/PRK/-'] },
      summary:
        "joined Yonhap's report on evidence: source South Korea's Joint Chiefs of Staff named by both; event MISSILE_TEST/PRK/-; 0 days apart",
    });
  });

  it('lists sources with totals', async () => {
    const s = await get('/api/sources?limit=2');
    expect(s.total).toBe(3);
    expect(s.items).toHaveLength(2);
    expect(s.next).toBe(2);
    expect(
      (await get('/api/sources?reliability=B')).items.map((x: { id: string }) => x.id),
    ).toEqual(['src-yonhap']);
  });

  it('shows boards, hypotheses with trajectories and last change, and explanations', async () => {
    const boards = await get('/api/boards');
    expect(boards.items[0].hypotheses).toHaveLength(2);
    const board = await get('/api/boards/korea');
    const icbm = board.hypotheses.find((x: { id: string }) => x.id === 'korea.icbm');
    expect(board.asOf).toBe('2024-11-12');
    expect(icbm.trajectory).toHaveLength(30);
    expect(icbm.trajectory.at(-1)).toEqual({ day: '2024-11-12', probability: 0.62 });
    expect(icbm.trajectory.find((p: { day: string }) => p.day === '2024-11-05').probability).toBe(
      0.41,
    );
    expect(icbm.trajectory[0].probability).toBe(0.2);
    expect(icbm.lastChange).toMatchObject({
      evidenceId: 'ev-2',
      before: 0.41,
      after: 0.62,
      eventId: 'evt-test-2',
    });
    expect(icbm.lastChange.reason).toContain('Missile tests by PRK');

    const hyp = await get('/api/hypotheses/korea.icbm');
    expect(hyp.indicators[0]).toMatchObject({ id: 'korea.icbm.tests', steps: 2 });
    expect(hyp.indicators[0].contribution).toBeCloseTo(
      Math.log(0.62 / 0.38) - Math.log(0.2 / 0.8),
      6,
    );
    expect(hyp.evidence.map((e: { id: string }) => e.id)).toEqual(['ev-2', 'ev-1']);

    const ex = await get('/api/hypotheses/korea.icbm/explain');
    expect(ex.steps.map((s: { id: string }) => s.id)).toEqual(['ev-1', 'ev-2']);
    expect(ex.steps[0].mentions.map((m: { id: string }) => m.id).sort()).toEqual([
      'doc-en-1#0',
      'doc-en-2#0',
    ]);
    const m = ex.steps[1].mentions[0];
    expect(m.sentence).toContain('탄도미사일');
    expect(ex.steps[1]).toMatchObject({ before: 0.41, after: 0.62 });
  });

  it('computes trends for a pair and a type', async () => {
    const t = await get('/api/trends?pair=RUS-PRK');
    expect(t.days).toEqual([{ day: '2024-11-10', events: 1, mentions: 2 }]);
    const all = await get('/api/trends?type=MISSILE_TEST&since=2024-11-01&until=2024-11-30');
    expect(all.days.map((d: { day: string }) => d.day)).toEqual(['2024-11-04', '2024-11-12']);
    expect((await get('/api/trends')).topPairs).toEqual([{ pair: ['PRK', 'RUS'], events: 1 }]);
  });

  it('lists alerts and filters the unacknowledged', async () => {
    const a = await get('/api/alerts?acknowledged=false');
    expect(a.total).toBe(2);
    expect(a.items[0].id).toBe('alert-1');
  });

  it('builds the overview: board cards, alerts, activity by language and source', async () => {
    const o = await get('/api/overview');
    expect(o.boards[0].hypotheses[0].trajectory).toHaveLength(30);
    expect(o.alerts).toHaveLength(2);
    expect(o.unacknowledgedAlerts).toBe(2);
    expect(o.activity.totals).toEqual({ documents: 5, mentions: 6, events: 3 });
    expect(o.activity.byLanguage).toContainEqual({ lang: 'en', documents: 3 });
    expect(o.activity.bySource).toContainEqual({
      sourceId: 'src-yonhap',
      name: 'Yonhap',
      documents: 2,
    });
  });

  it('answers 404 with a JSON error for unknown ids', async () => {
    for (const url of [
      '/api/documents/nope',
      '/api/events/nope',
      '/api/stories/nope',
      '/api/boards/nope',
      '/api/hypotheses/nope',
      '/api/hypotheses/nope/explain',
      '/api/sources/nope',
    ]) {
      const res = await h.as('viewer', { url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('VIGIE_NOT_FOUND');
    }
  });
});
