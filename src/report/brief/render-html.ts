/**
 * A brief as one self-contained HTML page (inline CSS and SVG, no script, no external resource;
 * a CSP meta forbids both). Every stored string is escaped: article text is hostile.
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
import { CHART_FONTS, escapeXml as esc } from './svg-chart.js';

const CSS = `body{font-family:Georgia,'Noto Serif','Noto Serif CJK KR','Noto Serif CJK JP','Noto Serif CJK SC',${CHART_FONTS};max-width:46rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.45}
h1{font-size:1.6rem}h2{border-bottom:1px solid #ccc;margin-top:2rem}h3{font-size:1.05rem;margin-bottom:.2rem}
blockquote{margin:.5rem 0;padding:.3rem .8rem;border-left:3px solid #1f5fa8;background:#f5f7fa}
.cite{font-size:.85rem;color:#444}.meta{color:#555;font-size:.9rem}.empty{font-weight:bold}
figure{margin:1rem 0}svg{max-width:100%;height:auto}@media print{a{color:#111}}`;

const safeUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

export function renderBriefHtml(
  data: BriefData,
  s: BriefStrings,
  lang: string,
  links: DashboardLinks | null = null,
): string {
  const title = fill(s.title, { board: data.board.title });
  const parts: string[] = [];
  parts.push(`<h1>${esc(title)}</h1>`);
  parts.push(
    `<p class="meta">${esc(fill(s.period, { since: data.since.slice(0, 10), until: data.until.slice(0, 10) }))}<br>${esc(s.generated)}</p>`,
  );
  if (!data.hasEvidence) parts.push(`<p class="empty">${esc(s.noEvidence)}</p>`);
  parts.push(`<h2>${esc(s.keyJudgements)}</h2><ul>`);
  for (const j of data.judgements) {
    parts.push(
      `<li><strong>${esc(fill(s.judgement, { hypothesis: j.title, probability: pct(j.end), change: change(j.start, j.end, s), start: pct(j.start) }))}</strong>`,
    );
    if (j.steps.length === 0) parts.push(`<br><span class="meta">${esc(s.noSteps)}</span>`);
    else {
      parts.push(`<br>${esc(s.movedBy)}<ul>`);
      for (const step of j.steps) {
        const e = findEvent(data, step.eventId);
        const label = fill(s.step, {
          date: step.at,
          event: stepCause(step, e, s),
          before: pct(step.before),
          after: pct(step.after),
        });
        parts.push(
          `<li>${esc(label)}${e ? ` <a href="#event-${esc(e.id)}">[${esc(e.id)}]</a>` : ''}</li>`,
        );
      }
      parts.push('</ul>');
    }
    parts.push('</li>');
  }
  parts.push('</ul>', `<h2>${esc(s.scores)}</h2><ul>`);
  for (const line of scoreLines(data, s)) parts.push(`<li>${esc(line)}</li>`);
  parts.push('</ul>', `<h2>${esc(s.significantEvents)}</h2>`);
  if (data.events.length === 0) parts.push(`<p>${esc(s.noEvents)}</p>`);
  for (const e of data.events) {
    parts.push(
      `<section id="event-${esc(e.id)}"><h3>${links ? `<a href="${esc(links.event(e.id))}">${esc(eventLabel(e, s))}</a>` : esc(eventLabel(e, s))}</h3><p class="meta">${esc(eventLine(e, s))}</p>`,
    );
    for (const c of e.citations) {
      const url = safeUrl(c.url);
      parts.push(
        `<blockquote data-document="${esc(c.documentId)}" data-start="${c.start}" data-end="${c.end}">${esc(c.quote)}</blockquote>` +
          `<p class="cite">— ${links ? `<a href="${esc(links.citation(c))}" class="in-vigie">${esc(citationLine(c, s))}</a>` : esc(citationLine(c, s))}${url ? ` <a href="${esc(url)}" rel="noopener noreferrer">${esc(url)}</a>` : ''}</p>`,
      );
    }
    parts.push('</section>');
  }
  const charts = briefCharts(data, s);
  parts.push(
    `<h2>${esc(s.trends)}</h2><figure>${charts.probability}</figure><figure>${charts.events}</figure>`,
  );
  parts.push(`<h2>${esc(s.sources)}</h2>`);
  parts.push(
    data.sources.length === 0
      ? `<p>${esc(s.noSources)}</p>`
      : `<ul>${data.sources.map((src) => `<li>${esc(fill(s.sourceLine, { outlet: src.outlet, reliability: src.reliability, count: src.count }))}</li>`).join('')}</ul>`,
  );
  return `<!doctype html>
<html lang="${esc(lang)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body>${parts.join('\n')}</body></html>
`;
}
