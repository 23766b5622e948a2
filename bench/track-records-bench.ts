/**
 * Source track records benchmark (issue #13, docs/source-grades.md): the backtest corpus (306
 * documents, 2023-07 .. 2025-12) ingested and analysed with the shipped board and its resolutions,
 * then every track record and suggested grade read a page of 50 at a time, as
 * `GET /api/sources/track-records` and `vigie source suggest-grades` read them. Reference, timed in
 * the same run: one plain query returning the rows the records rest on (each report with its
 * event's stored explanation), nothing computed. Records the ratio, the load average, the commit
 * and the grades suggested in bench/results/track-records.json.
 */
import { fileURLToPath } from 'node:url';
import { readTrackRecords } from '../src/analyse/sources/source-track-records.js';
import { loadBoardFile, loadWatchboards } from '../src/analyse/watchboards/load-boards.js';
import { loadResolutionsFile } from '../src/analyse/watchboards/load-resolutions.js';
import { extractDocument } from '../src/extract/extract-document.js';
import { enrichDocument } from '../src/ingest/dedup/enrich-document.js';
import { analysePending } from '../src/pipeline/analysis-pipeline.js';
import { ingestPaths } from '../src/pipeline/ingest-paths.js';
import { openStore } from '../src/store/open-store.js';
import { recordResolution } from '../src/store/resolutions-repo.js';
import { gitCommit, loadAverage, machineRecord, writeResult } from './bench-record.js';

const CORPUS = fileURLToPath(new URL('./backtest/corpus.jsonl', import.meta.url));
const BOARD = fileURLToPath(new URL('../data/watchboards/russia-dprk.yaml', import.meta.url));
const RESOLUTIONS = fileURLToPath(
  new URL('./backtest/russia-dprk.resolutions.yaml', import.meta.url),
);
const ROUNDS = 20;

const load0 = loadAverage();
const store = await openStore({ url: ':memory:' });
await ingestPaths(store, [CORPUS], {
  extract: (doc) => extractDocument(doc),
  enrich: enrichDocument,
});
const { boards } = loadWatchboards([BOARD]);
await analysePending(store, { boards, rules: [] });
const board = loadBoardFile(BOARD);
for (const r of loadResolutionsFile(RESOLUTIONS, board))
  await recordResolution(store.db, {
    hypothesisId: `${board.id}/${r.hypothesis}`,
    boardId: board.id,
    outcome: r.outcome,
    date: r.date,
    source: r.source,
    note: r.note ?? null,
    recordedBy: 'bench',
  });

async function allRecords() {
  const items = [];
  for (let offset = 0; ; offset += 50) {
    const page = await readTrackRecords(store, { limit: 50, offset });
    for (const i of page.items) items.push(i);
    if (offset + 50 >= page.total) return items;
  }
}

/** The rows the records rest on, in one query, nothing computed. */
async function plainRows() {
  return store.db
    .selectFrom('documents as d')
    .innerJoin('mentions as m', 'm.document_id', 'd.id')
    .innerJoin('events as e', 'e.id', 'm.event_id')
    .select(['d.outlet', 'd.source_id', 'd.published', 'm.event_id', 'e.explanation'])
    .execute();
}

async function time<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  await fn(); // warm statements and caches
  const t0 = performance.now();
  let value!: T;
  for (let i = 0; i < ROUNDS; i += 1) value = await fn();
  return { value, ms: (performance.now() - t0) / ROUNDS };
}

const reference = await time(plainRows);
const records = await time(allRecords);
const grades: Record<string, number> = {};
for (const r of records.value)
  grades[r.suggestion.suggested] = (grades[r.suggestion.suggested] ?? 0) + 1;
const result = {
  benchmark: 'track-records',
  corpus: 'bench/backtest/corpus.jsonl',
  subjects: records.value.length,
  claims: records.value.reduce((n, r) => n + r.record.claims, 0),
  resolvedClaims: records.value.reduce((n, r) => n + r.suggestion.resolved, 0),
  suggestedGrades: grades,
  suggestionsThatChange: records.value.filter((r) => r.suggestion.change).length,
  reference: {
    what: 'one plain query: every report with its event explanation (rows only)',
    rows: reference.value.length,
    ms: Number(reference.ms.toFixed(2)),
  },
  trackRecords: {
    what: 'readTrackRecords over every subject, 50 a page (records, suggestions, claims)',
    ms: Number(records.ms.toFixed(2)),
  },
  ratio: Number((records.ms / reference.ms).toFixed(2)),
  rounds: ROUNDS,
  commit: gitCommit(),
  machine: machineRecord(load0),
  date: new Date().toISOString(),
};
await store.close();
writeResult('track-records', result);
process.stdout.write(
  `track records: ${result.subjects} outlets, ${result.claims} claims (${result.resolvedClaims} resolved) in ${result.trackRecords.ms} ms; reference ${result.reference.ms} ms; ratio ${result.ratio}; grades ${JSON.stringify(grades)}; load ${result.machine.loadAverageAfter.join(' ')}\n`,
);
