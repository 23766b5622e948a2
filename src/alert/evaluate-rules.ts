/**
 * Alert rules over the analysis signals: threshold crossings, first events for a pair, spikes
 * and watched actors/capabilities/keywords. Pure: the same rules and signals give the same
 * firings, each with a deterministic dedup key (rule id + the ids of its cause).
 * @module
 */
import { createHash } from 'node:crypto';
import type { AlertRuleConfig } from '../config/schema.js';
import { appendAll } from '../domain/append-all.js';
import { englishText } from '../domain/english-messages.js';
import { message } from '../domain/messages.js';
import type {
  AlertSignals,
  HypothesisChange,
  MentionSignal,
  NewEventSignal,
  SpikeSignal,
} from '../domain/signals.js';
import { SYMMETRIC_TYPES } from '../domain/ontology.js';
import type { AlertFiring } from './alert-firing.js';
import { compileKeyword, foldText, matchesCriteria, type MatchCriteria } from './match-criteria.js';

/** Spike rules without `pValue` fire below this tail probability. */
export const DEFAULT_SPIKE_P_VALUE = 0.01;
/** First-event rules without `modalities` ignore denials and hypotheticals. */
export const DEFAULT_FIRST_EVENT_MODALITIES: readonly string[] = ['ASSERTED', 'HEDGED', 'PLANNED'];

export type AlertRule = AlertRuleConfig;

export interface EvaluateOptions {
  /** Stamp for causes without a date of their own (default: none, the field is left empty). */
  readonly now?: string;
}

/**
 * Every firing the signals cause under the rules, in rule order then signal order.
 * @example
 * evaluateAlertRules([{ id: 'h1-60', kind: 'threshold', hypothesis: 'H1', above: 0.6, notify: [] }], signals)
 */
export function evaluateAlertRules(
  rules: readonly AlertRule[],
  signals: AlertSignals,
  options: EvaluateOptions = {},
): AlertFiring[] {
  const firings: AlertFiring[] = [];
  for (const rule of rules) {
    switch (rule.kind) {
      case 'threshold':
        appendAll(firings, evaluateThreshold(rule, signals.hypothesisChanges));
        break;
      case 'first-event':
        appendAll(firings, evaluateFirstEvent(rule, signals.newEvents, options));
        break;
      case 'spike':
        appendAll(firings, evaluateSpike(rule, signals.spikes));
        break;
      case 'watch':
        appendAll(firings, evaluateWatch(rule, signals.newMentions, options));
        break;
    }
  }
  return dedupeWithin(firings);
}

/** One point of a hypothesis's probability over time (replay output). */
export interface TrajectoryPoint {
  readonly boardId: string;
  readonly hypothesisId: string;
  readonly title?: string;
  readonly at: string;
  readonly probability: number;
  /** Evidence rows that moved the probability to this point. */
  readonly evidenceIds?: readonly string[];
}

/**
 * Threshold firings along a trajectory: consecutive points of each hypothesis are compared,
 * so replay reports every crossing with its date. Non-threshold rules are ignored.
 */
export function detectThresholdCrossings(
  trajectory: readonly TrajectoryPoint[],
  rules: readonly AlertRule[],
): AlertFiring[] {
  const last = new Map<string, TrajectoryPoint>();
  const changes: HypothesisChange[] = [];
  for (const point of trajectory) {
    const key = `${point.boardId}\u0000${point.hypothesisId}`;
    const previous = last.get(key);
    last.set(key, point);
    if (!previous) continue;
    changes.push({
      boardId: point.boardId,
      hypothesisId: point.hypothesisId,
      title: point.title ?? previous.title ?? point.hypothesisId,
      before: previous.probability,
      after: point.probability,
      at: point.at,
      evidenceIds: point.evidenceIds ?? [],
    });
  }
  const firings: AlertFiring[] = [];
  for (const rule of rules) {
    if (rule.kind === 'threshold') appendAll(firings, evaluateThreshold(rule, changes));
  }
  return dedupeWithin(firings);
}

