import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testBackends } from '../support/test-stores.js';
import { importGdeltFile } from '../../src/ingest/gdelt/import-gdelt.js';
import { exportStoreJsonl } from '../../src/report/export/export-jsonl.js';
import { importStoreJsonl } from '../../src/report/export/import-jsonl.js';
import { listGdeltEvents } from '../../src/store/gdelt-repo.js';
import { openStore } from '../../src/store/open-store.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/gdelt/${name}`, import.meta.url));

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const c of chunks) out += c;
  return out;
}

const backends = await testBackends();

describe.each(backends)('a SQLite store with GDELT events, exported into $name', (backend) => {
  it.skipIf(backend.skipReason !== null)(
    'imports and exports the same bytes, and the events read the same',
    async () => {
      const source = await openStore({ url: ':memory:' });
      const target = await backend.open();
      try {
        await importGdeltFile(source, fixture('v2-sample.export.CSV'));
        await importGdeltFile(source, fixture('v1-daily.export.CSV'));
        const dump = await text(exportStoreJsonl(source));
        expect(dump).toContain('"table":"gdelt_events"');
        await importStoreJsonl(target, Readable.from([dump]));
        expect(await text(exportStoreJsonl(target))).toBe(dump);
        expect(await listGdeltEvents(target.db)).toEqual(await listGdeltEvents(source.db));
        // The key still makes re-imports idempotent after the round trip.
        const again = await importGdeltFile(target, fixture('v2-sample.export.CSV'));
        expect(again).toMatchObject({ inserted: 0, duplicates: 8 });
      } finally {
        await source.close();
        await target.close();
      }
    },
  );
});
