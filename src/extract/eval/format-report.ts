/**
 * Human-readable rendering of an EvalReport: the figures table and the worst errors.
 * @module
 */
import type { EvalReport, GroupScore } from './score.js';
import { appendAll } from '../../domain/append-all.js';

export interface FormatOptions {
  /** Which breakdown to print; both when absent. */
  readonly by?: 'lang' | 'type';
}

const pct = (x: number | null): string => (x === null ? '    –' : (x * 100).toFixed(1).padStart(5));

function row(label: string, s: GroupScore): string {
  return [
    label.padEnd(22),
    String(s.gold).padStart(5),
    String(s.predicted).padStart(5),
    String(s.tp).padStart(5),
    pct(s.precision),
    pct(s.recall),
    pct(s.f1),
    pct(s.actorAccuracy),
    pct(s.modalityAccuracy),
    pct(s.capabilityJaccard),
    pct(s.dateAccuracy),
  ].join('  ');
}

const HEADER = [
  ''.padEnd(22),
  ' gold',
  ' pred',
  '   tp',
  '    P',
  '    R',
  '   F1',
  'actor',
  '  mod',
  ' caps',
  ' date',
].join('  ');

function table(title: string, groups: Readonly<Record<string, GroupScore>>): string[] {
  return [``, title, HEADER, ...Object.entries(groups).map(([k, s]) => row(k, s))];
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The report as text: overall figures, breakdowns, worst false positives/negatives, attribute errors. */
export function formatEvalReport(report: EvalReport, options: FormatOptions = {}): string {
  const lines: string[] = [
    `documents: ${report.documents}   (figures in %; actor/mod/caps/date on matched pairs)`,
    HEADER,
    row('overall', report.overall),
  ];
  if (options.by !== 'type') appendAll(lines, table('by language', report.byLang));
  if (options.by !== 'lang') appendAll(lines, table('by type', report.byType));
  if (report.falsePositives.length > 0) {
    lines.push('', 'worst false positives (predicted, not in gold):');
    for (const e of report.falsePositives)
      lines.push(
        `  ${e.docId} [${e.lang}] ${e.type} @${e.start}-${e.end}${e.note ? ` (${e.note})` : ''}`,
        `      “${oneLine(e.sentence)}”`,
      );
  }
  if (report.falseNegatives.length > 0) {
    lines.push('', 'worst false negatives (in gold, missed):');
    for (const e of report.falseNegatives)
      lines.push(
        `  ${e.docId} [${e.lang}] ${e.type} @${e.start}-${e.end}${e.note ? ` (${e.note})` : ''}`,
        `      “${oneLine(e.sentence)}”`,
      );
  }
  if (report.attributeErrors.length > 0) {
    lines.push('', 'matched with wrong attributes (gold → predicted):');
    for (const e of report.attributeErrors) {
      const diffs = e.fields.map((f) => {
        if (f === 'actors')
          return `actors ${e.gold.source}→${e.gold.target} ≠ ${e.predicted.source}→${e.predicted.target}`;
        if (f === 'capabilities')
          return `caps [${e.gold.capabilities.join(',')}] ≠ [${e.predicted.capabilities.join(',')}]`;
        return `${f} ${String(e.gold[f])} ≠ ${String(e.predicted[f])}`;
      });
      lines.push(
        `  ${e.docId} [${e.lang}] ${e.type}: ${diffs.join('; ')}`,
        `      “${oneLine(e.sentence)}”`,
      );
    }
  }
  const notes: string[] = [];
  if (report.missingPredictions.length > 0)
    notes.push(
      `no prediction for ${report.missingPredictions.length} gold document(s): ${report.missingPredictions.slice(0, 10).join(', ')}`,
    );
  if (report.unknownPredictions.length > 0)
    notes.push(`${report.unknownPredictions.length} prediction id(s) not in gold (ignored)`);
  if (report.predictionErrors.length > 0)
    notes.push(
      `${report.predictionErrors.length} prediction line(s) with an error: ${report.predictionErrors
        .slice(0, 5)
        .map((e) => `${e.id}: ${e.error}`)
        .join('; ')}`,
    );
  if (report.evidenceNotFound.length > 0)
    notes.push(
      `${report.evidenceNotFound.length} gold evidence string(s) not found in their text (counted as missed)`,
    );
  if (notes.length > 0) appendAll(lines, ['', ...notes.map((n) => `note: ${n}`)]);
  return `${lines.join('\n')}\n`;
}
