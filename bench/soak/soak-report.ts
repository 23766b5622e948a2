/**
 * Turns one soak run into its figures: the feed server's request log and the store vigie wrote
 * (read with plain SQL, not through vigie's code, so the checker does not trust what it checks),
 * the RSS/CPU samples of vigie and of the reference poller.
 * @module
 */
import SqliteDatabase from 'better-sqlite3';
import { articleOf, type FeedSpec, type Plan } from './feed-plan.js';
import type { ProcSample } from './proc-sampler.js';
import type { Client, RequestLogEntry } from './request-log.js';
import {
  accountDocuments,
  lateGapCauses,
  median,
  percentile,
  pollStats,
  rssFlatness,
  type PollStats,
} from './soak-metrics.js';

export const TARGETS = { p95GapOverInterval: 2, rssChange: 0.2, lost: 0, duplicated: 0 };

export interface RunRecord {
  readonly plan: Plan;
  /** port of each host, by host index */
  readonly ports: readonly number[];
  readonly log: readonly RequestLogEntry[];
  readonly dbFile: string;
  /** When vigie was started and when it was asked to stop (epoch ms). */
  readonly startMs: number;
  readonly endMs: number;
  readonly vigie: readonly ProcSample[];
  readonly reference: readonly ProcSample[];
  readonly referenceSummary: { polls: number; items: number; errors: number } | null;
  /** `early`: vigie exited before it was asked to stop. */
  readonly vigieExit: {
    code: number | null;
    signal: string | null;
    stopSeconds: number;
    early: boolean;
  };
}

const round = (x: number, digits = 2): number =>
  Number.isFinite(x) ? Number(x.toFixed(digits)) : x;
const originOf = (run: RunRecord, feed: FeedSpec): string =>
  `http://127.0.0.1:${run.ports[feed.host]}`;

function feedPolls(
  log: readonly RequestLogEntry[],
  client: Client,
): Map<string, RequestLogEntry[]> {
  const byFeed = new Map<string, RequestLogEntry[]>();
  for (const e of log) {
    if (e.ua !== client || e.kind !== 'feed' || !e.feed || e.path.includes('?hop=')) continue;
    const list = byFeed.get(e.feed) ?? [];
    list.push(e);
    byFeed.set(e.feed, list);
  }
  return byFeed;
}

function pollingFigures(run: RunRecord, client: Client, healthy: readonly FeedSpec[]) {
  const polls = feedPolls(run.log, client);
  const stats = new Map<string, PollStats>();
  for (const feed of healthy) {
    const times = (polls.get(feed.id) ?? []).map((e) => e.t);
    stats.set(feed.id, pollStats(times, feed.intervalSeconds, run.startMs, run.endMs));
  }
  // Sources with no gap yet (one poll in a short run) say nothing either way.
  const measured = healthy.filter((f) => stats.get(f.id)!.gapsSeconds.length > 0);
  const ratios = measured.map((f) => stats.get(f.id)!.p95OverInterval);
  const missed = measured.filter(
    (f) => !(stats.get(f.id)!.p95OverInterval < TARGETS.p95GapOverInterval),
  );
  const worst = [...measured]
    .sort((a, b) => stats.get(b.id)!.p95OverInterval - stats.get(a.id)!.p95OverInterval)
    .slice(0, 5)
    .map((f) => {
      const s = stats.get(f.id)!;
      return {
        feed: f.id,
        intervalSeconds: f.intervalSeconds,
        polls: s.polls,
        p95GapSeconds: round(s.p95GapSeconds, 1),
        maxGapSeconds: round(s.maxGapSeconds, 1),
      };
    });
  const first = healthy.flatMap((f) => stats.get(f.id)!.firstPollSeconds ?? []);
  const firstPolls = healthy.flatMap((f) => {
    const s = stats.get(f.id)!.firstPollSeconds;
    return s === null ? [] : [run.startMs + s * 1000];
  });
  return {
    stats,
    /** When every healthy source had been polled once (the backlog caught up), else null. */
    caughtUpMs:
      firstPolls.length === healthy.length ? firstPolls.reduce((a, b) => Math.max(a, b)) : null,
    summary: {
      polls: healthy.reduce((n, f) => n + stats.get(f.id)!.polls, 0),
      sourcesMeetingTarget: measured.length - missed.length,
      sourcesMissingTarget: missed.map((f) => f.id),
      sourcesWithoutGap: healthy.length - measured.length,
      p95GapOverInterval: {
        median: round(median(ratios)),
        p95: round(percentile(ratios, 0.95)),
        worst: round(percentile(ratios, 1)),
      },
      firstPollSeconds: {
        median: round(median(first), 1),
        max: round(percentile(first, 1), 1),
        neverPolled: healthy.length - first.length,
      },
      worstSources: worst,
    },
  };
}

