import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adversariesOf, loadConflicts } from './load-conflicts.js';

const dir = mkdtempSync(join(tmpdir(), 'vigie-conflicts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('conflicts data', () => {
  it('gives the other side of a war under way on the day, and none before it began', () => {
    const wars = loadConflicts();
    expect(adversariesOf('RUS', '2024-11-05', wars)).toEqual(['UKR']);
    expect(adversariesOf('UKR', '2024-11-05', wars)).toEqual(['RUS']);
    expect(adversariesOf('RUS', '2021-06-01', wars)).toEqual([]);
    expect(adversariesOf('PRK', '2024-11-05', wars)).toEqual([]);
  });

  it('refuses a malformed file with its name', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'conflicts:\n  - id: x\n    sides: [[RUS]]\n    since: "2022"\n');
    expect(() => loadConflicts(file)).toThrow(/bad\.yaml/);
  });
});
