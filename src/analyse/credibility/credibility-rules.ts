/**
 * Admiralty information credibility (1–6) of an event from its independent origins, the modality
 * of what each origin says, the reliability of its sources and the denials against it.
 * The rules are documented in docs/credibility.md; `explanation` records every factor.
 * @module
 */
import type { MentionAttribution } from '../../domain/attribution.js';
import type { Credibility, Modality } from '../../domain/ontology.js';
import { ruleMessage, type CredibilityRule } from '../../domain/credibility-reasons.js';
import { englishText } from '../../domain/english-messages.js';
import type { Message } from '../../domain/messages.js';
import {
  groupIndependentOrigins,
  type DocumentOrigin,
  type OriginGroup,
  type PrimarySource,
} from './independence.js';
import { originMessage, originsMessage } from './origin-words.js';

/** Modality precedence for an event's overall modality (first wins). */
export const MODALITY_PRECEDENCE: readonly Modality[] = [
  'ASSERTED',
  'PLANNED',
  'HEDGED',
  'HYPOTHETICAL',
  'NEGATED',
];

/** How strongly a mention of each modality supports the event (0 = not support). */
export const MODALITY_STRENGTH: Readonly<Record<Modality, number>> = {
  ASSERTED: 1,
  PLANNED: 0.8,
  HEDGED: 0.5,
  HYPOTHETICAL: 0.2,
  NEGATED: 0,
};

export interface CredibilityMention {
  readonly id: string;
  readonly documentId: string;
  readonly modality: Modality;
  /** Whom the text attributes the claim to (mentions.attribution), when known. */
  readonly attribution?: MentionAttribution | null;
}

export interface CredibilityInput {
  /** The event's own mentions. */
  readonly mentions: readonly CredibilityMention[];
  /** REJECTION mentions that deny this event (same document, rejecter among its actors). */
  readonly rejections: readonly {
    id: string;
    documentId: string;
    attribution?: MentionAttribution | null;
  }[];
  readonly documents: readonly (DocumentOrigin & { reliability: string })[];
}

export interface GroupExplanation {
  readonly id: string;
  /** The origin in words: "South Korea's NIS on 4 November 2025". */
  readonly label: string;
  /** The same as a message, for the dashboard to word in its language. */
  readonly labelMessage: Message;
  /** The primary source that ties the group, or null (grouped by story, origin or outlet). */
  readonly primary: PrimarySource | null;
  /** Outlets that carried it, in order of first publication. */
  readonly outlets: readonly string[];
  readonly firstPublished: string | null;
  readonly documentIds: readonly string[];
  readonly keys: readonly string[];
  readonly reliability: string;
  readonly supportModality: Modality | null;
  readonly supportMentionIds: readonly string[];
  readonly denialMentionIds: readonly string[];
}

export interface CredibilityExplanation {
  readonly rules: 'credibility-v2';
  /** Outlets and independent origins in words: "6 outlets, 1 independent origin: …". */
  readonly summary: string;
  readonly summaryMessage: Message;
  readonly groups: readonly GroupExplanation[];
  readonly counts: {
    readonly firm: number;
    readonly hedged: number;
    readonly hypothetical: number;
    readonly denials: number;
  };
  readonly bestReliability: string | null;
  readonly base: { readonly value: Credibility; readonly rule: string };
  readonly denialPenalty: number;
  readonly credibility: Credibility;
  readonly modality: Modality;
  readonly independentSources: number;
  readonly mentionCount: number;
}

/** A base rule's English text, from data/labels (the dashboard words it in its language). */
const ruleTexts = new Map<CredibilityRule, string>();
function ruleText(rule: CredibilityRule): string {
  let text = ruleTexts.get(rule);
  if (text === undefined) ruleTexts.set(rule, (text = englishText(ruleMessage(rule))));
  return text;
}