/** CPU seconds used, and seconds the event loop waited for a CPU, between the first and last sample. */
function cpuFigures(samples: readonly ProcSample[]): { used: number; waited: number } {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last) return { used: Number.NaN, waited: Number.NaN };
  return {
    used: round(last.cpuSeconds - first.cpuSeconds, 1),
    waited: round(last.runQueueSeconds - first.runQueueSeconds, 1),
  };
}

interface StoredRow {
  url: string | null;
  source_id: string | null;
  title: string | null;
}
interface ErrorCount {
  source_id: string;
  code: string;
  message: string;
  n: number;
}
interface SourceRow {
  id: string;
  error_count: number;
  last_error: string | null;
}

/** Cycles vigie finished, and the longest stretch without one (a cycle waits for its slowest source). */
function cycleFigures(run: RunRecord, ends: readonly number[]) {
  const marks = [run.startMs, ...ends.filter((t) => t <= run.endMs), run.endMs];
  let longest = 0;
  for (let i = 1; i < marks.length; i += 1) longest = Math.max(longest, marks[i]! - marks[i - 1]!);
  return {
    completed: ends.length,
    firstEndedAfterSeconds: ends[0] === undefined ? null : round((ends[0] - run.startMs) / 1000, 1),
    longestWithoutACycleEndSeconds: round(longest / 1000, 1),
  };
}

