/**
 * A brief as Markdown. Article text is hostile: quotes are escaped so they cannot inject HTML,
 * links or formatting; charts are embedded as SVG data URIs.
 * @module
 */
import type { BriefData } from './brief-data.js';
import { fill, type BriefStrings } from './brief-strings.js';
import {
  scoreLines,
  type DashboardLinks,
  briefCharts,
  change,
  citationLine,
  eventLabel,
  eventLine,
  stepCause,
  findEvent,
  pct,
} from './brief-format.js';

/** Escapes Markdown and HTML metacharacters; collapses line breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
}

const safeUrl = (url: string | null) =>
  url && /^https?:\/\//i.test(url) ? url.replace(/[()<>\s]/g, encodeURIComponent) : null;

export function renderBriefMarkdown(
  data: BriefData,
  s: BriefStrings,
  links: DashboardLinks | null = null,
): string {
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(fill(s.title, { board: data.board.title }))}`, '');
  out.push(fill(s.period, { since: data.since.slice(0, 10), until: data.until.slice(0, 10) }), '');
  out.push(`_${escapeMarkdown(s.generated)}_`, '');
  if (!data.hasEvidence) out.push(`**${escapeMarkdown(s.noEvidence)}**`, '');
  out.push(`## ${s.keyJudgements}`, '');
  for (const j of data.judgements) {
    out.push(
      `- **${escapeMarkdown(
        fill(s.judgement, {
          hypothesis: j.title,
          probability: pct(j.end),
          change: change(j.start, j.end, s),
          start: pct(j.start),
        }),
      )}**`,
    );
    if (j.steps.length === 0) out.push(`  - ${escapeMarkdown(s.noSteps)}`);
    else {
      out.push(`  - ${escapeMarkdown(s.movedBy)}`);
      for (const step of j.steps) {
        const e = findEvent(data, step.eventId);
        out.push(
          `    - ${escapeMarkdown(
            fill(s.step, {
              date: step.at,
              event: stepCause(step, e, s),
              before: pct(step.before),
              after: pct(step.after),
            }),
          )}${e && e.citations[0] ? ` [${escapeMarkdown(`${e.citations[0].documentId}:${e.citations[0].start}-${e.citations[0].end}`)}]` : ''}`,
        );
      }
    }
  }
  out.push('', `## ${s.scores}`, '');
  for (const line of scoreLines(data, s)) out.push(`- ${escapeMarkdown(line)}`);
  out.push('', `## ${s.significantEvents}`, '');
  if (data.events.length === 0) out.push(escapeMarkdown(s.noEvents), '');
  for (const e of data.events) {
    out.push(`### ${escapeMarkdown(eventLabel(e, s))}`, '', escapeMarkdown(eventLine(e, s)), '');
    for (const c of e.citations) {
      const url = safeUrl(c.url);
      out.push(
        `> ${escapeMarkdown(c.quote)}`,
        '>',
        `> — ${links ? `[${escapeMarkdown(citationLine(c, s))}](<${links.citation(c)}>)` : escapeMarkdown(citationLine(c, s))}${url ? ` <${url}>` : ''}`,
        '',
      );
    }
  }
  const charts = briefCharts(data, s);
  out.push(`## ${s.trends}`, '');
  out.push(
    `![${escapeMarkdown(s.probabilityChart)}](data:image/svg+xml;base64,${Buffer.from(charts.probability).toString('base64')})`,
    '',
  );
  out.push(
    `![${escapeMarkdown(s.eventsChart)}](data:image/svg+xml;base64,${Buffer.from(charts.events).toString('base64')})`,
    '',
  );
  out.push(`## ${s.sources}`, '');
  if (data.sources.length === 0) out.push(escapeMarkdown(s.noSources));
  for (const src of data.sources)
    out.push(
      `- ${escapeMarkdown(fill(s.sourceLine, { outlet: src.outlet, reliability: src.reliability, count: src.count }))}`,
    );
  return `${out.join('\n')}\n`;
}
