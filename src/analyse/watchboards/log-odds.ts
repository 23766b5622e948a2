/**
 * The watchboard update rule (docs/watchboards.md), pure and deterministic:
 * log-odds of a hypothesis = logit(prior) + Σ steps. Each DISTINCT event contributes once,
 * through its strongest matching indicator, with
 *   delta = ln(LR) × credibility weight × independence weight × 0.5^(age / half-life),
 * trimmed so an indicator never exceeds `cap` × |ln LR| in total; an indicator silent for
 * `absence.days` adds ln(absence.lr) per silent period (capped the same way). Events arriving
 * after an indicator's budget is spent add nothing and are not recorded as steps.
 * An `occurrence` question ("has X happened?") keeps credible evidence at full weight and counts
 * silence only while the question is open; a `window` question ("within the next N days?") decays.
 * A resolved hypothesis is scored as of its resolution day and then frozen at its outcome.
 * @module
 */
import type { Credibility } from '../../domain/ontology.js';
import { appendAll } from '../../domain/append-all.js';
import { CREDIBILITY_WEIGHT } from '../credibility/credibility-rules.js';
import { dayNumber, dayString } from '../dates.js';
import type { HypothesisDefinition, IndicatorDefinition } from './board-schema.js';
import { matchesIndicator, type BoardEvent } from './match-indicator.js';

export interface StepFactors {
  readonly indicatorId: string;
  readonly kind: 'event' | 'absence';
  readonly lr: number;
  readonly baseLogOdds: number;
  readonly credibility?: number;
  readonly credibilityWeight?: number;
  readonly independentSources?: number;
  readonly independenceWeight?: number;
  readonly ageDays?: number;
  readonly halfLifeDays?: number;
  readonly decay?: number;
  readonly silentDays?: number;
  readonly periods?: number;
  /** Delta before the cap. */
  readonly uncapped: number;
  readonly capped: boolean;
  /** Budget (log-odds) left on the indicator after this step. */
  readonly capRemaining: number;
  readonly otherIndicators: readonly string[];
}

export interface ScoreStep {
  readonly indicatorId: string;
  readonly eventId: string | null;
  readonly at: string;
  readonly delta: number;
  readonly before: number;
  readonly after: number;
  readonly mentionIds: readonly string[];
  readonly factors: StepFactors;
}

export interface HypothesisScore {
  readonly prior: number;
  readonly probability: number;
  readonly steps: readonly ScoreStep[];
  /** Set when the hypothesis was resolved on or before the scoring day: probability = outcome. */
  readonly resolved?: HypothesisOutcome;
}

/** How a question was settled: true or false, on which day. */
export interface HypothesisOutcome {
  readonly outcome: boolean;
  /** YYYY-MM-DD */
  readonly date: string;
}

/** Worst Admiralty credibility (1–6) counted as credible: "possibly true" or better. */
export const CREDIBLE_AT = 3;

export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** 1 origin → 0.5, 2 → 0.75, 3 or more → 1. */
export function independenceWeight(n: number): number {
  return Math.min(1, 0.5 + 0.25 * (Math.max(1, n) - 1));
}

export interface ScoreOptions {
  /** YYYY-MM-DD: events first reported after it are ignored; ages are counted to it. */
  readonly asOf: string;
  readonly halfLifeDays: number;
  /** First observed day (YYYY-MM-DD), from which silence is counted. */
  readonly observationStart: string | null;
  /** The hypothesis's resolution, if any: from its day on the score is frozen at the outcome. */
  readonly resolution?: HypothesisOutcome | null;
}

/** Does the event meet the indicator? Default: evaluate its criteria (match-indicator.ts). */
export type IndicatorMatcher = (i: IndicatorDefinition, e: BoardEvent) => boolean;

const evaluateCriteria: IndicatorMatcher = (i, e) => matchesIndicator(i.match, e);

export function scoreHypothesis(
  h: HypothesisDefinition,
  events: readonly BoardEvent[],
  o: ScoreOptions,
  matches: IndicatorMatcher = evaluateCriteria,
): HypothesisScore {
  return scorePrepared(prepareHypothesis(h, events, matches), o);
}

/** An event readied once for scoring on any day: what does not depend on the scoring day. */
interface PreparedEvent {
  readonly event: BoardEvent;
  readonly dayNumber: number;
  readonly matched: readonly IndicatorDefinition[];
  /** Positions of `matched` in the hypothesis's indicators. */
  readonly matchedAt: readonly number[];
  readonly chosen: IndicatorDefinition;
  readonly chosenAt: number;
  /** ln(LR) of the chosen indicator. */
  readonly base: number;
  readonly credible: boolean;
  readonly credibilityWeight: number;
  readonly independenceWeight: number;
}

