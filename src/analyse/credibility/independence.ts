/**
 * Independent origins of an event's support (docs/credibility.md §2), computed as connected
 * components so the grouping does not depend on order:
 *
 * 1. **By primary source.** Mentions attributed to one primary source (`kor-nis`, or a state
 *    when no listed body is named) within WINDOW_DAYS of each other are one origin, whatever the
 *    outlet or language that carried them. A state speaking ("Seoul said") joins the one listed
 *    body of that state the event's mentions name in the same days, when there is exactly one.
 * 2. **Unattributed support** joins the primary source its own document (else its story)
 *    attributes the event to; failing that, documents are grouped as before: the same story
 *    (copies, rewrites, translations), the same credited origin ("according to Yonhap", or
 *    published by Yonhap itself) or the same outlet are one origin. An outlet's own reporting
 *    ("our correspondent saw") is such an origin: its outlet's.
 *
 * A document that attributes the event to two sources (the JCS and Japan's defence ministry)
 * supports both origins without joining them.
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

/** A mention (supporting or denying) with whom its text attributes it to. */
export interface AttributedMention {
  readonly id: string;
  readonly documentId: string;
  readonly attribution?: MentionAttribution | null;
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
  /** The mentions of the group: those attributed to its source, or those of its documents. */
  readonly mentionIds: readonly string[];
  /** What tied the group (source:…@day, story:, origin:, outlet:). */
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
  if (d.storyId) keys.push(`story:${d.storyId}`);
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

/** An attributed mention on its way to an origin key. */
interface Keyed {
  readonly mentionId: string;
  readonly documentId: string;
  readonly day: number | null;
  /** The primary source key, then `source:<key>@<first day of its window>`. */
  key: string;
  primary: PrimarySource;
}

/**
 * The independent origins among `documents`, from what `mentions` (the event's supporting and
 * denying mentions) attribute. Without mentions, or when none is attributed, documents are
 * grouped by story, credited origin and outlet alone.
 * @example
 *   groupIndependentOrigins(docs, mentions).length // independent origins of the event
 */
export function groupIndependentOrigins(
  documents: readonly DocumentOrigin[],
  mentions: readonly AttributedMention[] = [],
): OriginGroup[] {
  const docs = new Map(documents.map((d) => [d.id, d]));
  const dayOf = (docId: string) => dayNumber(docs.get(docId)?.published?.slice(0, 10) ?? '');
  const attributed = assignPrimarySources(mentions, dayOf);

  // Unattributed support follows the primary source of its document, else of its story.
  const mainKey = (of: (m: Keyed) => boolean) => {
    const counts = new Map<string, number>();
    for (const k of attributed) if (of(k)) counts.set(k.key, (counts.get(k.key) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  };
  const storyOf = (docId: string) => docs.get(docId)?.storyId ?? null;
  const keyOfMention = new Map<string, string>(attributed.map((k) => [k.mentionId, k.key]));
  const own = new Set<string>();
  for (const m of mentions) {
    if (keyOfMention.has(m.id)) continue;
    if (m.attribution?.basis === 'own') {
      own.add(m.documentId);
      continue;
    }
    const story = storyOf(m.documentId);
    const key =
      mainKey((k) => k.documentId === m.documentId) ??
      (story ? mainKey((k) => storyOf(k.documentId) === story) : undefined);
    if (key) keyOfMention.set(m.id, key);
  }

  const c = new Components();
  const nodeKeys = new Map<string, string[]>();
  const link = (node: string, keys: readonly string[]) => {
    c.add(node);
    nodeKeys.set(node, [...keys]);
    for (const k of keys) {
      c.add(k);
      c.union(node, k);
    }
  };
  const docsWithMentions = new Set(mentions.map((m) => m.documentId));
  for (const m of mentions) {
    const key = keyOfMention.get(m.id);
    const d = docs.get(m.documentId);
    link(`m:${m.id}`, key ? [key] : d ? fallbackKeys(d) : [`doc:${m.documentId}`]);
  }
  for (const d of documents) if (!docsWithMentions.has(d.id)) link(`d:${d.id}`, fallbackKeys(d));

  const byNode = new Map(mentions.map((m) => [`m:${m.id}`, m]));
  const byRoot = new Map<string, { docs: Set<string>; mentions: string[]; keys: Set<string> }>();
  for (const [node, keys] of nodeKeys) {
    const root = c.find(node);
    const g = byRoot.get(root) ?? { docs: new Set(), mentions: [], keys: new Set() };
    const m = byNode.get(node);
    if (m) {
      g.docs.add(m.documentId);
      g.mentions.push(m.id);
    } else g.docs.add(node.slice(2));
    for (const k of keys) g.keys.add(k);
    byRoot.set(root, g);
  }
  const primaries = new Map(attributed.map((k) => [k.key, k.primary]));
  const used = new Map<string, number>();
  return [...byRoot.values()]
    .map((g) => {
      const documentIds = [...g.docs].sort();
      const ordered = [...documentIds].sort(
        (a, b) =>
          (docs.get(a)?.published ?? '').localeCompare(docs.get(b)?.published ?? '') ||
          a.localeCompare(b),
      );
      const sourceKey = [...g.keys].find((k) => k.startsWith('source:'));
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

/**
 * Each attributed mention with its origin key `source:<primary source>@<first day of its
 * window>`: mentions of one source whose documents are at most WINDOW_DAYS apart (chained) share
 * a window. A state speaking joins the only listed body of that state attributed in its days.
 */
function assignPrimarySources(
  mentions: readonly AttributedMention[],
  dayOf: (docId: string) => number | null,
): Keyed[] {
  const keyed: Keyed[] = [];
  for (const m of mentions) {
    const key = primarySourceKey(m.attribution);
    if (!key) continue;
    const a = m.attribution!;
    keyed.push({
      mentionId: m.id,
      documentId: m.documentId,
      day: dayOf(m.documentId),
      key,
      primary: { key, actor: a.actor, source: a.source, label: a.label },
    });
  }
  const near = (a: number | null, b: number | null) =>
    a === null || b === null || Math.abs(a - b) <= WINDOW_DAYS;
  for (const k of keyed) {
    if (!k.key.startsWith('actor:')) continue;
    const bodies = keyed.filter(
      (o) =>
        !o.key.startsWith('actor:') && o.primary.actor === k.primary.actor && near(o.day, k.day),
    );
    if (new Set(bodies.map((o) => o.key)).size === 1) {
      k.key = bodies[0]!.key;
      k.primary = bodies[0]!.primary;
    }
  }
  const bySource = new Map<string, Keyed[]>();
  for (const k of keyed) bySource.set(k.key, [...(bySource.get(k.key) ?? []), k]);
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
  return keyed;
}
