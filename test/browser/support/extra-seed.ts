/**
 * More events for the dashboard's network, map and timeline filters, on top of test/server/seed.ts:
 * cooperation and conflict between several actor pairs, over three weeks.
 */
import type { Store } from '../../../src/store/open-store.js';
import { encodeCodes } from '../../../src/store/schema.js';

interface Spec {
  id: string;
  type: string;
  source: string;
  target: string | null;
  caps: string[];
  day: string;
  mentions: number;
  modality?: string;
}

const EXTRA: Spec[] = [
  {
    id: 'evt-x-meeting',
    type: 'MEETING',
    source: 'PRK',
    target: 'RUS',
    caps: [],
    day: '2024-10-28',
    mentions: 3,
  },
  {
    id: 'evt-x-concern',
    type: 'CONCERN',
    source: 'USA',
    target: 'PRK',
    caps: ['BALLISTIC_MISSILE'],
    day: '2024-11-05',
    mentions: 4,
  },
  {
    id: 'evt-x-sanction',
    type: 'SANCTION',
    source: 'USA',
    target: 'RUS',
    caps: [],
    day: '2024-11-07',
    mentions: 2,
  },
  {
    id: 'evt-x-threat',
    type: 'THREAT',
    source: 'PRK',
    target: 'KOR',
    caps: ['NUCLEAR_WEAPON'],
    day: '2024-11-08',
    mentions: 1,
    modality: 'ASSERTED',
  },
  {
    id: 'evt-x-coop',
    type: 'MILITARY_COOPERATION',
    source: 'CHN',
    target: 'RUS',
    caps: [],
    day: '2024-11-09',
    mentions: 2,
  },
  {
    id: 'evt-x-iran',
    type: 'MISSILE_TEST',
    source: 'IRN',
    target: null,
    caps: ['CRUISE_MISSILE'],
    day: '2024-11-13',
    mentions: 1,
    modality: 'HEDGED',
  },
  {
    id: 'evt-x-concern-jpn',
    type: 'CONCERN',
    source: 'JPN',
    target: 'PRK',
    caps: ['BALLISTIC_MISSILE'],
    day: '2024-11-12',
    mentions: 2,
  },
];

export async function seedMoreEvents(store: Store): Promise<readonly string[]> {
  await store.db
    .insertInto('events')
    .values(
      EXTRA.map((e) => ({
        id: e.id,
        type: e.type,
        source_actor: e.source,
        target_actor: e.target,
        capabilities: encodeCodes(e.caps),
        date: e.day,
        first_seen: `${e.day}T08:00:00Z`,
        last_seen: `${e.day}T18:00:00Z`,
        modality: e.modality ?? 'ASSERTED',
        mention_count: e.mentions,
        independent_sources: Math.max(1, e.mentions - 1),
        credibility: 3,
        explanation: JSON.stringify({ independentOrigins: Math.max(1, e.mentions - 1) }),
        updated_at: `${e.day}T18:00:00Z`,
      })),
    )
    .execute();
  return EXTRA.map((e) => e.id);
}
