/**
 * Corrections rescore: on an extracted and analysed store, an analyst's correction moves the
 * mention's event, its credibility and the watchboard, the audit trail names the correction,
 * and revoking it restores the scores the extraction gave.
 */
import { describe, expect, it } from 'vitest';
import { boardFiles, loadWatchboards } from '../../src/analyse/watchboards/load-boards.js';
import { extractDocument } from '../../src/extract/extract-document.js';
import { enrichDocument } from '../../src/ingest/dedup/enrich-document.js';
import { analysePending } from '../../src/pipeline/analysis-pipeline.js';
import { correctMention, revokeMentionCorrection } from '../../src/pipeline/correct-mentions.js';
import { processDocuments } from '../../src/pipeline/process-documents.js';
import type { Store } from '../../src/store/open-store.js';
import { testBackends } from '../support/test-stores.js';

const DOCS = [
  {
    id: 'c-1',
    lang: 'en',
    published: '2024-10-20',
    outlet: 'Northern Wire',
    text: 'North Korea has sent thousands of troops to Russia, the South Korean spy agency said on Sunday.',
  },
  {
    id: 'c-2',
    lang: 'en',
    published: '2024-10-22',
    outlet: 'Harbour Post',
    text: 'Russia delivered ballistic missile components to North Korea last month, officials in Seoul said.',
  },
];

const backends = await testBackends();
const { boards } = loadWatchboards(boardFiles());
const setup = { boards, rules: [] };
const NOW = '2024-10-25T00:00:00.000Z';

/** The documents extracted, enriched and analysed with the shipped boards. */
async function analysedStore(store: Store): Promise<Store> {
  await processDocuments(
    store,
    DOCS.map((value, i) => ({ line: i + 1, value })),
    { extract: (doc) => extractDocument(doc), enrich: enrichDocument },
  );
  await analysePending(store, setup, { now: NOW });
  return store;
}

async function state(store: Store) {
  const hypotheses = await store.db
    .selectFrom('hypotheses')
    .select(['id', 'probability'])
    .orderBy('id')
    .execute();
  const events = await store.db
    .selectFrom('events')
    .select(['type', 'source_actor', 'target_actor', 'modality', 'credibility', 'mention_count'])
    .orderBy('type')
    .orderBy('source_actor')
    .execute();
  return { hypotheses, events };
}

describe.each(backends)('corrections rescore on $name', (backend) => {
  it.skipIf(backend.skipReason !== null)(
    'a modality correction rescores the event and board, is in the trail, and revokes cleanly',
    { timeout: 60_000 },
    async () => {
      const store = await analysedStore(await backend.open());
      try {
        const original = await state(store);
        const troops = await store.db
          .selectFrom('mentions')
          .selectAll()
          .where('document_id', '=', 'c-1')
          .where('type', '=', 'TROOP_DEPLOYMENT')
          .executeTakeFirstOrThrow();
        expect(troops.modality).toBe('ASSERTED');
        const hypothesis = 'russia-dprk/troop-expansion';
        const before = original.hypotheses.find((h) => h.id === hypothesis)!.probability;

        const negated = await correctMention(store, setup, {
          mentionId: troops.id,
          changes: { modality: 'NEGATED' },
          note: 'the agency denied it',
          by: 'ana',
          now: NOW,
        });
        expect(negated.mentionId).toBe(troops.id);
        expect(negated.eventId).not.toBeNull();
        const event = await store.db
          .selectFrom('events')
          .selectAll()
          .where('id', '=', negated.eventId!)
          .executeTakeFirstOrThrow();
        expect(event.modality).toBe('NEGATED');
        const after = await state(store);
        const moved = after.hypotheses.find((h) => h.id === hypothesis)!.probability;
        expect(moved).toBeLessThan(before);
        expect(negated.hypothesisChanges.map((c) => c.hypothesisId)).toContain(hypothesis);

        // Hedged: the step is back with a smaller weight, and its trail names the correction.
        const hedged = await correctMention(store, setup, {
          mentionId: troops.id,
          changes: { modality: 'HEDGED' },
          by: 'bob',
          now: NOW,
        });
        const steps = await store.db
          .selectFrom('evidence')
          .selectAll()
          .where('hypothesis_id', '=', hypothesis)
          .where('event_id', '=', hedged.eventId!)
          .execute();
        expect(steps).toHaveLength(1);
        const explanation = JSON.parse(steps[0]!.explanation) as {
          corrections?: { id: string; by: string; after: { modality: string } }[];
        };
        expect(explanation.corrections).toEqual([
          expect.objectContaining({
            id: hedged.correction.id,
            by: 'bob',
            after: expect.objectContaining({ modality: 'HEDGED' }),
          }),
        ]);
        const hedgedP = (await state(store)).hypotheses.find((h) => h.id === hypothesis)!;
        expect(hedgedP.probability).toBeGreaterThan(moved);
        expect(hedgedP.probability).toBeLessThan(before);

        // Revoking both brings the extraction's scores back exactly.
        await revokeMentionCorrection(store, setup, {
          id: hedged.correction.id,
          by: 'ana',
          now: NOW,
        });
        await revokeMentionCorrection(store, setup, {
          id: negated.correction.id,
          by: 'ana',
          now: NOW,
        });
        expect(await state(store)).toEqual(original);
      } finally {
        await store.close();
      }
    },
  );

  it.skipIf(backend.skipReason !== null)(
    'rejecting a mention removes its event and its evidence step; a type change moves it',
    { timeout: 60_000 },
    async () => {
      const store = await analysedStore(await backend.open());
      try {
        const original = await state(store);
        const transfer = await store.db
          .selectFrom('mentions')
          .selectAll()
          .where('document_id', '=', 'c-2')
          .where('type', '=', 'TECH_TRANSFER')
          .executeTakeFirstOrThrow();
        const moved = await correctMention(store, setup, {
          mentionId: transfer.id,
          changes: { type: 'ARMS_TRANSFER' },
          by: 'ana',
          now: NOW,
        });
        const types = (await state(store)).events.map((e) => e.type);
        expect(types).toContain('ARMS_TRANSFER');
        expect(types).not.toContain('TECH_TRANSFER');
        const rejected = await correctMention(store, setup, {
          mentionId: transfer.id,
          reject: true,
          by: 'ana',
          now: NOW,
        });
        expect(rejected.mentionId).toBeNull();
        const left = await state(store);
        expect(left.events.map((e) => e.type)).toEqual(['TROOP_DEPLOYMENT']);
        const orphans = await store.db
          .selectFrom('evidence')
          .leftJoin('events', 'events.id', 'evidence.event_id')
          .select(['evidence.id'])
          .where('evidence.event_id', 'is not', null)
          .where('events.id', 'is', null)
          .execute();
        expect(orphans).toEqual([]);
        await revokeMentionCorrection(store, setup, {
          id: rejected.correction.id,
          by: 'a',
          now: NOW,
        });
        await revokeMentionCorrection(store, setup, { id: moved.correction.id, by: 'a', now: NOW });
        expect(await state(store)).toEqual(original);
      } finally {
        await store.close();
      }
    },
  );
});
