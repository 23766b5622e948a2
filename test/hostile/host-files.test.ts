/**
 * Finding 1 of the hardening review: an analyst token must never become a host-file read.
 * Sources created through the API are http(s) only; local folders are the operator's, and even
 * a local source already in the store (an older version, an imported store) is read only
 * inside vigie.yaml's `sources.allowedRoots`, links included.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/schema.js';
import { SafeFetcher } from '../../src/ingest/fetch/safe-fetch.js';
import { Scheduler } from '../../src/ingest/scheduler/scheduler.js';
import { processDocuments } from '../../src/pipeline/process-documents.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { addSource, listSourceErrors } from '../../src/store/sources-repo.js';
import { buildHarness, type Harness } from '../server/harness.js';

const SECRET = 'host-secret-token-7f3a';
let dir: string;
let inside: string;
let outside: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-hostile-'));
  inside = join(dir, 'inbox');
  outside = join(dir, 'private');
  mkdirSync(inside);
  mkdirSync(outside);
  writeFileSync(
    join(outside, 'secret.txt'),
    `Private notes. ${SECRET} North Korea tested a missile.`,
  );
  writeFileSync(
    join(inside, 'report.txt'),
    'Russia delivered air-defence missiles to North Korea.',
  );
  symlinkSync(join(outside, 'secret.txt'), join(inside, 'link-out.txt'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sources created through the API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await buildHarness();
  });
  afterAll(() => h.close());

  const post = (payload: object) =>
    h.as('analyst', { method: 'POST', url: '/api/sources', payload });

  it.each([
    { name: 'abs', kind: 'file', url: '/srv/x' },
    { name: 'rel', kind: 'file', url: '../../etc' },
    { name: 'feed-path', kind: 'feed', url: '/etc/passwd' },
    { name: 'page-rel', kind: 'page', url: '../../home' },
    { name: 'gdelt-path', kind: 'gdelt', url: '/var/lib' },
    { name: 'file-scheme', kind: 'feed', url: 'file:///etc/passwd' },
    { name: 'no-host', kind: 'page', url: 'http:///etc/passwd' },
  ])('refuses $name ($kind $url) with a 400 that says what to do', async (payload) => {
    const res = await post(payload);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.body).toMatch(/http\(s\) sources only/);
    const stored = await h.store.db
      .selectFrom('sources')
      .select('id')
      .where('name', '=', payload.name)
      .execute();
    expect(stored).toEqual([]);
  });

  it('still registers http(s) feeds and named outlets', async () => {
    expect(
      (await post({ name: 'wire', kind: 'feed', url: 'https://wire.example/rss' })).statusCode,
    ).toBe(201);
    expect((await post({ name: 'Some Outlet', kind: 'outlet' })).statusCode).toBe(201);
  });
});

describe('local sources are read only inside sources.allowedRoots', () => {
  let store: Store;
  const fetcher = new SafeFetcher({
    timeoutMs: 1000,
    maxBytes: 1024 * 1024,
    maxRedirects: 0,
    userAgent: 'vigie-test',
    allowPrivate: [],
  });
  beforeAll(async () => {
    store = await openStore({ url: ':memory:' });
  });
  afterAll(async () => {
    await fetcher.close();
    await store.close();
  });

  const poll = (allowedRoots: readonly string[]) =>
    new Scheduler({
      store,
      fetcher,
      allowedRoots,
      process: (lines, source) => processDocuments(store, lines, { sourceId: source.id }),
      now: () => new Date('2024-11-12T10:00:00Z'),
      random: () => 0.5,
    });

  const storedTexts = async () =>
    (await store.db.selectFrom('documents').select('text').execute()).map((r) => r.text);

  it('refuses a stored file source outside every root, and records why', async () => {
    // As an older version's API (or an imported store) would have left it.
    const row = await addSource(store.db, { url: outside, kind: 'file', name: 'planted' });
    const outcome = await poll([inside]).pollSource(row);
    expect(outcome.kind).toBe('failed');
    const errors = await listSourceErrors(store.db, { sourceId: row.id });
    expect(errors[0]?.code).toBe('VIGIE_FORBIDDEN');
    expect(errors[0]?.message).toMatch(/outside the allowed source roots/);
    expect((await storedTexts()).join('\n')).not.toContain(SECRET);
  });

  it('refuses every local source when no root is configured', async () => {
    const row = await addSource(store.db, { url: inside, kind: 'file', name: 'inbox-none' });
    expect((await poll([]).pollSource(row)).kind).toBe('failed');
    expect(await storedTexts()).toEqual([]);
  });

  it('reads a folder inside a root, but not a link that leads out of it', async () => {
    const row = await addSource(store.db, {
      url: `${outside}/../inbox`,
      kind: 'file',
      name: 'inbox',
    });
    const outcome = await poll([inside]).pollSource(row);
    expect(outcome.kind).toBe('ok');
    const texts = await storedTexts();
    expect(texts).toEqual(['Russia delivered air-defence missiles to North Korea.']);
    expect(texts.join('\n')).not.toContain(SECRET);
  });
});

describe('vigie.yaml sources', () => {
  it('takes allowedRoots beside the list, and the original list form', () => {
    const mapped = ConfigSchema.parse({
      sources: { allowedRoots: ['./inbox'], list: [{ url: 'https://a.example/rss' }] },
    });
    expect(mapped.sources.allowedRoots).toEqual(['./inbox']);
    expect(mapped.sources.list).toHaveLength(1);
    const listed = ConfigSchema.parse({ sources: [{ url: 'https://a.example/rss' }] });
    expect(listed.sources).toMatchObject({
      allowedRoots: [],
      list: [{ url: 'https://a.example/rss' }],
    });
  });
});

describe('vigie source add PATH', () => {
  const exec = promisify(execFile);
  const cli = (config: string, ...args: string[]) =>
    exec(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--config', config, ...args], {
      cwd: process.cwd(),
      env: { ...process.env, VIGIE_CONFIG: '' },
    });

  it('registers a folder only inside sources.allowedRoots; ../ and other paths exit 2', async () => {
    const config = join(dir, 'vigie.yaml');
    writeFileSync(config, `database:\n  url: ./cli.db\nsources:\n  allowedRoots: [./inbox]\n`);
    await expect(cli(config, 'source', 'add', join(inside, '..', 'private'))).rejects.toMatchObject(
      {
        code: 2,
        stderr: expect.stringContaining('sources.allowedRoots'),
      },
    );
    await expect(cli(config, 'source', 'add', '/etc')).rejects.toMatchObject({ code: 2 });
    const added = await cli(config, 'source', 'add', inside, '--name', 'inbox');
    expect(added.stdout.trim()).toMatch(/^src_[0-9a-f]{12}$/);
  }, 60_000);
});
