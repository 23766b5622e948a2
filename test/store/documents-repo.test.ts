import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../support/test-stores.js';
import type { Store } from '../../src/store/open-store.js';
import {
  countDocuments,
  getDocument,
  insertDocument,
  listDocuments,
  markExtracted,
  searchDocuments,
} from '../../src/store/documents-repo.js';
import { contentHash } from '../../src/store/content-hash.js';
import { withSavepoint, withTransaction } from '../../src/store/transaction.js';

const backends = await testBackends();

const DOCS = [
  {
    id: 'ko-1',
    lang: 'ko',
    published: '2024-06-19',
    outlet: 'Seoul Daily',
    title: '푸틴, 평양 방문',
    text: '러시아와 북한이 포괄적 전략적 동반자 조약에 서명했다.',
  },
  {
    id: 'ja-1',
    lang: 'ja',
    published: '2024-06-20',
    title: '日露関係',
    text: '北朝鮮はロシアに砲弾を送ったとされる。',
  },
  {
    id: 'zh-1',
    lang: 'zh',
    published: '2024-10-20',
    title: '朝鲜派兵',
    text: '据报道，朝鲜向俄罗斯派遣了军队。',
  },
  {
    id: 'en-1',
    lang: 'en',
    published: '2023-09-13T08:00:00Z',
    outlet: 'Harbour Times',
    title: 'Summit at Vostochny',
    text: 'Kim Jong Un met Vladimir Putin at the Vostochny cosmodrome; 100% of talks were closed.',
  },
  {
    id: 'fr-1',
    lang: 'fr',
    published: '2024-11-04',
    title: 'Koursk',
    text: "Des soldats nord-coréens seraient déployés dans la région de Koursk, selon l'AFP.",
  },
];

describe.each(backends)('documents repository on $name', (backend) => {
  let store: Store;
  beforeEach(async () => {
    if (backend.skipReason) return;
    store = await backend.open();
    for (const d of DOCS) await insertDocument(store.db, d);
  });
  afterEach(async () => {
    if (!backend.skipReason) await store.close();
  });
  const run = it.skipIf(backend.skipReason !== null);

  run('keeps the id a document came with and derives a stable one otherwise', async () => {
    expect((await getDocument(store.db, 'ko-1'))?.title).toBe('푸틴, 평양 방문');
    const text = 'A document without an id.';
    expect(await insertDocument(store.db, { text })).toBe('inserted');
    const expected = `doc-${contentHash(text).slice(0, 16)}`;
    expect((await getDocument(store.db, expected))?.text).toBe(text);
  });

  run('stores the same document once (same hash or same id)', async () => {
    expect(await insertDocument(store.db, { ...DOCS[0]!, id: 'other-id' })).toBe('duplicate');
    expect(
      await insertDocument(store.db, { ...DOCS[0]!, text: `  ${DOCS[0]!.text.toUpperCase()} ` }),
    ).toBe('duplicate');
    expect(await insertDocument(store.db, { id: 'ko-1', text: 'different text' })).toBe(
      'duplicate',
    );
    expect(await countDocuments(store.db, {})).toBe(DOCS.length);
  });

  run('finds Korean, Japanese and Chinese text, short terms included', async () => {
    const ids = async (q: string) =>
      (await listDocuments(store.db, { q }, { limit: 50 })).items.map((d) => d.id).sort();
    expect(await ids('북한')).toEqual(['ko-1']);
    expect(await ids('전략적 동반자')).toEqual(['ko-1']);
    expect(await ids('"전략적 동반자"')).toEqual(['ko-1']);
    expect(await ids('평양')).toEqual(['ko-1']);
    expect(await ids('砲弾')).toEqual(['ja-1']);
    expect(await ids('ロシアに砲弾')).toEqual(['ja-1']);
    expect(await ids('朝鲜')).toEqual(['zh-1']);
    expect(await ids('派遣了军队')).toEqual(['zh-1']);
    expect(await ids('vostochny')).toEqual(['en-1']);
    expect(await ids('KIM putin')).toEqual(['en-1']);
    expect(await ids('koursk')).toEqual(['fr-1']);
    expect(await ids('100%')).toEqual(['en-1']);
    expect(await ids('Koursk nowhere')).toEqual([]);
    expect(await ids('Un')).toEqual(['en-1']);
    expect(await ids('Vostoch')).toEqual(['en-1']);
    expect(await ids('nord-coréens')).toEqual(['fr-1']);
    expect(await ids('朝')).toEqual(['ja-1', 'zh-1']);
    expect(await ids('러시아와')).toEqual(['ko-1']);
  });

  run('filters by language, dates and outlet, and pages with a cursor', async () => {
    const list = async (f: Parameters<typeof listDocuments>[1]) =>
      (await listDocuments(store.db, f, { limit: 50 })).items.map((d) => d.id);
    expect(await list({ lang: 'ja' })).toEqual(['ja-1']);
    expect(await list({ since: '2024-06-20', until: '2024-10-31' })).toEqual(['zh-1', 'ja-1']);
    expect(await list({ until: '2023-09-13' })).toEqual(['en-1']);
    expect(await list({ outlet: 'Seoul Daily' })).toEqual(['ko-1']);
    const first = await listDocuments(store.db, {}, { limit: 2 });
    expect(first.items.map((d) => d.id)).toEqual(['fr-1', 'zh-1']);
    const second = await listDocuments(store.db, {}, { limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((d) => d.id)).toEqual(['ja-1', 'ko-1']);
    const third = await listDocuments(store.db, {}, { limit: 2, cursor: second.nextCursor! });
    expect(third.items.map((d) => d.id)).toEqual(['en-1']);
    expect(third.nextCursor).toBeNull();
    const offset = await listDocuments(store.db, {}, { limit: 2, offset: 2 });
    expect(offset.items.map((d) => d.id)).toEqual(['ja-1', 'ko-1']);
  });

  run('returns snippets with highlights', async () => {
    const page = await searchDocuments(store.db, '북한', {}, { limit: 10 });
    expect(page.items).toHaveLength(1);
    const { snippet } = page.items[0]!;
    const h = snippet.highlights[0]!;
    expect(snippet.text.slice(h.start, h.end)).toBe('북한');
  });

  run('marks a document extracted', async () => {
    await markExtracted(store.db, 'fr-1', '2026-01-01T00:00:00Z');
    expect((await getDocument(store.db, 'fr-1'))?.extracted_at).toBe('2026-01-01T00:00:00Z');
    expect(await countDocuments(store.db, { q: 'Koursk' })).toBe(1);
  });

  run('rolls a transaction back on error and a savepoint alone', async () => {
    await expect(
      withTransaction(store, async (trx) => {
        await insertDocument(trx, { id: 'tx-1', text: 'inside a failed transaction' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await getDocument(store.db, 'tx-1')).toBeUndefined();
    await withTransaction(store, async (trx) => {
      await insertDocument(trx, { id: 'tx-2', text: 'kept' });
      await withSavepoint(trx, async (t) => {
        await insertDocument(t, { id: 'tx-3', text: 'undone' });
        throw new Error('inner');
      }).catch(() => undefined);
    });
    expect(await getDocument(store.db, 'tx-2')).toBeDefined();
    expect(await getDocument(store.db, 'tx-3')).toBeUndefined();
    expect(await countDocuments(store.db, { q: 'undone' })).toBe(0);
  });
});
