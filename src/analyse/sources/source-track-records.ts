/**
 * Source track records and suggested grades, one read for the CLI (`vigie source suggest-grades`)
 * and the API (`GET /api/sources/track-records`): a page of sources, each with its record, the
 * suggested Admiralty grade with its reasons, and the claims behind it.
 * @module
 */
import { InputError } from '../../domain/errors.js';
import type { Store } from '../../store/open-store.js';
import type { SourceRow } from '../../store/schema.js';
import { applyGrade, type GradeChange, type GradeRequest } from '../../store/source-grades-repo.js';
import { getSource } from '../../store/sources-repo.js';
import {
  MAX_REPORTS_PER_SOURCE,
  countLiveCorrections,
  readClaimEvents,
  readSourcePage,
  readSourceReports,
  readSupportedHypotheses,
  OUTLET_PREFIX,
  type RecordSubject,
} from '../../store/api-queries/track-record-queries.js';
import { resolveBoardsResolutions } from './board-outcomes.js';
import { suggestGrade, type GradeSuggestion } from './grade-rule.js';
import { claimsOfSource } from './source-claims.js';
import { buildTrackRecord, type ClaimOutcome, type TrackRecord } from './track-record.js';

/** Claims listed per source: the resolved ones first, then the newest. */
export const MAX_CLAIMS_SHOWN = 50;
/** Sources per page. */
export const MAX_SOURCES_PER_PAGE = 50;

export interface SourceTrackRecord {
  /** A registered source, or (`registered: false`, id `outlet:NAME`) an outlet of ingested files. */
  readonly source: RecordSubject;
  readonly record: Omit<TrackRecord, 'outcomes'> & {
    /** Documents left out because they carry another origin's report. */
    readonly carried: number;
    /** Analyst corrections in force on its documents (extraction fixes; not in the grade). */
    readonly corrections: number;
    /** Only the newest MAX_REPORTS_PER_SOURCE reports were read. */
    readonly truncated: boolean;
  };
  readonly suggestion: GradeSuggestion;
  readonly claims: readonly ClaimOutcome[];
}

const RANK: Readonly<Record<ClaimOutcome['status'], number>> = {
  contradicted: 0,
  confirmed: 1,
  open: 2,
  late: 3,
};

export async function readTrackRecords(
  store: Pick<Store, 'db' | 'dialect'>,
  options: { readonly sourceId?: string; readonly limit?: number; readonly offset?: number } = {},
): Promise<{ items: SourceTrackRecord[]; total: number }> {
  const limit = Math.min(options.limit ?? MAX_SOURCES_PER_PAGE, MAX_SOURCES_PER_PAGE);
  const page = await readSourcePage(store.db, {
    ...(options.sourceId !== undefined ? { sourceId: options.sourceId } : {}),
    limit,
    offset: options.offset ?? 0,
  });
  const resolutions = await resolveBoardsResolutions(store);
  const corrections = await countLiveCorrections(
    store.db,
    page.sources.filter((s) => s.registered).map((s) => s.id),
  );
  const items: SourceTrackRecord[] = [];
  for (const source of page.sources) {
    const reports = await readSourceReports(store.db, source);
    const eventIds = [...new Set(reports.map((r) => r.eventId))];
    const [events, supported] = await Promise.all([
      readClaimEvents(store.db, eventIds),
      readSupportedHypotheses(store.db, eventIds),
    ]);
    const { claims, carried } = claimsOfSource(source, reports, events, supported, resolutions);
    const { outcomes, ...record } = buildTrackRecord(claims);
    const full = {
      ...record,
      carried,
      corrections: corrections.get(source.id) ?? 0,
      truncated: reports.length >= MAX_REPORTS_PER_SOURCE,
    };
    items.push({
      source,
      record: full,
      suggestion: suggestGrade(record, source.reliability),
      claims: outcomes
        .map((o, i) => ({ o, i }))
        .sort((a, b) => RANK[a.o.status] - RANK[b.o.status] || a.i - b.i)
        .slice(0, MAX_CLAIMS_SHOWN)
        .map(({ o }) => o),
    });
  }
  return { items, total: page.total };
}

/** The figures of a record an applied grade keeps in its audit record. */
function auditedRecord(r: SourceTrackRecord) {
  const { lead, claims, confirmed, contradicted, open, late } = r.record;
  return {
    claims,
    confirmed,
    contradicted,
    open,
    late,
    lead,
    lowerBound: r.suggestion.lowerBound,
    reasons: r.suggestion.reasons,
  };
}

/**
 * Applies an analyst's grade to a source, keeping in the audit record the suggestion and the
 * record as they stood (`vigie source grade`, `set-reliability`, the API).
 */
export async function gradeSource(
  store: Pick<Store, 'db' | 'dialect'>,
  request: Omit<GradeRequest, 'suggested' | 'record'>,
): Promise<{ source: SourceRow; change: GradeChange }> {
  if (request.source.startsWith(OUTLET_PREFIX))
    throw new InputError(
      `${request.source.slice(OUTLET_PREFIX.length)} is an outlet of ingested documents, not a registered source: its documents carry no source whose grade could be set (credibility reads them as F)`,
      'source',
    );
  const source = await getSource(store.db, request.source);
  const [record] = (await readTrackRecords(store, { sourceId: source.id })).items;
  return applyGrade(store, {
    ...request,
    source: source.id,
    ...(record ? { suggested: record.suggestion.suggested, record: auditedRecord(record) } : {}),
  });
}