function evaluateThreshold(rule: AlertRule, changes: readonly HypothesisChange[]): AlertFiring[] {
  const firings: AlertFiring[] = [];
  for (const change of changes) {
    if (rule.board !== undefined && rule.board !== change.boardId) continue;
    if (rule.hypothesis !== undefined && rule.hypothesis !== change.hypothesisId) continue;
    const crossings: { direction: 'up' | 'down'; level: number }[] = [];
    if (rule.above !== undefined && change.before < rule.above && rule.above <= change.after) {
      crossings.push({ direction: 'up', level: rule.above });
    }
    if (rule.below !== undefined && change.before > rule.below && rule.below >= change.after) {
      crossings.push({ direction: 'down', level: rule.below });
    }
    for (const { direction, level } of crossings) {
      const evidence = [...change.evidenceIds].sort();
      const cause = evidence.length > 0 ? hashIds(evidence) : `at-${change.at}`;
      // Worded from data/labels (`alert.threshold.*`), which the dashboard words in its language.
      const summary = englishText(
        message(`alert.threshold.${direction}`, {
          hypothesis: change.title,
          level: percent(level),
          before: percent(change.before),
          after: percent(change.after),
          at: change.at,
        }),
      );
      firings.push({
        ruleId: rule.id,
        kind: 'threshold',
        dedupKey: `${rule.id}:threshold:${change.boardId}/${change.hypothesisId}:${direction}:${level}:${cause}`,
        title: `[${change.boardId}] ${summary}`,
        payload: {
          rule: rule.id,
          kind: 'threshold',
          summary,
          at: change.at,
          boardId: change.boardId,
          hypothesisId: change.hypothesisId,
          hypothesisTitle: change.title,
          direction,
          level,
          before: change.before,
          after: change.after,
          evidenceIds: evidence,
          eventIds: [],
          mentionIds: [],
          documentIds: [],
        },
      });
    }
  }
  return firings;
}

function evaluateFirstEvent(
  rule: AlertRule,
  events: readonly NewEventSignal[],
  options: EvaluateOptions,
): AlertFiring[] {
  const criteria: MatchCriteria = {
    ...criteriaOf(rule),
    modalities: rule.modalities ?? DEFAULT_FIRST_EVENT_MODALITIES,
  };
  const firings: AlertFiring[] = [];
  for (const event of events) {
    if (!event.firstForPair) continue;
    const subject = {
      type: event.type,
      actors: [event.source, event.target],
      capabilities: event.capabilities,
      modality: event.modality,
    };
    if (!matchesCriteria(criteria, subject)) continue;
    const symmetric = SYMMETRIC_TYPES.has(event.type);
    const pair = describePair(event.source, event.target, symmetric);
    const caps = event.capabilities.length > 0 ? ` (${event.capabilities.join(', ')})` : '';
    const summary = `first ${event.type} ${pair}${caps}, ${event.modality.toLowerCase()}, credibility ${event.credibility}`;
    firings.push({
      ruleId: rule.id,
      kind: 'first-event',
      // The cause is "the first event of this type for this pair": it can happen only once.
      dedupKey: `${rule.id}:first-event:${event.type}:${pairKey(event.source, event.target, symmetric)}`,
      title: `First ${event.type} ${pair}${caps}`,
      payload: {
        rule: rule.id,
        kind: 'first-event',
        summary,
        // When it happened: its date, else its first report; never when the alert was recorded.
        at: event.date ?? event.firstSeen ?? options.now ?? '',
        pair: [event.source ?? '', event.target ?? ''],
        eventType: event.type,
        evidenceIds: [],
        eventIds: [event.eventId],
        mentionIds: [...event.mentionIds],
        documentIds: documentsOf(event.mentionIds),
      },
    });
  }
  return firings;
}

function evaluateSpike(rule: AlertRule, spikes: readonly SpikeSignal[]): AlertFiring[] {
  const limit = rule.pValue ?? DEFAULT_SPIKE_P_VALUE;
  const criteria = criteriaOf(rule);
  const firings: AlertFiring[] = [];
  for (const spike of spikes) {
    if (!(spike.pValue < limit)) continue;
    if (!matchesCriteria(criteria, { type: spike.type, actors: spike.pair })) continue;
    const [a, b] = spike.pair;
    const what = spike.type ?? 'events';
    const summary = `${spike.count} ${what} ${a}–${b} on ${spike.day} (expected ${spike.expected.toFixed(1)}, p=${spike.pValue.toPrecision(2)})`;
    firings.push({
      ruleId: rule.id,
      kind: 'spike',
      dedupKey: `${rule.id}:spike:${a}-${b}:${spike.type ?? '*'}:${spike.day}`,
      title: `Spike: ${summary}`,
      payload: {
        rule: rule.id,
        kind: 'spike',
        summary,
        at: spike.day,
        pair: [a, b],
        eventType: spike.type,
        count: spike.count,
        expected: spike.expected,
        pValue: spike.pValue,
        evidenceIds: [],
        eventIds: [],
        mentionIds: [],
        documentIds: [],
      },
    });
  }
  return firings;
}

