/**
 * Independent origins of an event's support (docs/credibility.md §2), computed as connected
 * components so the grouping does not depend on order. Each document counts once, with its
 * **main primary source** for the event: the source most of its mentions of the event are
 * attributed to (the first of them on a tie), so a background line ("Kyiv said earlier…") does not
 * make a report a second origin.
 *
 * 1. **By primary source.** Documents whose main source is one primary source (`kor-nis`, or a
 *    state when no listed body is named) within WINDOW_DAYS of each other are one origin, whatever
 *    the outlet or language that carried them. A state speaking ("Seoul said") joins the one
 *    listed body of that state the event's documents name in the same days, if there is one.
 * 2. **By story.** Copies, rewrites and translations of one report (`documents.story_id`) are one
 *    origin, attributed or not: a copy that lost its attribution stays with its story.
 * 3. **Unattributed documents** are grouped as before: the same credited origin ("according to
 *    Yonhap", or published by Yonhap itself) or the same outlet is one origin. An outlet's own
 *    reporting ("our correspondent saw") is such an origin: its outlet's.
 *
 * A denial (a REJECTION mention of the event's documents) attributed to another source than its
 * document's is an origin of its own: "Moscow denied it" in a report of the NIS briefing.
 * @module
 */
import { primarySourceKey, type MentionAttribution } from '../../domain/attribution.js';
import { dayNumber } from '../dates.js';

/** Reports of one announcement appear within this many days of each other. */
export const WINDOW_DAYS = 3;

export interface DocumentOrigin {
  readonly id: string;
  readonly storyId: string | null;
  readonly origin: string | null;
  readonly outlet: string | null;
  /** Publication date (ISO 8601); the window of a primary source is counted on it. */
  readonly published?: string | null;
}

/** A mention of the event (or a denial of it) with whom its text attributes it to. */
export interface AttributedMention {
  readonly id: string;
  readonly documentId: string;
  readonly attribution?: MentionAttribution | null;
  /** A REJECTION mention denying the event (not one of the event's own mentions). */
  readonly denies?: boolean;
}

/** The primary source that ties an origin group together. */
export interface PrimarySource {
  /** `kor-nis`, or `actor:KOR` for a state speaking without a listed body. */
  readonly key: string;
  readonly actor: string | null;
  readonly source: string | null;
  readonly label: string | null;
}

export interface OriginGroup {
  /** The smallest document id in the group (stable label; `~2`… when a document is in two). */
  readonly id: string;
  readonly documentIds: readonly string[];
  /** The mentions of the group (its documents' mentions, or a denial of its own). */
  readonly mentionIds: readonly string[];
  /** What tied the group (source:<key>@<day>, story:, origin:, outlet:). */
  readonly keys: readonly string[];
  /** The primary source of the group, or null when it is grouped by story, origin or outlet. */
  readonly primary: PrimarySource | null;
  /** Distinct outlets that carried the group's documents, in order of first publication. */
  readonly outlets: readonly string[];
  /** The earliest publication date among the group's documents. */
  readonly firstPublished: string | null;
  /** True when the group's documents say it is their outlet's own reporting. */
  readonly own: boolean;
}

export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function fallbackKeys(d: DocumentOrigin): string[] {
  const keys: string[] = [];
  const credited = d.origin ?? d.outlet;
  if (credited && normaliseName(credited)) keys.push(`origin:${normaliseName(credited)}`);
  if (d.outlet && normaliseName(d.outlet)) keys.push(`outlet:${normaliseName(d.outlet)}`);
  return keys;
}

