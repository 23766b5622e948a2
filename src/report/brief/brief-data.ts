/**
 * Everything a brief says, gathered from the store: the board's hypotheses with their probability
 * at the start and end of the period and the evidence steps that moved them, the board's new
 * events, and for each a citation (document id + span, quoted from the stored text), plus the daily
 * series for the charts and the annex of sources. Pure data: renderers only format it.
 * @module
 */
import { wordedDescription, wordedTitle, type BoardLanguage } from '../../domain/board-wording.js';
import { NotFoundError } from '../../domain/errors.js';
import { silentDaysOf } from '../../domain/silence.js';
import { boardScores } from '../../analyse/scoring/board-trajectories.js';
import { boardIn } from '../../analyse/watchboards/board-schema.js';
import { storedBoards } from '../../analyse/watchboards/resolve-hypothesis.js';
import type { Store } from '../../store/open-store.js';
import { decodeCodes } from '../../store/schema.js';

export interface Citation {
  readonly mentionId: string;
  readonly documentId: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly url: string | null;
  readonly start: number;
  readonly end: number;
  /** The stored text between start and end, verbatim. */
  readonly quote: string;
  /** Admiralty source reliability A–F (F when the source is unknown). */
  readonly reliability: string;
}

export interface BriefEvent {
  readonly id: string;
  readonly type: string;
  readonly source: string | null;
  readonly target: string | null;
  readonly capabilities: readonly string[];
  readonly modality: string;
  readonly date: string | null;
  readonly firstSeen: string;
  readonly credibility: number;
  readonly independentSources: number;
  readonly mentionCount: number;
  readonly citations: readonly Citation[];
}

export interface BriefStep {
  readonly at: string;
  readonly eventId: string | null;
  /** An absence step: the days without a matching report (said as silence); else null. */
  readonly silentDays: number | null;
  readonly before: number;
  readonly after: number;
}

export interface BriefJudgement {
  readonly hypothesisId: string;
  readonly title: string;
  readonly start: number;
  readonly end: number;
  readonly steps: readonly BriefStep[];
  /** Daily probability (end of day) over the period. */
  readonly series: readonly { day: string; p: number }[];
}

export interface BriefData {
  readonly board: {
    readonly id: string;
    readonly title: string;
    readonly description: string | null;
  };
  readonly since: string;
  readonly until: string;
  /** False when the board has no evidence at all in the store. */
  readonly hasEvidence: boolean;
  readonly judgements: readonly BriefJudgement[];
  readonly events: readonly BriefEvent[];
  readonly eventsPerDay: readonly { day: string; count: number }[];
  readonly sources: readonly { outlet: string; reliability: string; count: number }[];
  /** How the board's resolved hypotheses scored up to the end of the period (docs/scoring.md). */
  readonly scores: {
    readonly brier: number | null;
    readonly hypotheses: readonly {
      readonly title: string;
      readonly outcome: boolean;
      readonly date: string;
      readonly brier: number;
      /** True ones: days warned ahead (above 70 % and staying); false ones: days above 70 %. */
      readonly leadDays: number | null;
      readonly falseAlarmDays: number | null;
    }[];
  };
}

export interface BriefRequest {
  readonly boardId: string;
  /** ISO instants. */
  readonly since: string;
  readonly until: string;
  /** Most significant events listed (default 10) and citations per event (default 3). */
  readonly maxEvents?: number;
  readonly maxCitations?: number;
  /** The language of the board's, hypotheses' and indicators' titles (default en). */
  readonly lang?: BoardLanguage;
}

function days(since: string, until: string): string[] {
  const out: string[] = [];
  const end = until.slice(0, 10);
  for (
    let d = new Date(`${since.slice(0, 10)}T00:00:00Z`);
    ;
    d = new Date(d.getTime() + 86_400_000)
  ) {
    const day = d.toISOString().slice(0, 10);
    if (day > end || out.length > 400) break;
    out.push(day);
  }
  return out;
}

