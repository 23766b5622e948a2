import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../store/open-store.js';
import { boardIn, BoardSchema } from './board-schema.js';
import { defaultBoardFiles, loadWatchboards, parseBoard } from './load-boards.js';
import { storedBoards } from './resolve-hypothesis.js';
import { syncBoards } from './sync-boards.js';

const BOARD = `id: worded
title:
  en: Worded board
  fr: Tableau traduit
description: { en: What it watches, fr: Ce qu’il surveille }
hypotheses:
  - id: h1
    title: { en: H one, fr: H un }
    prior: 0.2
    kind: window
    horizonDays: 365
    resolution: { criterion: an official confirmation, by: a government }
    indicators:
      - id: i1
        title: { en: transfers, fr: transferts }
        match: { types: [TECH_TRANSFER] }
        lr: 4
      - id: i2
        title: English only
        extends: i1
        lr: 2
`;

describe('boards worded in several languages', () => {
  it('reads a title per language, or a plain string as English', () => {
    const b = parseBoard(BOARD, 'x.yaml');
    expect(b.title).toBe('Worded board');
    expect(b.titles).toEqual({ en: 'Worded board', fr: 'Tableau traduit' });
    expect(b.description).toBe('What it watches');
    expect(b.hypotheses[0]!.indicators[1]).toMatchObject({
      title: 'English only',
      titles: { en: 'English only' },
    });
    const fr = boardIn(b, 'fr');
    expect([fr.title, fr.description, fr.hypotheses[0]!.title]).toEqual([
      'Tableau traduit',
      'Ce qu’il surveille',
      'H un',
    ]);
    expect(fr.hypotheses[0]!.indicators.map((i) => i.title)).toEqual([
      'transferts',
      'English only',
    ]);
    expect(boardIn(b, 'en')).toBe(b);
  });

  it('names the field of a title without English, in an unknown language or not a text', () => {
    const parse = (text: string) => () => parseBoard(text, 'x.yaml');
    expect(parse(BOARD.replace('title: { en: H one, fr: H un }', 'title: { fr: H un }'))).toThrow(
      /^x\.yaml:\d+: hypotheses\.0\.title\.en: give the English text/,
    );
    expect(parse(BOARD.replace('fr: Tableau traduit', 'de: Übersetzte Tafel'))).toThrow(
      /^x\.yaml:\d+: title: unknown language de: a board is worded in en, fr/,
    );
    expect(parse(BOARD.replace('title: English only', 'title: 12'))).toThrow(
      /indicators\.1\.title: expected a text, or one text per language/,
    );
    expect(parse(BOARD.replace('fr: transferts', "fr: ''"))).toThrow(
      /: hypotheses\.0\.indicators\.0\.title\.fr: /,
    );
  });

  it('words every title and the description of the shipped boards in French', () => {
    const { boards, errors } = loadWatchboards(defaultBoardFiles());
    expect(errors).toEqual([]);
    for (const b of boards) {
      expect(b.titles?.fr, b.id).toBeTruthy();
      if (b.description) expect(b.descriptions?.fr, b.id).toBeTruthy();
      for (const h of b.hypotheses) {
        expect(h.titles?.fr, h.id).toBeTruthy();
        expect(h.titles?.fr).not.toBe(h.title);
        for (const i of h.indicators) expect(i.titles?.fr, `${h.id}/${i.id}`).toBeTruthy();
      }
    }
  });

  describe('in the store', () => {
    let store: Store;
    beforeAll(async () => {
      store = await openStore({ url: ':memory:' });
    });
    afterAll(async () => store.close());

    it('keeps English in title and the other languages in wording, and reads the board back', async () => {
      const board = parseBoard(BOARD, 'x.yaml');
      await syncBoards(store.db, [board], '2025-01-01T00:00:00Z');
      const row = await store.db
        .selectFrom('watchboards')
        .select(['title', 'description', 'wording'])
        .executeTakeFirstOrThrow();
      expect(row.title).toBe('Worded board');
      expect(JSON.parse(row.wording!)).toEqual({
        fr: { title: 'Tableau traduit', description: 'Ce qu’il surveille' },
      });
      const indicators = await store.db
        .selectFrom('indicators')
        .select(['id', 'title', 'wording'])
        .orderBy('id')
        .execute();
      expect(indicators).toEqual([
        { id: 'worded/h1/i1', title: 'transfers', wording: '{"fr":{"title":"transferts"}}' },
        { id: 'worded/h1/i2', title: 'English only', wording: null },
      ]);
      // The stored definition parses again, titles and all (scores and briefs read it).
      const [stored] = await storedBoards(store);
      expect(stored?.titles).toEqual(board.titles);
      expect(stored?.hypotheses[0]!.indicators[0]!.titles).toEqual({
        en: 'transfers',
        fr: 'transferts',
      });
      expect(
        BoardSchema.safeParse(
          JSON.parse(
            (
              await store.db
                .selectFrom('watchboards')
                .select('definition')
                .executeTakeFirstOrThrow()
            ).definition,
          ),
        ).success,
      ).toBe(true);
    });

    it('rewrites the rows when only a translation changes', async () => {
      const changed = parseBoard(BOARD.replace('fr: H un', 'fr: Hypothèse un'), 'x.yaml');
      await syncBoards(store.db, [changed], '2025-01-02T00:00:00Z');
      const h = await store.db
        .selectFrom('hypotheses')
        .select(['title', 'wording'])
        .executeTakeFirstOrThrow();
      expect(h).toEqual({ title: 'H one', wording: '{"fr":{"title":"Hypothèse un"}}' });
    });
  });
});
