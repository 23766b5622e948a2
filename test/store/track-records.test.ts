/**
 * Source track records and grades on both backends, over the seeded store and its track-record
 * rows (test/server/seed-track-records.ts): the counts, what is left out as carried, the
 * suggestion, a later resolution moving it, and the audited grade change.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gradeSource, readTrackRecords } from '../../src/analyse/sources/source-track-records.js';
import type { Store } from '../../src/store/open-store.js';
import { recordResolution } from '../../src/store/resolutions-repo.js';
import { applyGrade, listGradeChanges } from '../../src/store/source-grades-repo.js';
import { seedStore } from '../server/seed.js';
import { TRACK, seedTrackRecords } from '../server/seed-track-records.js';
import { testBackends } from '../support/test-stores.js';

const backends = await testBackends();

describe.each(backends)('source track records on $name', (backend) => {
  const run = it.skipIf(backend.skipReason !== null);
  let store: Store;

  beforeEach(async () => {
    if (backend.skipReason) return;
    store = await backend.open();
    await seedStore(store);
    await seedTrackRecords(store);
  });
  afterEach(async () => {
    if (!backend.skipReason) await store.close();
  });

  const recordOf = async (id: string) => {
    const { items, total } = await readTrackRecords(store, { sourceId: id });
    expect(total).toBe(1);
    return items[0]!;
  };

  run('counts a source’s own claims against resolutions and other origins', async () => {
    const nk = await recordOf(TRACK.nkWatch);
    expect(nk.record).toMatchObject({
      claims: 7,
      confirmed: 5,
      confirmedByResolution: 4,
      confirmedByCorroboration: 1,
      contradicted: 1,
      open: 1,
      late: 0,
      carried: 0,
      lead: { compared: 1, first: 1, medianDays: 1 },
    });
    expect(nk.suggestion).toMatchObject({ current: 'F', suggested: 'C', change: true });
    expect(nk.suggestion.lowerBound).toBeCloseTo(0.436, 3);
    expect(nk.suggestion.reasons[0]).toBe(
      '5 of 6 resolved claims confirmed (4 by a resolution, 1 by an independent origin); 1 contradicted by a resolution; lower bound 0.44 → C (fairly reliable)',
    );
    expect(nk.claims[0]).toMatchObject({
      eventId: 'ev-tr-5',
      status: 'contradicted',
      hypothesisId: TRACK.no,
    });
    expect(nk.claims.find((c) => c.eventId === 'ev-tr-6')).toMatchObject({
      status: 'confirmed',
      by: 'corroboration',
      leadDays: 1,
    });
  });

  run('leaves out what a source only copied or credited to another origin', async () => {
    const sw = await recordOf(TRACK.seoulWire);
    expect(sw.record).toMatchObject({ claims: 1, confirmed: 1, carried: 2 });
    expect(sw.claims).toEqual([
      expect.objectContaining({ eventId: 'ev-tr-6', by: 'corroboration', leadDays: -1 }),
    ]);
    expect(sw.suggestion).toMatchObject({ suggested: 'B', change: false, lowerBound: null });
    // Wire Daily's ICBM report credits Yonhap: only its own French report is a claim.
    const wire = await recordOf('src-wire');
    expect(wire.record).toMatchObject({ claims: 1, carried: 1, open: 1 });
  });

  run('a later resolution in force moves the record and the suggestion', async () => {
    await recordResolution(store.db, {
      hypothesisId: TRACK.yes,
      boardId: 'tr',
      outcome: false,
      date: '2024-11-01',
      source: 'https://record.example/reversed',
      note: 'withdrawn after all',
      recordedBy: 'test',
    });
    const nk = await recordOf(TRACK.nkWatch);
    expect(nk.record).toMatchObject({ confirmed: 1, contradicted: 5 });
    expect(nk.suggestion.suggested).toBe('E');
  });

  run('lists every source a page at a time', async () => {
    const first = await readTrackRecords(store, { limit: 2, offset: 0 });
    // Five sources, then the outlets of documents no source brought in.
    expect(first.total).toBe(6);
    expect(first.items.map((i) => i.source.name)).toEqual(['NK Watch', 'Seoul Wire']);
    const rest = await readTrackRecords(store, { limit: 4, offset: 2 });
    expect(rest.items.map((i) => i.source.id)).toEqual([
      'src-outlet',
      'src-wire',
      'src-yonhap',
      'outlet:Harbour Times',
    ]);
    expect((await readTrackRecords(store, { limit: 4, offset: 6 })).items).toEqual([]);
  });

  run('counts documents ingested under a named outlet’s name with it: one record', async () => {
    // "Unknown Blog" is a registered named outlet (src-outlet), and doc-hostile was ingested
    // without a source under that outlet name; give its mention an event so it is a claim.
    await store.db
      .updateTable('mentions')
      .set({ event_id: 'evt-test-2' })
      .where('document_id', '=', 'doc-hostile')
      .execute();
    const all = await readTrackRecords(store);
    expect(all.items.filter((i) => i.source.name === 'Unknown Blog')).toHaveLength(1);
    const blog = await recordOf('src-outlet');
    expect(blog.source).toMatchObject({ kind: 'outlet', registered: true });
    expect(blog.claims.map((c) => c.eventId)).toEqual(['evt-test-2']);
    expect((await readTrackRecords(store, { sourceId: 'outlet:Unknown Blog' })).total).toBe(0);
  });

  run('keeps a record for an outlet of ingested files, which has no grade to set', async () => {
    const ht = await recordOf('outlet:Harbour Times');
    expect(ht.source).toMatchObject({ kind: 'outlet', reliability: 'F', registered: false });
    expect(ht.record).toMatchObject({ claims: 1, confirmed: 1, confirmedByCorroboration: 1 });
    expect(ht.claims[0]).toMatchObject({ eventId: 'ev-tr-6', leadDays: -2 });
    expect((await readTrackRecords(store, { sourceId: 'outlet:Nobody' })).total).toBe(0);
    await expect(
      gradeSource(store, { source: 'outlet:Harbour Times', grade: 'C', recordedBy: 'ana' }),
    ).rejects.toThrow(/not a registered source/);
  });

  run('applies a grade with its audit record, and refuses a bad one writing nothing', async () => {
    const nk = await recordOf(TRACK.nkWatch);
    const { source, change } = await applyGrade(store, {
      source: TRACK.nkWatch,
      grade: 'c',
      note: 'track record since June',
      recordedBy: 'ana',
      suggested: nk.suggestion.suggested,
      record: { confirmed: nk.record.confirmed, contradicted: nk.record.contradicted },
      now: '2024-11-02T10:00:00.000Z',
    });
    expect(source.reliability).toBe('C');
    expect(change).toMatchObject({ before: 'F', after: 'C', suggested: 'C', recordedBy: 'ana' });
    await expect(
      applyGrade(store, { source: TRACK.nkWatch, grade: 'Z', recordedBy: 'ana' }),
    ).rejects.toThrow(/reliability must be one of/);
    await expect(
      applyGrade(store, { source: 'src-none', grade: 'B', recordedBy: 'ana' }),
    ).rejects.toThrow(/no source src-none/);
    const history = await listGradeChanges(store.db, TRACK.nkWatch);
    expect(history).toEqual([
      expect.objectContaining({
        before: 'F',
        after: 'C',
        note: 'track record since June',
        record: { confirmed: 5, contradicted: 1 },
      }),
    ]);
    expect((await recordOf(TRACK.nkWatch)).suggestion).toMatchObject({
      current: 'C',
      change: false,
    });
  });
});
