import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStore } from '../server/seed.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { renderBrief } from '../../src/report/brief/render-brief.js';
import { renderPdf } from '../../src/report/brief/render-pdf.js';
import { parseBoard } from '../../src/analyse/watchboards/load-boards.js';
import { resolveHypothesis } from '../../src/analyse/watchboards/resolve-hypothesis.js';
import { scoreBoards } from '../../src/analyse/watchboards/score-boards.js';

const asOf = new Date('2024-11-15T00:00:00Z');

describe('briefs', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ url: ':memory:' });
    await seedStore(store);
    // The hostile article becomes evidence: its quoted span holds a <script> tag.
    await store.db
      .updateTable('mentions')
      .set({ event_id: 'evt-test-2' })
      .where('document_id', '=', 'doc-hostile')
      .execute();
    await store.db
      .updateTable('documents')
      .set({ outlet: '<img src=x onerror=alert(1)>' })
      .where('id', '=', 'doc-ko-1')
      .execute();
    await store.db
      .insertInto('watchboards')
      .values({
        id: 'empty',
        title: 'Empty board',
        description: null,
        definition: '{}',
        updated_at: '2024-11-01T00:00:00Z',
      })
      .execute();
  });
  afterAll(async () => store?.close());

  it('cites stored spans: every quote is the document text between its offsets', async () => {
    const brief = await renderBrief(store, { boardId: 'korea', since: '14d', asOf, format: 'md' });
    const citations = brief.data.events.flatMap((e) => e.citations);
    expect(citations.length).toBeGreaterThanOrEqual(3);
    for (const c of citations) {
      const doc = await store.db
        .selectFrom('documents')
        .select('text')
        .where('id', '=', c.documentId)
        .executeTakeFirstOrThrow();
      const mention = await store.db
        .selectFrom('mentions')
        .selectAll()
        .where('id', '=', c.mentionId)
        .executeTakeFirstOrThrow();
      expect(mention.document_id).toBe(c.documentId);
      expect([mention.span_start, mention.span_end]).toEqual([c.start, c.end]);
      expect(c.quote).toBe(doc.text.slice(c.start, c.end));
      expect(c.quote.length).toBeGreaterThan(0);
      expect(brief.body as string).toContain(`document ${c.documentId}, span ${c.start}–${c.end}`);
    }
    const icbm = brief.data.judgements.find((j) => j.hypothesisId === 'korea.icbm')!;
    expect(icbm.start).toBeCloseTo(0.2);
    expect(icbm.end).toBeCloseTo(0.62);
    expect(icbm.steps.map((s) => s.eventId)).toEqual(['evt-test-1', 'evt-test-2']);
    const md = brief.body as string;
    expect(md).toContain('## Key judgements');
    expect(md).toContain('+42.0 pts');
    expect(md).toContain('data:image/svg+xml;base64,');
    expect(md).toContain('Annex: sources cited');
    expect(md).not.toContain('<script');
  });

  it('escapes hostile article text and names in HTML, which stays self-contained', async () => {
    const brief = await renderBrief(store, {
      boardId: 'korea',
      since: '14d',
      asOf,
      format: 'html',
    });
    const html = brief.body as string;
    expect(html).toContain('&lt;script&gt;window.__pwned = true&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>/i);
    expect(html).not.toMatch(/(src|href)="(?!#|https?:\/\/news\.example)/);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  });

  it('writes French from data/report/fr.yaml', async () => {
    const brief = await renderBrief(store, {
      boardId: 'korea',
      since: '14d',
      asOf,
      format: 'md',
      lang: 'fr',
    });
    expect(brief.body as string).toContain('# Note de situation');
    expect(brief.body as string).toContain('Jugements clés');
  });

  it('names events, actors, modality and credibility in words, in English and French', async () => {
    const en = await renderBrief(store, { boardId: 'korea', since: '14d', asOf, format: 'md' });
    const fr = await renderBrief(store, {
      boardId: 'korea',
      since: '14d',
      asOf,
      format: 'md',
      lang: 'fr',
    });
    const codes = /\b(MISSILE_TEST|ARMS_TRANSFER|ASSERTED|HEDGED|BALLISTIC_MISSILE)\b/;
    expect(String(en.body)).not.toMatch(codes);
    expect(String(en.body)).toContain('Missile test — North Korea');
    expect(String(en.body)).toMatch(/credibility \d — (confirmed|probably true|possibly true)/);
    expect(String(fr.body)).not.toMatch(codes);
    expect(String(fr.body)).toContain('Essai de missile — Corée du Nord');
  });

  it('gives a valid brief for an empty period and for a board with no evidence', async () => {
    const quiet = await renderBrief(store, {
      boardId: 'korea',
      since: '7d',
      asOf: new Date('2025-06-01T00:00:00Z'),
      format: 'html',
    });
    expect(quiet.data.events).toHaveLength(0);
    expect(quiet.body as string).toContain('No new events for this watchboard during the period.');
    expect(quiet.body as string).toContain('No evidence moved this hypothesis during the period.');
    expect(quiet.data.judgements.find((j) => j.hypothesisId === 'korea.icbm')!.end).toBeCloseTo(
      0.62,
    );
    const empty = await renderBrief(store, { boardId: 'empty', since: '7d', asOf, format: 'md' });
    expect(empty.body as string).toContain('no evidence in the store');
    expect(empty.body as string).toMatch(/^# Situation report: Empty board/);
  });

  it('rejects unknown boards, formats, languages and periods clearly', async () => {
    await expect(renderBrief(store, { boardId: 'nope', asOf })).rejects.toThrow(
      /no watchboard "nope"/,
    );
    await expect(renderBrief(store, { boardId: 'korea', asOf, format: 'docx' })).rejects.toThrow(
      /unknown brief format/,
    );
    await expect(renderBrief(store, { boardId: 'korea', asOf, lang: 'de' })).rejects.toThrow(
      /no brief template/,
    );
    await expect(
      renderBrief(store, { boardId: 'korea', asOf, since: 'yesterday' }),
    ).rejects.toThrow(/not a period/);
  });

  it('says how the resolved hypotheses scored, and labels silence as silence', async () => {
    const board = parseBoard(
      `id: scored
title: { en: Scored board, fr: Tableau noté }
start: '2024-11-01'
hypotheses:
  - id: quiet
    title: { en: A nuclear test, fr: Un essai nucléaire }
    kind: window
    horizonDays: 90
    resolution: { criterion: a test detected by seismographs, by: a government }
    prior: 0.2
    indicators:
      - id: n
        title: tests
        match: { types: [NUCLEAR_TEST] }
        lr: 3
        absence: { days: 5, lr: 0.8 }
`,
      'scored.yaml',
    );
    await scoreBoards(store, [board], { asOf: '2024-11-12' });
    const none = await renderBrief(store, { boardId: 'scored', since: '14d', asOf, format: 'md' });
    expect(none.body as string).toContain('No hypothesis of this board has resolved yet.');
    expect(none.body as string).toMatch(/silence: no new report for \d+ days/);
    await resolveHypothesis(store, {
      hypothesisId: 'scored/quiet',
      input: { outcome: false, date: '2024-11-11', source: 'https://example.org/r' },
      recordedBy: 'test',
      now: '2024-11-15T00:00:00Z',
    });
    const brief = await renderBrief(store, { boardId: 'scored', since: '14d', asOf, format: 'md' });
    expect(brief.data.scores.hypotheses).toHaveLength(1);
    // Ten scored days (Nov 1–10), all below 0.7.
    expect(brief.body as string).toMatch(
      /A nuclear test: resolved false on 2024-11-11; Brier 0\.\d{3}; 0 days above 70%/,
    );
    expect(brief.body as string).toMatch(/Brier score 0\.\d{3} over 1 resolved hypothesis/);
    // In French, the board's and the hypothesis's own French titles, judgements and scores alike.
    const fr = String(
      (
        await renderBrief(store, {
          boardId: 'scored',
          since: '14d',
          asOf,
          format: 'md',
          lang: 'fr',
        })
      ).body,
    );
    expect(fr).toContain('Tableau noté');
    expect(fr.match(/Un essai nucléaire/g)?.length).toBeGreaterThanOrEqual(2);
    expect(fr).not.toMatch(/A nuclear test|Scored board/);
  });

  it('says clearly when Chromium is absent', async () => {
    await expect(renderPdf('<p>x</p>', '/nonexistent/chromium')).rejects.toThrow(
      /need Chromium at \/nonexistent\/chromium/,
    );
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))(
    'prints a PDF through Chromium',
    async () => {
      const brief = await renderBrief(store, {
        boardId: 'korea',
        since: '14d',
        asOf,
        format: 'pdf',
      });
      const pdf = brief.body as Buffer;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(2000);
    },
    60_000,
  );
});
