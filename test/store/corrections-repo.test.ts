/** Analyst corrections on both backends: applied to the mention row, audited, revoked, kept across re-extraction. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExtractedMention } from '../../src/domain/mention.js';
import {
  correctionsOfMention,
  listCorrections,
  recordCorrection,
  revokeCorrection,
} from '../../src/store/corrections-repo.js';
import { insertDocument } from '../../src/store/documents-repo.js';
import { insertMentions } from '../../src/store/mentions-repo.js';
import type { Store } from '../../src/store/open-store.js';
import { testBackends } from '../support/test-stores.js';

const backends = await testBackends();
const TEXT = 'Pyongyang may have shipped shells to Russia. Seoul protested on Monday.';

function mention(over: Partial<ExtractedMention>): ExtractedMention {
  return {
    type: 'ARMS_TRANSFER',
    source: 'PRK',
    target: 'RUS',
    modality: 'ASSERTED',
    capabilities: [],
    date: null,
    start: 0,
    end: 44,
    trigger: { start: 20, end: 27 },
    rules: ['test.rule'],
    cues: [],
    confidence: 0.9,
    ...over,
  };
}

const EXTRACTED = [
  mention({}),
  mention({
    type: 'CONCERN',
    source: 'KOR',
    target: null,
    start: 45,
    end: 72,
    trigger: { start: 51, end: 60 },
  }),
];

/** What a newer extractor finds before the others: every index after it shifts. */
const NEW_FIRST = mention({
  type: 'MISSILE_TEST',
  start: 0,
  end: 9,
  trigger: { start: 0, end: 9 },
});

