/**
 * "Why did this move?": a hypothesis's audit trail with, for every step, the event, its
 * mentions with their document and quoted span, the weight factors and before/after probability.
 * The trail is read once, by the API's explanation (store/api-queries/board-queries.ts); this
 * module only resolves a short id and adds why each document is in its story, for
 * `vigie board --explain`.
 * @module
 */
import type { BoardLanguage } from '../../domain/board-wording.js';
import { messagesIn } from '../../domain/english-messages.js';
import { formatMessage } from '../../domain/messages.js';
import type { MentionAttribution } from '../../domain/attribution.js';
import { NotFoundError } from '../../domain/errors.js';
import type { EventOrigins } from '../../domain/event-origins.js';
import { explainApiHypothesis } from '../../store/api-queries/board-queries.js';
import { storyJoinsOf } from '../../store/api-queries/document-queries.js';
import type { Store } from '../../store/open-store.js';
import type { HypothesisRow } from '../../store/schema.js';
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
   * it ("joined Yonhap's report on evidence: same source South Korea's NIS; figures 1500 …"); null when unclustered.
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
  /** Older steps exist than the MAX_EXPLAINED_STEPS newest shown. */
  readonly truncated?: boolean;
}

/** The newest steps read; older ones are counted in `truncated` (work per call stays bounded). */
export const MAX_EXPLAINED_STEPS = 5000;

/** Accepts the full id (`board/hypothesis`) or, when unambiguous, the hypothesis id alone. */
async function findHypothesis(store: Store, hypothesisId: string): Promise<HypothesisRow> {
  const db = store.db;
  const exact = await db
    .selectFrom('hypotheses')
    .selectAll()
    .where('id', '=', hypothesisId)
    .executeTakeFirst();
  if (exact) return exact;
  const matches = await db
    .selectFrom('hypotheses')
    .selectAll()
    .where('id', 'like', `%/${hypothesisId}`)
    .execute();
  if (matches.length > 1)
    throw new NotFoundError(
      `hypothesis "${hypothesisId}" is ambiguous: ${matches.map((m) => m.id).join(', ')}`,
    );
  if (!matches[0])
    throw new NotFoundError(`no hypothesis "${hypothesisId}" (score a board first: vigie board)`);
  return matches[0];
}

/**
 * Why each document is in its story ("joined Yonhap's report on evidence: …"), in `lang`; absent
 * for a story's first.
 */
async function storyReasons(
  store: Store,
  documentIds: readonly string[],
  lang: BoardLanguage,
): Promise<Map<string, string>> {
  const reasons = new Map<string, string>();
  for (const ids of chunks([...new Set(documentIds)])) {
    for (const [id, join] of await storyJoinsOf(store.db, ids, { copiesOnly: true }))
      reasons.set(id, formatMessage(messagesIn(lang), join.summaryMessage));
  }
  return reasons;
}

/**
 * Every step that moved the hypothesis. Titles, and why each document is in its story, are in
 * `lang` where the board and the labels give it (the rest of the explanation is English).
 */
export async function explainHypothesis(
  store: Store,
  hypothesisId: string,
  lang: BoardLanguage = 'en',
): Promise<HypothesisExplanation> {
  const h = await findHypothesis(store, hypothesisId);
  const trail = await explainApiHypothesis(store.db, h.id, {
    limit: MAX_EXPLAINED_STEPS,
    lang,
  });
  if (!trail) throw new NotFoundError(`no hypothesis "${hypothesisId}"`);
  const storied = trail.steps.flatMap((s) => s.mentions.filter((m) => m.document.storyId));
  const why = await storyReasons(
    store,
    storied.map((m) => m.documentId),
    lang,
  );
  return {
    hypothesis: {
      id: h.id,
      boardId: h.board_id,
      title: trail.title,
      prior: h.prior,
      probability: h.probability,
      horizonDays: h.horizon_days,
    },
    truncated: trail.truncated,
    steps: trail.steps.map((s) => ({
      evidenceId: s.id,
      at: s.at,
      indicatorId: s.indicatorId,
      indicatorTitle: s.indicatorTitle,
      eventId: s.eventId,
      event: s.event
        ? {
            type: s.event.type,
            source: s.event.source,
            target: s.event.target,
            capabilities: s.event.capabilities,
            modality: s.event.modality,
            date: s.event.date,
            credibility: s.event.credibility,
            independentSources: s.event.independentSources,
          }
        : null,
      delta: s.deltaLogOdds,
      before: s.before,
      after: s.after,
      factors: (s.explanation ?? {}) as Record<string, unknown>,
      origins: s.origins,
      mentions: s.mentions.map((m) => ({
        id: m.id,
        documentId: m.documentId,
        outlet: m.document.outlet,
        published: m.document.published,
        start: m.span.start,
        end: m.span.end,
        sentence: m.sentence,
        modality: m.modality,
        lang: m.lang,
        attribution: m.attribution,
        story: m.document.storyId
          ? { id: m.document.storyId, why: why.get(m.documentId) ?? null }
          : null,
      })),
    })),
  };
}
