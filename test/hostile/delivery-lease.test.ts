/**
 * Finding 13 of the hardening review: a delivery left `sending` by a crash waited a fixed
 * 5-minute lease before another pass could retake it. `alerts.delivery.leaseMs` in vigie.yaml
 * sets it (default unchanged); a lease that would cut a notifier's own time-out short is refused.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Notifier } from '../../src/alert/alert-firing.js';
import { deliverDue } from '../../src/alert/deliver-due.js';
import { recordFirings } from '../../src/alert/outbox.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { openStore } from '../../src/store/open-store.js';
import { makeFiring } from '../alert/alert-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'vigie-lease-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Only the variables this test sets: the child reads VIGIE_* as config overrides. */
const cleanEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VIGIE_')));

describe('alerts.delivery.leaseMs in vigie.yaml', () => {
  it('defaults to the former 5 minutes', () => {
    expect(ConfigSchema.parse({}).alerts.delivery).toEqual({ leaseMs: 300_000 });
  });

  it('is read from the file and from VIGIE_ALERTS__DELIVERY__LEASE_MS', () => {
    const file = join(dir, 'lease.yaml');
    writeFileSync(file, 'alerts:\n  delivery:\n    leaseMs: 45000\n');
    expect(resolveConfig({ file, env: {} }).alerts.delivery.leaseMs).toBe(45_000);
    const env = { VIGIE_ALERTS__DELIVERY__LEASE_MS: '20000' };
    expect(resolveConfig({ file, env }).alerts.delivery.leaseMs).toBe(20_000);
  });

  it("refuses a lease that would cut a notifier's own time-out short", () => {
    const parsed = ConfigSchema.safeParse({
      alerts: {
        delivery: { leaseMs: 5000 },
        notifiers: [{ id: 'hook', type: 'webhook', url: 'https://hooks.example/x' }],
      },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['alerts', 'delivery', 'leaseMs'],
      message: expect.stringMatching(/notifier "hook".*10000 ms/),
    });
    expect(ConfigSchema.safeParse({ alerts: { delivery: { leaseMs: 999 } } }).success).toBe(false);
  });
});

describe('a delivery left sending by a crash', () => {
  it('is retaken once the configured lease ends, not after 5 minutes', async () => {
    // A webhook that takes the request and never answers: the deliverer is killed mid-send.
    let received: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (received = resolve));
    const hung: ServerResponse[] = [];
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      hung.push(res);
      req.resume();
      req.on('end', () => received());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const db = join(dir, 'crash.db');
    const config = join(dir, 'crash.yaml');
    writeFileSync(
      config,
      `database:
  url: ${db}
alerts:
  delivery:
    leaseMs: 30000
  notifiers:
    - id: hook
      type: webhook
      url: http://127.0.0.1:${port}/hook
      timeoutMs: 20000
`,
    );
    const store = await openStore({ url: db });
    try {
      await recordFirings(store.db, [makeFiring(1)], { 'first-arms': ['hook'] });
      const before = Date.now();
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'src/cli/main.ts', '--config', config, 'alerts', '--deliver'],
        { cwd: process.cwd(), env: cleanEnv(), stdio: 'ignore' },
      );
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await arrived;
      child.kill('SIGKILL');
      await exited;
      const after = Date.now();

      const row = await store.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
      expect(row.status).toBe('sending');
      const leaseEnd = Date.parse(row.next_attempt_at);
      // Claimed between `before` and `after`, for the configured 30 s.
      expect(leaseEnd).toBeGreaterThanOrEqual(before + 30_000);
      expect(leaseEnd).toBeLessThanOrEqual(after + 30_000);

      const sent: string[] = [];
      const notifier: Notifier = { id: 'hook', send: async (_alert, key) => void sent.push(key) };
      const early = await deliverDue(store, [notifier], { now: new Date(leaseEnd - 1) });
      expect(early.claimed).toBe(0);
      const retaken = await deliverDue(store, [notifier], { now: new Date(leaseEnd) });
      expect(retaken).toMatchObject({ claimed: 1, delivered: 1 });
      expect(sent).toEqual([row.id]);
    } finally {
      await store.close();
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 60_000);
});
