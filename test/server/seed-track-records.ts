/**
 * Track records on top of test/server/seed.ts (docs/source-grades.md): NK Watch (graded F) reports
 * seven events itself; four support a hypothesis that resolved true after its reports, one a
 * hypothesis that resolved false, one is also reported by Seoul Wire a day later, one stays
 * open. Seoul Wire (B) copies one NK Watch report and credits NK Watch in another: neither is its
 * own. Harbour Times, an outlet of ingested files, reports one event itself. Separate from seedStore so the counts other suites check do not move.
 *
 * NK Watch: 5 of 6 resolved claims confirmed (4 by a resolution, 1 by an independent origin),
 * 1 contradicted, 1 open; Wilson lower bound 0.44 → C.
 */
import type { Store } from '../../src/store/open-store.js';
import { recordResolution } from '../../src/store/resolutions-repo.js';
import { encodeCodes, type NewMention } from '../../src/store/schema.js';
import { T0, documentRow, source, type DocSpec } from './seed-rows.js';

export const TRACK = {
  nkWatch: 'src-nkwatch',
  seoulWire: 'src-seoulwire',
  yes: 'tr/deployed',
  no: 'tr/withdrawn',
} as const;

interface Report {
  doc: string;
  /** null: a document of ingested files, known by its outlet only. */
  source: string | null;
  outlet: string;
  published: string;
  event: string;
  modality?: string;
  origin?: string;
  copyOf?: string;
}

const NK = (n: number, published: string, event = `ev-tr-${n}`): Report => ({
  doc: `doc-tr-nk-${n}`,
  source: TRACK.nkWatch,
  outlet: 'NK Watch',
  published,
  event,
});

const REPORTS: Report[] = [
  NK(1, '2024-06-03T06:00:00Z'),
  NK(2, '2024-06-20T06:00:00Z'),
  NK(3, '2024-07-15T06:00:00Z'),
  NK(4, '2024-08-11T06:00:00Z'),
  NK(5, '2024-08-01T06:00:00Z'),
  NK(6, '2024-09-01T06:00:00Z'),
  NK(7, '2024-09-15T06:00:00Z'),
  // Seoul Wire's own report of event 6, a day after NK Watch.
  {
    doc: 'doc-tr-sw-6',
    source: TRACK.seoulWire,
    outlet: 'Seoul Wire',
    published: '2024-09-02T06:00:00Z',
    event: 'ev-tr-6',
  },
  // Harbour Times, an outlet of ingested files (no source row), reports it too, two days later.
  {
    doc: 'doc-tr-ht-6',
    source: null,
    outlet: 'Harbour Times',
    published: '2024-09-03T06:00:00Z',
    event: 'ev-tr-6',
  },
  // A copy of NK Watch's first report, and a report crediting NK Watch: not Seoul Wire's own.
  {
    doc: 'doc-tr-sw-copy',
    source: TRACK.seoulWire,
    outlet: 'Seoul Wire',
    published: '2024-06-03T09:00:00Z',
    event: 'ev-tr-1',
    copyOf: 'doc-tr-nk-1',
  },
  {
    doc: 'doc-tr-sw-credit',
    source: TRACK.seoulWire,
    outlet: 'Seoul Wire',
    published: '2024-06-20T10:00:00Z',
    event: 'ev-tr-2',
    origin: 'NK Watch',
  },
];

/** Which hypothesis each event supports (an indicator with a likelihood ratio above 1). */
const SUPPORTS: Record<string, string> = {
  'ev-tr-1': TRACK.yes,
  'ev-tr-2': TRACK.yes,
  'ev-tr-3': TRACK.yes,
  'ev-tr-4': TRACK.yes,
  'ev-tr-5': TRACK.no,
};

function docSpec(r: Report): DocSpec {
  return {
    id: r.doc,
    source_id: r.source,
    outlet: r.outlet,
    lang: 'en',
    published: r.published,
    title: `${r.outlet}: troops`,
    text: 'North Korean troops were deployed to Kursk, satellite images show.',
    story_id: null,
    origin: r.origin ?? null,
  };
}

function mentionRow(r: Report): NewMention {
  return {
    id: `${r.doc}#0`,
    document_id: r.doc,
    type: 'TROOP_DEPLOYMENT',
    source_actor: 'PRK',
    target_actor: 'RUS',
    modality: r.modality ?? 'ASSERTED',
    capabilities: encodeCodes([]),
    date: r.published.slice(0, 10),
    span_start: 0,
    span_end: 65,
    trigger_start: 20,
    trigger_end: 28,
    mutual: 0,
    lang: 'en',
    published: r.published,
    rules: '[]',
    cues: '[]',
    confidence: 0.9,
    event_id: r.event,
    created_at: r.published,
    attribution: null,
    correction_id: null,
  };
}