describe.each(backends)('corrections repository on $name', (backend) => {
  const run = it.skipIf(backend.skipReason !== null);
  let store: Store;
  beforeEach(async () => {
    if (backend.skipReason) return;
    store = await backend.open();
    await insertDocument(store.db, { id: 'd1', lang: 'en', published: '2024-10-01', text: TEXT });
    await insertMentions(store.db, 'd1', EXTRACTED, { lang: 'en', published: '2024-10-01' });
    await store.db.updateTable('mentions').set({ event_id: 'evt-1' }).execute();
  });
  afterEach(async () => {
    if (!backend.skipReason) await store.close();
  });

  /** Replaces d1's mentions as a re-extraction does. */
  const reextract = (mentions: ExtractedMention[]) =>
    insertMentions(store.db, 'd1', mentions, { lang: 'en', published: '2024-10-01' });
  const row = (id: string) =>
    store.db.selectFrom('mentions').selectAll().where('id', '=', id).executeTakeFirst();

  run(
    'amends a mention: the row carries the new values, unresolved, and the audit keeps before and after',
    async () => {
      const out = await recordCorrection(store.db, {
        mentionId: 'd1#0',
        changes: { modality: 'HEDGED', date: '2024-09' },
        note: 'the text says "may have"',
        by: 'ana',
        now: '2024-10-02T10:00:00.000Z',
      });
      expect(out).toMatchObject({ documentId: 'd1', previousEventId: 'evt-1', mentionId: 'd1#0' });
      expect(await row('d1#0')).toMatchObject({
        modality: 'HEDGED',
        date: '2024-09',
        type: 'ARMS_TRANSFER',
        event_id: null,
        correction_id: out.correction.id,
      });
      const [c] = await correctionsOfMention(store.db, 'd1#0');
      expect(c).toMatchObject({
        action: 'amend',
        before: { modality: 'ASSERTED', date: null, source: 'PRK' },
        after: { modality: 'HEDGED', date: '2024-09', source: 'PRK' },
        note: 'the text says "may have"',
        createdBy: 'ana',
        createdAt: '2024-10-02T10:00:00.000Z',
        eventId: 'evt-1',
        revokedAt: null,
        trigger: { start: 20, end: 27 },
      });
    },
  );

  run('refuses a correction that changes nothing, and an unknown mention', async () => {
    await expect(
      recordCorrection(store.db, { mentionId: 'd1#0', changes: { modality: 'ASSERTED' }, by: 'a' }),
    ).rejects.toThrow(/changes nothing/);
    await expect(
      recordCorrection(store.db, { mentionId: 'd1#9', reject: true, by: 'a' }),
    ).rejects.toThrow(/no mention d1#9/);
    expect(await listCorrections(store.db, {}, { limit: 10 })).toEqual([]);
  });

  run('a rejection removes the row; revoking it restores the extraction, audited', async () => {
    const rejected = await recordCorrection(store.db, {
      mentionId: 'd1#1',
      reject: true,
      by: 'ana',
      now: '2024-10-02T10:00:00.000Z',
    });
    expect(rejected.mentionId).toBeNull();
    expect(await row('d1#1')).toBeUndefined();
    // Its corrections are still found by the old id.
    expect((await correctionsOfMention(store.db, 'd1#1')).map((c) => c.action)).toEqual(['reject']);
    const revoked = await revokeCorrection(store.db, {
      id: rejected.correction.id,
      by: 'lead',
      note: 'it is a statement after all',
      now: '2024-10-03T10:00:00.000Z',
    });
    expect(revoked.correction).toMatchObject({
      revokedBy: 'lead',
      revokedAt: '2024-10-03T10:00:00.000Z',
      revokeNote: 'it is a statement after all',
    });
    expect(await row('d1#1')).toMatchObject({
      type: 'CONCERN',
      source_actor: 'KOR',
      correction_id: null,
    });
    await expect(
      revokeCorrection(store.db, { id: rejected.correction.id, by: 'lead' }),
    ).rejects.toThrow(/was revoked/);
    expect(await listCorrections(store.db, { live: true }, { limit: 10 })).toEqual([]);
    expect(await listCorrections(store.db, { documentId: 'd1' }, { limit: 10 })).toHaveLength(1);
  });

  run('the latest live correction wins; revoking it falls back to the previous one', async () => {
    const first = await recordCorrection(store.db, {
      mentionId: 'd1#0',
      changes: { modality: 'HEDGED' },
      by: 'ana',
      now: '2024-10-02T10:00:00.000Z',
    });
    const second = await recordCorrection(store.db, {
      mentionId: 'd1#0',
      changes: { source: 'IRN' },
      by: 'bob',
      now: '2024-10-02T11:00:00.000Z',
    });
    expect(second.correction.before).toMatchObject({ modality: 'HEDGED', source: 'PRK' });
    expect(await row('d1#0')).toMatchObject({ modality: 'HEDGED', source_actor: 'IRN' });
    await revokeCorrection(store.db, { id: second.correction.id, by: 'ana' });
    expect(await row('d1#0')).toMatchObject({
      modality: 'HEDGED',
      source_actor: 'PRK',
      correction_id: first.correction.id,
    });
    await revokeCorrection(store.db, { id: first.correction.id, by: 'ana' });
    expect(await row('d1#0')).toMatchObject({ modality: 'ASSERTED', correction_id: null });
  });

  run('corrections survive re-extraction, which replaces the mention rows', async () => {
    const amended = await recordCorrection(store.db, {
      mentionId: 'd1#0',
      changes: { modality: 'HEDGED' },
      by: 'ana',
    });
    await recordCorrection(store.db, { mentionId: 'd1#1', reject: true, by: 'ana' });
    // The new extractor finds a mention before them: every index shifts.
    await reextract([NEW_FIRST, ...EXTRACTED]);
    const rows = await store.db
      .selectFrom('mentions')
      .select(['id', 'type', 'modality', 'correction_id'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 'd1#0', type: 'MISSILE_TEST', modality: 'ASSERTED', correction_id: null },
      {
        id: 'd1#1',
        type: 'ARMS_TRANSFER',
        modality: 'HEDGED',
        correction_id: amended.correction.id,
      },
    ]);
    // A newer extractor that no longer finds them: the amended mention stays as the analyst
    // stated it, the rejected one stays away.
    await reextract([]);
    expect(
      await store.db.selectFrom('mentions').select(['id', 'modality', 'correction_id']).execute(),
    ).toEqual([{ id: 'd1#1', modality: 'HEDGED', correction_id: amended.correction.id }]);
    await reextract([NEW_FIRST, ...EXTRACTED]);
    // Revoked after re-extraction: back to the fresh extraction, under its fresh id.
    await revokeCorrection(store.db, { id: amended.correction.id, by: 'ana' });
    expect(await row('d1#1')).toMatchObject({ modality: 'ASSERTED', correction_id: null });
  });
});
