/** `vigie alerts` as a user runs it: a config with a file notifier, a store with an alert. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFirings } from '../../src/alert/outbox.js';
import { openStore } from '../../src/store/open-store.js';
import { makeFiring } from './alert-fixtures.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'vigie-alerts-cli-'));
const config = join(dir, 'vigie.yaml');
const db = join(dir, 'vigie.db');
const sink = join(dir, 'alerts.jsonl');
let alertId = '';

/** The child reads VIGIE_* variables as config overrides: pass none. */
const cleanEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VIGIE_')));

const vigie = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', '--config', config, ...args],
      { cwd: process.cwd(), env: cleanEnv() },
    );
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
};

beforeAll(async () => {
  writeFileSync(
    config,
    `database:
  url: ${db}
alerts:
  notifiers:
    - id: log
      type: file
      path: ${sink}
  rules:
    - id: first-arms
      kind: first-event
      types: [ARMS_TRANSFER]
      notify: [log]
    - id: broken
      kind: spike
      notify: [pager]
`,
  );
  const store = await openStore({ url: db });
  const { recorded } = await recordFirings(store.db, [makeFiring(1)], { 'first-arms': ['log'] });
  alertId = recorded[0]!.alertId;
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vigie alerts', { timeout: 120_000 }, () => {
  it('delivers with --deliver, reporting the bad rule with file, line and field', async () => {
    const result = await vigie('alerts', '--deliver', '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `${config}:15: alerts.rules[1].notify[0] (rule "broken"): notifier "pager" is not defined`,
    );
    expect(JSON.parse(result.stdout).delivery).toMatchObject({ claimed: 1, delivered: 1 });
    const line = JSON.parse(readFileSync(sink, 'utf8').trim());
    expect(line.alert.id).toBe(alertId);
  });

  it('lists alerts with their delivery status, and acknowledges one', async () => {
    const listed = await vigie('alerts', '--json', '--since', '2020-01-01');
    const [alert] = JSON.parse(listed.stdout).alerts;
    expect(alert).toMatchObject({ id: alertId, acknowledgedAt: null });
    expect(alert.deliveries).toEqual([
      expect.objectContaining({ notifier: 'log', status: 'delivered', attempts: 1 }),
    ]);

    const acked = await vigie('alerts', '--ack', alertId, '--by', 'ana');
    expect(acked.stdout).toContain(`acknowledged ${alertId} by ana`);
    const human = await vigie('alerts');
    expect(human.stdout).toContain('acknowledged by ana');
    expect(human.stdout).toContain('log: delivered after 1 attempt(s)');
  });

  it('rejects a bad --since with a usage error', async () => {
    const result = await vigie('alerts', '--since', 'yesterday');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--since: expected a date');
  });
});
