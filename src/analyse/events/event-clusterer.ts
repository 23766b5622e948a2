/**
 * Greedy, order-defined clustering: mentions are taken in canonical order and each joins the
 * best-fitting compatible event (ties: earliest first_seen, then id) or starts a new one whose id
 * hashes its first mention. The result depends only on the ordered mention sequence, which is
 * what makes the incremental path and a full rebuild agree.
 * @module
 */
import { createHash } from 'node:crypto';
import { dateKeysIntersecting } from '../dates.js';
import {
  absorb,
  anchorDay,
  candidateWindows,
  matchScore,
  newEventState,
  type EventState,
  type MentionInput,
  type ResolutionOptions,
} from './event-state.js';

export function eventIdFor(firstMentionId: string): string {
  return `ev_${createHash('sha256').update(firstMentionId).digest('hex').slice(0, 20)}`;
}

export class EventClusterer {
  private readonly byAnchor = new Map<number, EventState[]>();
  private readonly byDate = new Map<string, EventState[]>();
  private readonly indexedDate = new Map<string, string | null>();
  readonly events = new Map<string, EventState>();
  /** Events created or changed in this run. */
  readonly touched = new Set<string>();

  constructor(private readonly options: ResolutionOptions) {}

  /** Adds an existing event (loaded from the store) as a candidate; `changed` marks it for writing. */
  load(e: EventState, changed = false): void {
    if (this.events.has(e.id)) return;
    this.events.set(e.id, e);
    if (changed) this.touched.add(e.id);
    const a = anchorDay(e.firstSeen);
    if (a !== null) push(this.byAnchor, a, e);
    this.indexDate(e);
  }

  /** Assigns one mention (callers feed mentions in canonical order); returns its event id. */
  assign(m: MentionInput): string {
    let best: EventState | null = null;
    let bestScore = -1;
    for (const e of this.candidates(m)) {
      const score = matchScore(e, m, this.options);
      if (score === null) continue;
      if (
        score > bestScore ||
        (score === bestScore && best !== null && compareEvents(e, best) < 0)
      ) {
        best = e;
        bestScore = score;
      }
    }
    if (best === null) {
      const created = newEventState(eventIdFor(m.id), m);
      this.load(created);
      this.touched.add(created.id);
      return created.id;
    }
    absorb(best, m);
    this.indexDate(best);
    this.touched.add(best.id);
    return best.id;
  }

  private candidates(m: MentionInput): Set<EventState> {
    const out = new Set<EventState>();
    const w = candidateWindows(m, this.options);
    for (const r of [...w.anchor, ...w.undatedAnchor]) {
      for (let d = r.start; d <= r.end; d++) for (const e of this.byAnchor.get(d) ?? []) out.add(e);
    }
    for (const r of w.dated) {
      for (const key of dateKeysIntersecting(r)) {
        for (const e of this.byDate.get(key) ?? []) if (e.type === m.type) out.add(e);
      }
    }
    return out;
  }

  private indexDate(e: EventState): void {
    const previous = this.indexedDate.get(e.id);
    if (previous === e.date) return;
    if (previous) {
      const list = this.byDate.get(previous);
      if (list)
        this.byDate.set(
          previous,
          list.filter((x) => x !== e),
        );
    }
    this.indexedDate.set(e.id, e.date);
    if (e.date) push(this.byDate, e.date, e);
  }
}

function compareEvents(a: EventState, b: EventState): number {
  if (a.firstSeen !== b.firstSeen) return a.firstSeen < b.firstSeen ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function push<K>(map: Map<K, EventState[]>, key: K, e: EventState): void {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}
