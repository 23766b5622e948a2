/**
 * The store's tables as Kysely sees them: the contract between every module that reads or writes.
 * Conventions, portable across SQLite and PostgreSQL:
 * - ids are text; timestamps are ISO 8601 text in UTC; dates are `YYYY[-MM[-DD]]` text;
 * - lists of codes are stored as `|A|B|` text so `LIKE '%|A|%'` filters on both backends;
 * - structured payloads are JSON text (parse with the zod schema of their owner).
 * @module
 */
import type { Insertable, Selectable, Updateable } from 'kysely';

export interface SourcesTable {
  id: string;
  name: string;
  /** feed | page | file | gdelt | outlet (an outlet seen in ingested documents) */
  kind: string;
  url: string | null;
  /** Admiralty A–F; F = "cannot be judged". */
  reliability: string;
  lang: string | null;
  interval_seconds: number;
  enabled: number;
  etag: string | null;
  last_modified: string | null;
  last_fetched_at: string | null;
  next_fetch_at: string | null;
  error_count: number;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface DocumentsTable {
  id: string;
  source_id: string | null;
  outlet: string | null;
  url: string | null;
  title: string | null;
  text: string;
  lang: string | null;
  published: string | null;
  ingested_at: string;
  /** sha256 of normalised text: exact duplicates share it. */
  content_hash: string;
  /** Near-duplicate fingerprint (SimHash, 16 hex digits). */
  fingerprint: string | null;
  story_id: string | null;
  /** Credited origin ("Yonhap" in "according to Yonhap"), normalised name. */
  origin: string | null;
  /** JSON object: anything else the reader found (GDELT fields, feed item ids…). */
  meta: string | null;
  extracted_at: string | null;
  /** Set when analysis and alerting have taken the document into account (same transaction as its alerts). */
  analysed_at: string | null;
}

export interface StoriesTable {
  id: string;
  first_document_id: string;
  first_published: string | null;
  document_count: number;
  created_at: string;
  updated_at: string;
}

export interface MentionsTable {
  /** `${document_id}#${index}` */
  id: string;
  document_id: string;
  type: string;
  source_actor: string | null;
  target_actor: string | null;
  modality: string;
  /** `|BALLISTIC_MISSILE|SPACE|` or '' */
  capabilities: string;
  date: string | null;
  span_start: number;
  span_end: number;
  trigger_start: number | null;
  trigger_end: number | null;
  mutual: number;
  lang: string | null;
  /** Document publication date, copied here so time filters need no join. */
  published: string | null;
  /** JSON string[]: lexicon entries and rules that fired. */
  rules: string;
  /** JSON Cue[] (domain/mention.ts). */
  cues: string;
  confidence: number;
  event_id: string | null;
  created_at: string;
  /**
   * JSON MentionAttribution (domain/attribution.ts): whom the text says the claim comes from and
   * the conduit that carried it; null when the text gives neither (or before migration 0015).
   */
  attribution: string | null;
  /** The analyst correction these values come from (migration 0091), null when as extracted. */
  correction_id: string | null;
}

export interface EventsTable {
  id: string;
  type: string;
  source_actor: string | null;
  target_actor: string | null;
  capabilities: string;
  /** Best date of the happening, and the window its mentions span. */
  date: string | null;
  first_seen: string;
  last_seen: string;
  modality: string;
  mention_count: number;
  /** Independent origins supporting it (stories/credited origins, not copies). */
  independent_sources: number;
  /** Admiralty information credibility 1–6. */
  credibility: number;
  /** JSON: how support and credibility were computed. */
  explanation: string;
  updated_at: string;
}

export interface WatchboardsTable {
  id: string;
  title: string;
  description: string | null;
  /** JSON: the validated board definition it was loaded from. */
  definition: string;
  updated_at: string;
  /** JSON: the title (and description) in languages other than English (migration 0180). */
  wording?: string | null;
}

export interface HypothesesTable {
  id: string;
  board_id: string;
  title: string;
  prior: number;
  horizon_days: number | null;
  probability: number;
  updated_at: string;
  /** JSON: the title (and description) in languages other than English (migration 0180). */
  wording?: string | null;
}

export interface IndicatorsTable {
  id: string;
  hypothesis_id: string;
  board_id: string;
  title: string;
  /** JSON match criteria. */
  criteria: string;
  lr_present: number;
  lr_absent: number | null;
  /** JSON: the title (and description) in languages other than English (migration 0180). */
  wording?: string | null;
}

/** One step of a hypothesis's audit trail. */
export interface EvidenceTable {
  id: string;
  hypothesis_id: string;
  indicator_id: string;
  event_id: string | null;
  /** Date the step applies to (event date or detection date). */
  at: string;
  /** Change in log-odds this step contributed. */
  delta_log_odds: number;
  probability_before: number;
  probability_after: number;
  /** JSON: weight factors (credibility, independence, decay, cap). */
  explanation: string;
  created_at: string;
}

export interface AlertsTable {
  id: string;
  rule_id: string;
  kind: string;
  /** Idempotency key: the same cause never fires twice. */
  dedup_key: string;
  title: string;
  /** JSON: what fired and the ids it points to. */
  payload: string;
  created_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
}

export interface OutboxTable {
  /** `${alert_id}:${notifier}`: one delivery per alert and notifier. */
  id: string;
  alert_id: string;
  notifier: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
  /** Set while a deliverer holds the row (status `sending`); it settles the row only if it still matches. */
  claim_token: string | null;
}

export interface UsersTable {
  id: string;
  name: string;
  /** viewer | analyst | admin */
  role: string;
  created_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string | null;
  /** sha256 hex of the token; the token itself is never stored. */
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** Analysis: events reported per day for an unordered actor pair and type (see docs/trends.md). */
export interface TrendCountsTable {
  /** `${actor_a}|${actor_b}|${type}|${day}` */
  id: string;
  /** The pair, sorted (actor_a <= actor_b); solo types use the actor twice. */
  actor_a: string;
  actor_b: string;
  type: string;
  /** YYYY-MM-DD */
  day: string;
  count: number;
}

/** Analysis: small key/value state (last scoring date per board, observation start). */
export interface AnalysisStateTable {
  key: string;
  value: string;
  updated_at: string;
}

/** Analysis (migration 0022): events meeting a watchboard indicator (`board/hypothesis/indicator`). */
export interface BoardMatchesTable {
  /** `${indicator_id}|${event_id}` */
  id: string;
  board_id: string;
  indicator_id: string;
  event_id: string;
}

/** Analysis (migration 0023): append-only resolutions of hypotheses; the latest is in force. */
export interface ResolutionsTable {
  id: string;
  /** `board/hypothesis` */
  hypothesis_id: string;
  board_id: string;
  /** 1 = resolved true, 0 = resolved false. */
  outcome: number;
  /** YYYY-MM-DD: the day the question was settled. */
  resolved_on: string;
  source_url: string;
  note: string | null;
  /** Who recorded it: `cli:<os user>` or the API user's name. */
  recorded_by: string;
  recorded_at: string;
}

/** Story clustering index (ingest, migration 0011): one row per clustered document. */
export interface StoryDocumentsTable {
  document_id: string;
  story_id: string;
  lang: string | null;
  published: string | null;
  /** `|TYPE/SRC/TGT|…` event signatures of the document's extraction, or ''. */
  signatures: string;
  /** `|PRK|RUS|` actor codes of the extraction, or ''. */
  actors: string;
  /** `|1500|86|` numbers quoted in the text, or ''. */
  numbers: string;
  /** Signatures with capabilities (`TYPE/SRC/TGT/CAP+CAP`), or ''. */
  details: string;
  /** Sentence count: a translation keeps it. */
  sentences: number;
  /** new-story | near-duplicate | rewrite | translation | evidence | exact-duplicate */
  reason: string;
  matched_document_id: string | null;
  created_at: string;
  /** Source of the first attributed statement (`kor-nis`), data/stories/sources.yaml (migration 0014). */
  source: string | null;
  /** `|kor-nis|prk-state|` sources and people the text names (migration 0014). */
  names: string;
  /**
   * Why the document joined its story, JSON (migration 0014): `{ stage: 'near-duplicate', copy }`,
   * `{ stage: 'rewrite', vocabulary }`, `{ stage: 'translation', signatures, actors }` or the
   * second stage's `{ stage: 'evidence', days, source, sourceId, figures, events, names, score }`
   * (src/ingest/dedup/story-evidence.ts); null for a new story.
   */
  evidence: string | null;
}

/** Keys a report shares with other reports of one announcement (ingest, migration 0014). */
export interface StoryKeysTable {
  /** `s:kor-nis` attributed source, `n:12000` figure, `e:MISSILE_TEST/PRK/-` event signature. */
  key: string;
  document_id: string;
  published: string | null;
}

/** LSH band keys of a document's MinHash signature (ingest, migration 0011). */
export interface StoryBandsTable {
  band: string;
  document_id: string;
  /** The document's publication date, so a band's latest members are read first (migration 0130). */
  published: string | null;
}

/** Event signatures of a document, for cross-language story candidates (migration 0011). */
export interface StorySignaturesTable {
  signature: string;
  document_id: string;
  /** As in story_bands (migration 0130). */
  published: string | null;
}

/**
 * One GDELT event as stored (ingest, migrations 0012 and 0013): the columns queries filter and
 * count on, plus the rest of the GDELT row as the file has it in `detail`. Read rows through gdelt-repo
 * (`listGdeltEvents`), which unpacks them into a `GdeltEvent`.
 */
export interface GdeltEventsTable {
  /** GLOBALEVENTID. */
  id: string;
  /** 1 (daily files, 57/58 columns) or 2 (15-minute exports, 61 columns). */
  version: number;
  /** SQLDATE as YYYY-MM-DD. */
  day: string;
  /** CAMEO EventCode. */
  event_code: string;
  /** Ontology type from data/gdelt/cameo-map.yaml; null = unmapped (kept, flagged). */
  type: string | null;
  modality: string | null;
  /** `|ARTILLERY|` capabilities the CAMEO code implies; null when none. */
  capabilities: string | null;
  /** Ontology actor codes mapped from the CAMEO country and known-group codes. */
  source_actor: string | null;
  target_actor: string | null;
  goldstein: number | null;
  num_mentions: number | null;
  num_sources: number | null;
  num_articles: number | null;
  /**
   * The GDELT row from column 5 (Actor1Code) to its end (… DATEADDED, SOURCEURL), tab-separated
   * as in the file: actors, event codes, tone, the three geography blocks, the source URL. See
   * src/store/gdelt-layout.ts; gdelt-repo unpacks it.
   */
  detail: string;
  imported_at: string;
}

/** A unit of work for `vigie worker` (migration 0060); see `jobs-repo.ts` for the life cycle. */
export interface JobsTable {
  id: string;
  kind: string;
  /** De-duplication key: one waiting (`pending`/`failed`) job per kind and key. */
  key: string;
  /** JSON text. */
  payload: string;
  /** `pending` → `running` → `done`; `failed` waits for a retry; `dead` gave up. */
  state: string;
  run_at: string;
  attempts: number;
  max_attempts: number;
  /** The claim token of the worker holding the job (`running`). */
  locked_by: string | null;
  /** End of the lease: past it, another worker may take the job over. */
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

/** A documents-page search an analyst saved (migration 0096). */
export interface SavedSearchesTable {
  id: string;
  user_name: string;
  name: string;
  /** The documents page's query string (`q=…&lang=ko`), as the URL carries it. */
  query: string;
  created_at: string;
}

/**
 * An analyst's correction of a mention (migration 0090, corrections-repo.ts), audited: who, when,
 * the values before and after, a note; revoked rather than deleted. Keyed by the mention's
 * document and spans so it survives re-extraction, which replaces mention rows.
 */
export interface CorrectionsTable {
  id: string;
  document_id: string;
  span_start: number;
  span_end: number;
  trigger_start: number | null;
  trigger_end: number | null;
  /** The mention's id when it was corrected. */
  mention_id: string;
  /** 1, 2, …: the order of the corrections of one mention (timestamps can tie). */
  seq: number;
  /** reject | amend */
  action: string;
  /** JSON CorrectedFields: the mention's values before. */
  before: string;
  /** JSON CorrectedFields after an amendment; null for a rejection. */
  after: string | null;
  /** JSON: the extracted mention row the correction applies to (to restore it on revocation). */
  extracted: string;
  /** The event the mention belonged to when corrected (a rejected mention leaves it). */
  event_id: string | null;
  note: string | null;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_note: string | null;
}

/**
 * A reliability grade an analyst applied to a source (migration 0110, source-grades-repo.ts):
 * append-only, the audit trail of `sources.reliability`.
 */
export interface SourceGradesTable {
  id: string;
  source_id: string;
  grade_before: string;
  grade_after: string;
  /** The grade Vigie suggested when it was applied, null when none was asked for. */
  suggested: string | null;
  /** JSON: the track-record counts and reasons behind the suggestion, null without one. */
  record: string | null;
  note: string | null;
  /** `cli:<os user>` or the API user's name. */
  recorded_by: string;
  recorded_at: string;
}

export interface Database {
  sources: SourcesTable;
  documents: DocumentsTable;
  stories: StoriesTable;
  mentions: MentionsTable;
  events: EventsTable;
  watchboards: WatchboardsTable;
  hypotheses: HypothesesTable;
  indicators: IndicatorsTable;
  evidence: EvidenceTable;
  alerts: AlertsTable;
  outbox: OutboxTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  trend_counts: TrendCountsTable;
  analysis_state: AnalysisStateTable;
  story_documents: StoryDocumentsTable;
  story_bands: StoryBandsTable;
  story_signatures: StorySignaturesTable;
  story_keys: StoryKeysTable;
  gdelt_events: GdeltEventsTable;
  board_matches: BoardMatchesTable;
  resolutions: ResolutionsTable;
  jobs: JobsTable;
  saved_searches: SavedSearchesTable;
  corrections: CorrectionsTable;
  source_grades: SourceGradesTable;
}

export type SourceRow = Selectable<SourcesTable>;
export type NewSource = Insertable<SourcesTable>;
export type DocumentRow = Selectable<DocumentsTable>;
export type NewDocument = Insertable<DocumentsTable>;
export type MentionRow = Selectable<MentionsTable>;
export type NewMention = Insertable<MentionsTable>;
export type EventRow = Selectable<EventsTable>;
export type NewEvent = Insertable<EventsTable>;
export type EventUpdate = Updateable<EventsTable>;
export type HypothesisRow = Selectable<HypothesesTable>;
export type EvidenceRow = Selectable<EvidenceTable>;
export type AlertRow = Selectable<AlertsTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type JobRow = Selectable<JobsTable>;
export type CorrectionRow = Selectable<CorrectionsTable>;
export type UserRow = Selectable<UsersTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type StoryDocumentRow = Selectable<StoryDocumentsTable>;
export type GdeltEventRow = Selectable<GdeltEventsTable>;
export type NewGdeltEvent = Insertable<GdeltEventsTable>;

/** `['A','B']` → `|A|B|`; the empty list → ''. */
export function encodeCodes(codes: readonly string[]): string {
  return codes.length === 0 ? '' : `|${[...codes].sort().join('|')}|`;
}

export function decodeCodes(encoded: string | null | undefined): string[] {
  return encoded ? encoded.split('|').filter((c) => c.length > 0) : [];
}
