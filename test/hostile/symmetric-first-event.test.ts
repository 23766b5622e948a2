/**
 * Finding 11 of the hardening review: a second "First MEETING" alert for one pair. A report that
 * arrives later, is dated earlier and names the actors in the other order is the first MEETING
 * of the pair by date, but the pair of a symmetric type (MEETING, AGREEMENT,
 * MILITARY_COOPERATION) has no order: the rule already fired for it. The extractor is replaced
 * by a fixed one so the lexicons (edited elsewhere) cannot change what this test sees.
 */
import { describe, expect, it } from 'vitest';
import type { AlertRule } from '../../src/alert/evaluate-rules.js';
import type { EventType } from '../../src/domain/ontology.js';
import { analyseAndAlert } from '../../src/pipeline/analysis-pipeline.js';
import { processDocuments, type ExtractFn } from '../../src/pipeline/process-documents.js';
import type { Store } from '../../src/store/open-store.js';
import { testBackends } from '../support/test-stores.js';

const backends = await testBackends();

const RULES: AlertRule[] = [
  { id: 'first-contact', kind: 'first-event', types: ['MEETING', 'AGREEMENT'], notify: [] },
  { id: 'first-transfer', kind: 'first-event', types: ['ARMS_TRANSFER'], notify: [] },
];

/** The reports, and the one mention each holds: type, actors in the order the text names them. */
const REPORTS: Record<string, { type: EventType; source: string; target: string }> = {
  'met-1': { type: 'MEETING', source: 'RUS', target: 'PRK' },
  'met-2': { type: 'MEETING', source: 'PRK', target: 'RUS' },
  'agr-1': { type: 'AGREEMENT', source: 'PRK', target: 'RUS' },
  'agr-2': { type: 'AGREEMENT', source: 'RUS', target: 'PRK' },
  'arm-1': { type: 'ARMS_TRANSFER', source: 'RUS', target: 'PRK' },
  'arm-2': { type: 'ARMS_TRANSFER', source: 'PRK', target: 'RUS' },
};

const extract: ExtractFn = (doc) => {
  const m = REPORTS[doc.id]!;
  return {
    lang: 'en',
    origins: [],
    mentions: [
      {
        type: m.type,
        source: m.source,
        target: m.target,
        modality: 'ASSERTED',
        capabilities: [],
        date: doc.published ?? null,
        start: 0,
        end: doc.text.length,
        rules: ['test.fixed'],
        cues: [],
        confidence: 0.9,
      },
    ],
  };
};

/** Stores one report and analyses it, as a source's batch would be. */
async function arrive(store: Store, id: string, published: string, outlet: string) {
  const stored = await processDocuments(
    store,
    [{ line: 1, value: { id, lang: 'en', published, outlet, text: `Report ${id}.` } }],
    { extract },
  );
  expect(stored.stored).toBe(1);
  return analyseAndAlert(store, stored.documentIds, { boards: [], rules: RULES });
}

const alertTitles = async (store: Store) =>
  (await store.db.selectFrom('alerts').select('title').orderBy('title').execute()).map(
    (r) => r.title,
  );

describe.each(backends)('first-event alerts for symmetric pairs on $name', (backend) => {
  it.skipIf(backend.skipReason !== null)(
    'a later report, dated earlier, naming the pair in the other order fires no second alert',
    async () => {
      const store = await backend.open();
      try {
        await arrive(store, 'met-1', '2024-06-19', 'Northern Wire');
        await arrive(store, 'agr-1', '2024-06-19', 'Northern Wire');
        // Months later, an archive report about an earlier meeting and agreement.
        const late = await arrive(store, 'met-2', '2023-09-13', 'Harbour Post');
        const lateAgreement = await arrive(store, 'agr-2', '2023-09-13', 'Harbour Post');
        expect(late.alertsRecorded + lateAgreement.alertsRecorded).toBe(0);
        const titles = await alertTitles(store);
        expect(titles.filter((t) => t.startsWith('First MEETING'))).toHaveLength(1);
        expect(titles.filter((t) => t.startsWith('First AGREEMENT'))).toHaveLength(1);
      } finally {
        await store.close();
      }
    },
  );

  it.skipIf(backend.skipReason !== null)(
    'a directed type keeps its order: each direction has its own first',
    async () => {
      const store = await backend.open();
      try {
        await arrive(store, 'arm-1', '2024-06-19', 'Northern Wire');
        await arrive(store, 'arm-2', '2023-09-13', 'Harbour Post');
        const titles = await alertTitles(store);
        expect(titles.filter((t) => t.startsWith('First ARMS_TRANSFER'))).toHaveLength(2);
      } finally {
        await store.close();
      }
    },
  );
});
