/** Shared wording helpers for the brief renderers (pure). */
import type { BriefData, BriefEvent, BriefStep, Citation } from './brief-data.js';
import { fill, type BriefStrings } from './brief-strings.js';
import { barChart, lineChart } from './svg-chart.js';

export const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

export function change(start: number, end: number, s: BriefStrings): string {
  const d = (end - start) * 100;
  if (Math.abs(d) < 0.05) return s.noChange;
  return `${d > 0 ? '+' : '−'}${Math.abs(d).toFixed(1)} pts`;
}

export function eventLabel(
  e: Pick<BriefEvent, 'type' | 'source' | 'target' | 'capabilities'>,
  s: BriefStrings,
): string {
  const w = s.words;
  const caps = e.capabilities.length ? ` (${w.capabilities(e.capabilities)})` : '';
  return `${w.type(e.type)} — ${actorsOf(e, s)}${caps}`;
}

function actorsOf(e: Pick<BriefEvent, 'source' | 'target'>, s: BriefStrings): string {
  return `${s.words.actor(e.source)}${e.target ? ` → ${s.words.actor(e.target)}` : ''}`;
}

/**
 * A step's cause: its event in words, or silence (an absence step has no event), with its days
 * when the step records them; an event outside the brief is named by its id.
 */
export function stepCause(
  step: BriefStep,
  event: Parameters<typeof eventLabel>[0] | undefined,
  s: BriefStrings,
): string {
  if (event) return eventLabel(event, s);
  if (step.silentDays === 1) return s.silenceOneDay;
  if (step.silentDays !== null) return fill(s.silenceDays, { days: step.silentDays });
  return step.eventId ?? s.silence;
}

export function eventLine(e: BriefEvent, s: BriefStrings): string {
  return fill(s.eventLine, {
    date: e.date ?? e.firstSeen.slice(0, 10),
    type: s.words.type(e.type),
    actors: `${actorsOf(e, s)}${e.capabilities.length ? ` (${s.words.capabilities(e.capabilities)})` : ''}`,
    modality: s.words.modality(e.modality),
    credibility: s.words.credibility(e.credibility),
    sources: e.independentSources,
    mentions: e.mentionCount,
  });
}

export function citationLine(c: Citation, s: BriefStrings): string {
  return fill(s.citation, {
    outlet: c.outlet ?? s.unknown,
    published: c.published ?? s.unknown,
    reliability: c.reliability,
    document: c.documentId,
    start: c.start,
    end: c.end,
  });
}

/** The two charts as SVG text. */
export function briefCharts(
  data: BriefData,
  s: BriefStrings,
): { probability: string; events: string } {
  const days = data.eventsPerDay.map((d) => d.day);
  return {
    probability: lineChart(
      s.probabilityChart,
      days,
      data.judgements.map((j) => ({ label: j.title, points: j.series.map((p) => p.p) })),
    ),
    events: barChart(
      s.eventsChart,
      days,
      data.eventsPerDay.map((d) => d.count),
    ),
  };
}

export function findEvent(data: BriefData, id: string | null): BriefEvent | undefined {
  return id ? data.events.find((e) => e.id === id) : undefined;
}

/** The brief's score lines: the board's Brier, then one line per resolved hypothesis. */
export function scoreLines(data: BriefData, s: BriefStrings): string[] {
  if (data.scores.hypotheses.length === 0) return [s.noScores];
  return [
    fill(s.boardScore, {
      brier: (data.scores.brier ?? 0).toFixed(3),
      count: data.scores.hypotheses.length,
    }),
    ...data.scores.hypotheses.map((h) =>
      fill(s.scoreLine, {
        hypothesis: h.title,
        outcome: h.outcome ? 'true' : 'false',
        date: h.date,
        brier: h.brier.toFixed(3),
        warning: h.outcome
          ? h.leadDays
            ? `above 70% ${h.leadDays} days ahead`
            : 'never above 70% before'
          : `${h.falseAlarmDays ?? 0} days above 70%`,
      }),
    ),
  ];
}

/**
 * Links from a brief back into the dashboard at `base` (its address, e.g.
 * `https://vigie.example/`): an event page, and a document scrolled to a cited span. Null without
 * a base: a brief made offline (the CLI) has no dashboard to point to.
 */
export interface DashboardLinks {
  event(id: string): string;
  citation(c: Pick<Citation, 'documentId' | 'start' | 'end'>): string;
}

export function dashboardLinks(base: string | undefined): DashboardLinks | null {
  if (!base || !/^https?:\/\//i.test(base)) return null;
  const root = base.replace(/#.*$/, '');
  return {
    event: (id) => `${root}#/events/${encodeURIComponent(id)}`,
    citation: (c) =>
      `${root}#/documents/${encodeURIComponent(c.documentId)}?start=${c.start}&end=${c.end}`,
  };
}
