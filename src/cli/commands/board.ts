/**
 * `vigie board [ID] [--explain HYPOTHESIS] [--json]`: score the watchboards and list their
 * probabilities, or explain one hypothesis step by step (event, mentions with quoted spans,
 * weight factors, probability before → after).
 * @module
 */
import type { Command } from 'commander';
import type { MentionAttribution } from '../../domain/attribution.js';
import { InputError, NotFoundError } from '../../domain/errors.js';
import { pendingText, silenceText } from '../../domain/silence.js';
import { countPendingDocuments } from '../../store/pending-documents.js';
import { resolutionsInForce, type Resolution } from '../../store/resolutions-repo.js';
import type { Store } from '../../store/open-store.js';
import { boardScores } from '../../analyse/scoring/board-trajectories.js';
import { boardIn, type Watchboard } from '../../analyse/watchboards/board-schema.js';
import { BOARD_LANGUAGES, isBoardLanguage } from '../../domain/board-wording.js';
import { formatBoardScores } from './format-scores.js';
import {
  explainHypothesis,
  type HypothesisExplanation,
} from '../../analyse/watchboards/explain-hypothesis.js';
import { scoreBoards, hypothesisKey } from '../../analyse/watchboards/score-boards.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { CommandModule } from './command-module.js';
import { loadConfiguredBoards } from './board-loading.js';
import { registerResolve } from './board-resolve.js';

interface BoardOptions {
  explain?: string;
  scores?: boolean;
  from?: string;
  to?: string;
  json?: boolean;
  asOf?: string;
  lang?: string;
}

export const boardCommand: CommandModule = {
  register(program: Command, run) {
    const board = program
      .command('board')
      .description('score watchboards and show their hypotheses; --explain shows why one moved')
      .argument(
        '[id]',
        'a watchboard id (the id inside a YAML file of data/watchboards/ or of the `watchboards` list in vigie.yaml); all boards when left out',
      )
      .option(
        '--explain <hypothesis>',
        'every step that moved one hypothesis: the event, its quoted mentions, the weight factors, before → after (hypothesis id, or board/hypothesis)',
      )
      .option(
        '--scores',
        'score the resolved hypotheses (see `vigie board resolve`): Brier, log score, lead time, calibration',
      )
      .option('--from <day>', 'with --scores: first scored day (YYYY-MM-DD)')
      .option('--to <day>', 'with --scores: last scored day (YYYY-MM-DD)')
      .option(
        '--as-of <date>',
        'score with the news up to this day (YYYY-MM-DD; default: the latest news day in the store)',
      )
      .option(
        '--lang <lang>',
        `the language of board, hypothesis and indicator titles and of story reasons (${BOARD_LANGUAGES.join(', ')}; default en): where the board file words them`,
      )
      .option('--json', 'print the listing, the explanation or the scores as JSON')
      .addHelpText(
        'after',
        `
Scores every loaded watchboard from the stored events, then lists each hypothesis:
its probability, ↑/↓/= against its prior, and how many evidence steps moved it.

Examples:
  npx vigie board                                   all boards
  npx vigie board russia-dprk                       one board
  npx vigie board russia-dprk --explain bm-tech     why one hypothesis moved
  npx vigie board --explain russia-dprk/bm-tech     the same, by its full id
  npx vigie board --explain bm-tech --lang fr       titles and story reasons in French
  npx vigie board russia-dprk --as-of 2025-06-30    as the board stood on that day
  npx vigie board russia-dprk --scores              how its resolved hypotheses scored`,
      )
      .action((id: string | undefined, options: BoardOptions) =>
        run((ctx) => runBoard(ctx, id, options)),
      );
    registerResolve(board, run);
  },
};

const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