/**
 * A hypothesis's events matched, weighed and put in the rule's order (day, then id) once, so that
 * scoring it on every day of a trajectory repeats only what depends on the day (decay, caps,
 * silence) instead of sorting and matching every event again each day.
 */
export interface PreparedHypothesis {
  readonly hypothesis: HypothesisDefinition;
  readonly events: readonly PreparedEvent[];
}

export function prepareHypothesis(
  h: HypothesisDefinition,
  events: readonly BoardEvent[],
  matches: IndicatorMatcher = evaluateCriteria,
): PreparedHypothesis {
  const occurrence = h.kind === 'occurrence';
  const prepared: PreparedEvent[] = [];
  const ordered = events
    .filter((e) => !occurrence || !h.since || e.day >= h.since)
    .sort((a, b) =>
      a.day < b.day ? -1 : a.day > b.day ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
  for (const e of ordered) {
    const matched = h.indicators.filter((i) => matches(i, e));
    if (matched.length === 0) continue;
    const chosen = matched.reduce((best, i) =>
      Math.abs(Math.log(i.lr)) > Math.abs(Math.log(best.lr)) ? i : best,
    );
    prepared.push({
      event: e,
      dayNumber: dayNumber(e.day)!,
      matched,
      matchedAt: matched.map((i) => h.indicators.indexOf(i)),
      chosen,
      chosenAt: h.indicators.indexOf(chosen),
      base: Math.log(chosen.lr),
      credible: e.credibility <= CREDIBLE_AT,
      credibilityWeight: CREDIBILITY_WEIGHT[e.credibility as Credibility] ?? 0.2,
      independenceWeight: independenceWeight(e.independentSources),
    });
  }
  return { hypothesis: h, events: prepared };
}

/** The probability alone, as `scorePrepared` computes it, without building the steps. */
export function probabilityAsOf(p: PreparedHypothesis, o: ScoreOptions): number {
  const resolved = o.resolution && o.resolution.date <= o.asOf ? o.resolution : null;
  if (resolved) return resolved.outcome ? 1 : 0;
  return sigmoid(walk(p, o, false).x);
}

/** The full score with its steps (what `scoreHypothesis` returns). */
export function scorePrepared(p: PreparedHypothesis, o: ScoreOptions): HypothesisScore {
  const h = p.hypothesis;
  const resolved = o.resolution && o.resolution.date <= o.asOf ? o.resolution : null;
  const { steps, x } = walk(p, o, true);
  if (resolved) return { prior: h.prior, probability: resolved.outcome ? 1 : 0, steps, resolved };
  return { prior: h.prior, probability: sigmoid(x), steps };
}

type RawStep = Omit<ScoreStep, 'before' | 'after'>;

/**
 * The update rule as of one day: the events up to it, then silence, summed in the order of the
 * steps (by day; events before silences of the same day). With `record` false only the sum is
 * kept (no step objects), in the same order, so both give the same float.
 */
function walk(
  p: PreparedHypothesis,
  o: ScoreOptions,
  record: boolean,
): { steps: ScoreStep[]; x: number } {
  const h = p.hypothesis;
  const resolved = o.resolution && o.resolution.date <= o.asOf ? o.resolution : null;
  const asOfDay = resolved ? resolved.date : o.asOf;
  const asOf = dayNumber(asOfDay)!;
  const occurrence = h.kind === 'occurrence';
  // Per indicator (by position): budget left, last matching day, and (occurrence) whether a
  // credible event has supported it, so its silence means nothing. Arrays, not maps: this runs
  // for every event on every day of a trajectory.
  const budget = h.indicators.map((i) => i.cap * Math.abs(Math.log(i.lr)));
  const lastMatch: (string | undefined)[] = h.indicators.map(() => undefined);
  const established: boolean[] = h.indicators.map(() => false);
  const raw: RawStep[] = [];
  const eventDeltas: number[] = [];
  const eventDays: string[] = [];
  for (const pe of p.events) {
    const e = pe.event;
    if (e.day > asOfDay) break;
    const { chosen, credible, base } = pe;
    for (let k = 0; k < pe.matched.length; k++) {
      const at = pe.matchedAt[k]!;
      lastMatch[at] = e.day;
      if (occurrence && credible && pe.matched[k]!.lr > 1) established[at] = true;
    }
    const halfLife = chosen.halfLifeDays ?? o.halfLifeDays;
    const age = Math.max(0, asOf - pe.dayNumber);
    // "Has X happened?": a credible report stays true however old it is.
    const decay = occurrence && credible ? 1 : Math.pow(0.5, age / halfLife);
    const uncapped = base * pe.credibilityWeight * pe.independenceWeight * decay;
    // The indicator's budget (its cap): spent in the rule's order.
    const left = budget[pe.chosenAt]!;
    const magnitude = Math.min(Math.abs(uncapped), left);
    budget[pe.chosenAt] = left - magnitude;
    const delta = Math.sign(uncapped) * magnitude;
    const capped = magnitude < Math.abs(uncapped);
    const remaining = left - magnitude;
    // Once an indicator's budget is spent its later events add nothing: not stored as steps.
    if (delta === 0 && capped) continue;
    if (!record) {
      eventDeltas.push(delta);
      eventDays.push(e.day);
      continue;
    }
    raw.push({
      indicatorId: chosen.id,
      eventId: e.id,
      at: e.day,
      delta,
      mentionIds: e.mentionIds,
      factors: {
        indicatorId: chosen.id,
        kind: 'event',
        lr: chosen.lr,
        baseLogOdds: base,
        credibility: e.credibility,
        credibilityWeight: pe.credibilityWeight,
        independentSources: e.independentSources,
        independenceWeight: pe.independenceWeight,
        ageDays: age,
        halfLifeDays: halfLife,
        decay,
        uncapped,
        capped,
        capRemaining: remaining,
        otherIndicators: pe.matched.filter((i) => i !== chosen).map((i) => i.id),
      },
    });
  }
  const silences = silenceSteps(h, o, asOfDay, asOf, lastMatch, established);
  if (!record) {
    // The order of a stable sort by day of [events…, silences…]: a silence after the events of
    // its own day and before later ones.
    silences.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    let x = logit(h.prior);
    let s = 0;
    for (let k = 0; k < eventDeltas.length; k++) {
      while (s < silences.length && silences[s]!.at < eventDays[k]!) x += silences[s++]!.delta;
      x += eventDeltas[k]!;
    }
    while (s < silences.length) x += silences[s++]!.delta;
    return { steps: [], x };
  }
  appendAll(raw, silences);
  raw.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  let x = logit(h.prior);
  const steps = raw.map((s) => {
    const before = sigmoid(x);
    x += s.delta;
    return { ...s, before, after: sigmoid(x) };
  });
  return { steps, x };
}

/** The silence steps of the indicators with an absence rule, as of one day. */
function silenceSteps(
  h: HypothesisDefinition,
  o: ScoreOptions,
  asOfDay: string,
  asOf: number,
  lastMatch: readonly (string | undefined)[],
  established: readonly boolean[],
): RawStep[] {
  const occurrence = h.kind === 'occurrence';
  const out: RawStep[] = [];
  // Silence of an occurrence question counts up to its deadline only (then it is no longer open).
  const silenceEnd =
    occurrence && h.deadline && h.deadline < asOfDay ? dayNumber(h.deadline)! : asOf;
  for (const [at, i] of h.indicators.entries()) {
    if (!i.absence || established[at]) continue;
    const from = [lastMatch[at], o.observationStart, occurrence ? h.since : undefined]
      .filter((d): d is string => d !== undefined && d !== null)
      .sort()
      .pop();
    if (from === undefined) continue;
    const silent = silenceEnd - dayNumber(from)!;
    const periods = Math.floor(silent / i.absence.days);
    if (periods < 1) continue;
    const base = Math.log(i.absence.lr);
    const absenceBudget = new Map([[i.id, i.cap * Math.abs(base)]]);
    const uncapped = base * periods;
    const { delta, remaining, capped } = spend(absenceBudget, i, uncapped);
    out.push({
      indicatorId: i.id,
      eventId: null,
      at: dayString(dayNumber(from)! + periods * i.absence.days),
      delta,
      mentionIds: [],
      factors: {
        indicatorId: i.id,
        kind: 'absence',
        lr: i.absence.lr,
        baseLogOdds: base,
        silentDays: silent,
        periods,
        uncapped,
        capped,
        capRemaining: remaining,
        otherIndicators: [],
      },
    });
  }
  return out;
}

function spend(
  budget: Map<string, number>,
  i: IndicatorDefinition,
  uncapped: number,
): { delta: number; remaining: number; capped: boolean } {
  const left = budget.get(i.id)!;
  const magnitude = Math.min(Math.abs(uncapped), left);
  budget.set(i.id, left - magnitude);
  return {
    delta: Math.sign(uncapped) * magnitude,
    remaining: left - magnitude,
    capped: magnitude < Math.abs(uncapped),
  };
}
