/**
 * `--format gold`: corrected documents as an annotated corpus that `vigie eval`'s scorer reads,
 * gold events being the effective mentions (corrections applied, rejections left out).
 */
import { describe, expect, it } from 'vitest';
import { GoldDocumentSchema } from '../../src/domain/document.js';
import { extractDocument } from '../../src/extract/extract-document.js';
import { scorePredictions } from '../../src/extract/eval/score.js';
import { toPrediction } from '../../src/extract/eval/to-prediction.js';
import { openExport } from '../../src/report/export/export-store.js';
import { processDocuments } from '../../src/pipeline/process-documents.js';
import { recordCorrection } from '../../src/store/corrections-repo.js';
import { openStore } from '../../src/store/open-store.js';

const DOCS = [
  {
    id: 'g-1',
    lang: 'en',
    published: '2024-10-20',
    text: 'North Korea has sent thousands of troops to Russia, the South Korean spy agency said on Sunday.',
  },
  {
    id: 'g-2',
    lang: 'en',
    published: '2024-10-22',
    text: 'Russia delivered ballistic missile components to North Korea last month, officials in Seoul said.',
  },
  {
    id: 'g-3',
    lang: 'en',
    published: '2024-10-23',
    text: 'North Korea test-fired a ballistic missile on Tuesday, South Korea said.',
  },
];

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const c of chunks) out += c;
  return out;
}

describe('gold export', () => {
  it('writes corrected documents only, with their effective mentions, and eval scores the extractor on them', async () => {
    const store = await openStore({ url: ':memory:' });
    try {
      await processDocuments(
        store,
        DOCS.map((value, i) => ({ line: i + 1, value })),
        { extract: (doc) => extractDocument(doc) },
      );
      expect(await collect(openExport(store, { format: 'gold' }).chunks)).toBe('');
      await recordCorrection(store.db, {
        mentionId: 'g-1#0',
        changes: { modality: 'HEDGED' },
        by: 'ana',
      });
      await recordCorrection(store.db, { mentionId: 'g-2#0', reject: true, by: 'ana' });

      const out = openExport(store, { format: 'gold' });
      expect(out.fileName).toBe('vigie-gold.jsonl');
      const lines = (await collect(out.chunks)).trim().split('\n');
      const gold = lines.map((l) => GoldDocumentSchema.parse(JSON.parse(l)));
      expect(gold.map((d) => d.id)).toEqual(['g-1', 'g-2']);
      expect(gold[0]!.events).toEqual([
        expect.objectContaining({
          type: 'TROOP_DEPLOYMENT',
          source: 'PRK',
          target: 'RUS',
          modality: 'HEDGED',
          evidence: DOCS[0]!.text,
        }),
      ]);
      expect(gold[1]!.events).toEqual([]);

      const predictions = gold.map((d) => toPrediction(d.id, extractDocument(d)));
      const report = scorePredictions(gold, predictions);
      expect(report.overall).toMatchObject({ gold: 1, tp: 1, fp: 1, fn: 0, modalityAccuracy: 0 });
      expect(() => openExport(store, { format: 'gold', since: '2024-01-01' })).toThrow(
        /do not apply/,
      );
    } finally {
      await store.close();
    }
  });
});
