import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/extract-document.js';
import { enrichDocument } from '../../src/ingest/dedup/enrich-document.js';
import { boardFiles, loadWatchboards } from '../../src/analyse/watchboards/load-boards.js';
import type { AlertRule } from '../../src/alert/evaluate-rules.js';
import {
  analyseAndAlert,
  analysePending,
  pendingAnalysis,
} from '../../src/pipeline/analysis-pipeline.js';
import { processDocuments, type InputLine } from '../../src/pipeline/process-documents.js';
import { testBackends } from '../support/test-stores.js';

const DOCS = [
  {
    id: 'p-1',
    lang: 'en',
    published: '2024-10-20',
    outlet: 'Northern Wire',
    text: 'Russia delivered ballistic missile components to North Korea last month, officials in Seoul said.',
  },
  {
    id: 'p-2',
    lang: 'fr',
    published: '2024-10-22',
    outlet: 'La Gazette du Rhin',
    text: 'La Russie a livré à la Corée du Nord des composants de missiles balistiques, selon Séoul.',
  },
  {
    id: 'p-3',
    lang: 'en',
    published: '2024-10-23',
    outlet: 'Harbour Post',
    text: 'North Korea has sent thousands of troops to Russia, the South Korean spy agency said on Wednesday.',
  },
];

const RULES: AlertRule[] = [
  {
    id: 'first-transfer',
    kind: 'first-event',
    types: ['ARMS_TRANSFER', 'TECH_TRANSFER'],
    notify: ['log'],
  },
];

function lines(): InputLine[] {
  return DOCS.map((value, i) => ({ line: i + 1, value }));
}

const backends = await testBackends();
const { boards } = loadWatchboards(boardFiles());

describe.each(backends)('analysis pipeline on $name', (backend) => {
  it.skipIf(backend.skipReason !== null)(
    'stores, analyses, records alerts once and marks documents analysed',
    async () => {
      const store = await backend.open();
      try {
        const stored = await processDocuments(store, lines(), {
          extract: (doc) => extractDocument(doc),
          enrich: enrichDocument,
        });
        expect(stored.stored).toBe(3);
        expect(await pendingAnalysis(store)).toHaveLength(3);

        const first = await analyseAndAlert(store, stored.documentIds, { boards, rules: RULES });
        expect(first.signals.newEvents.length).toBeGreaterThan(0);
        expect(first.alertsRecorded).toBeGreaterThan(0);
        expect(await pendingAnalysis(store)).toEqual([]);
        const outbox = await store.db.selectFrom('outbox').selectAll().execute();
        expect(outbox.every((row) => row.notifier === 'log')).toBe(true);
        expect(outbox).toHaveLength(first.alertsRecorded);

        // A second pass over the same documents (as after a crash) fires nothing new.
        const again = await analyseAndAlert(store, stored.documentIds, { boards, rules: RULES });
        expect(again.alertsRecorded).toBe(0);
        const alerts = await store.db.selectFrom('alerts').select('id').execute();
        expect(alerts).toHaveLength(first.alertsRecorded);

        const hypotheses = await store.db.selectFrom('hypotheses').selectAll().execute();
        expect(hypotheses.length).toBeGreaterThan(0);
      } finally {
        await store.close();
      }
    },
  );

  it.skipIf(backend.skipReason !== null)('analysePending picks up what a crash left', async () => {
    const store = await backend.open();
    try {
      await processDocuments(store, lines(), { extract: (doc) => extractDocument(doc) });
      const result = await analysePending(store, { boards, rules: [] });
      expect(result.documents).toBe(3);
      expect(await pendingAnalysis(store)).toEqual([]);
      expect((await analysePending(store, { boards, rules: [] })).documents).toBe(0);
    } finally {
      await store.close();
    }
  });
});