async function runBoard(
  ctx: CliContext,
  id: string | undefined,
  options: BoardOptions,
): Promise<number> {
  const lang = options.lang ?? 'en';
  if (!isBoardLanguage(lang))
    throw new InputError(
      `unknown language "${lang}" (use ${BOARD_LANGUAGES.join(' or ')})`,
      'lang',
    );
  const all = loadConfiguredBoards(ctx);
  const boards = id ? all.filter((b) => b.id === id) : all;
  if (id && boards.length === 0)
    throw new NotFoundError(
      `no watchboard "${id}" (known: ${all.map((b) => b.id).join(', ') || 'none'})`,
    );
  const store = await ctx.store();
  await scoreBoards(store, boards, options.asOf ? { asOf: options.asOf } : {});
  // Scored as defined, shown in the asked language.
  const shown = boards.map((b) => boardIn(b, lang));
  if (options.scores) return printScores(ctx, shown, options);
  if (options.explain) {
    const target =
      options.explain.includes('/') || !id ? options.explain : hypothesisKey(id, options.explain);
    const explanation = await explainHypothesis(store, target, lang);
    ctx.out(options.json ? JSON.stringify(explanation, null, 2) : formatExplanation(explanation));
    return EXIT.ok;
  }
  const rows = await store.db
    .selectFrom('hypotheses')
    .selectAll()
    .where('board_id', 'in', boards.length > 0 ? boards.map((b) => b.id) : [''])
    .execute();
  const steps = await store.db
    .selectFrom('evidence')
    .select(['hypothesis_id'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy('hypothesis_id')
    .execute();
  const stepCount = new Map(steps.map((s) => [s.hypothesis_id, Number(s.n)]));
  const listing = shown.map((b) => ({
    id: b.id,
    title: b.title,
    file: b.file,
    hypotheses: b.hypotheses.map((h) => {
      const row = rows.find((r) => r.id === hypothesisKey(b.id, h.id));
      return {
        id: hypothesisKey(b.id, h.id),
        title: h.title,
        prior: h.prior,
        probability: row?.probability ?? h.prior,
        horizonDays: h.horizonDays ?? null,
        steps: stepCount.get(hypothesisKey(b.id, h.id)) ?? 0,
      };
    }),
  }));
  if (options.json) {
    ctx.out(JSON.stringify(listing, null, 2));
    return EXIT.ok;
  }
  return printListing(ctx, store, listing);
}

async function printListing(
  ctx: CliContext,
  store: Store,
  listing: readonly {
    id: string;
    title: string;
    hypotheses: readonly {
      id: string;
      title: string;
      prior: number;
      probability: number;
      steps: number;
    }[];
  }[],
): Promise<number> {
  const pending = pendingText(await countPendingDocuments(store.db));
  if (pending) ctx.out(`note: ${pending} (\`vigie run\` analyses them)`);
  const resolved = await resolutionsInForce(
    store.db,
    listing.map((b) => b.id),
  );
  for (const b of listing) {
    ctx.out(`${b.id} — ${b.title}`);
    for (const h of b.hypotheses) {
      const arrow = h.probability > h.prior ? '↑' : h.probability < h.prior ? '↓' : '=';
      ctx.out(
        `  ${pct(h.probability).padStart(6)} ${arrow} (prior ${pct(h.prior)}, ${h.steps} steps)  ${h.id}  ${h.title}${resolutionNote(resolved.get(h.id))}`,
      );
    }
  }
  if (listing.length === 0) ctx.out('no watchboards loaded');
  return EXIT.ok;
}

function resolutionNote(r: Resolution | undefined): string {
  return r ? `  [resolved ${r.outcome ? 'true' : 'false'} on ${r.date}: ${r.source}]` : '';
}

async function printScores(
  ctx: CliContext,
  boards: readonly Watchboard[],
  options: BoardOptions,
): Promise<number> {
  const store = await ctx.store();
  const period = {
    ...(options.from ? { from: checkDay(options.from, '--from') } : {}),
    ...(options.to ? { to: checkDay(options.to, '--to') } : {}),
  };
  const all = [];
  for (const b of boards) {
    const { trajectories: _t, ...scores } = await boardScores(store.db, b, period);
    all.push({ board: b.id, ...scores });
    if (!options.json) ctx.out(formatBoardScores(b.id, scores));
  }
  if (options.json) ctx.out(JSON.stringify(all, null, 2));
  return EXIT.ok;
}

function checkDay(value: string, option: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new InputError(`${option} must be a day (YYYY-MM-DD), not "${value}"`, option);
  return value;
}

export function formatExplanation(x: HypothesisExplanation): string {
  const h = x.hypothesis;
  const lines = [
    `${h.id}: ${h.title}`,
    `prior ${pct(h.prior)} → now ${pct(h.probability)}${h.horizonDays ? ` (horizon ${h.horizonDays} days)` : ''}; ${x.steps.length} steps`,
  ];
  if (x.truncated) lines.push('(older steps are not shown: only the newest are read)');
  for (const s of x.steps) {
    const f = s.factors;
    lines.push('');
    lines.push(
      `${s.at}  ${pct(s.before)} → ${pct(s.after)}  (Δ log-odds ${s.delta >= 0 ? '+' : ''}${s.delta.toFixed(3)})  indicator ${s.indicatorId}${s.indicatorTitle ? ` — ${s.indicatorTitle}` : ''}`,
    );
    if (f['kind'] === 'absence') {
      lines.push(
        `    ${silenceText(Number(f['silentDays']))}: ${String(f['periods'])} silent period(s) × ln(LR ${String(f['lr'])})${f['capped'] ? ', capped' : ''}`,
      );
      continue;
    }
    if (s.event) {
      const e = s.event;
      lines.push(
        `    event ${s.eventId}: ${e.type} ${e.source ?? '?'} → ${e.target ?? '?'}${e.capabilities.length ? ` [${e.capabilities.join(', ')}]` : ''} ${e.modality}${e.date ? ` dated ${e.date}` : ''}`,
      );
    }
    lines.push(
      `    weight: ln(LR ${String(f['lr'])}) ${num(f['baseLogOdds'])} × credibility ${String(f['credibility'])} (${num(f['credibilityWeight'])}) × ${String(f['independentSources'])} independent origin(s) (${num(f['independenceWeight'])}) × decay ${num(f['decay'])} (${String(f['ageDays'])} days, half-life ${String(f['halfLifeDays'])})${f['capped'] ? ` → capped (budget left ${num(f['capRemaining'])})` : ''}`,
    );
    if (s.origins) {
      lines.push(`    origins: ${s.origins.summary}`);
      for (const o of s.origins.origins)
        lines.push(`      · ${o.label}: ${o.outlets.join(', ') || o.documentIds.join(', ')}`);
    }
    for (const m of s.mentions) {
      lines.push(
        `    - ${m.documentId} [${m.start}–${m.end}] ${m.outlet ?? ''} ${m.published?.slice(0, 10) ?? ''} ${m.modality}: “${m.sentence.replace(/\s+/g, ' ').trim()}”`,
      );
      const from = attributionWords(m.attribution);
      if (from) lines.push(`      attributed to ${from}`);
      if (m.story?.why) lines.push(`      story ${m.story.id}: ${m.story.why}`);
    }
  }
  return lines.join('\n');
}

/** "South Korea's NIS (KOR, kor-nis) via Yonhap", "own reporting", or null when unattributed. */
function attributionWords(a: MentionAttribution | null): string | null {
  if (!a) return null;
  if (a.basis === 'own') return "the outlet's own reporting";
  const via = a.conduit ? ` via ${a.conduit}` : '';
  if (!a.actor) return a.conduit ? `no primary source${via}` : null;
  const ids = a.source ? `${a.actor}, ${a.source}` : a.actor;
  return `${a.label ?? a.actor} (${ids})${a.basis === 'continued' ? ', carried on' : ''}${via}`;
}

function num(v: unknown): string {
  return typeof v === 'number' ? v.toFixed(3) : String(v);
}
