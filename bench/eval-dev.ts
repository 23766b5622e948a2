/**
 * Scores the extractor on an annotated corpus (default ../shared/corpus/dev.jsonl):
 * `npx tsx bench/eval-dev.ts [GOLD.jsonl] [--errors]`.
 */
import { readFileSync } from 'node:fs';
import { GoldDocumentSchema, type Prediction } from '../src/domain/document.js';
import { extractDocument } from '../src/extract/extract-document.js';
import { scorePredictions, type GroupScore } from '../src/extract/eval/score.js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? '../shared/corpus/dev.jsonl';
const gold = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => GoldDocumentSchema.parse(JSON.parse(l)));

const predictions: Prediction[] = gold.map((doc) => {
  const r = extractDocument(doc);
  return {
    id: doc.id,
    lang: r.lang,
    events: r.mentions.map((m) => ({
      type: m.type,
      source: m.source,
      target: m.target,
      modality: m.modality,
      capabilities: [...m.capabilities],
      date: m.date,
      start: m.start,
      end: m.end,
      ...(m.trigger !== undefined ? { trigger: m.trigger } : {}),
    })),
  };
});
const report = scorePredictions(gold, predictions, { worst: 200 });
const fmt = (x: number | null) => (x === null ? '  -  ' : x.toFixed(3));
const row = (name: string, g: GroupScore) =>
  `${name.padEnd(22)} gold ${String(g.gold).padStart(3)} pred ${String(g.predicted).padStart(3)} tp ${String(g.tp).padStart(3)}  P ${fmt(g.precision)} R ${fmt(g.recall)} F1 ${fmt(g.f1)}  actor ${fmt(g.actorAccuracy)} mod ${fmt(g.modalityAccuracy)} cap ${fmt(g.capabilityJaccard)} date ${fmt(g.dateAccuracy)}`;
console.log(row('overall', report.overall));
for (const [k, g] of Object.entries(report.byLang)) console.log(row(k, g));
if (args.includes('--types'))
  for (const [k, g] of Object.entries(report.byType)) console.log(row(k, g));
if (args.includes('--errors')) {
  for (const e of report.falsePositives)
    console.log('FP', e.docId, e.type, e.note ?? '', '|', e.sentence.slice(0, 120));
  for (const e of report.falseNegatives)
    console.log('FN', e.docId, e.type, e.note ?? '', '|', e.sentence.slice(0, 120));
  for (const e of report.attributeErrors)
    console.log(
      'ATTR',
      e.docId,
      e.type,
      e.fields.join(','),
      JSON.stringify(e.gold),
      '→',
      JSON.stringify(e.predicted),
      '|',
      e.sentence.slice(0, 90),
    );
}
