import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testBackends } from '../../../test/support/test-stores.js';
import { countGdeltEvents, listGdeltEvents } from '../../store/gdelt-repo.js';
import { importGdeltFile } from './import-gdelt.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/gdelt/${name}`, import.meta.url));
const backends = await testBackends();

describe.each(backends)('importGdeltFile on $name', (backend) => {
  it.skipIf(backend.skipReason !== null)('imports a 2.0 export and is idempotent', async () => {
    const store = await backend.open();
    try {
      const first = await importGdeltFile(store, fixture('v2-sample.export.CSV'));
      expect(first).toMatchObject({
        rows: 8,
        inserted: 8,
        duplicates: 0,
        errorCount: 0,
        unmapped: 1,
      });
      expect(first.byVersion).toEqual({ '1': 0, '2': 8 });
      expect(first.byType).toMatchObject({ SANCTION: 1, ARMS_TRANSFER: 1, THREAT: 1, UNMAPPED: 1 });
      const again = await importGdeltFile(store, fixture('v2-sample.export.CSV'));
      expect(again).toMatchObject({ rows: 8, inserted: 0, duplicates: 8 });
      const zipped = await importGdeltFile(store, fixture('v2-sample.export.CSV.zip'));
      expect(zipped).toMatchObject({ rows: 8, inserted: 0, duplicates: 8, errorCount: 0 });

      const all = await listGdeltEvents(store.db);
      expect(all).toHaveLength(8);
      const sanction = all.find((e) => e.id === '1001');
      expect(sanction).toMatchObject({
        type: 'SANCTION',
        source_actor: 'USA',
        target_actor: 'PRK',
        goldstein: -2,
        num_mentions: 10,
        num_sources: 2,
        num_articles: 9,
        avg_tone: -3.5,
        source_url: 'https://news.example/1001',
        day: '2024-11-01',
        date_added: '2024-11-01T12:00:00Z',
      });
      expect(all.find((e) => e.id === '1007')).toMatchObject({
        source_actor: 'ROU',
        target_actor: 'NATO',
      });
      expect(all.find((e) => e.id === '1008')).toMatchObject({
        source_actor: 'UN',
        target_actor: null,
      });

      const unmapped = await listGdeltEvents(store.db, { types: [null] });
      expect(unmapped.map((e) => e.id)).toEqual(['1004']);
      const withPrk = await listGdeltEvents(store.db, {
        actors: ['PRK'],
        types: ['ARMS_TRANSFER'],
      });
      expect(withPrk.map((e) => e.id)).toEqual(['1002']);
      const counts = await countGdeltEvents(store.db, { types: ['ATTACK'] });
      expect(counts).toEqual([
        {
          day: '2024-11-01',
          type: 'ATTACK',
          source_actor: 'RUS',
          target_actor: 'UKR',
          events: 1,
          articles: 9,
        },
      ]);
    } finally {
      await store.close();
    }
  });

  it.skipIf(backend.skipReason !== null)(
    'imports 1.0 daily files (57 and 58 columns)',
    async () => {
      const store = await backend.open();
      try {
        const result = await importGdeltFile(store, fixture('v1-daily.export.CSV'));
        expect(result).toMatchObject({
          rows: 3,
          inserted: 3,
          errorCount: 0,
          byVersion: { '1': 3, '2': 0 },
        });
        const rows = await listGdeltEvents(store.db);
        expect(rows.map((r) => [r.id, r.type, r.source_url])).toEqual([
          ['3001', 'SANCTION', 'http://old.example/3001'],
          ['3002', 'THREAT', 'http://old.example/3002'],
          ['3003', 'AGREEMENT', null],
        ]);
      } finally {
        await store.close();
      }
    },
  );

  it.skipIf(backend.skipReason !== null)(
    'counts and lists bad rows and imports the rest',
    async () => {
      const store = await backend.open();
      try {
        const result = await importGdeltFile(store, fixture('v2-bad-rows.export.CSV'), {
          maxListedErrors: 3,
        });
        expect(result).toMatchObject({ rows: 7, inserted: 2, errorCount: 5 });
        expect(result.errors).toHaveLength(3);
        expect(result.errors[0]).toEqual({ line: 2, message: expect.stringMatching(/4 columns/) });
        expect(result.errors[1]).toEqual({
          line: 3,
          message: expect.stringMatching(/GoldsteinScale/),
        });
        expect((await listGdeltEvents(store.db)).map((r) => r.id)).toEqual(['2001', '2007']);
      } finally {
        await store.close();
      }
    },
  );

  it.skipIf(backend.skipReason !== null)(
    'reports a file that is not a zip as bad input',
    async () => {
      const store = await backend.open();
      try {
        const notZip = fixture('not-a-zip.zip');
        await expect(importGdeltFile(store, notZip)).rejects.toThrow(
          /not a readable zip|holds no entry/,
        );
      } finally {
        await store.close();
      }
    },
  );
});
