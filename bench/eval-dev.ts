/**
 * Scores the extractor on an annotated corpus (default ../shared/corpus/dev.jsonl):
 * `npx tsx bench/eval-dev.ts [GOLD.jsonl] [--types] [--errors]`.
 */
import { scorePredictions } from '../src/extract/eval/score.js';
import { errorLines, predictAll, readGold, scoreRow } from './eval-support.js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? '../shared/corpus/dev.jsonl';
const gold = readGold(file);
const report = scorePredictions(gold, predictAll(gold), { worst: 200 });
console.log(scoreRow('overall', report.overall));
for (const [k, g] of Object.entries(report.byLang)) console.log(scoreRow(k, g));
if (args.includes('--types'))
  for (const [k, g] of Object.entries(report.byType)) console.log(scoreRow(k, g));
if (args.includes('--errors')) for (const line of errorLines(report)) console.log(line);