export function buildReport(run: RunRecord, cycleEnds: readonly number[] = []) {
  const { plan } = run;
  const healthy = plan.feeds.filter((f) => !f.hostile);
  const hostile = plan.feeds.filter((f) => f.hostile);
  const sqlite = new SqliteDatabase(run.dbFile, { readonly: true });
  let documents: StoredRow[];
  let sources: SourceRow[];
  let itemErrors: ErrorCount[];
  try {
    documents = sqlite.prepare('SELECT url, source_id, title FROM documents').all() as StoredRow[];
    sources = sqlite
      .prepare('SELECT id, error_count, last_error FROM sources')
      .all() as SourceRow[];
    itemErrors = sqlite
      .prepare(
        'SELECT source_id, code, message, COUNT(*) AS n FROM source_errors GROUP BY source_id, code ORDER BY n DESC',
      )
      .all() as ErrorCount[];
  } finally {
    sqlite.close();
  }

  const vigiePolling = pollingFigures(run, 'vigie', healthy);
  const referencePolling = pollingFigures(run, 'reference', healthy);
  const vigieFeedLog = feedPolls(run.log, 'vigie');
  // Answered before SIGTERM: handed whole to the socket by then (see accountDocuments' rule).
  const answered = (e: RequestLogEntry) => e.complete && e.t + e.ms <= run.endMs;
  const completePolls = (feed: FeedSpec) =>
    (vigieFeedLog.get(feed.id) ?? []).filter(
      (e) => answered(e) && (e.status === 200 || e.status === 304),
    );
  const pagesAnswered = new Set(
    run.log
      .filter((e) => e.ua === 'vigie' && e.kind === 'page' && e.status === 200 && answered(e))
      .map((e) => `${e.host} ${e.path}`),
  );
  const accounting = accountDocuments(
    healthy.map((feed) => {
      const done = completePolls(feed);
      const shownBy = (polls: readonly RequestLogEntry[], n: number) =>
        polls.some((e) => e.status === 200 && e.items && e.items[0] <= n && n <= e.items[1]);
      const before = done.slice(0, -1);
      return {
        id: feed.id,
        lastPollMs: done.length > 0 ? done[done.length - 1]!.t : null,
        items: feed.items.map((i) => ({
          url: `${originOf(run, feed)}${i.path}`,
          publishedMs: i.publishedMs,
          shown: shownBy(done, i.n),
          awaitingPage:
            !feed.fullText && !shownBy(before, i.n) && !pagesAnswered.has(`${feed.host} ${i.path}`),
        })),
      };
    }),
    documents.map((d) => ({ url: d.url, sourceId: d.source_id })),
  );

  // Which hostile feeds were holding requests open while healthy sources waited too long.
  const hostileIds = new Map(hostile.map((f) => [f.id, f.hostile!]));
  const busy = run.log
    .filter((e) => e.ua === 'vigie' && e.feed && hostileIds.has(e.feed))
    .map((e) => ({ label: `${hostileIds.get(e.feed!)!} (${e.kind})`, t: e.t, ms: e.ms }));
  const lateGaps = healthy.flatMap((f) => [...vigiePolling.stats.get(f.id)!.lateGaps]);
  const causes = Object.fromEntries(lateGapCauses(lateGaps, busy));

  const sourceRows = new Map(sources.map((s) => [s.id, s]));
  const hostileFigures = hostile.map((feed) => {
    const requests = run.log.filter((e) => e.ua === 'vigie' && e.feed === feed.id);
    const stored = documents.filter((d) => d.source_id === feed.id);
    const titles = new Set(feed.items.map((i) => articleOf(feed, i).title));
    return {
      feed: feed.id,
      kind: feed.hostile,
      requests: requests.length,
      longestHoldSeconds: round(requests.reduce((m, e) => Math.max(m, e.ms), 0) / 1000, 1),
      megabytesSent: round(requests.reduce((n, e) => n + e.bytes, 0) / 2 ** 20, 1),
      documentsStored: stored.length,
      titlesIntact: stored.filter((d) => d.title !== null && titles.has(d.title)).length,
      errorCount: sourceRows.get(feed.id)?.error_count ?? null,
      lastError:
        sourceRows.get(feed.id)?.last_error?.slice(0, 160) ??
        itemErrors.find((e) => e.source_id === feed.id)?.message.slice(0, 160) ??
        null,
    };
  });

  // RSS is compared from the minute after the catch-up of the backlog (a fresh install reads
  // every feed's last items at once) to the last minute; the start is recorded beside it.
  // What went wrong on healthy feeds, by code and message (first 80 characters).
  const healthyErrors = new Map<string, number>();
  for (const e of itemErrors) {
    if (hostileIds.has(e.source_id)) continue;
    const key = `${e.code}: ${e.message.slice(0, 80)}`;
    healthyErrors.set(key, (healthyErrors.get(key) ?? 0) + e.n);
  }

  const windowMs = Math.min(60_000, (run.endMs - run.startMs) / 4);
  const caughtUp = vigiePolling.caughtUpMs;
  const afterCatchUp = caughtUp !== null && caughtUp + windowMs <= run.endMs - windowMs;
  const rss = rssFlatness(run.vigie, windowMs, afterCatchUp ? caughtUp : undefined);
  const startup = rssFlatness(run.vigie, windowMs);
  const part = (key: 'rssAnonMb' | 'rssFileMb') => {
    const r = rssFlatness(
      run.vigie.map((x) => ({ t: x.t, rssMb: x[key] })),
      windowMs,
      afterCatchUp ? caughtUp : undefined,
    );
    return { firstMedianMb: round(r.firstMedianMb, 1), lastMedianMb: round(r.lastMedianMb, 1) };
  };
  const referenceRss = run.reference.length > 0 ? rssFlatness(run.reference, windowMs) : null;
  const vigieCpu = cpuFigures(run.vigie);
  const referenceCpu = cpuFigures(run.reference);
  const vigieFeedRequests = run.log.filter((e) => e.ua === 'vigie' && e.kind === 'feed').length;
  const met = {
    pollingDelay: vigiePolling.summary.sourcesMissingTarget.length === 0,
    rssFlat: Math.abs(rss.change) <= TARGETS.rssChange,
    noneLost: accounting.lost.length === TARGETS.lost,
    noneDuplicated: accounting.duplicated.length === TARGETS.duplicated,
    cleanStop: run.vigieExit.code === 0 && !run.vigieExit.early,
  };
  return {
    polling: {
      vigie: vigiePolling.summary,
      reference: referencePolling.summary,
      /** vigie's p95 gap / interval over the reference's, for the median and the worst source. */
      ratioToReference: {
        median: round(
          vigiePolling.summary.p95GapOverInterval.median /
            referencePolling.summary.p95GapOverInterval.median,
        ),
        worst: round(
          vigiePolling.summary.p95GapOverInterval.worst /
            referencePolling.summary.p95GapOverInterval.worst,
        ),
      },
      lateGaps: lateGaps.length,
      /** vigie's polling cycles (from its log): sources due during a cycle wait for its end. */
      cycles: cycleFigures(run, cycleEnds),
      slowHostileRequestsDuringLateGaps: causes,
    },
    documents: {
      total: documents.length,
      fromHealthyFeeds: documents.filter((d) => !hostileIds.has(d.source_id ?? '')).length,
      expected: accounting.expected,
      stored: accounting.stored,
      lost: accounting.lost.length,
      /** Lost although vigie received them: a pipeline fault. */
      lostAfterBeingShown: accounting.lost.filter((l) => l.shown).length,
      /** Lost because they scrolled out of the feed's 20-item window between two late polls. */
      lostScrolledOutUnseen: accounting.lost.filter((l) => !l.shown).length,
      lostFeeds: [...new Set(accounting.lost.map((l) => l.feed))].length,
      /** Not expected: summary-only items whose page had not answered when SIGTERM came. */
      awaitingPageAtStop: accounting.awaitingPage,
      duplicated: accounting.duplicated.length,
      lostExamples: [
        ...accounting.lost.filter((l) => l.shown).slice(0, 5),
        ...accounting.lost.filter((l) => !l.shown).slice(0, 5),
      ],
      duplicatedExamples: accounting.duplicated.slice(0, 10),
      perMinute: round(documents.length / ((run.endMs - run.startMs) / 60_000), 1),
    },
    rss: {
      vigie: {
        ...rss,
        change: round(rss.change, 3),
        firstMedianMb: round(rss.firstMedianMb, 1),
        lastMedianMb: round(rss.lastMedianMb, 1),
        peakMb: round(rss.peakMb, 1),
        firstWindowFrom: afterCatchUp ? 'after the catch-up' : 'the start (no catch-up window)',
        caughtUpAfterSeconds: caughtUp === null ? null : round((caughtUp - run.startMs) / 1000, 1),
        startupMedianMb: round(startup.firstMedianMb, 1),
        /** The same windows for the anonymous (heap) and file-backed (code, database map) parts. */
        anonymous: part('rssAnonMb'),
        fileBacked: part('rssFileMb'),
      },
      reference: referenceRss && {
        firstMedianMb: round(referenceRss.firstMedianMb, 1),
        lastMedianMb: round(referenceRss.lastMedianMb, 1),
        change: round(referenceRss.change, 3),
      },
      /** [seconds from the start, RSS MB, anonymous MB] */
      samples: run.vigie.map((s) => [
        Math.round((s.t - run.startMs) / 1000),
        round(s.rssMb, 1),
        round(s.rssAnonMb, 1),
      ]),
    },
    cpu: {
      vigieSeconds: vigieCpu.used,
      /** Seconds vigie's event loop was runnable but waited for a CPU taken by other processes. */
      vigieRunQueueSeconds: vigieCpu.waited,
      referenceSeconds: referenceCpu.used,
      referenceRunQueueSeconds: referenceCpu.waited,
      vigiePerFeedRequestMs: round((1000 * vigieCpu.used) / Math.max(1, vigieFeedRequests), 1),
      vigiePerDocumentMs: round((1000 * vigieCpu.used) / Math.max(1, documents.length), 1),
      referencePerPollMs: round(
        (1000 * referenceCpu.used) / Math.max(1, run.referenceSummary?.polls ?? 0),
        1,
      ),
      wallSeconds: round((run.endMs - run.startMs) / 1000, 1),
    },
    reference: run.referenceSummary,
    hostile: hostileFigures,
    /** Errors vigie recorded against healthy feeds (source_errors), by message. */
    healthyFeedErrors: Object.fromEntries(healthyErrors),
    vigieExit: run.vigieExit,
    met,
    allMet: Object.values(met).every(Boolean),
  };
}

export type SoakReport = ReturnType<typeof buildReport>;
