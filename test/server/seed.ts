/**
 * A small, realistic store for API and browser tests: sources, documents in three languages
 * (one story of two copies with a credited origin, one article with hostile HTML), mentions with
 * spans and cues, events, a watchboard with two hypotheses and their evidence trail, alerts,
 * and one user and token per role.
 *
 * @example
 * const store = await openStore({ url: ':memory:' });
 * const seed = await seedStore(store);
 * await app.inject({ url: '/api/overview', headers: { authorization: `Bearer ${seed.tokens.viewer}` } });
 */
import type { Kysely } from 'kysely';
import { addUser, createToken, type Role } from '../../src/store/auth-repo.js';
import type { Store } from '../../src/store/open-store.js';
import { DOCS, T0, documentRow, event, evidence, mention, source } from './seed-rows.js';
import type { Database, NewMention } from '../../src/store/schema.js';

export interface SeedResult {
  readonly tokens: Readonly<Record<Role, string>>;
  /** A token whose expiry has passed, and one that was revoked. */
  readonly expiredToken: string;
  readonly revokedToken: string;
  readonly ids: {
    readonly sources: readonly string[];
    readonly documents: readonly string[];
    /** The document whose text holds `<script>` and `<img onerror>`. */
    readonly hostileDocument: string;
    readonly story: string;
    readonly events: readonly string[];
    readonly board: string;
    readonly hypotheses: readonly string[];
    readonly alerts: readonly string[];
  };
  /** Mentions stored, for count checks. */
  readonly mentionCount: number;
}

/** evt-test-1's explanation as analysis writes it (credibility-v2): two outlets, one origin. */
const ONE_ORIGIN_EXPLANATION = {
  rules: 'credibility-v2',
  summary:
    "2 outlets, 1 independent origin: South Korea's Joint Chiefs of Staff on 4 November 2024",
  groups: [
    {
      id: 'doc-en-1',
      label: "South Korea's Joint Chiefs of Staff on 4 November 2024",
      primary: {
        key: 'kor-jcs',
        actor: 'KOR',
        source: 'kor-jcs',
        label: "South Korea's Joint Chiefs of Staff",
      },
      outlets: ['Yonhap', 'Wire Daily'],
      firstPublished: '2024-11-04T09:00:00Z',
      documentIds: ['doc-en-1', 'doc-en-2'],
      keys: ['source:kor-jcs@20031', 'story:story-1'],
      reliability: 'B',
      supportModality: 'ASSERTED',
      supportMentionIds: ['doc-en-1#0', 'doc-en-2#0'],
      denialMentionIds: [],
    },
  ],
  counts: { firm: 1, hedged: 0, hypothetical: 0, denials: 0 },
  bestReliability: 'B',
  base: { value: 2, rule: '1 origin graded A/B asserts it' },
  denialPenalty: 0,
  credibility: 2,
  modality: 'ASSERTED',
  independentSources: 1,
  mentionCount: 2,
};