export function assessCredibility(input: CredibilityInput): CredibilityExplanation {
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const origins = groupIndependentOrigins(input.documents, [
    ...input.mentions,
    ...input.rejections.map((r) => ({ ...r, denies: true })),
  ]);
  const modalities = new Map(input.mentions.map((m) => [m.id, m.modality]));
  const rejectionIds = new Set(input.rejections.map((r) => r.id));
  const groups = origins.map((g): GroupExplanation => {
    const own = g.mentionIds;
    const support = own.filter((id) => (modalities.get(id) ?? 'NEGATED') !== 'NEGATED');
    const denials = own.filter((id) => rejectionIds.has(id) || modalities.get(id) === 'NEGATED');
    const supportModality =
      MODALITY_PRECEDENCE.find((mod) => support.some((id) => modalities.get(id) === mod)) ?? null;
    const reliability = g.documentIds
      .map((id) => docs.get(id)?.reliability ?? 'F')
      .reduce((best, r) => (r < best ? r : best), 'F');
    const labelMessage = originMessage(g);
    return {
      id: g.id,
      label: englishText(labelMessage),
      labelMessage,
      primary: g.primary,
      outlets: g.outlets,
      firstPublished: g.firstPublished,
      documentIds: g.documentIds,
      keys: g.keys,
      reliability,
      supportModality,
      supportMentionIds: [...support].sort(),
      denialMentionIds: [...denials].sort(),
    };
  });
  const firmGroups = groups.filter(
    (g) => g.supportModality === 'ASSERTED' || g.supportModality === 'PLANNED',
  );
  const firm = firmGroups.length;
  const hedged = groups.filter((g) => g.supportModality === 'HEDGED').length;
  const hypothetical = groups.filter((g) => g.supportModality === 'HYPOTHETICAL').length;
  const denials = groups.filter((g) => g.denialMentionIds.length > 0).length;
  const supporting = groups.filter((g) => g.supportModality !== null);
  const pool = firm > 0 ? firmGroups : supporting;
  const bestReliability =
    pool.length === 0 ? null : pool.map((g) => g.reliability).reduce((a, b) => (b < a ? b : a));
  const strong = bestReliability === 'A' || bestReliability === 'B';
  const base = baseCredibility(firm, hedged, hypothetical, strong, bestReliability);
  let value: number = base.value;
  let denialPenalty = 0;
  if (denials > 0 && base.value < 5) {
    denialPenalty = Math.min(denials, 2);
    value = Math.min(5, value + denialPenalty);
    if (denials > firm + hedged) {
      denialPenalty += 5 - value;
      value = 5;
    }
  }
  const all = input.mentions.map((m) => m.modality);
  const modality = MODALITY_PRECEDENCE.find((mod) => all.includes(mod)) ?? 'ASSERTED';
  const byId = new Map(origins.map((g) => [g.id, g]));
  const originsOf = (list: readonly GroupExplanation[]): OriginGroup[] =>
    list.map((g) => byId.get(g.id)).filter((g): g is OriginGroup => g !== undefined);
  const summaryMessage = originsMessage(
    originsOf(supporting),
    originsOf(groups.filter((g) => g.supportModality === null && g.denialMentionIds.length > 0)),
  );
  return {
    rules: 'credibility-v2',
    summary: englishText(summaryMessage),
    summaryMessage,
    groups,
    counts: { firm, hedged, hypothetical, denials },
    bestReliability,
    base,
    denialPenalty,
    credibility: value as Credibility,
    modality,
    independentSources: supporting.length,
    mentionCount: input.mentions.length,
  };
}

function baseCredibility(
  firm: number,
  hedged: number,
  hypothetical: number,
  strong: boolean,
  best: string | null,
): { value: Credibility; rule: string } {
  if (firm >= 3) return { value: 1, rule: ruleText('firm3') };
  if (firm >= 2 && strong) return { value: 1, rule: ruleText('firm2Strong') };
  if (firm === 2) return { value: 2, rule: ruleText('firm2') };
  if (firm === 1 && strong) return { value: 2, rule: ruleText('firm1Strong') };
  if (firm === 1 && best === 'E') return { value: 4, rule: ruleText('firm1E') };
  if (firm === 1) return { value: 3, rule: ruleText('firm1') };
  if (hedged >= 2) return { value: 3, rule: ruleText('hedged2') };
  if (hedged === 1) return { value: 4, rule: ruleText('hedged1') };
  if (hypothetical > 0) return { value: 6, rule: ruleText('hypothetical') };
  return { value: 5, rule: ruleText('denials') };
}

/** Weight of an event's evidence by credibility, used by the watchboards (docs/credibility.md). */
export const CREDIBILITY_WEIGHT: Readonly<Record<Credibility, number>> = {
  1: 1,
  2: 0.8,
  3: 0.6,
  4: 0.4,
  5: 0.1,
  6: 0.2,
};
