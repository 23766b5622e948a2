import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBoardFile } from './load-boards.js';
import { parseResolutions } from './load-resolutions.js';

const BOARD = `id: b
title: B
hypotheses:
  - id: h
    title: H
    kind: occurrence
    resolution: { criterion: an official confirmation, by: a government }
    prior: 0.2
    indicators:
      - { id: i, title: I, match: { types: [TECH_TRANSFER] }, lr: 3 }
`;
const board = { id: 'b', hypotheses: [{ id: 'h' }] } as Parameters<typeof parseResolutions>[2];
const ONE = `board: b
resolutions:
  - hypothesis: h
    outcome: true
    date: '2025-04-26'
    source: https://example.org/a
    note: acknowledged
`;

describe('resolutions YAML', () => {
  it('reads resolutions and checks them against the board', () => {
    expect(parseResolutions(ONE, 'r.yaml', board)).toEqual([
      {
        hypothesis: 'h',
        outcome: true,
        date: '2025-04-26',
        source: 'https://example.org/a',
        note: 'acknowledged',
      },
    ]);
    expect(() =>
      parseResolutions(ONE.replace('hypothesis: h', 'hypothesis: x'), 'r.yaml', board),
    ).toThrow(/r\.yaml: resolutions\.0\.hypothesis: no hypothesis "x"/);
    expect(() => parseResolutions(ONE.replace('board: b', 'board: c'), 'r.yaml', board)).toThrow(
      /not "b"/,
    );
    expect(() => parseResolutions(ONE.replace("'2025-04-26'", 'April'), 'r.yaml', board)).toThrow(
      /resolutions\.0\.date/,
    );
    expect(() =>
      parseResolutions(ONE + ONE.split('\n').slice(2).join('\n'), 'r.yaml', board),
    ).toThrow(/resolved twice/);
  });

  it('a resolutions file beside a board file ships with the board', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-res-'));
    writeFileSync(join(dir, 'b.yaml'), BOARD);
    expect(loadBoardFile(join(dir, 'b.yaml')).resolutions).toBeUndefined();
    writeFileSync(join(dir, 'b.resolutions.yaml'), ONE);
    expect(loadBoardFile(join(dir, 'b.yaml')).resolutions).toHaveLength(1);
  });
});
