/**
 * From a source's stored reports to its claims (docs/source-grades.md): only its own reporting
 * counts, not a copy of another source's document nor a report crediting another origin; each
 * claim is set against the event's other independent origins and the resolutions of the
 * hypotheses it supports. Pure.
 * @module
 */
import type {
  ClaimEventRow,
  SourceReportRow,
} from '../../store/api-queries/track-record-queries.js';
import { normaliseName } from '../credibility/independence.js';
import type { ClaimInput, ClaimResolution, OtherOrigin } from './track-record.js';

/** Story joins that make a document another document's copy (docs/stories.md). */
const COPY_REASONS: ReadonlySet<string> = new Set([
  'exact-duplicate',
  'near-duplicate',
  'rewrite',
  'translation',
]);

export interface SourceIdentity {
  readonly id: string;
  readonly name: string;
  /** A registered source; otherwise an outlet of documents no source brought in. */
  readonly registered: boolean;
}

/** The matched document is the subject's own (a copy of its own report is still its own). */
function matchedIsOwn(row: SourceReportRow, source: SourceIdentity): boolean {
  return source.registered
    ? row.matchedSourceId === source.id
    : row.matchedSourceId === null &&
        normaliseName(row.matchedOutlet ?? '') === normaliseName(source.name);
}

/** Why a report is not the source's own, or null when it is. */
export function carriedBecause(row: SourceReportRow, source: SourceIdentity): string | null {
  if (
    row.storyReason !== null &&
    COPY_REASONS.has(row.storyReason) &&
    row.matchedDocumentId !== null &&
    !matchedIsOwn(row, source)
  )
    return `a ${row.storyReason} of ${row.matchedDocumentId}`;
  if (row.origin !== null) {
    const credited = normaliseName(row.origin);
    const own = [source.name, row.outlet ?? ''].map(normaliseName);
    if (credited !== '' && !own.includes(credited)) return `credits ${row.origin}`;
  }
  return null;
}

interface StoredGroup {
  readonly documentIds?: unknown;
  readonly firstPublished?: unknown;
  readonly supportModality?: unknown;
}

/** The supporting origin groups of a stored credibility-v2 explanation ([] for older ones). */
function supportingGroups(
  explanation: string,
): { documentIds: string[]; firstPublished: string | null; firm: boolean }[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(explanation);
  } catch {
    return [];
  }
  const groups = (parsed as { groups?: unknown } | null)?.groups;
  if (!Array.isArray(groups)) return [];
  return (groups as StoredGroup[])
    .filter((g) => typeof g.supportModality === 'string')
    .map((g) => ({
      documentIds: Array.isArray(g.documentIds)
        ? g.documentIds.filter((d): d is string => typeof d === 'string')
        : [],
      firstPublished: typeof g.firstPublished === 'string' ? g.firstPublished : null,
      firm: g.supportModality === 'ASSERTED' || g.supportModality === 'PLANNED',
    }));
}

export interface SourceClaims {
  readonly claims: ClaimInput[];
  /** Reports left out as another origin's, with the reason (first per document). */
  readonly carried: number;
}

/** The source's claims, newest first. */
export function claimsOfSource(
  source: SourceIdentity,
  reports: readonly SourceReportRow[],
  events: ReadonlyMap<string, ClaimEventRow>,
  supported: ReadonlyMap<string, readonly string[]>,
  resolutions: ReadonlyMap<string, { readonly outcome: boolean; readonly date: string }>,
): SourceClaims {
  const own = new Map<string, { first: string; documentIds: Set<string> }>();
  const carriedDocs = new Set<string>();
  for (const r of reports) {
    if (r.published === null) continue;
    if (carriedBecause(r, source) !== null) {
      carriedDocs.add(r.documentId);
      continue;
    }
    const entry = own.get(r.eventId) ?? { first: r.published, documentIds: new Set<string>() };
    if (r.published < entry.first) entry.first = r.published;
    entry.documentIds.add(r.documentId);
    own.set(r.eventId, entry);
  }
  const claims: ClaimInput[] = [];
  for (const [eventId, entry] of own) {
    const event = events.get(eventId);
    if (!event) continue;
    const otherOrigins: OtherOrigin[] = supportingGroups(event.explanation)
      .filter((g) => !g.documentIds.some((d) => entry.documentIds.has(d)))
      .map((g) => ({ firstPublished: g.firstPublished, firm: g.firm }));
    const claimResolutions: ClaimResolution[] = [];
    for (const hypothesisId of supported.get(eventId) ?? []) {
      const r = resolutions.get(hypothesisId);
      if (r) claimResolutions.push({ hypothesisId, outcome: r.outcome, date: r.date });
    }
    claims.push({
      eventId,
      eventType: event.type,
      firstReported: entry.first,
      otherOrigins,
      resolutions: claimResolutions,
    });
  }
  claims.sort((a, b) =>
    a.firstReported === b.firstReported
      ? a.eventId.localeCompare(b.eventId)
      : a.firstReported < b.firstReported
        ? 1
        : -1,
  );
  const ownDocs = new Set([...own.values()].flatMap((e) => [...e.documentIds]));
  return { claims, carried: [...carriedDocs].filter((d) => !ownDocs.has(d)).length };
}
