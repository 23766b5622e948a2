/**
 * Scores the extractor on the blind corpus (bench/corpora/README.md): documents written by
 * authors who never read the rules, split once into a half we tune on and a half we never look
 * into. `npx tsx bench/eval-blind.ts [--errors] [--types] [--tune-only] [--save LABEL]`: `--errors` lists the
 * tune half's errors only; the held half is only ever summed up.
 */
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { scorePredictions, type GroupScore } from '../src/extract/eval/score.js';
import { errorLines, predictAll, readGold, scoreRow } from './eval-support.js';

const args = process.argv.slice(2);
// `--corpus blind2`: the second blind corpus, written after rules 1.4.0 (bench/corpora/README.md).
const corpus = args.includes('--corpus') ? args[args.indexOf('--corpus') + 1]! : 'blind';
const HALVES = {
  tune: `bench/corpora/${corpus}-tune.jsonl`,
  held: `bench/corpora/${corpus}-held.jsonl`,
};
const results: Record<string, { overall: GroupScore; byLang: Record<string, GroupScore> }> = {};

for (const [half, file] of Object.entries(HALVES)) {
  if (half === 'held' && args.includes('--tune-only')) continue;
  const gold = readGold(file);
  const report = scorePredictions(gold, predictAll(gold), { worst: 1000 });
  results[half] = { overall: report.overall, byLang: report.byLang };
  console.log(`# ${half} half (${gold.length} documents)`);
  console.log(scoreRow('overall', report.overall));
  for (const [k, g] of Object.entries(report.byLang)) console.log(scoreRow(k, g));
  if (half === 'tune') {
    if (args.includes('--types'))
      for (const [k, g] of Object.entries(report.byType)) console.log(scoreRow(k, g));
    if (args.includes('--errors')) for (const line of errorLines(report)) console.log(line);
  }
}

const label = args[args.indexOf('--save') + 1];
if (args.includes('--save') && label) {
  const out = `bench/results/${corpus}.json`;
  const saved = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as object) : {};
  writeFileSync(
    out,
    JSON.stringify({ ...saved, [label]: { at: new Date().toISOString(), ...results } }, null, 2) +
      '\n',
  );
  console.log(`saved as "${label}" in ${out}`);
}
