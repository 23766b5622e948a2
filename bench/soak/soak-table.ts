/** The soak benchmark's figures as a table on stdout: one line per target, then the detail. */
import type { SoakReport } from './soak-report.js';

interface Printed extends SoakReport {
  readonly minutes: number;
  readonly commit: string;
  readonly machine: { loadAverageBefore: number[]; loadAverageAfter: number[] };
}

const mark = (ok: boolean) => (ok ? 'met   ' : 'MISSED');

export function printTable(r: Printed): void {
  const p = r.polling.vigie.p95GapOverInterval;
  const ref = r.polling.reference.p95GapOverInterval;
  const lines = [
    `soak: ${r.minutes} min, commit ${r.commit}, load ${r.machine.loadAverageBefore.join(' ')} → ${r.machine.loadAverageAfter.join(' ')}`,
    '',
    'target                                   result                                          reference',
    `${mark(r.met.pollingDelay)} polling gap p95 < 2× interval   ` +
      `${r.polling.vigie.sourcesMeetingTarget}/${r.polling.vigie.sourcesMeetingTarget + r.polling.vigie.sourcesMissingTarget.length} sources; ` +
      `p95/interval median ${p.median}, worst ${p.worst}`.padEnd(48) +
      `median ${ref.median}, worst ${ref.worst} (×${r.polling.ratioToReference.median} / ×${r.polling.ratioToReference.worst})`,
    `${mark(r.met.rssFlat)} RSS flat within 20%             ` +
      `${r.rss.vigie.firstMedianMb} → ${r.rss.vigie.lastMedianMb} MB (${(100 * r.rss.vigie.change).toFixed(1)}%), peak ${r.rss.vigie.peakMb} MB`.padEnd(
        48,
      ) +
      (r.rss.reference
        ? `${r.rss.reference.firstMedianMb} → ${r.rss.reference.lastMedianMb} MB`
        : 'n/a'),
    `${mark(r.met.noneLost)} documents lost: 0               ${r.documents.lost} of ${r.documents.expected} expected ` +
      `(${r.documents.lostAfterBeingShown} received but not stored, ${r.documents.lostScrolledOutUnseen} scrolled out unseen; ${r.documents.lostFeeds} feeds; ` +
      `${r.documents.awaitingPageAtStop} left for the next start, their page in flight at SIGTERM)`,
    `${mark(r.met.noneDuplicated)} documents duplicated: 0         ${r.documents.duplicated}`,
    `${mark(r.met.cleanStop)} clean stop on SIGTERM           exit ${r.vigieExit.code ?? r.vigieExit.signal} after ${r.vigieExit.stopSeconds} s${r.vigieExit.early ? ' (exited before the end!)' : ''}`,
    '',
    `documents: ${r.documents.total} stored (${r.documents.perMinute}/min), ${r.documents.fromHealthyFeeds} from healthy feeds`,
    `cpu over ${r.cpu.wallSeconds} s: vigie ${r.cpu.vigieSeconds} s, its event loop waited ${r.cpu.vigieRunQueueSeconds} s for a CPU (${r.cpu.vigiePerFeedRequestMs} ms per feed request, ${r.cpu.vigiePerDocumentMs} ms per document), reference ${r.cpu.referenceSeconds} s (${r.cpu.referencePerPollMs} ms per poll)`,
    `first poll after start: median ${r.polling.vigie.firstPollSeconds.median} s, max ${r.polling.vigie.firstPollSeconds.max} s, ` +
      `${r.polling.vigie.firstPollSeconds.neverPolled} healthy source(s) never polled, ${r.polling.vigie.sourcesWithoutGap} without a gap to measure`,
    `RSS first window from ${r.rss.vigie.firstWindowFrom} (all polled once after ${r.rss.vigie.caughtUpAfterSeconds ?? '-'} s); ` +
      `median of the first ${r.rss.vigie.windowSeconds} s from the start: ${r.rss.vigie.startupMedianMb} MB; ` +
      `anonymous ${r.rss.vigie.anonymous.firstMedianMb} → ${r.rss.vigie.anonymous.lastMedianMb} MB, ` +
      `file-backed ${r.rss.vigie.fileBacked.firstMedianMb} → ${r.rss.vigie.fileBacked.lastMedianMb} MB`,
    `vigie cycles: ${r.polling.cycles.completed} completed, the first after ${r.polling.cycles.firstEndedAfterSeconds ?? '-'} s, ` +
      `longest stretch without a cycle end ${r.polling.cycles.longestWithoutACycleEndSeconds} s`,
    `late gaps: ${r.polling.lateGaps}; slow hostile requests in flight during them: ${JSON.stringify(r.polling.slowHostileRequestsDuringLateGaps)}`,
    `worst sources: ${r.polling.vigie.worstSources.map((w) => `${w.feed} (${w.intervalSeconds} s: p95 ${w.p95GapSeconds} s, max ${w.maxGapSeconds} s, ${w.polls} polls)`).join('; ')}`,
    `errors recorded on healthy feeds: ${JSON.stringify(r.healthyFeedErrors)}`,
    '',
    'hostile feed             requests  longest hold  MB sent  docs (titles intact)  vigie error',
    ...r.hostile.map(
      (h) =>
        `${`${h.feed} ${h.kind}`.padEnd(25)}${String(h.requests).padStart(8)}${`${h.longestHoldSeconds} s`.padStart(14)}` +
        `${String(h.megabytesSent).padStart(9)}${`${h.documentsStored} (${h.titlesIntact})`.padStart(22)}  ${h.lastError ?? '-'}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
