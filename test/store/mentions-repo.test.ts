import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../support/test-stores.js';
import type { Store } from '../../src/store/open-store.js';
import type { ExtractedMention } from '../../src/domain/mention.js';
import { insertDocument } from '../../src/store/documents-repo.js';
import { countMentions, insertMentions, listMentions } from '../../src/store/mentions-repo.js';
import { countApiEvents, listApiEvents } from '../../src/store/api-queries/event-queries.js';
import { decodeCodes } from '../../src/store/schema.js';

const backends = await testBackends();

function mention(over: Partial<ExtractedMention>): ExtractedMention {
  return {
    type: 'ARMS_TRANSFER',
    source: 'PRK',
    target: 'RUS',
    modality: 'ASSERTED',
    capabilities: [],
    date: null,
    start: 0,
    end: 10,
    rules: ['test.rule'],
    cues: [{ kind: 'trigger', start: 2, end: 6, ref: 'en.trigger.test' }],
    confidence: 0.9,
    ...over,
  };
}

describe.each(backends)('mentions and events repositories on $name', (backend) => {
  let store: Store;
  beforeEach(async () => {
    if (backend.skipReason) return;
    store = await backend.open();
    await insertDocument(store.db, {
      id: 'a',
      lang: 'en',
      published: '2023-11-22',
      text: 'Pyongyang launched a reconnaissance satellite with Russian help.',
    });
    await insertDocument(store.db, {
      id: 'b',
      lang: 'ko',
      published: '2024-10-18',
      text: '북한군이 러시아 쿠르스크에 파병됐다.',
    });
    await insertMentions(
      store.db,
      'a',
      [
        mention({
          type: 'TECH_TRANSFER',
          source: 'RUS',
          target: 'PRK',
          capabilities: ['SPACE', 'BALLISTIC_MISSILE'],
          modality: 'HEDGED',
        }),
        mention({
          type: 'SPACE_LAUNCH',
          source: 'PRK',
          target: null,
          date: '2023-11-21',
          capabilities: ['SPACE'],
        }),
      ],
      { lang: 'en', published: '2023-11-22' },
    );
    await insertMentions(store.db, 'b', [mention({ type: 'TROOP_DEPLOYMENT', date: '2024-10' })], {
      lang: 'ko',
      published: '2024-10-18',
    });
  });
  afterEach(async () => {
    if (!backend.skipReason) await store.close();
  });
  const run = it.skipIf(backend.skipReason !== null);
  const ids = async (f: Parameters<typeof listMentions>[1]) =>
    (await listMentions(store.db, f, { limit: 100 })).items.map((m) => m.id).sort();

  run('stores mentions with ids, codes, rules and cues', async () => {
    const page = await listMentions(store.db, { documentId: 'a' }, { limit: 10 });
    expect(page.items.map((m) => m.id).sort()).toEqual(['a#0', 'a#1']);
    const tech = page.items.find((m) => m.id === 'a#0')!;
    expect(decodeCodes(tech.capabilities)).toEqual(['BALLISTIC_MISSILE', 'SPACE']);
    expect(JSON.parse(tech.rules)).toEqual(['test.rule']);
    expect(JSON.parse(tech.cues)[0].ref).toBe('en.trigger.test');
    expect(tech.published).toBe('2023-11-22');
  });

  run('replaces the previous mentions of a document', async () => {
    await insertMentions(store.db, 'a', [mention({ type: 'MEETING' })], {
      lang: 'en',
      published: '2023-11-22',
    });
    expect(await ids({ documentId: 'a' })).toEqual(['a#0']);
    expect(await countMentions(store.db, {})).toBe(2);
  });

  run('filters by type, actor in either role, modality, capability, language', async () => {
    expect(await ids({ type: 'SPACE_LAUNCH' })).toEqual(['a#1']);
    expect(await ids({ actor: 'RUS' })).toEqual(['a#0', 'b#0']);
    expect(await ids({ modality: 'HEDGED' })).toEqual(['a#0']);
    expect(await ids({ capability: 'SPACE' })).toEqual(['a#0', 'a#1']);
    expect(await ids({ capability: 'BALLISTIC_MISSILE' })).toEqual(['a#0']);
    expect(await ids({ lang: 'ko' })).toEqual(['b#0']);
  });

  run('filters by mention date falling back to publication, and by document text', async () => {
    expect(await ids({ until: '2023-11-21' })).toEqual(['a#1']);
    expect(await ids({ since: '2023-11-22', until: '2023-12-31' })).toEqual(['a#0']);
    expect(await ids({ since: '2024-10-15' })).toEqual(['b#0']);
    expect(await ids({ q: '쿠르스크' })).toEqual(['b#0']);
    expect(await ids({ q: '북한' })).toEqual(['b#0']);
    expect(await ids({ q: 'satellite', type: 'SPACE_LAUNCH' })).toEqual(['a#1']);
    expect(await countMentions(store.db, { q: 'satellite' })).toBe(2);
  });

  run('lists resolved events with filters', async () => {
    const now = '2024-10-20T00:00:00Z';
    await store.db
      .insertInto('events')
      .values([
        {
          id: 'e1',
          type: 'TROOP_DEPLOYMENT',
          source_actor: 'PRK',
          target_actor: 'RUS',
          capabilities: '',
          date: '2024-10',
          first_seen: now,
          last_seen: now,
          modality: 'ASSERTED',
          mention_count: 1,
          independent_sources: 1,
          credibility: 3,
          explanation: '{}',
          updated_at: now,
        },
        {
          id: 'e2',
          type: 'SPACE_LAUNCH',
          source_actor: 'PRK',
          target_actor: null,
          capabilities: '|SPACE|',
          date: '2023-11-21',
          first_seen: '2023-11-22',
          last_seen: '2023-11-22',
          modality: 'ASSERTED',
          mention_count: 1,
          independent_sources: 1,
          credibility: 2,
          explanation: '{}',
          updated_at: now,
        },
      ])
      .execute();
    await store.db
      .updateTable('mentions')
      .set({ event_id: 'e1' })
      .where('id', '=', 'b#0')
      .execute();
    const list = async (f: Parameters<typeof listApiEvents>[1]) =>
      (await listApiEvents(store, f, { limit: 10 })).items.map((e) => e.id);
    expect(await list({})).toEqual(['e1', 'e2']);
    expect(await list({ actor: 'RUS' })).toEqual(['e1']);
    expect(await list({ capability: 'SPACE' })).toEqual(['e2']);
    expect(await list({ since: '2024-01-01' })).toEqual(['e1']);
    expect(await list({ lang: 'ko' })).toEqual(['e1']);
    expect(await list({ q: '쿠르스크' })).toEqual(['e1']);
    expect(await list({ actor: 'PRK', partner: 'RUS' })).toEqual(['e1']);
    expect(await countApiEvents(store, { type: 'SPACE_LAUNCH' })).toBe(1);
    expect(await countApiEvents(store, { actor: 'PRK' })).toBe(2);
    expect(await countApiEvents(store, { actor: 'RUS', q: '쿠르스크' })).toBe(1);
  });
});