/** The stored origin groups: a copy and a credit join their original's group. */
function explanation(eventId: string): string {
  const reports = REPORTS.filter((r) => r.event === eventId);
  const groups = reports
    .filter((r) => r.copyOf === undefined && r.origin === undefined)
    .map((r) => {
      const members = reports.filter(
        (o) => o === r || o.copyOf === r.doc || (o.origin !== undefined && r.outlet === o.origin),
      );
      return {
        id: r.doc,
        label: `${r.outlet}'s own reporting`,
        primary: null,
        outlets: [...new Set(members.map((m) => m.outlet))],
        firstPublished: r.published,
        documentIds: members.map((m) => m.doc),
        keys: [`outlet:${r.outlet.toLowerCase()}`],
        reliability: 'C',
        supportModality: 'ASSERTED',
        supportMentionIds: members.map((m) => `${m.doc}#0`),
        denialMentionIds: [],
      };
    });
  return JSON.stringify({ rules: 'credibility-v2', summary: `${groups.length} origins`, groups });
}

export async function seedTrackRecords(store: Store): Promise<void> {
  const db = store.db;
  await db
    .insertInto('sources')
    .values([
      source(TRACK.nkWatch, 'NK Watch', 'https://nkwatch.example/feed.xml', 'F', 'en'),
      source(TRACK.seoulWire, 'Seoul Wire', 'https://seoulwire.example/rss', 'B', 'en'),
    ])
    .execute();
  await db
    .insertInto('documents')
    .values(REPORTS.map((r) => documentRow(docSpec(r))))
    .execute();
  await db
    .insertInto('story_documents')
    .values(
      REPORTS.filter((r) => r.copyOf !== undefined).map((r) => ({
        document_id: r.doc,
        story_id: `story-${r.copyOf!}`,
        lang: 'en',
        published: r.published,
        signatures: '',
        actors: '',
        numbers: '',
        details: '',
        sentences: 1,
        reason: 'near-duplicate',
        matched_document_id: r.copyOf!,
        created_at: r.published,
        source: null,
        names: '',
        evidence: null,
      })),
    )
    .execute();
  await db.insertInto('mentions').values(REPORTS.map(mentionRow)).execute();
  const eventIds = [...new Set(REPORTS.map((r) => r.event))];
  await db
    .insertInto('events')
    .values(
      eventIds.map((id) => {
        const first = REPORTS.filter((r) => r.event === id)
          .map((r) => r.published)
          .sort()[0]!;
        return {
          id,
          type: 'TROOP_DEPLOYMENT',
          source_actor: 'PRK',
          target_actor: 'RUS',
          capabilities: '',
          date: first.slice(0, 10),
          first_seen: first,
          last_seen: first,
          modality: 'ASSERTED',
          mention_count: REPORTS.filter((r) => r.event === id).length,
          independent_sources: 1,
          credibility: 3,
          explanation: explanation(id),
          updated_at: first,
        };
      }),
    )
    .execute();
  await db
    .insertInto('hypotheses')
    .values(
      [
        [TRACK.yes, 'North Korean troops deployed to Russia'],
        [TRACK.no, 'The troops withdrawn by the end of September'],
      ].map(([id, title]) => ({
        id: id!,
        board_id: 'tr',
        title: title!,
        prior: 0.3,
        horizon_days: null,
        probability: 0.5,
        updated_at: T0,
      })),
    )
    .execute();
  await db
    .insertInto('indicators')
    .values([
      {
        id: `${TRACK.yes}/sightings`,
        hypothesis_id: TRACK.yes,
        board_id: 'tr',
        title: 'Troops sighted',
        criteria: '{}',
        lr_present: 3,
        lr_absent: null,
      },
      {
        id: `${TRACK.no}/sightings`,
        hypothesis_id: TRACK.no,
        board_id: 'tr',
        title: 'Troops sighted again',
        criteria: '{}',
        lr_present: 2,
        lr_absent: null,
      },
      // Against the hypothesis: it says nothing of whether the event happened.
      {
        id: `${TRACK.no}/denials`,
        hypothesis_id: TRACK.no,
        board_id: 'tr',
        title: 'Denied',
        criteria: '{}',
        lr_present: 0.5,
        lr_absent: null,
      },
    ])
    .execute();
  await db
    .insertInto('board_matches')
    .values([
      ...Object.entries(SUPPORTS).map(([event, hypothesis]) => ({
        id: `${hypothesis}/sightings|${event}`,
        board_id: 'tr',
        indicator_id: `${hypothesis}/sightings`,
        event_id: event,
      })),
      {
        id: `${TRACK.no}/denials|ev-tr-6`,
        board_id: 'tr',
        indicator_id: `${TRACK.no}/denials`,
        event_id: 'ev-tr-6',
      },
    ])
    .execute();
  for (const [hypothesisId, outcome, date] of [
    [TRACK.yes, true, '2024-10-20'],
    [TRACK.no, false, '2024-09-30'],
  ] as const)
    await recordResolution(db, {
      hypothesisId,
      boardId: 'tr',
      outcome,
      date,
      source: 'https://record.example/resolution',
      note: null,
      recordedBy: 'seed',
      recordedAt: T0,
    });
}