/** Watch firings are grouped per document: one alert lists every matching mention in it. */
function evaluateWatch(
  rule: AlertRule,
  mentions: readonly MentionSignal[],
  options: EvaluateOptions,
): AlertFiring[] {
  const criteria = criteriaOf(rule);
  const keywords = (rule.keywords ?? []).map(compileKeyword);
  const byDocument = new Map<string, { mentions: MentionSignal[]; keywords: Set<string> }>();
  for (const mention of mentions) {
    const subject = {
      type: mention.type,
      actors: [mention.source, mention.target],
      capabilities: mention.capabilities,
      modality: mention.modality,
    };
    if (!matchesCriteria(criteria, subject)) continue;
    let matched: string[] = [];
    if (keywords.length > 0) {
      const folded = foldText(mention.sentence);
      matched = keywords.filter((k) => k.test(folded)).map((k) => k.keyword);
      if (matched.length === 0) continue;
    }
    const group = byDocument.get(mention.documentId) ?? { mentions: [], keywords: new Set() };
    group.mentions.push(mention);
    for (const k of matched) group.keywords.add(k);
    byDocument.set(mention.documentId, group);
  }
  const firings: AlertFiring[] = [];
  for (const [documentId, group] of byDocument) {
    const first = group.mentions[0]!;
    const pair = describePair(first.source, first.target, SYMMETRIC_TYPES.has(first.type));
    const matchedKeywords = [...group.keywords];
    const quoted = excerpt(first.sentence, 140);
    const summary = `${first.type} ${pair}: "${quoted}"${group.mentions.length > 1 ? ` (+${group.mentions.length - 1} more in this document)` : ''}`;
    firings.push({
      ruleId: rule.id,
      kind: 'watch',
      dedupKey: `${rule.id}:watch:${documentId}`,
      title: `Watch ${rule.id}: ${first.type} ${pair}${matchedKeywords.length > 0 ? ` [${matchedKeywords.join(', ')}]` : ''}`,
      payload: {
        rule: rule.id,
        kind: 'watch',
        summary,
        at: options.now ?? '',
        pair: [first.source ?? '', first.target ?? ''],
        eventType: first.type,
        matchedKeywords,
        evidenceIds: [],
        eventIds: [],
        mentionIds: group.mentions.map((m) => m.mentionId),
        documentIds: [documentId],
      },
    });
  }
  return firings;
}

function criteriaOf(rule: AlertRule): MatchCriteria {
  return {
    ...(rule.types ? { types: rule.types } : {}),
    ...(rule.actors ? { actors: rule.actors } : {}),
    ...(rule.actorMatch ? { actorMatch: rule.actorMatch } : {}),
    ...(rule.capabilities ? { capabilities: rule.capabilities } : {}),
    ...(rule.modalities ? { modalities: rule.modalities } : {}),
  };
}

/** The same dedup key twice in one batch (e.g. a change listed twice) fires once. */
function dedupeWithin(firings: AlertFiring[]): AlertFiring[] {
  const seen = new Set<string>();
  return firings.filter((f) => (seen.has(f.dedupKey) ? false : (seen.add(f.dedupKey), true)));
}

/**
 * `RUS>PRK` for a directed type; for a symmetric one (a meeting, an agreement) the pair has no
 * order, so `PRK+RUS` whichever actor a report names first: a later report, dated earlier and
 * naming the pair the other way round, is the same "first" and fires nothing new.
 */
function pairKey(source: string | null, target: string | null, symmetric: boolean): string {
  if (symmetric && source !== null && target !== null)
    return source < target ? `${source}+${target}` : `${target}+${source}`;
  return `${source ?? '-'}>${target ?? '-'}`;
}

function describePair(source: string | null, target: string | null, symmetric = false): string {
  if (source && target) return `${source} ${symmetric ? '–' : '→'} ${target}`;
  if (source) return `by ${source}`;
  if (target) return `against ${target}`;
  return '(actors unknown)';
}

/** Mention ids are `${documentId}#${index}`. */
function documentsOf(mentionIds: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const id of mentionIds) {
    const hash = id.lastIndexOf('#');
    if (hash > 0) ids.add(id.slice(0, hash));
  }
  return [...ids];
}

function hashIds(ids: readonly string[]): string {
  return createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 20);
}

function percent(p: number): string {
  const value = Math.round(p * 1000) / 10;
  return `${value}%`;
}

function excerpt(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(clean);
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join('')}…`;
}
