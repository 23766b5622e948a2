/**
 * The human text of an alert (e-mail bodies, terminal): what fired, why, and the ids that lead
 * to the evidence. Pure.
 * @module
 */
import { appendAll } from '../domain/append-all.js';
import type { DeliverableAlert } from './alert-firing.js';

interface Section {
  readonly label: string;
  readonly ids: readonly string[];
  /** The command that opens one id. */
  readonly hint?: (id: string) => string;
}

function sections(alert: DeliverableAlert): Section[] {
  const p = alert.payload;
  const list: Section[] = [
    { label: 'Evidence', ids: p.evidenceIds },
    { label: 'Events', ids: p.eventIds },
    { label: 'Mentions', ids: p.mentionIds },
    { label: 'Documents', ids: p.documentIds },
  ];
  return list.filter((s) => s.ids.length > 0);
}

function whereToLook(alert: DeliverableAlert): string[] {
  const p = alert.payload;
  const lines: string[] = [];
  if (p.hypothesisId) {
    const board = p.boardId ? `${p.boardId} ` : '';
    lines.push(`vigie board ${board}--explain ${p.hypothesisId}`);
  }
  if (p.eventIds.length > 0) lines.push('vigie events --resolved');
  lines.push(`vigie alerts --ack ${alert.id}`);
  return lines;
}

export function formatAlertText(alert: DeliverableAlert): string {
  const p = alert.payload;
  const lines = [
    alert.title,
    '',
    `What fired: rule "${alert.ruleId}" (${alert.kind})`,
    `Why: ${p.summary}`,
    ...(p.at ? [`When: ${p.at}`] : []),
    `Alert: ${alert.id} (recorded ${alert.createdAt})`,
    '',
  ];
  for (const section of sections(alert)) {
    appendAll(lines, [`${section.label}:`, ...section.ids.map((id) => `  - ${id}`), '']);
  }
  appendAll(lines, ['Look into it:', ...whereToLook(alert).map((c) => `  $ ${c}`), '']);
  lines.push('-- Vigie early warning');
  return lines.join('\n');
}

export function formatAlertHtml(alert: DeliverableAlert): string {
  const p = alert.payload;
  const e = escapeHtml;
  const parts = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<h2>${e(alert.title)}</h2>`,
    '<table>',
    `<tr><th align="left">What fired</th><td>rule <code>${e(alert.ruleId)}</code> (${e(alert.kind)})</td></tr>`,
    `<tr><th align="left">Why</th><td>${e(p.summary)}</td></tr>`,
    ...(p.at ? [`<tr><th align="left">When</th><td>${e(p.at)}</td></tr>`] : []),
    `<tr><th align="left">Alert</th><td><code>${e(alert.id)}</code> (recorded ${e(alert.createdAt)})</td></tr>`,
    '</table>',
  ];
  for (const section of sections(alert)) {
    appendAll(parts, [
      `<h3>${e(section.label)}</h3><ul>`,
      ...section.ids.map((id) => `<li><code>${e(id)}</code></li>`),
      '</ul>',
    ]);
  }
  appendAll(parts, [
    '<h3>Look into it</h3><pre>',
    ...whereToLook(alert).map((c) => `$ ${e(c)}\n`),
    '</pre><p>— Vigie early warning</p></body></html>',
  ]);
  return parts.join('\n');
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