/** Union-find over string nodes. */
class Components {
  private readonly parent = new Map<string, string>();
  add(x: string): void {
    if (!this.parent.has(x)) this.parent.set(x, x);
  }
  find(x: string): string {
    let root = x;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(x, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

/** A document (or a denial of its own) on its way to an origin key. */
interface Keyed {
  /** `d:<document id>` or `m:<mention id>`. */
  readonly node: string;
  readonly day: number | null;
  /** The primary source key, then `source:<key>@<first day of its window>`. */
  key: string;
  primary: PrimarySource;
}

/** `doc#12` → 12: mentions are numbered in the extractor's order, which follows the text. */
function mentionOrder(id: string): number {
  const n = Number(id.slice(id.lastIndexOf('#') + 1));
  return Number.isFinite(n) ? n : 0;
}

/** The source most of `mentions` are attributed to, the first of them on a tie; null if none. */
function mainSource(mentions: readonly AttributedMention[]): MentionAttribution | null {
  const counts = new Map<string, { n: number; first: number; a: MentionAttribution }>();
  for (const m of mentions) {
    const key = primarySourceKey(m.attribution);
    if (!key) continue;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { n: 1, first: mentionOrder(m.id), a: m.attribution! });
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n || a.first - b.first)[0];
  return best?.a ?? null;
}

/**
 * The independent origins among `documents`, from what `mentions` (the event's mentions, and the
 * denials of it) attribute. Without mentions, or when none is attributed, documents are grouped
 * by story, credited origin and outlet alone.
 * @example
 *   groupIndependentOrigins(docs, mentions).length // independent origins of the event
 */
export function groupIndependentOrigins(
  documents: readonly DocumentOrigin[],
  mentions: readonly AttributedMention[] = [],
): OriginGroup[] {
  const docs = new Map(documents.map((d) => [d.id, d]));
  const dayOf = (docId: string) => dayNumber(docs.get(docId)?.published?.slice(0, 10) ?? '');
  const byDoc = new Map<string, AttributedMention[]>();
  for (const m of mentions) {
    if (!docs.has(m.documentId)) continue;
    const list = byDoc.get(m.documentId) ?? [];
    list.push(m);
    byDoc.set(m.documentId, list);
  }

  // Each document's main source; a denial attributed elsewhere stands on its own.
  const keyed: Keyed[] = [];
  const members = new Map<string, { docId: string; mentions: string[] }>();
  const own = new Set<string>();
  for (const d of documents) {
    const list = byDoc.get(d.id) ?? [];
    const main = mainSource(list.filter((m) => !m.denies));
    const mainKey = primarySourceKey(main);
    const node = `d:${d.id}`;
    members.set(node, { docId: d.id, mentions: [] });
    if (main && mainKey) keyed.push(keyedOf(node, dayOf(d.id), mainKey, main));
    else if (list.some((m) => m.attribution?.basis === 'own')) own.add(d.id);
    for (const m of list) {
      const key = primarySourceKey(m.attribution);
      if (m.denies && key && key !== mainKey) {
        const alone = `m:${m.id}`;
        members.set(alone, { docId: d.id, mentions: [m.id] });
        keyed.push(keyedOf(alone, dayOf(d.id), key, m.attribution!));
      } else members.get(node)!.mentions.push(m.id);
    }
  }
  windowPrimarySources(keyed);

  const c = new Components();
  const nodeKeys = new Map<string, string[]>();
  const keyOf = new Map(keyed.map((k) => [k.node, k.key]));
  for (const [node, { docId }] of members) {
    const d = docs.get(docId)!;
    const source = keyOf.get(node);
    const keys: string[] = [];
    if (source) keys.push(source);
    // A denial of its own stays out of its document's story.
    if (d.storyId && node.startsWith('d:')) keys.push(`story:${d.storyId}`);
    if (!source && node.startsWith('d:')) for (const k of fallbackKeys(d)) keys.push(k);
    nodeKeys.set(node, keys);
    c.add(node);
    for (const k of keys) {
      c.add(k);
      c.union(node, k);
    }
  }

  const byRoot = new Map<string, { docs: Set<string>; mentions: string[]; keys: Set<string> }>();
  for (const [node, keys] of nodeKeys) {
    const root = c.find(node);
    const g = byRoot.get(root) ?? { docs: new Set(), mentions: [], keys: new Set() };
    const member = members.get(node)!;
    g.docs.add(member.docId);
    for (const id of member.mentions) g.mentions.push(id);
    for (const k of keys) g.keys.add(k);
    byRoot.set(root, g);
  }
  const primaries = new Map(keyed.map((k) => [k.key, k.primary]));
  const nodesPerKey = new Map<string, number>();
  for (const k of keyed) nodesPerKey.set(k.key, (nodesPerKey.get(k.key) ?? 0) + 1);
  const used = new Map<string, number>();
  return [...byRoot.values()]
    .map((g): OriginGroup => {
      const documentIds = [...g.docs].sort();
      const ordered = [...documentIds].sort(
        (a, b) =>
          (docs.get(a)?.published ?? '').localeCompare(docs.get(b)?.published ?? '') ||
          a.localeCompare(b),
      );
      const sourceKeys = [...g.keys].filter((k) => k.startsWith('source:')).sort();
      // Of several sources a story ties together, the one most of its documents name.
      const sourceKey = sourceKeys.sort(
        (a, b) => (nodesPerKey.get(b) ?? 0) - (nodesPerKey.get(a) ?? 0),
      )[0];
      return {
        id: documentIds[0] ?? '',
        documentIds,
        mentionIds: g.mentions.sort(),
        keys: [...g.keys].sort(),
        primary: sourceKey ? (primaries.get(sourceKey) ?? null) : null,
        outlets: [
          ...new Set(ordered.map((id) => docs.get(id)?.outlet).filter((o): o is string => !!o)),
        ],
        firstPublished: docs.get(ordered[0] ?? '')?.published ?? null,
        own: !sourceKey && documentIds.some((id) => own.has(id)),
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.keys[0]! < b.keys[0]! ? -1 : 1))
    .map((g) => {
      const n = (used.get(g.id) ?? 0) + 1;
      used.set(g.id, n);
      return n === 1 ? g : { ...g, id: `${g.id}~${n}` };
    });
}

function keyedOf(node: string, day: number | null, key: string, a: MentionAttribution): Keyed {
  return { node, day, key, primary: { key, actor: a.actor, source: a.source, label: a.label } };
}

/**
 * Gives each keyed node its origin key `source:<primary source>@<first day of its window>`:
 * nodes of one source at most WINDOW_DAYS apart (chained) share a window. A state speaking first
 * joins the only listed body of that state attributed in its days.
 */
function windowPrimarySources(keyed: Keyed[]): void {
  const near = (a: number | null, b: number | null) =>
    a === null || b === null || Math.abs(a - b) <= WINDOW_DAYS;
  const listedByActor = new Map<string | null, Keyed[]>();
  for (const o of keyed) {
    if (o.key.startsWith('actor:')) continue;
    const list = listedByActor.get(o.primary.actor) ?? [];
    list.push(o);
    listedByActor.set(o.primary.actor, list);
  }
  // In day order, so that a state joined to a body carries the body's window on (chained).
  // States speaking together (`actor:DEU+FRA+GBR`) are no one state's body.
  const speaking = keyed
    .filter((k) => k.key.startsWith('actor:') && !k.key.includes('+'))
    .sort((a, b) => (a.day ?? 0) - (b.day ?? 0) || (a.node < b.node ? -1 : 1));
  for (const k of speaking) {
    const bodies = (listedByActor.get(k.primary.actor) ?? []).filter((o) => near(o.day, k.day));
    if (new Set(bodies.map((o) => o.key)).size === 1) {
      k.key = bodies[0]!.key;
      k.primary = bodies[0]!.primary;
      listedByActor.get(k.primary.actor)?.push(k);
    }
  }
  const bySource = new Map<string, Keyed[]>();
  for (const k of keyed) {
    const list = bySource.get(k.key) ?? [];
    list.push(k);
    bySource.set(k.key, list);
  }
  for (const [source, list] of bySource) {
    const dated = list.filter((k) => k.day !== null).sort((a, b) => a.day! - b.day!);
    let windowStart = dated[0]?.day ?? null;
    let last = windowStart;
    for (const k of dated) {
      if (last !== null && k.day! - last > WINDOW_DAYS) windowStart = k.day;
      last = k.day;
      k.key = `source:${source}@${windowStart}`;
    }
    // Undated documents join the first window of their source.
    const first = dated[0]?.day ?? 'undated';
    for (const k of list) if (k.day === null) k.key = `source:${source}@${first}`;
  }
}
