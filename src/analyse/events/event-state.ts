/**
 * The in-memory shape of a mention and of an event being resolved, and the pure rules that decide
 * whether a mention belongs to an event (docs/events.md): same type, compatible actors,
 * overlapping capabilities, compatible time.
 * @module
 */
import { SYMMETRIC_TYPES, type EventType } from '../../domain/ontology.js';
import {
  dayNumber,
  datePrecision,
  partialDateRange,
  pointRange,
  rangeGap,
  type DayRange,
} from '../dates.js';

export interface ResolutionOptions {
  /** Two day-precise dates closer than this (days) may be one happening. */
  readonly dayWindow: number;
  /** Undated mentions join an event first reported within this many days. */
  readonly anchorWindow: number;
}

export const DEFAULT_RESOLUTION: ResolutionOptions = { dayWindow: 2, anchorWindow: 7 };

export interface MentionInput {
  readonly id: string;
  readonly documentId: string;
  readonly type: EventType;
  readonly source: string | null;
  readonly target: string | null;
  readonly modality: string;
  readonly capabilities: readonly string[];
  readonly date: string | null;
  readonly published: string | null;
  readonly spanStart: number;
  readonly mutual: boolean;
}

export interface EventState {
  readonly id: string;
  readonly type: EventType;
  source: string | null;
  target: string | null;
  capabilities: Set<string>;
  date: string | null;
  /** Publication timestamp of the first mention ('' when unknown). */
  readonly firstSeen: string;
  lastSeen: string;
  /** Mentions added in this run (ids), for writing back. */
  readonly added: string[];
}

/** Orders mentions canonically: publication, document, position. Resolution follows this order. */
export function canonicalKey(m: {
  published: string | null;
  documentId: string;
  spanStart: number;
  id: string;
}): string {
  return `${m.published ?? ''}\u0000${m.documentId}\u0000${String(m.spanStart).padStart(10, '0')}\u0000${m.id}`;
}

export function anchorDay(published: string | null): number | null {
  return dayNumber(published);
}

function sameOrOpen(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b;
}

/** 'direct', 'swapped' or null: how the mention's roles line up with the event's. */
export function actorOrientation(e: EventState, m: MentionInput): 'direct' | 'swapped' | null {
  if (sameOrOpen(e.source, m.source) && sameOrOpen(e.target, m.target)) return 'direct';
  const unordered = SYMMETRIC_TYPES.has(e.type) || m.mutual;
  if (unordered && sameOrOpen(e.source, m.target) && sameOrOpen(e.target, m.source))
    return 'swapped';
  return null;
}

export function capabilitiesCompatible(e: EventState, m: MentionInput): boolean {
  if (e.capabilities.size === 0 || m.capabilities.length === 0) return true;
  return m.capabilities.some((c) => e.capabilities.has(c));
}

/** Time rule: both dated → ranges overlap (or day dates within dayWindow); else anchors within anchorWindow. */
export function timeCompatible(e: EventState, m: MentionInput, o: ResolutionOptions): boolean {
  const eAnchor = anchorDay(e.firstSeen);
  const mAnchor = anchorDay(m.published);
  if (m.date && e.date) {
    const gap = rangeGap(partialDateRange(m.date), partialDateRange(e.date));
    const bothDays = datePrecision(m.date) === 10 && datePrecision(e.date) === 10;
    return gap <= (bothDays ? o.dayWindow : 0);
  }
  if (m.date) {
    return (
      eAnchor !== null && rangeGap(partialDateRange(m.date), pointRange(eAnchor)) <= o.anchorWindow
    );
  }
  if (mAnchor === null) return eAnchor === null;
  if (eAnchor !== null && Math.abs(mAnchor - eAnchor) <= o.anchorWindow) return true;
  return (
    e.date !== null && rangeGap(pointRange(mAnchor), partialDateRange(e.date)) <= o.anchorWindow
  );
}

/** Null when the mention cannot join the event, else a score (higher = better fit). */
export function matchScore(e: EventState, m: MentionInput, o: ResolutionOptions): number | null {
  if (e.type !== m.type) return null;
  const orientation = actorOrientation(e, m);
  if (orientation === null || !capabilitiesCompatible(e, m) || !timeCompatible(e, m, o))
    return null;
  const [ms, mt] = orientation === 'direct' ? [m.source, m.target] : [m.target, m.source];
  let score = 0;
  if (ms !== null && ms === e.source) score += 2;
  if (mt !== null && mt === e.target) score += 2;
  for (const c of m.capabilities) if (e.capabilities.has(c)) score += 1;
  if (m.date && e.date === m.date) score += 2;
  return score;
}

/** Folds a mention into an event: fills open roles, unions capabilities, keeps the most precise date. */
export function absorb(e: EventState, m: MentionInput): void {
  const orientation = actorOrientation(e, m) ?? 'direct';
  const [ms, mt] = orientation === 'direct' ? [m.source, m.target] : [m.target, m.source];
  e.source ??= ms;
  e.target ??= mt;
  for (const c of m.capabilities) e.capabilities.add(c);
  if (m.date && (e.date === null || datePrecision(m.date) > datePrecision(e.date))) e.date = m.date;
  const published = m.published ?? '';
  if (published > e.lastSeen) e.lastSeen = published;
  e.added.push(m.id);
}

export function newEventState(id: string, m: MentionInput): EventState {
  const e: EventState = {
    id,
    type: m.type,
    source: null,
    target: null,
    capabilities: new Set(),
    date: null,
    firstSeen: m.published ?? '',
    lastSeen: m.published ?? '',
    added: [],
  };
  absorb(e, m);
  return e;
}

/**
 * The windows (in days) where an event able to absorb `m` must sit, for candidate look-ups:
 * `anchor` on first_seen (any event), `undatedAnchor` on first_seen of undated events, `dated`
 * on the event date's range. Every event `timeCompatible` accepts lies in one of them.
 */
export function candidateWindows(
  m: MentionInput,
  o: ResolutionOptions,
): { anchor: DayRange[]; undatedAnchor: DayRange[]; dated: DayRange[] } {
  const mAnchor = anchorDay(m.published);
  const anchor: DayRange[] = [];
  const undatedAnchor: DayRange[] = [];
  const dated: DayRange[] = [];
  if (m.date) {
    const r = partialDateRange(m.date);
    undatedAnchor.push({ start: r.start - o.anchorWindow, end: r.end + o.anchorWindow });
    const g = datePrecision(m.date) === 10 ? o.dayWindow : 0;
    dated.push({ start: r.start - g, end: r.end + g });
  } else if (mAnchor !== null) {
    anchor.push({ start: mAnchor - o.anchorWindow, end: mAnchor + o.anchorWindow });
    dated.push({ start: mAnchor - o.anchorWindow, end: mAnchor + o.anchorWindow });
  }
  return { anchor, undatedAnchor, dated };
}
