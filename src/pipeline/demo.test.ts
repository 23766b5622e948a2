import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/open-store.js';
import { listDocuments } from '../store/documents-repo.js';
import { DEMO_CORPUS_DIR, runDemo } from './demo.js';
import { ingestPaths } from './ingest-paths.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-demo-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runDemo', () => {
  it('builds a fresh database from the bundled corpus, in at least en, fr, ko, ru', async () => {
    const dbPath = join(dir, 'vigie-demo.db');
    const first = await runDemo({ dbPath });
    expect(first.files[0]).toMatch(/articles\.jsonl$/);
    expect(first.result.failed).toEqual([]);
    expect(first.result.stored).toBeGreaterThanOrEqual(40);
    const langs = first.languages.map((l) => l.lang);
    for (const lang of ['en', 'fr', 'ko', 'ru']) expect(langs).toContain(lang);
    // Fresh each time: a second run stores everything again rather than finding duplicates.
    const second = await runDemo({ dbPath });
    expect(second.result.stored).toBe(first.result.stored);
    const store = await openStore({ url: dbPath });
    try {
      const hits = await listDocuments(store.db, { q: '북한' }, { limit: 50 });
      expect(hits.items.every((d) => d.lang === 'ko')).toBe(true);
      expect(hits.items.length).toBeGreaterThan(0);
      const kursk = await listDocuments(store.db, { q: 'Koursk', lang: 'fr' }, { limit: 50 });
      expect(kursk.items.length).toBeGreaterThanOrEqual(3);
    } finally {
      await store.close();
    }
  });

  it('refuses to replace a file that is not a demo database', async () => {
    const precious = join(dir, 'precious.db');
    writeFileSync(precious, 'data');
    await expect(runDemo({ dbPath: precious })).rejects.toThrow(/--force/);
    expect(existsSync(precious)).toBe(true);
  });
});

describe('ingestPaths', () => {
  it('ingests several paths into one result, naming the file of each failure', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"id":"x1","text":"fine"}\n{oops\n');
    const store = await openStore({ url: ':memory:' });
    try {
      const result = await ingestPaths(store, [DEMO_CORPUS_DIR, bad]);
      expect(result.failed).toEqual([
        {
          line: 2,
          file: bad,
          reason: expect.stringMatching(/^line 2 of .*bad\.jsonl: invalid JSON/),
        },
      ]);
      expect(result.documentIds).toContain('x1');
      const again = await ingestPaths(store, [DEMO_CORPUS_DIR]);
      expect(again.stored).toBe(0);
      expect(again.duplicates).toBe(result.stored - 1);
    } finally {
      await store.close();
    }
  });
});
