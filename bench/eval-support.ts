/** What the evaluation scripts share: reading a gold corpus, predicting, and one line per group. */
import { readFileSync } from 'node:fs';
import { GoldDocumentSchema, type GoldDocument, type Prediction } from '../src/domain/document.js';
import { extractDocument } from '../src/extract/extract-document.js';
import type { EvalReport, GroupScore } from '../src/extract/eval/score.js';
import { toPrediction } from '../src/extract/eval/to-prediction.js';

export function readGold(file: string): GoldDocument[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => GoldDocumentSchema.parse(JSON.parse(l)));
}

export function predictAll(gold: readonly GoldDocument[]): Prediction[] {
  return gold.map((doc) => toPrediction(doc.id, extractDocument(doc)));
}

const fmt = (x: number | null) => (x === null ? '  -  ' : x.toFixed(3));

export function scoreRow(name: string, g: GroupScore): string {
  return `${name.padEnd(22)} gold ${String(g.gold).padStart(3)} pred ${String(g.predicted).padStart(3)} tp ${String(g.tp).padStart(3)}  P ${fmt(g.precision)} R ${fmt(g.recall)} F1 ${fmt(g.f1)}  actor ${fmt(g.actorAccuracy)} mod ${fmt(g.modalityAccuracy)} cap ${fmt(g.capabilityJaccard)} date ${fmt(g.dateAccuracy)}`;
}

export function errorLines(report: EvalReport): string[] {
  const out: string[] = [];
  for (const e of report.falsePositives)
    out.push(['FP', e.docId, e.type, e.note ?? '', '|', e.sentence.slice(0, 160)].join(' '));
  for (const e of report.falseNegatives)
    out.push(['FN', e.docId, e.type, e.note ?? '', '|', e.sentence.slice(0, 160)].join(' '));
  for (const e of report.attributeErrors)
    out.push(
      [
        'ATTR',
        e.docId,
        e.type,
        e.fields.join(','),
        JSON.stringify(e.gold),
        '→',
        JSON.stringify(e.predicted),
        '|',
        e.sentence.slice(0, 120),
      ].join(' '),
    );
  return out;
}
