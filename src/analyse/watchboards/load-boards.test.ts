import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBoardFiles, loadWatchboards, parseBoard, WatchboardError } from './load-boards.js';

const GOOD = `id: test-board
title: Test
hypotheses:
  - id: h1
    title: H one
    prior: 0.2
    kind: window
    horizonDays: 365
    resolution: { criterion: an official confirmation, by: a government }
    indicators:
      - id: i1
        title: transfers
        match:
          types: [TECH_TRANSFER]
          actors: { source: [RUS], target: [PRK] }
        lr: 4
      - id: i2
        title: planned transfers
        extends: i1
        match:
          modality: [PLANNED]
        lr: 2
`;

function errorOf(text: string): WatchboardError {
  try {
    parseBoard(text, 'boards/x.yaml');
  } catch (error) {
    if (error instanceof WatchboardError) return error;
    throw error;
  }
  throw new Error('expected a WatchboardError');
}

describe('watchboard files', () => {
  it('loads the shipped Russia–DPRK board with all eight hypotheses', () => {
    const { boards, errors } = loadWatchboards(defaultBoardFiles());
    expect(errors).toEqual([]);
    const board = boards.find((b) => b.id === 'russia-dprk')!;
    expect(board.hypotheses.map((h) => h.id)).toEqual([
      'bm-tech',
      'space-tech',
      'nuclear-aid',
      'submarine-tech',
      'air-defence',
      'troops-deployed',
      'troop-expansion',
      'treaty-invoked',
    ]);
  });

  it('resolves extends: the child inherits criteria and overrides its own', () => {
    const board = parseBoard(GOOD, 'g.yaml');
    expect(board.hypotheses[0]!.indicators[1]!.match).toEqual({
      types: ['TECH_TRANSFER'],
      actors: { source: ['RUS'], target: ['PRK'] },
      modality: ['PLANNED'],
    });
  });

  it('names file, line and field for an unknown event type', () => {
    const e = errorOf(GOOD.replace('types: [TECH_TRANSFER]', 'types: [TECH_TRANSFUR]'));
    expect(e.file).toBe('boards/x.yaml');
    expect(e.line).toBe(14);
    expect(e.field).toBe('hypotheses.0.indicators.0.match.types.0');
    expect(e.message).toMatch(
      /^boards\/x\.yaml:14: hypotheses\.0\.indicators\.0\.match\.types\.0:/,
    );
  });

  it('refuses unknown capability and actor codes', () => {
    expect(errorOf(GOOD.replace('lr: 4', 'lr: 4\n        match2: 1')).field).toBe(
      'hypotheses.0.indicators.0',
    );
    const cap = errorOf(
      GOOD.replace(
        'types: [TECH_TRANSFER]',
        'types: [TECH_TRANSFER]\n          capabilities: [LASER]',
      ),
    );
    expect(cap.field).toBe('hypotheses.0.indicators.0.match.capabilities.0');
    expect(cap.line).toBe(15);
    const actor = errorOf(GOOD.replace('source: [RUS]', 'source: [Russia]'));
    expect(actor.field).toBe('hypotheses.0.indicators.0.match.actors.source.0');
  });

  it('refuses a probability outside (0,1)', () => {
    const e = errorOf(GOOD.replace('prior: 0.2', 'prior: 1.2'));
    expect(e.line).toBe(6);
    expect(e.field).toBe('hypotheses.0.prior');
    expect(e.message).toMatch(/between 0 and 1/);
  });

  it('requires a question kind and a written resolution criterion', () => {
    const noKind = errorOf(GOOD.replace('    kind: window\n', ''));
    expect(noKind.field).toBe('hypotheses.0.kind');
    const badKind = errorOf(GOOD.replace('kind: window', 'kind: maybe'));
    expect(badKind.field).toBe('hypotheses.0.kind');
    expect(badKind.line).toBe(7);
    const noCriterion = errorOf(GOOD.replace(/ {4}resolution: .*\n/, ''));
    expect(noCriterion.field).toBe('hypotheses.0.resolution');
    const noWho = errorOf(GOOD.replace(', by: a government', ''));
    expect(noWho.field).toBe('hypotheses.0.resolution.by');
  });

  it('a window question needs a horizon; since/deadline belong to occurrence questions', () => {
    const e = errorOf(GOOD.replace('    horizonDays: 365\n', ''));
    expect(e.field).toBe('hypotheses.0.horizonDays');
    const rolling = errorOf(
      GOOD.replace('horizonDays: 365', "horizonDays: 365\n    deadline: '2025-01-01'"),
    );
    expect(rolling.field).toBe('hypotheses.0.deadline');
    const occurrence = parseBoard(
      GOOD.replace('kind: window', 'kind: occurrence').replace(
        'horizonDays: 365',
        "since: '2024-01-01'\n    deadline: '2025-01-01'",
      ),
      'boards/x.yaml',
    );
    expect(occurrence.hypotheses[0]!.kind).toBe('occurrence');
    const reversed = errorOf(
      GOOD.replace('kind: window', 'kind: occurrence').replace(
        'horizonDays: 365',
        "since: '2025-01-02'\n    deadline: '2025-01-01'",
      ),
    );
    expect(reversed.field).toBe('hypotheses.0.deadline');
  });

  it('every hypothesis of the shipped boards declares a kind and a resolution criterion', () => {
    const { boards, errors } = loadWatchboards(defaultBoardFiles());
    expect(errors).toEqual([]);
    for (const h of boards.flatMap((b) => b.hypotheses)) {
      expect(['occurrence', 'window']).toContain(h.kind);
      expect(h.resolution.criterion.length).toBeGreaterThan(20);
      expect(h.resolution.by.length).toBeGreaterThan(2);
    }
  });

  it('refuses an empty indicator', () => {
    const e = errorOf(
      GOOD.replace(
        /match:\n {10}types: \[TECH_TRANSFER\]\n {10}actors: \{ source: \[RUS\], target: \[PRK\] \}\n/,
        'match: { modality: [ASSERTED] }\n',
      ),
    );
    expect(e.field).toBe('hypotheses.0.indicators.0.match');
    expect(e.line).toBe(13);
    expect(e.message).toMatch(/empty indicator/);
  });

  it('refuses duplicate ids and cyclic or dangling extends', () => {
    const dup = errorOf(GOOD.replace('- id: i2', '- id: i1'));
    expect(dup.field).toBe('hypotheses.0.indicators.1.id');
    expect(dup.line).toBe(17);
    const cyclic = errorOf(
      GOOD.replace('title: transfers', 'title: transfers\n        extends: i2'),
    );
    expect(cyclic.message).toMatch(/cyclic extends: i1 → i2 → i1|cyclic extends: i2 → i1 → i2/);
    const dangling = errorOf(GOOD.replace('extends: i1', 'extends: i9'));
    expect(dangling.message).toMatch(/unknown indicator "i9"/);
    expect(dangling.line).toBe(19);
  });

  it('reports YAML syntax errors with a line', () => {
    const e = errorOf(GOOD.replace('prior: 0.2', 'prior: [0.2'));
    expect(e.line).not.toBeNull();
    expect(e.field).toBe('(yaml)');
  });

  it('keeps loading the other boards when one is bad', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-boards-'));
    writeFileSync(join(dir, 'a.yaml'), GOOD);
    writeFileSync(
      join(dir, 'b.yaml'),
      GOOD.replace('id: test-board', 'id: other').replace('prior: 0.2', 'prior: 0'),
    );
    writeFileSync(join(dir, 'c.yaml'), GOOD.replace('id: test-board', 'id: third'));
    const { boards, errors } = loadWatchboards(
      ['a.yaml', 'b.yaml', 'c.yaml', 'missing.yaml'].map((f) => join(dir, f)),
    );
    expect(boards.map((b) => b.id)).toEqual(['test-board', 'third']);
    expect(errors.map((e) => [e.file.slice(dir.length + 1), e.line, e.field])).toEqual([
      ['b.yaml', 6, 'hypotheses.0.prior'],
      ['missing.yaml', null, '(file)'],
    ]);
  });
});
