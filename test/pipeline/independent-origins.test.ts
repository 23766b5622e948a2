/**
 * Issue #16 end to end, on every backend: rewrites of one briefing in other outlets and languages
 * are one independent origin, a second announcing body is a second one — with story enrichment
 * (feeds, API, workers) and without it (`vigie ingest` of files, replay), since attribution is
 * recorded on every mention as it is stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { analyseDocuments } from '../../src/analyse/analyse-documents.js';
import { readAttribution } from '../../src/domain/attribution.js';
import { readEventOrigins } from '../../src/domain/event-origins.js';
import { extractDocument } from '../../src/extract/extract-document.js';
import { enrichDocument } from '../../src/ingest/dedup/enrich-document.js';
import { processDocuments, type ProcessOptions } from '../../src/pipeline/process-documents.js';
import type { Store } from '../../src/store/open-store.js';
import { testBackends } from '../support/test-stores.js';

const backends = await testBackends();

/** One briefing by Seoul's intelligence service, rewritten in three outlets, and a Kyiv claim. */
const DOCUMENTS = [
  {
    id: 'brief-en',
    lang: 'en',
    outlet: 'Harbour Ledger',
    published: '2031-05-06',
    text:
      "North Korea has sent about 3,000 military engineers to Russia's Kursk region, South " +
      "Korea's National Intelligence Service said on Tuesday. The engineers are rebuilding " +
      'bridges destroyed in the fighting, the agency told lawmakers.',
  },
  {
    id: 'brief-fr',
    lang: 'fr',
    outlet: 'Le Guetteur',
    published: '2031-05-06',
    text:
      'La Corée du Nord a envoyé quelque 3 000 soldats du génie dans la région russe de ' +
      'Koursk, a indiqué mardi le service national de renseignement sud-coréen (NIS). Ils y ' +
      'reconstruisent des ponts, selon le NIS.',
  },
  {
    // Three days later: past the story stage's two days, within the primary source's window.
    id: 'brief-ko',
    lang: 'ko',
    outlet: '동해일보',
    published: '2031-05-09',
    text: '국가정보원은 북한이 공병 약 3천 명을 러시아 쿠르스크 지역에 파견했다고 국회 정보위원회에 보고했다.',
  },
  {
    id: 'hur-de',
    lang: 'de',
    outlet: 'Nordkurier',
    published: '2031-05-07',
    text:
      'Nordkorea hat nach Angaben des ukrainischen Militärgeheimdienstes HUR rund 3.000 ' +
      'Pioniere in die russische Region Kursk geschickt.',
  },
];

async function ingestAndAnalyse(store: Store, options: ProcessOptions) {
  const result = await processDocuments(
    store,
    DOCUMENTS.map((value, i) => ({ line: i + 1, value })),
    { extract: (doc) => extractDocument(doc), batchSize: 1, ...options },
  );
  expect(result.failed).toEqual([]);
  await analyseDocuments(store, result.documentIds, []);
  const mentions = await store.db
    .selectFrom('mentions')
    .select(['id', 'document_id', 'type', 'event_id', 'attribution'])
    .where('type', '=', 'TROOP_DEPLOYMENT')
    .execute();
  const eventIds = [...new Set(mentions.map((m) => m.event_id))];
  expect(eventIds).toHaveLength(1);
  const event = await store.db
    .selectFrom('events')
    .selectAll()
    .where('id', '=', eventIds[0]!)
    .executeTakeFirstOrThrow();
  return { mentions, event };
}

describe.each(backends)('independent origins by primary source on $name', (backend) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it.skipIf(backend.skipReason !== null)(
    'three rewrites of one briefing are one origin; a second body is a second',
    async () => {
      store = await backend.open();
      const { mentions, event } = await ingestAndAnalyse(store, { enrich: enrichDocument });
      const sources = new Map(
        mentions.map((m) => [m.document_id, readAttribution(m.attribution)?.source]),
      );
      expect(Object.fromEntries(sources)).toEqual({
        'brief-en': 'kor-nis',
        'brief-fr': 'kor-nis',
        'brief-ko': 'kor-nis',
        'hur-de': 'ukr-hur',
      });
      const stories = await store.db.selectFrom('documents').select(['id', 'story_id']).execute();
      const storyOf = new Map(stories.map((d) => [d.id, d.story_id]));
      // The Korean rewrite is a story of its own: its source, not its story, joins it.
      expect(storyOf.get('brief-ko')).not.toBe(storyOf.get('brief-en'));

      expect(event.independent_sources).toBe(2);
      const origins = readEventOrigins(event.explanation)!;
      expect(origins.summary).toBe(
        "4 outlets, 2 independent origins: South Korea's NIS on 6 May 2031; " +
          "Ukraine's military intelligence (HUR) on 7 May 2031",
      );
      // Each origin also carries its label as a message, for the dashboard's other language.
      expect(origins.origins[0]!.labelMessage).toMatchObject({
        key: 'origin.primary',
        params: { source: { key: 'source.kor-nis' }, on: { params: { day: '2031-05-06' } } },
      });
      expect(origins.origins).toMatchObject([
        {
          label: "South Korea's NIS on 6 May 2031",
          source: 'kor-nis',
          outlets: ['Harbour Ledger', 'Le Guetteur', '동해일보'],
          documentIds: ['brief-en', 'brief-fr', 'brief-ko'],
        },
        {
          label: "Ukraine's military intelligence (HUR) on 7 May 2031",
          source: 'ukr-hur',
          outlets: ['Nordkurier'],
          documentIds: ['hur-de'],
        },
      ]);
    },
  );

  it.skipIf(backend.skipReason !== null)(
    'counts the same without story enrichment (files through vigie ingest, replay)',
    async () => {
      store = await backend.open();
      const { event } = await ingestAndAnalyse(store, {});
      expect(event.independent_sources).toBe(2);
      expect(readEventOrigins(event.explanation)?.origins.map((o) => o.source)).toEqual([
        'kor-nis',
        'ukr-hur',
      ]);
    },
  );
});