export async function gatherBrief(store: Store, request: BriefRequest): Promise<BriefData> {
  const db = store.db;
  const lang = request.lang ?? 'en';
  const board = await db
    .selectFrom('watchboards')
    .select(['id', 'title', 'description', 'wording'])
    .where('id', '=', request.boardId)
    .executeTakeFirst();
  if (!board) throw new NotFoundError(`no watchboard "${request.boardId}"`);
  const sinceDay = request.since.slice(0, 10);
  const untilDay = request.until.slice(0, 10);
  const hypotheses = await db
    .selectFrom('hypotheses')
    .selectAll()
    .where('board_id', '=', board.id)
    .orderBy('id')
    .execute();
  const hIds = hypotheses.map((h) => h.id);
  const evidence = hIds.length
    ? await db
        .selectFrom('evidence')
        .selectAll()
        .where('hypothesis_id', 'in', hIds)
        .where('at', '<=', untilDay)
        .orderBy('at')
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    : [];
  const period = days(request.since, request.until);
  const judgements: BriefJudgement[] = hypotheses.map((h) => {
    const mine = evidence.filter((e) => e.hypothesis_id === h.id);
    const before = mine.filter((e) => e.at < sinceDay);
    const during = mine.filter((e) => e.at >= sinceDay);
    const start = before.length
      ? before[before.length - 1]!.probability_after
      : (during[0]?.probability_before ?? h.prior);
    const end = during.length ? during[during.length - 1]!.probability_after : start;
    let p = start;
    const series = period.map((day) => {
      for (const e of during) if (e.at.slice(0, 10) === day) p = e.probability_after;
      return { day, p };
    });
    return {
      hypothesisId: h.id,
      title: wordedTitle(h, lang),
      start,
      end,
      steps: during.map((e) => ({
        at: e.at,
        eventId: e.event_id,
        silentDays: silentDaysOf(e.explanation),
        before: e.probability_before,
        after: e.probability_after,
      })),
      series,
    };
  });
  const boardEventIds = [
    ...new Set(evidence.map((e) => e.event_id).filter((id): id is string => !!id)),
  ];
  const eventRows = boardEventIds.length
    ? await db
        .selectFrom('events')
        .selectAll()
        .where('id', 'in', boardEventIds)
        .where('last_seen', '>=', request.since)
        .where('first_seen', '<=', request.until)
        .execute()
    : [];
  eventRows.sort(
    (a, b) =>
      a.credibility - b.credibility ||
      b.independent_sources - a.independent_sources ||
      b.mention_count - a.mention_count ||
      (a.id < b.id ? -1 : 1),
  );
  const stepEventIds = judgements
    .flatMap((j) => j.steps.map((s) => s.eventId))
    .filter((id): id is string => !!id);
  const top = eventRows.slice(0, request.maxEvents ?? 10);
  const cited = new Set([...top.map((e) => e.id), ...stepEventIds]);
  const citations = await citationsFor(store, [...cited], request.maxCitations ?? 3);
  const events: BriefEvent[] = eventRows
    .filter((e) => cited.has(e.id))
    .map((e) => ({
      id: e.id,
      type: e.type,
      source: e.source_actor,
      target: e.target_actor,
      capabilities: decodeCodes(e.capabilities),
      modality: e.modality,
      date: e.date,
      firstSeen: e.first_seen,
      credibility: e.credibility,
      independentSources: e.independent_sources,
      mentionCount: e.mention_count,
      citations: citations.get(e.id) ?? [],
    }));
  const perDay = new Map<string, number>();
  for (const e of eventRows) {
    const day = e.first_seen.slice(0, 10);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const sourceCount = new Map<string, { reliability: string; count: number }>();
  for (const list of citations.values())
    for (const c of list) {
      const key = c.outlet ?? c.documentId;
      const entry = sourceCount.get(key) ?? { reliability: c.reliability, count: 0 };
      entry.count++;
      sourceCount.set(key, entry);
    }
  return {
    board: {
      id: board.id,
      title: wordedTitle(board, lang),
      description: wordedDescription(board, lang),
    },
    since: request.since,
    until: request.until,
    hasEvidence: evidence.length > 0,
    judgements,
    events,
    eventsPerDay: period.map((day) => ({ day, count: perDay.get(day) ?? 0 })),
    sources: [...sourceCount.entries()]
      .map(([outlet, v]) => ({ outlet, ...v }))
      .sort((a, b) => b.count - a.count || a.outlet.localeCompare(b.outlet)),
    scores: await briefScores(store, board.id, untilDay, lang),
  };
}

async function briefScores(
  store: Store,
  boardId: string,
  untilDay: string,
  lang: BoardLanguage,
): Promise<BriefData['scores']> {
  const [stored] = await storedBoards(store, [boardId]);
  if (!stored) return { brier: null, hypotheses: [] };
  const board = boardIn(stored, lang);
  const s = await boardScores(store.db, board, { to: untilDay });
  return {
    brier: s.brier,
    hypotheses: s.hypotheses
      .filter((h) => h.scores !== null)
      .map((h) => ({
        title: h.title,
        outcome: h.scores!.outcome,
        date: h.scores!.resolvedOn,
        brier: h.scores!.brier,
        leadDays: h.scores!.leadDays,
        falseAlarmDays: h.scores!.falseAlarmDays,
      })),
  };
}

/** Up to `max` mentions per event, each quoted from its document's stored text. */
async function citationsFor(
  store: Store,
  eventIds: readonly string[],
  max: number,
): Promise<Map<string, Citation[]>> {
  const out = new Map<string, Citation[]>();
  if (eventIds.length === 0) return out;
  const rows = await store.db
    .selectFrom('mentions as m')
    .innerJoin('documents as d', 'd.id', 'm.document_id')
    .leftJoin('sources as s', 's.id', 'd.source_id')
    .select([
      'm.id as mentionId',
      'm.event_id as eventId',
      'm.span_start as start',
      'm.span_end as end',
      'd.id as documentId',
      'd.outlet',
      'd.published',
      'd.url',
      'd.text',
      's.reliability',
    ])
    .where('m.event_id', 'in', eventIds)
    .orderBy('d.published')
    .orderBy('m.id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.eventId ?? '') ?? [];
    if (list.length >= max) continue;
    list.push({
      mentionId: r.mentionId,
      documentId: r.documentId,
      outlet: r.outlet,
      published: r.published,
      url: r.url,
      start: r.start,
      end: r.end,
      quote: r.text.slice(r.start, r.end),
      reliability: r.reliability ?? 'F',
    });
    out.set(r.eventId ?? '', list);
  }
  return out;
}
