/**
 * Mention attribution and independent origins (issue #16) → bench/results/origins.json.
 *
 * The syndication corpus (bench/corpora/syndication.jsonl), split by story as the story
 * evaluation does (odd stories tune, even ones held; story-eval-support.ts), each half run
 * through the real pipeline — extraction, mention attribution, stories, storage, analysis — in an
 * in-memory SQLite store (origin-eval-support.ts). Reported per half:
 * - attribution accuracy on matched mentions whose gold event has an attribution (target ≥ 0.85),
 *   the share of gold events that have one, and how the unattributed ones fare; before = every
 *   mention read as its document's attributed source;
 * - independent origins per event resolved from two or more documents: events reported from one
 *   announcement should count ≤ 2, events supported by two announcements 2; before = stories,
 *   credited origins and outlets alone.
 *
 * Usage: npx tsx bench/origin-eval.ts [--errors] [--label NAME]   (--errors lists the tune
 * halves' errors only; --label keeps this run's figures under `runs.NAME` beside earlier ones)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gitCommit, loadAverage } from './bench-record.js';
import { readCorpus, syndicationHalf } from './story-eval-support.js';
import { runOrigins, type OriginRun } from './origin-eval-support.js';

const TARGETS = { attributionAccuracy: 0.85, singleAtMostTwo: 1, pairsTwo: 1 } as const;
const args = process.argv.slice(2);
const corpus = readCorpus(new URL('./corpora/syndication.jsonl', import.meta.url).pathname);
const out = new URL('./results/origins.json', import.meta.url);
const labelAt = args.indexOf('--label');
const label = labelAt >= 0 ? args[labelAt + 1] : undefined;
const loadBefore = loadAverage();

const halves: Record<string, OriginRun> = {};
for (const half of ['tune', 'held'] as const) {
  const docs = corpus.filter((d) => syndicationHalf(d) === half);
  const run = await runOrigins(docs);
  halves[half] = half === 'held' ? { ...run, errors: [] } : run;
  const a = run.attribution;
  const o = run.origins;
  const pct = (x: number) => x.toFixed(3);
  console.log(`\n# syndication-${half} (${docs.length} documents)`);
  console.log(
    `attribution: ${pct(a.after.accuracy)} of ${a.after.attributed} matched mentions with a gold attribution ` +
      `(before ${pct(a.before.accuracy)}); gold events attributed ${pct(a.after.goldAttributedShare)} ` +
      `(${a.after.matched}/${a.after.goldEvents} matched); unattributed left so ${a.after.unattributedCorrect}/${a.after.unattributed} ` +
      `(before ${a.before.unattributedCorrect}); overall ${pct(a.after.overall)} (before ${pct(a.before.overall)}); ` +
      `missed: ${a.after.missed.unattributed} left unattributed (${a.after.missed.unattributedWithoutCue} in a sentence with no cue), ` +
      `${a.after.missed.otherActor} given another actor`,
  );
  for (const which of ['before', 'after'] as const) {
    const c = o[which];
    console.log(
      `origins ${which}: one announcement ${c.single.atMostTwo}/${c.single.events} events ≤ 2 ` +
        `(${c.single.one} count 1, mean ${c.single.mean.toFixed(2)}, max ${c.single.max}); ` +
        `two announcements ${c.pairs.two}/${c.pairs.events} count 2 (mean ${c.pairs.mean.toFixed(2)}); ` +
        `3+ announcements ${c.more.events} events (mean ${c.more.mean.toFixed(2)})`,
    );
  }
  if (args.includes('--errors') && half === 'tune')
    for (const e of run.errors) console.log(`  ${e}`);
}

// The third blind corpus: its annotators gave every event an attribution, but it marks no
// announcements, so only attribution is scored there; split as bench/eval-blind.ts splits it.
const blind3Attribution: Record<string, OriginRun['attribution']> = {};
for (const half of ['tune', 'held'] as const) {
  const path = new URL(`./corpora/blind3-${half}.jsonl`, import.meta.url).pathname;
  if (!existsSync(path)) continue;
  const run = await runOrigins(readCorpus(path));
  blind3Attribution[half] = run.attribution;
  const a = run.attribution.after;
  console.log(
    `\n# blind3-${half} (attribution only)\nattribution: ${a.accuracy.toFixed(3)} of ${a.attributed} ` +
      `matched mentions with a gold attribution (before ${run.attribution.before.accuracy.toFixed(3)}); ` +
      `overall ${a.overall.toFixed(3)} (before ${run.attribution.before.overall.toFixed(3)})`,
  );
  // No announcements are marked there, so only attribution errors mean anything.
  if (args.includes('--errors') && half === 'tune')
    for (const e of run.errors.filter((x) => x.startsWith('attribution'))) console.log(`  ${e}`);
}

// Earlier labelled runs stay; this one joins them under its label.
const previous = existsSync(out)
  ? ((JSON.parse(readFileSync(out, 'utf8')) as { runs?: Record<string, unknown> }).runs ?? {})
  : {};
const measuredAt = new Date().toISOString();
const summary = (run: OriginRun) => {
  const a = run.attribution.after;
  const o = run.origins.after;
  return {
    attribution: { accuracy: a.accuracy, correct: a.correct, attributed: a.attributed },
    singleAtMostTwo: `${o.single.atMostTwo}/${o.single.events}`,
    pairsTwo: `${o.pairs.two}/${o.pairs.events}`,
  };
};
const runs = label
  ? {
      ...previous,
      [label]: {
        at: measuredAt,
        commit: gitCommit(),
        loadAverage: { before: loadBefore, after: loadAverage() },
        tune: summary(halves['tune']!),
        held: summary(halves['held']!),
        blind3: Object.fromEntries(
          Object.entries(blind3Attribution).map(([h, a]) => [h, a.after.accuracy]),
        ),
      },
    }
  : previous;
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ measuredAt, targets: TARGETS, halves, blind3Attribution, runs }, null, 2)}\n`,
);

const missed: string[] = [];
for (const [half, run] of Object.entries(halves)) {
  const o = run.origins.after;
  if (run.attribution.after.accuracy < TARGETS.attributionAccuracy)
    missed.push(`${half}: attribution accuracy ≥ ${TARGETS.attributionAccuracy}`);
  if (o.single.atMostTwo < o.single.events) missed.push(`${half}: one announcement ≤ 2 origins`);
  if (o.pairs.two < o.pairs.events) missed.push(`${half}: two announcements = 2 origins`);
}
for (const m of missed) console.log(`target missed on ${m}`);
if (missed.length > 0) process.exitCode = 1;