export async function seedStore(
  store: Store,
  now = new Date('2024-11-15T00:00:00Z'),
): Promise<SeedResult> {
  const db: Kysely<Database> = store.db;
  await db
    .insertInto('sources')
    .values([
      source('src-yonhap', 'Yonhap', 'https://en.yna.co.kr/RSS/nk.xml', 'B', 'en'),
      source('src-wire', 'Wire Daily', 'https://wire.example/feed.xml', 'C', 'en'),
      source('src-outlet', 'Unknown Blog', null, 'F', null, 'outlet'),
    ])
    .execute();
  await db
    .insertInto('stories')
    .values({
      id: 'story-1',
      first_document_id: 'doc-en-1',
      first_published: '2024-11-04T09:00:00Z',
      document_count: 2,
      created_at: T0,
      updated_at: T0,
    })
    .execute();
  await db.insertInto('documents').values(DOCS.map(documentRow)).execute();
  const clustered = {
    lang: 'en',
    published: '2024-11-04',
    signatures: '|MISSILE_TEST/PRK/-|',
    actors: '|PRK|',
    numbers: '',
    details: '',
    sentences: 2,
    created_at: T0,
    names: '|kor-jcs|',
  };
  await db
    .insertInto('story_documents')
    .values([
      {
        ...clustered,
        document_id: 'doc-en-1',
        story_id: 'story-1',
        reason: 'new-story',
        matched_document_id: null,
        source: 'kor-jcs',
        evidence: null,
      },
      {
        ...clustered,
        document_id: 'doc-en-2',
        story_id: 'story-1',
        reason: 'evidence',
        matched_document_id: 'doc-en-1',
        source: null,
        evidence: JSON.stringify({
          stage: 'evidence',
          days: 0,
          source: 'named',
          sourceId: 'kor-jcs',
          figures: [],
          events: ['MISSILE_TEST/PRK/-'],
          names: ['kor-jcs'],
          score: 1.75,
        }),
      },
    ])
    .execute();

  const mentions: NewMention[] = [
    mention(
      'doc-en-1',
      0,
      DOCS[0]!.text,
      'North Korea fired an intercontinental ballistic missile on Monday',
      {
        type: 'MISSILE_TEST',
        source: 'PRK',
        target: null,
        caps: ['BALLISTIC_MISSILE'],
        event: 'evt-test-1',
        trigger: 'fired',
        attribution: {
          actor: 'KOR',
          source: 'kor-jcs',
          label: "South Korea's Joint Chiefs of Staff",
          basis: 'named',
          span: { start: 71, end: 74 },
          conduit: 'Yonhap',
        },
      },
    ),
    mention(
      'doc-en-1',
      1,
      DOCS[0]!.text,
      'Russia reportedly delivered air defense systems to Pyongyang',
      {
        type: 'ARMS_TRANSFER',
        source: 'RUS',
        target: 'PRK',
        caps: ['AIR_DEFENSE'],
        event: 'evt-transfer-1',
        trigger: 'delivered',
        modality: 'HEDGED',
      },
    ),
    mention(
      'doc-en-2',
      0,
      DOCS[1]!.text,
      'North Korea fired an intercontinental ballistic missile on Monday',
      {
        type: 'MISSILE_TEST',
        source: 'PRK',
        target: null,
        caps: ['BALLISTIC_MISSILE'],
        event: 'evt-test-1',
        trigger: 'fired',
        attribution: {
          actor: null,
          source: null,
          label: null,
          basis: 'conduit',
          span: { start: 13, end: 19 },
          conduit: 'Yonhap',
        },
      },
    ),
    mention(
      'doc-fr-1',
      0,
      DOCS[2]!.text,
      'La Russie aurait livré des missiles sol-air à la Corée du Nord',
      {
        type: 'ARMS_TRANSFER',
        source: 'RUS',
        target: 'PRK',
        caps: ['AIR_DEFENSE'],
        event: 'evt-transfer-1',
        trigger: 'livré',
        modality: 'HEDGED',
      },
    ),
    mention('doc-ko-1', 0, DOCS[3]!.text, '북한이 12일 동해상으로 탄도미사일을 발사했다고', {
      type: 'MISSILE_TEST',
      source: 'PRK',
      target: null,
      caps: ['BALLISTIC_MISSILE'],
      event: 'evt-test-2',
      trigger: '발사했다',
    }),
    mention(
      'doc-hostile',
      0,
      DOCS[4]!.text,
      'Iran <script>window.__pwned = true</script> tested a cruise missile',
      {
        type: 'MISSILE_TEST',
        source: 'IRN',
        target: null,
        caps: ['CRUISE_MISSILE'],
        event: null,
        trigger: 'tested',
        modality: 'HEDGED',
      },
    ),
  ];
  await db.insertInto('mentions').values(mentions).execute();

  await db
    .insertInto('events')
    .values([
      {
        ...event(
          'evt-test-1',
          'MISSILE_TEST',
          'PRK',
          null,
          ['BALLISTIC_MISSILE'],
          '2024-11-04',
          2,
          1,
          2,
        ),
        explanation: JSON.stringify(ONE_ORIGIN_EXPLANATION),
      },
      event(
        'evt-transfer-1',
        'ARMS_TRANSFER',
        'RUS',
        'PRK',
        ['AIR_DEFENSE'],
        '2024-11',
        2,
        2,
        3,
        'HEDGED',
        '2024-11-10T07:30:00Z',
      ),
      event(
        'evt-test-2',
        'MISSILE_TEST',
        'PRK',
        null,
        ['BALLISTIC_MISSILE'],
        '2024-11-12',
        1,
        1,
        3,
        'ASSERTED',
        '2024-11-12T03:00:00Z',
      ),
    ])
    .execute();

  await db
    .insertInto('watchboards')
    .values({
      id: 'korea',
      title: 'Korean peninsula',
      description: 'Russia–DPRK military cooperation and missile programme',
      definition: JSON.stringify({ id: 'korea' }),
      updated_at: T0,
      // Worded in French as a board file's `title: { en, fr }` is stored (migration 0180).
      wording: JSON.stringify({
        fr: {
          title: 'Péninsule coréenne',
          description: 'Coopération militaire Russie–RPDC et programme balistique',
        },
      }),
    })
    .execute();
  await db
    .insertInto('hypotheses')
    .values([
      {
        id: 'korea.icbm',
        board_id: 'korea',
        title: 'DPRK tests an ICBM within 90 days',
        prior: 0.2,
        horizon_days: 90,
        probability: 0.62,
        updated_at: '2024-11-12T03:00:00Z',
        wording: JSON.stringify({ fr: { title: 'La RPDC teste un ICBM d’ici 90 jours' } }),
      },
      {
        id: 'korea.transfer',
        board_id: 'korea',
        title: 'Russia transfers air defence to DPRK',
        prior: 0.3,
        horizon_days: 180,
        probability: 0.45,
        updated_at: '2024-11-10T07:30:00Z',
        wording: JSON.stringify({
          fr: { title: 'La Russie transfère des moyens de défense aérienne à la RPDC' },
        }),
      },
    ])
    .execute();
  await db
    .insertInto('indicators')
    .values([
      {
        id: 'korea.icbm.tests',
        hypothesis_id: 'korea.icbm',
        board_id: 'korea',
        title: 'Missile tests by PRK',
        criteria: JSON.stringify({ types: ['MISSILE_TEST'], actors: ['PRK'] }),
        lr_present: 3,
        lr_absent: null,
        wording: JSON.stringify({ fr: { title: 'Essais de missiles de la RPDC' } }),
      },
      {
        id: 'korea.transfer.deliveries',
        hypothesis_id: 'korea.transfer',
        board_id: 'korea',
        title: 'Arms transfers RUS→PRK',
        criteria: JSON.stringify({ types: ['ARMS_TRANSFER'], actors: ['RUS', 'PRK'] }),
        lr_present: 2,
        lr_absent: 0.9,
        wording: JSON.stringify({ fr: { title: 'Transferts d’armes Russie → RPDC' } }),
      },
    ])
    .execute();
  await db
    .insertInto('evidence')
    .values([
      evidence('ev-1', 'korea.icbm', 'korea.icbm.tests', 'evt-test-1', '2024-11-04', 0.2, 0.41),
      evidence('ev-2', 'korea.icbm', 'korea.icbm.tests', 'evt-test-2', '2024-11-12', 0.41, 0.62),
      evidence(
        'ev-3',
        'korea.transfer',
        'korea.transfer.deliveries',
        'evt-transfer-1',
        '2024-11-10',
        0.3,
        0.45,
      ),
    ])
    .execute();

  await db
    .insertInto('alerts')
    .values([
      {
        id: 'alert-1',
        rule_id: 'icbm-threshold',
        kind: 'threshold',
        dedup_key: 'icbm-threshold:korea.icbm:0.5',
        title: 'DPRK ICBM test probability above 50%',
        payload: JSON.stringify({ hypothesisId: 'korea.icbm', before: 0.41, after: 0.62 }),
        created_at: '2024-11-12T03:05:00Z',
        acknowledged_at: null,
        acknowledged_by: null,
      },
      {
        id: 'alert-2',
        rule_id: 'first-transfer',
        kind: 'first-event',
        dedup_key: 'first-transfer:RUS|PRK',
        title: 'First ARMS_TRANSFER RUS → PRK',
        payload: JSON.stringify({ eventId: 'evt-transfer-1' }),
        created_at: '2024-11-10T07:35:00Z',
        acknowledged_at: null,
        acknowledged_by: null,
      },
    ])
    .execute();

  const tokens = {} as Record<Role, string>;
  for (const role of ['viewer', 'analyst', 'admin'] as const) {
    await addUser(db, { name: `${role}-user`, role }, now);
    tokens[role] = (
      await createToken(db, { user: `${role}-user`, name: `${role} test` }, now)
    ).token;
  }
  const expired = await createToken(
    db,
    { user: 'admin-user', expiresAt: new Date(now.getTime() + 1000) },
    now,
  );
  const revoked = await createToken(db, { user: 'admin-user' }, now);
  await db
    .updateTable('api_tokens')
    .set({ expires_at: new Date(now.getTime() - 1000).toISOString() })
    .where('id', '=', expired.info.id)
    .execute();
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', revoked.info.id)
    .execute();

  return {
    tokens,
    expiredToken: expired.token,
    revokedToken: revoked.token,
    ids: {
      sources: ['src-yonhap', 'src-wire', 'src-outlet'],
      documents: DOCS.map((d) => d.id),
      hostileDocument: 'doc-hostile',
      story: 'story-1',
      events: ['evt-test-1', 'evt-transfer-1', 'evt-test-2'],
      board: 'korea',
      hypotheses: ['korea.icbm', 'korea.transfer'],
      alerts: ['alert-1', 'alert-2'],
    },
    mentionCount: mentions.length,
  };
}
