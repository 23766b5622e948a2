/**
 * Independent origins: documents that share a story (syndicated copies), credit the same origin
 * ("according to Yonhap", or published by Yonhap itself) or come from the same outlet are one
 * origin. Computed as connected components, so the grouping does not depend on order.
 * @module
 */

export interface DocumentOrigin {
  readonly id: string;
  readonly storyId: string | null;
  readonly origin: string | null;
  readonly outlet: string | null;
}

export interface OriginGroup {
  /** The smallest document id in the group (stable label). */
  readonly id: string;
  readonly documentIds: readonly string[];
  /** The keys that tied the documents together (story:, origin:, outlet:). */
  readonly keys: readonly string[];
}

export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function keysOf(d: DocumentOrigin): string[] {
  const keys: string[] = [];
  if (d.storyId) keys.push(`story:${d.storyId}`);
  const credited = d.origin ?? d.outlet;
  if (credited && normaliseName(credited)) keys.push(`origin:${normaliseName(credited)}`);
  if (d.outlet && normaliseName(d.outlet)) keys.push(`outlet:${normaliseName(d.outlet)}`);
  return keys;
}

export function groupIndependentOrigins(documents: readonly DocumentOrigin[]): OriginGroup[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  const docKeys = new Map<string, string[]>();
  for (const d of documents) {
    const node = `doc:${d.id}`;
    parent.set(node, node);
    const keys = keysOf(d);
    docKeys.set(d.id, keys);
    for (const k of keys) if (!parent.has(k)) parent.set(k, k);
  }
  for (const d of documents) for (const k of docKeys.get(d.id)!) union(`doc:${d.id}`, k);
  const groups = new Map<string, { docs: string[]; keys: Set<string> }>();
  for (const d of documents) {
    const root = find(`doc:${d.id}`);
    const g = groups.get(root) ?? { docs: [], keys: new Set<string>() };
    g.docs.push(d.id);
    for (const k of docKeys.get(d.id)!) g.keys.add(k);
    groups.set(root, g);
  }
  return [...groups.values()]
    .map((g) => {
      const docs = [...new Set(g.docs)].sort();
      return { id: docs[0]!, documentIds: docs, keys: [...g.keys].sort() };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
