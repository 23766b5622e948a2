import { mkdtempSync, readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/test-stores.js';
import { seedStore } from '../server/seed.js';
import type { Store } from '../../src/store/open-store.js';
import { openStore } from '../../src/store/open-store.js';
import { exportStoreJsonl } from '../../src/report/export/export-jsonl.js';
import { importStoreJsonl } from '../../src/report/export/import-jsonl.js';
import { openExport } from '../../src/report/export/export-store.js';
import { writeAtomically } from '../../src/report/write-atomic.js';
import { loadStixValidator, SCHEMA_DIR } from './stix-schemas.js';

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const c of chunks) out += c;
  return out;
}

const lines = (s: string) => Readable.from([s]);

const backends = await testBackends();

for (const backend of backends) {
  describe.skipIf(backend.skipReason !== null)(`JSONL store round trip (${backend.name})`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await backend.open();
      await seedStore(store);
    });
    afterAll(async () => store?.close());

    it('export → import into an empty store → export gives the same bytes', async () => {
      const first = await text(exportStoreJsonl(store, { chunkRows: 3 }));
      expect(first.split('\n')[0]).toContain('"format":"vigie-store"');
      expect(first).toContain('"table":"mentions"');
      const target = await backend.open();
      try {
        const result = await importStoreJsonl(target, lines(first));
        expect(result.counts['documents']).toBe(5);
        const second = await text(exportStoreJsonl(target));
        expect(second).toBe(first);
      } finally {
        await target.close();
      }
    });

    it('refuses a store that is not empty, and a file that is not an export', async () => {
      const dump = await text(exportStoreJsonl(store));
      await expect(importStoreJsonl(store, lines(dump))).rejects.toThrow(/not empty/);
      const empty = await backend.open();
      try {
        await expect(importStoreJsonl(empty, lines('{"hello":1}\n'))).rejects.toThrow(
          /not a Vigie store export/,
        );
        await expect(
          importStoreJsonl(empty, lines(`${dump.split('\n')[0]}\n{"table":"nope","row":{}}\n`)),
        ).rejects.toThrow(/line 2: unknown table/);
      } finally {
        await empty.close();
      }
    });
  });
}

const pg = backends.find((b) => b.name === 'postgres');
describe.skipIf(!pg || pg.skipReason !== null)('SQLite → PostgreSQL migration path', () => {
  it('a SQLite export imports into PostgreSQL and exports the same bytes', async () => {
    const sqlite = await openStore({ url: ':memory:' });
    const target = await pg!.open();
    try {
      await seedStore(sqlite);
      const dump = await text(exportStoreJsonl(sqlite));
      await importStoreJsonl(target, lines(dump));
      expect(await text(exportStoreJsonl(target))).toBe(dump);
    } finally {
      await sqlite.close();
      await target.close();
    }
  });
});

