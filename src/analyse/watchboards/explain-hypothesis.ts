/**
 * "Why did this move?": a hypothesis's audit trail with, for every step, the event, its
 * mentions with their document and quoted span, the weight factors and before/after probability.
 * @module
 */
import { readAttribution, type MentionAttribution } from '../../domain/attribution.js';
import { NotFoundError } from '../../domain/errors.js';
import { readEventOrigins, type EventOrigins } from '../../domain/event-origins.js';
import { readStoryJoin } from '../../domain/story-join.js';
import type { Store } from '../../store/open-store.js';
import { decodeCodes } from '../../store/schema.js';
import { chunks } from '../events/event-rows.js';

export interface ExplainedMention {
  readonly id: string;
  readonly documentId: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly start: number;
  readonly end: number;
  readonly sentence: string;
  readonly modality: string;
  readonly lang: string | null;
  /** Whom the text says the claim comes from, and the conduit that carried it. */
  readonly attribution: MentionAttribution | null;
  /**
   * The document's story (copies and rewrites count as one origin) and why the document is in
   * it ("joined doc-1 on evidence: same source kor-nis; figures 1500 …"); null when unclustered.
   */
  readonly story: { readonly id: string; readonly why: string | null } | null;
}

export interface ExplainedStep {
  readonly evidenceId: string;
  readonly at: string;
  readonly indicatorId: string;
  readonly indicatorTitle: string | null;
  readonly eventId: string | null;
  readonly event: {
    readonly type: string;
    readonly source: string | null;
    readonly target: string | null;
    readonly capabilities: readonly string[];
    readonly modality: string;
    readonly date: string | null;
    readonly credibility: number;
    readonly independentSources: number;
  } | null;
  readonly delta: number;
  readonly before: number;
  readonly after: number;
  readonly factors: Record<string, unknown>;
  /** The event's independent origins with the outlets that carried each. */
  readonly origins: EventOrigins | null;
  readonly mentions: readonly ExplainedMention[];
}

export interface HypothesisExplanation {
  readonly hypothesis: {
    readonly id: string;
    readonly boardId: string;
    readonly title: string;
    readonly prior: number;
    readonly probability: number;
    readonly horizonDays: number | null;
  };
  readonly steps: readonly ExplainedStep[];
}

/** Accepts the full id (`board/hypothesis`) or, when unambiguous, the hypothesis id alone. */
export async function explainHypothesis(
  store: Store,
  hypothesisId: string,
): Promise<HypothesisExplanation> {
  const db = store.db;
  let h = await db
    .selectFrom('hypotheses')
    .selectAll()
    .where('id', '=', hypothesisId)
    .executeTakeFirst();
  if (!h) {
    const matches = await db
      .selectFrom('hypotheses')
      .selectAll()
      .where('id', 'like', `%/${hypothesisId}`)
      .execute();
    if (matches.length > 1)
      throw new NotFoundError(
        `hypothesis "${hypothesisId}" is ambiguous: ${matches.map((m) => m.id).join(', ')}`,
      );
    h = matches[0];
  }
  if (!h)
    throw new NotFoundError(`no hypothesis "${hypothesisId}" (score a board first: vigie board)`);
  const evidence = await db
    .selectFrom('evidence')
    .selectAll()
    .where('hypothesis_id', '=', h.id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const indicators = new Map(
    (
      await db
        .selectFrom('indicators')
        .select(['id', 'title'])
        .where('hypothesis_id', '=', h.id)
        .execute()
    ).map((i) => [i.id, i.title]),
  );
  const eventIds = [
    ...new Set(evidence.map((e) => e.event_id).filter((x): x is string => x !== null)),
  ];
  const events = new Map<string, ExplainedStep['event']>();
  const origins = new Map<string, EventOrigins | null>();
  const mentionsByEvent = new Map<string, ExplainedMention[]>();
  for (const ids of chunks(eventIds)) {
    for (const e of await db.selectFrom('events').selectAll().where('id', 'in', ids).execute()) {
      events.set(e.id, {
        type: e.type,
        source: e.source_actor,
        target: e.target_actor,
        capabilities: decodeCodes(e.capabilities),
        modality: e.modality,
        date: e.date,
        credibility: e.credibility,
        independentSources: e.independent_sources,
      });
      origins.set(e.id, readEventOrigins(e.explanation));
    }
    const rows = await db
      .selectFrom('mentions')
      .innerJoin('documents', 'documents.id', 'mentions.document_id')
      .leftJoin('story_documents', 'story_documents.document_id', 'mentions.document_id')
      .select([
        'mentions.id',
        'mentions.event_id',
        'mentions.document_id',
        'mentions.span_start',
        'mentions.span_end',
        'mentions.modality',
        'mentions.lang',
        'mentions.attribution',
        'documents.outlet',
        'documents.published',
        'documents.text',
        'documents.story_id',
        'story_documents.reason',
        'story_documents.matched_document_id',
        'story_documents.source',
        'story_documents.evidence',
      ])
      .where('mentions.event_id', 'in', ids)
      .orderBy('documents.published')
      .orderBy('mentions.id')
      .execute();
    for (const r of rows) {
      const list = mentionsByEvent.get(r.event_id!) ?? [];
      list.push({
        id: r.id,
        documentId: r.document_id,
        outlet: r.outlet,
        published: r.published,
        start: r.span_start,
        end: r.span_end,
        sentence: r.text.slice(r.span_start, r.span_end),
        modality: r.modality,
        lang: r.lang,
        attribution: readAttribution(r.attribution),
        story: r.story_id
          ? {
              id: r.story_id,
              why:
                r.reason && r.reason !== 'new-story'
                  ? readStoryJoin({
                      reason: r.reason,
                      matched_document_id: r.matched_document_id ?? null,
                      source: r.source ?? null,
                      evidence: r.evidence ?? null,
                    }).summary
                  : null,
            }
          : null,
      });
      mentionsByEvent.set(r.event_id!, list);
    }
  }
  return {
    hypothesis: {
      id: h.id,
      boardId: h.board_id,
      title: h.title,
      prior: h.prior,
      probability: h.probability,
      horizonDays: h.horizon_days,
    },
    steps: evidence.map((e) => ({
      evidenceId: e.id,
      at: e.at,
      indicatorId: e.indicator_id,
      indicatorTitle: indicators.get(e.indicator_id) ?? null,
      eventId: e.event_id,
      event: e.event_id ? (events.get(e.event_id) ?? null) : null,
      delta: e.delta_log_odds,
      before: e.probability_before,
      after: e.probability_after,
      factors: JSON.parse(e.explanation) as Record<string, unknown>,
      origins: e.event_id ? (origins.get(e.event_id) ?? null) : null,
      mentions: e.event_id ? (mentionsByEvent.get(e.event_id) ?? []) : [],
    })),
  };
}
