/**
 * The examples in docs/watchboards.md and docs/alerts.md work as written: each YAML block is
 * written to a file and loaded the way Vigie loads it (the board loader; the config resolver and
 * the alert-rule checks against the shipped boards), and the integrator's snippet imports only
 * what src/alert exports.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as alerting from '../../src/alert/index.js';
import { validateAlertConfig } from '../../src/alert/validate-alert-config.js';
import { defaultBoardFiles, loadWatchboards } from '../../src/analyse/watchboards/load-boards.js';
import { resolveConfig } from '../../src/config/resolve-config.js';

const dir = mkdtempSync(join(tmpdir(), 'vigie-doc-examples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fenced blocks of one language in a Markdown file, in order. */
function blocks(doc: string, lang: string): string[] {
  const text = readFileSync(new URL(`../../docs/${doc}`, import.meta.url), 'utf8');
  const fence = new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```', 'gm');
  return [...text.matchAll(fence)].map((m) => m[1]!);
}

describe('docs/watchboards.md', () => {
  it('its file-format example loads as a board, with the extended indicator inheriting', () => {
    const [yaml] = blocks('watchboards.md', 'yaml');
    expect(yaml).toBeDefined();
    const file = join(dir, 'my-board.yaml');
    writeFileSync(file, yaml!);
    const { boards, errors } = loadWatchboards([file]);
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(boards).toHaveLength(1);
    const [i1, i2] = boards[0]!.hypotheses[0]!.indicators;
    expect(i1!.match.types).toEqual(['TECH_TRANSFER']);
    expect(i2!.match.types).toEqual(['TECH_TRANSFER']);
    expect(i2!.match.modality).toEqual(['PLANNED']);
  });
});

describe('docs/alerts.md', () => {
  it('its vigie.yaml example passes the config schema and every rule check, boards included', () => {
    const [yaml] = blocks('alerts.md', 'yaml');
    const file = join(dir, 'vigie.yaml');
    writeFileSync(file, yaml!);
    const config = resolveConfig({ file, env: {} });
    const shipped = loadWatchboards(defaultBoardFiles()).boards;
    const boards = new Map(shipped.map((b) => [b.id, b.hypotheses.map((h) => h.id)]));
    const { rules, notifiers, errors } = validateAlertConfig(config.alerts, {
      file: config.file,
      boards,
    });
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(rules.map((r) => r.id)).toEqual([
      'missile-tech-60',
      'first-transfer',
      'meeting-spike',
      'watch-satellites',
    ]);
    expect(notifiers.map((n) => n.id)).toEqual(['ops-hook', 'desk-mail', 'log']);
  });

  it("the integrator's snippet imports only what src/alert exports", () => {
    const [ts] = blocks('alerts.md', 'ts');
    const names = /import \{([^}]*)\} from '\.\/alert\/index\.js'/.exec(ts!)?.[1];
    expect(names).toBeDefined();
    for (const name of names!.split(',').map((n) => n.trim()).filter(Boolean))
      expect(alerting, name).toHaveProperty(name);
  });
});
