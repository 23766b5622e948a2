/**
 * "One pipeline for every way in" (issue #15): the same document entered as a file, on stdin, as
 * a page URL, in a feed (`vigie run`), through the API, through the job queue (`vigie worker`)
 * and by replay goes through the same stages (validate → normalise → dedup → extract → enrich →
 * store → analyse) and leaves the same rows: documents, mentions (spans, rules, attribution),
 * events, stories and fingerprints, analysis marks. Only ids, timestamps and the columns that
 * say how it came in (source, url) may differ.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { loadAnalysisSetup } from '../../src/pipeline/analysis-pipeline.js';
import { runReplay } from '../../src/cli/commands/replay.js';
import { createServer } from '../../src/server/create-server.js';
import { addUser, createToken } from '../../src/store/auth-repo.js';
import { openStore } from '../../src/store/open-store.js';
import { startFixtureServer, type FixtureServer } from '../ingest/support/fixture-server.js';

const DOC = {
  id: 'same-1',
  lang: 'en',
  published: '2025-03-05T08:00:00.000Z',
  outlet: 'Harbour Wire',
  title: 'More North Korean troops for Russia',
  text:
    "North Korea has sent about 3,000 more soldiers to Russia, South Korea's spy agency told " +
    'lawmakers on Wednesday, according to Yonhap. Pyongyang also delivered artillery shells ' +
    'and ballistic missiles to Moscow, the agency said.',
};

const FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>${DOC.outlet}</title><link>ORIGIN/</link><language>en</language>
<item><title>${DOC.title}</title><link>ORIGIN/story.html</link><guid>same-1</guid>
<pubDate>Wed, 05 Mar 2025 08:00:00 GMT</pubDate>
<description>${DOC.text.replace(/'/g, '&apos;')}</description></item>
</channel></rss>`;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${DOC.title}</title>
<meta property="og:site_name" content="${DOC.outlet}">
<meta property="article:published_time" content="${DOC.published}"></head>
<body><article><h1>${DOC.title}</h1><p>${DOC.text}</p></article></body></html>`;

let dir: string;
let server: FixtureServer;

const clean = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.startsWith('VIGIE_')),
);

function vigie(config: string, args: string[], stdin?: string) {
  return new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', '--config', config, ...args],
      { cwd: process.cwd(), env: clean },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${args.join(' ')}: ${stderr}`)) : resolve({ stdout, stderr }),
    );
    child.stdin?.end(stdin ?? '');
  });
}

/** A vigie.yaml for one way in: its own store, loopback fetches allowed, the feed if asked. */
function configFor(way: string, withFeed = false): { config: string; db: string } {
  const db = join(dir, `${way}.db`);
  const config = join(dir, `${way}.yaml`);
  const sources = withFeed
    ? `sources:\n  list:\n    - { url: "${server.origin}/feed.xml", name: "${DOC.outlet}", lang: en, interval: 600 }\n`
    : '';
  writeFileSync(
    config,
    `database:\n  url: ${db}\nfetch:\n  allowPrivate: ["127.0.0.1"]\n  perHostDelayMs: 0\n${sources}`,
  );
  return { config, db };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-ways-'));
  server = await startFixtureServer();
  server.route('/feed.xml', (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end(FEED.replace(/ORIGIN/g, server.origin)),
  );
  server.route('/story.html', (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE),
  );
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Each way in, into a fresh store; resolves with the store's file. */
const WAYS: Record<string, () => Promise<string>> = {
  async file() {
    const { config, db } = configFor('file');
    const file = join(dir, 'doc.jsonl');
    writeFileSync(file, `${JSON.stringify(DOC)}\n`);
    await vigie(config, ['ingest', file]);
    return db;
  },
  async stdin() {
    const { config, db } = configFor('stdin');
    await vigie(config, ['ingest', '-'], `${JSON.stringify(DOC)}\n`);
    return db;
  },
  async url() {
    const { config, db } = configFor('url');
    await vigie(config, ['ingest', `${server.origin}/story.html`]);
    return db;
  },
  async feed() {
    const { config, db } = configFor('feed', true);
    await vigie(config, ['run', '--once']);
    return db;
  },
  async worker() {
    const { config, db } = configFor('worker', true);
    await vigie(config, ['worker', '--once']);
    return db;
  },
  async api() {
    const { config, db } = configFor('api');
    const loaded = resolveConfig({ file: config, env: clean });
    const store = await openStore({ url: db });
    try {
      await addUser(store.db, { name: 'analyst-user', role: 'analyst' });
      const { token } = await createToken(store.db, { user: 'analyst-user' });
      // As `vigie serve` builds it: the configured boards and rules analyse what is posted.
      const app = await createServer({
        store,
        config: loaded,
        analysis: loadAnalysisSetup(loaded),
        webRoot: null,
      });
      try {
        const res = await app.inject({
          method: 'POST',
          url: '/api/documents',
          headers: { authorization: `Bearer ${token}` },
          payload: DOC,
        });
        expect(res.statusCode, res.body).toBe(201);
      } finally {
        await app.close();
      }
    } finally {
      await store.close();
    }
    return db;
  },
  async replay() {
    const { config, db } = configFor('replay');
    const loaded = resolveConfig({ file: config, env: clean });
    const corpus = join(dir, 'corpus.jsonl');
    writeFileSync(corpus, `${JSON.stringify(DOC)}\n`);
    const setup = loadAnalysisSetup(loaded);
    await runReplay({ corpus, board: setup.boards[0]!, scratch: db });
    return db;
  },
};

/** Columns that say how or when a row came in, or are ids: the only ones allowed to differ. */
const IGNORED =
  /^(id|source_id|url|document_id|mention_id|story_id|event_id|.*_at|created|updated)$/;

type Row = Record<string, unknown>;

const TABLES = ['documents', 'mentions', 'events', 'stories', 'story_documents', 'story_keys'];

/**
 * The rows of the compared tables without their ignored columns, sorted; ids that appear inside
 * values (a story id in an explanation, `doc#0` mention ids) become placeholders.
 */
function rowsOf(db: string): Record<string, Row[]> {
  const sqlite = new SqliteDatabase(db, { readonly: true });
  try {
    const ids = (sql: string) => sqlite.prepare(sql).pluck().all() as string[];
    const placeholders: [string, string][] = [
      ...ids('SELECT id FROM documents').map((id, i): [string, string] => [id, `<doc${i}>`]),
      ...ids('SELECT id FROM stories').map((id, i): [string, string] => [id, `<story${i}>`]),
    ].sort((a, b) => b[0].length - a[0].length);
    const neutral = (row: Row): Row => {
      let text = JSON.stringify(
        Object.fromEntries(Object.entries(row).filter(([column]) => !IGNORED.test(column))),
      );
      for (const [id, placeholder] of placeholders) text = text.split(id).join(placeholder);
      return JSON.parse(text) as Row;
    };
    const out: Record<string, Row[]> = {};
    for (const table of TABLES) {
      out[table] = (sqlite.prepare(`SELECT * FROM ${table}`).all() as Row[])
        .map(neutral)
        .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    }
    // Analysis marks: whether the document was extracted and analysed (when is a timestamp).
    out['marks'] = sqlite
      .prepare(
        'SELECT extracted_at IS NOT NULL AS extracted, analysed_at IS NOT NULL AS analysed FROM documents',
      )
      .all() as Row[];
    return out;
  } finally {
    sqlite.close();
  }
}

describe('the same document, every way in', () => {
  const stored: Record<string, Record<string, Row[]>> = {};
  beforeAll(async () => {
    const names = Object.keys(WAYS);
    const dbs = await Promise.all(names.map((name) => WAYS[name]!()));
    names.forEach((name, i) => (stored[name] = rowsOf(dbs[i]!)));
  }, 240_000);

  it('is stored, extracted, enriched and analysed by the file way', () => {
    const file = stored['file']!;
    expect(file['documents']).toHaveLength(1);
    expect(file['mentions']!.length).toBeGreaterThan(0);
    expect(file['events']!.length).toBeGreaterThan(0);
    expect(file['stories']).toHaveLength(1);
    expect(file['documents']![0]!['fingerprint']).not.toBeNull();
    expect(file['marks']).toEqual([{ extracted: 1, analysed: 1 }]);
  });

  it.each(['stdin', 'url', 'feed', 'worker', 'api', 'replay'])(
    'leaves the same rows as the file way when it comes %s',
    (way) => {
      const file = stored['file']!;
      for (const table of Object.keys(file))
        expect(stored[way]![table], table).toEqual(file[table]);
    },
  );
});
