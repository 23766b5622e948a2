/**
 * `vigie correct`, `vigie corrections list|revoke`, and `vigie export --format gold` read by
 * `vigie eval`, end to end in child processes on a SQLite file.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
let dir: string;
let db: string;

function vigie(
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('VIGIE_')),
    );
    const child = spawn(process.execPath, ['--import', TSX, MAIN, '--db', db, ...args], {
      cwd: dir,
      env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end('');
  });
}

async function mentionRow() {
  const store = await openStore({ url: db });
  try {
    return await store.db
      .selectFrom('mentions')
      .select(['id', 'modality', 'event_id', 'correction_id'])
      .where('type', '=', 'TROOP_DEPLOYMENT')
      .executeTakeFirstOrThrow();
  } finally {
    await store.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-correct-'));
  db = join(dir, 'vigie.db');
  writeFileSync(
    join(dir, 'in.jsonl'),
    JSON.stringify({
      id: 'k-1',
      lang: 'en',
      published: '2024-10-20',
      text: 'North Korea has sent thousands of troops to Russia, the South Korean spy agency said on Sunday.',
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vigie correct', { timeout: 240_000 }, () => {
  it('corrects, exports gold that eval scores, lists and revokes; bad values are refused', async () => {
    expect((await vigie('ingest', join(dir, 'in.jsonl'))).code).toBe(0);
    const extracted = await mentionRow();
    expect(extracted.modality).toBe('ASSERTED');

    const bad = await vigie('correct', extracted.id, '--modality', 'MAYBE');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--modality');
    const none = await vigie('correct', extracted.id);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('--reject or at least one of');

    const done = await vigie(
      'correct',
      extracted.id,
      '--modality',
      'HEDGED',
      '--note',
      'unconfirmed',
      '--by',
      'ana',
      '--json',
    );
    expect(done.code, done.stderr).toBe(0);
    const result = JSON.parse(done.stdout) as {
      correction: { id: string; createdBy: string };
      eventId: string;
      hypothesisChanges: { hypothesisId: string; before: number; after: number }[];
    };
    expect(result.correction.createdBy).toBe('ana');
    expect(result.hypothesisChanges.map((h) => h.hypothesisId)).toContain(
      'russia-dprk/troop-expansion',
    );
    const corrected = await mentionRow();
    expect(corrected).toMatchObject({
      modality: 'HEDGED',
      correction_id: result.correction.id,
      event_id: result.eventId,
    });

    // The loop that improves extraction: the corrected document as gold, the extractor scored on it.
    const gold = join(dir, 'gold.jsonl');
    const exported = await vigie('export', '--format', 'gold', '--out', gold);
    expect(exported.code, exported.stderr).toBe(0);
    const scored = await vigie('eval', gold, '--json');
    expect(scored.code, scored.stderr).toBe(0);
    expect(JSON.parse(scored.stdout).overall).toMatchObject({
      gold: 1,
      tp: 1,
      modalityAccuracy: 0,
    });

    const listed = await vigie('corrections', 'list', '--live');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(result.correction.id);
    expect(listed.stdout).toContain('ASSERTED');
    expect(listed.stdout).toContain('"unconfirmed"');

    const revoked = await vigie('corrections', 'revoke', result.correction.id, '--by', 'lead');
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain('revoked by lead');
    expect(await mentionRow()).toMatchObject({ modality: 'ASSERTED', correction_id: null });
    expect((await vigie('corrections', 'list', '--live')).stdout.trim()).toBe('no corrections');
  });
});
