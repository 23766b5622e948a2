/**
 * Does an event meet an indicator's criteria? Pure; symmetric types and mutual exchanges match
 * actor roles in either order.
 * @module
 */
import { SYMMETRIC_TYPES, type EventType } from '../../domain/ontology.js';
import type { MatchCriteria } from './board-schema.js';

export interface BoardEvent {
  readonly id: string;
  readonly type: EventType;
  readonly source: string | null;
  readonly target: string | null;
  readonly capabilities: readonly string[];
  readonly modality: string;
  readonly credibility: number;
  readonly independentSources: number;
  /** Day the event was first reported (YYYY-MM-DD): when the evidence became available. */
  readonly day: string;
  readonly date: string | null;
  readonly mentionIds: readonly string[];
  /** Lower-cased sentences of its mentions, for keyword criteria. */
  readonly sentences: readonly string[];
}

export const DEFAULT_MODALITIES = ['ASSERTED', 'PLANNED', 'HEDGED'];

export function matchesIndicator(match: MatchCriteria, e: BoardEvent): boolean {
  if (match.types && !match.types.includes(e.type)) return false;
  if (!(match.modality ?? DEFAULT_MODALITIES).includes(e.modality)) return false;
  if (match.maxCredibility !== undefined && e.credibility > match.maxCredibility) return false;
  if (match.capabilities && !match.capabilities.some((c) => e.capabilities.includes(c)))
    return false;
  if (match.actors && !actorsMatch(match.actors, e)) return false;
  if (match.keywords) {
    const words = match.keywords.map((k) => k.toLowerCase());
    if (!e.sentences.some((s) => words.some((w) => s.includes(w)))) return false;
  }
  return true;
}

function actorsMatch(actors: NonNullable<MatchCriteria['actors']>, e: BoardEvent): boolean {
  const roleOk = (s: string | null, t: string | null) =>
    (!actors.source || (s !== null && actors.source.includes(s))) &&
    (!actors.target || (t !== null && actors.target.includes(t)));
  const either =
    !actors.either || [e.source, e.target].some((a) => a !== null && actors.either!.includes(a));
  if (!either) return false;
  if (roleOk(e.source, e.target)) return true;
  return SYMMETRIC_TYPES.has(e.type) && roleOk(e.target, e.source);
}