describe('CSV and STIX exports', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ url: ':memory:' });
    await seedStore(store);
    await store.db
      .updateTable('documents')
      .set({ outlet: '=cmd|" /C calc"!A0, "quoted"' })
      .where('id', '=', 'doc-fr-1')
      .execute();
  });
  afterAll(async () => store?.close());

  it('writes one row per event with RFC 4180 quoting and the formula guard', async () => {
    const csv = await text(openExport(store, { format: 'csv' }).chunks);
    const rows = csv.split('\r\n').filter(Boolean);
    expect(rows[0]).toBe(
      'event_id,date,type,source,target,capabilities,modality,credibility,independent_sources,mention_count,first_seen,last_seen,outlets,links',
    );
    expect(rows).toHaveLength(4);
    expect(csv).toContain(`"'=cmd|"" /C calc""!A0, ""quoted"";Yonhap"`);
    expect(csv).not.toMatch(/(^|,)=cmd/m);
  });

  it('writes one row per mention with its quoted span', async () => {
    const csv = await text(openExport(store, { format: 'csv', what: 'mentions' }).chunks);
    const header = csv.split('\r\n')[0]!.split(',');
    expect(header).toContain('quote');
    expect(csv).toContain('intercontinental ballistic missile');
    expect(header.slice(-4)).toEqual([
      'attributed_actor',
      'attributed_source',
      'attribution_basis',
      'attribution_conduit',
    ]);
    const jcs = csv.split('\r\n').find((r) => r.startsWith('doc-en-1#0,'))!;
    expect(jcs.endsWith(',KOR,kor-jcs,named,Yonhap')).toBe(true);
  });

  it('carries attributions on reports and origins on events in STIX', async () => {
    const bundle = JSON.parse(await text(openExport(store, { format: 'stix' }).chunks)) as {
      objects: Record<string, unknown>[];
    };
    const report = bundle.objects.find(
      (o) => o.type === 'report' && o.name === 'North Korea fires ICBM into East Sea',
    )!;
    expect(report.x_vigie_attributions).toEqual([
      expect.objectContaining({
        actor: 'KOR',
        source: 'kor-jcs',
        basis: 'named',
        conduit: 'Yonhap',
      }),
    ]);
    const event = bundle.objects.find(
      (o) => o.type === 'x-vigie-event' && o.independent_sources === 1 && o.origins,
    )!;
    expect(event.origin_summary).toMatch(/^2 outlets, 1 independent origin: South Korea's Joint/);
    expect(event.origins).toEqual([
      expect.objectContaining({ primary_source: 'kor-jcs', outlets: ['Yonhap', 'Wire Daily'] }),
    ]);
  });

  it('filters events by period', async () => {
    const csv = await text(openExport(store, { format: 'csv', since: '2099-01-01' }).chunks);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1);
  });

  it('rejects unknown formats and contents', () => {
    expect(() => openExport(store, { format: 'xml' })).toThrow(/unknown export format "xml"/);
    expect(() => openExport(store, { format: 'csv', what: 'x' })).toThrow(/unknown CSV content/);
    expect(() => openExport(store, { format: 'stix', tlp: 'blue' })).toThrow(/unknown TLP/);
  });

  it('exports a deterministic STIX 2.1 bundle whose references resolve', async () => {
    const a = await text(openExport(store, { format: 'stix' }).chunks);
    const b = await text(openExport(store, { format: 'stix' }).chunks);
    expect(a).toBe(b);
    const bundle = JSON.parse(a) as { type: string; objects: Record<string, unknown>[] };
    expect(bundle.type).toBe('bundle');
    const ids = new Set(bundle.objects.map((o) => o.id));
    expect(ids.size).toBe(bundle.objects.length);
    const types = new Set(bundle.objects.map((o) => o.type));
    for (const t of [
      'identity',
      'report',
      'x-vigie-event',
      'relationship',
      'marking-definition',
      'extension-definition',
    ])
      expect(types).toContain(t);
    for (const o of bundle.objects) {
      expect(o.spec_version).toBe('2.1');
      for (const ref of [
        ...((o.object_refs as string[] | undefined) ?? []),
        ...((o.object_marking_refs as string[] | undefined) ?? []),
        ...(o.source_ref ? [o.source_ref as string] : []),
        ...(o.target_ref ? [o.target_ref as string] : []),
        ...(o.created_by_ref ? [o.created_by_ref as string] : []),
      ])
        expect(ids, `${String(o.id)} → ${ref}`).toContain(ref);
      for (const key of ['created', 'modified'])
        if (o[key]) expect(o[key]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    const nations = bundle.objects.filter((o) => o.identity_class === 'nation').map((o) => o.name);
    expect(nations).toContain('PRK');
    const event = bundle.objects.find((o) => o.type === 'x-vigie-event')!;
    expect(Object.values(event.extensions as object)[0]).toEqual({ extension_type: 'new-sdo' });
    expect(typeof event.confidence === 'number' || event.credibility === 6).toBe(true);
  });

  it('validates every exported object against the official STIX 2.1 schemas', async () => {
    const validator = loadStixValidator();
    if (!validator) throw new Error(`the official STIX schemas are missing at ${SCHEMA_DIR}`);
    const bundle = JSON.parse(
      await text(openExport(store, { format: 'stix', tlp: 'amber' }).chunks),
    ) as {
      objects: Record<string, unknown>[];
    };
    // The official bundle.json accepts a custom object only through a oneOf of core.json and
    // cyber-observable-core.json, which any SDO-like custom object matches both of: so the envelope
    // is checked with the standard objects, and every object (custom ones included) on its own below.
    const standard = bundle.objects.filter(
      (o) => !String(o.type).startsWith('x-') && o.type !== 'extension-definition',
    );
    expect(validator({ ...bundle, objects: standard } as Record<string, unknown>)).toBeNull();
    const errors = bundle.objects.map((o) => validator(o)).filter((e) => e !== null);
    expect(errors).toEqual([]);
    expect(bundle.objects.length).toBeGreaterThan(10);
  });

  it('a board filter keeps only that board’s events', async () => {
    const bundle = JSON.parse(
      await text(openExport(store, { format: 'stix', board: 'no-such-board' }).chunks),
    ) as { objects: { type: string }[] };
    expect(bundle.objects.filter((o) => o.type === 'x-vigie-event')).toHaveLength(0);
    expect(bundle.objects.filter((o) => o.type === 'report')).toHaveLength(0);
  });
});

describe('writeAtomically', () => {
  it('renames a complete file into place and leaves nothing behind on failure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-export-'));
    const path = join(dir, 'out.csv');
    writeFileSync(path, 'previous');
    async function* failing() {
      yield 'partial,row\r\n';
      throw new Error('database went away');
    }
    await expect(writeAtomically(path, failing())).rejects.toThrow(/went away/);
    expect(readFileSync(path, 'utf8')).toBe('previous');
    expect(readdirSync(dir)).toEqual(['out.csv']);
    async function* ok() {
      yield 'a,b\r\n';
    }
    const result = await writeAtomically(path, ok());
    expect(result.bytes).toBe(5);
    expect(readFileSync(path, 'utf8')).toBe('a,b\r\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
    await expect(writeAtomically(join(dir, 'missing', 'x.csv'), ok())).rejects.toThrow();
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
});
