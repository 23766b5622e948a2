import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { DeliverableAlert } from './alert-firing.js';
import { createFileNotifier } from './file-notifier.js';

const dir = mkdtempSync(join(tmpdir(), 'vigie-file-notifier-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const alert: DeliverableAlert = {
  id: 'al_1',
  ruleId: 'watch-space',
  kind: 'watch',
  dedupKey: 'watch-space:watch:doc-1',
  title: 'Watch watch-space: TECH_TRANSFER RUS → PRK [спутник]',
  createdAt: '2026-01-01T00:00:00.000Z',
  payload: {
    rule: 'watch-space',
    kind: 'watch',
    summary: 'TECH_TRANSFER RUS → PRK',
    at: '',
    evidenceIds: [],
    eventIds: [],
    mentionIds: ['doc-1#0'],
    documentIds: ['doc-1'],
  },
};
const now = () => new Date('2026-01-02T00:00:00.000Z');

describe('file notifier', () => {
  it('appends one JSON line per delivery, creating the folder', async () => {
    const path = join(dir, 'sub', 'alerts.jsonl');
    const notifier = createFileNotifier({ id: 'log', path, now });
    await notifier.send(alert, 'al_1:log');
    await notifier.send({ ...alert, id: 'al_2' }, 'al_2:log');
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toEqual({
      idempotencyKey: 'al_1:log',
      deliveredAt: now().toISOString(),
      alert,
    });
    expect(JSON.parse(lines[1]!).alert.id).toBe('al_2');
  });

  it('writes to stdout for "-"', async () => {
    const stdout = new PassThrough();
    const chunks: string[] = [];
    stdout.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
    await createFileNotifier({ id: 'out', path: '-', stdout, now }).send(alert, 'al_1:out');
    expect(JSON.parse(chunks.join('')).alert.title).toContain('спутник');
  });

  it('fails with a retryable notifier error when the file cannot be written', async () => {
    const notifier = createFileNotifier({
      id: 'log',
      path: join(dir, 'sub', 'alerts.jsonl', 'x'),
      now,
    });
    await expect(notifier.send(alert, 'k')).rejects.toMatchObject({
      name: 'NotifierError',
      permanent: false,
    });
  });
});
