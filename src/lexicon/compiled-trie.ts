/**
 * The trie behind term matching, built from objects while terms are added and then compiled into
 * flat typed arrays (one open-addressing transition table for all nodes): matching runs about ten
 * times per character of every document, and a Map lookup per step dominated extraction time.
 * @module
 */

export interface Terminal<P> {
  readonly payload: P;
  readonly startBoundary: boolean;
  readonly endBoundary: boolean;
}

/** Build-time trie node. */
export interface TrieNode<P> {
  next: Map<number, TrieNode<P>> | undefined;
  terminals: Terminal<P>[] | undefined;
  /** Reached after any run of word characters: the `*` inside `stem* stem`. */
  star: TrieNode<P> | undefined;
  /** This node absorbs word characters (it is some node's `star`). */
  absorbs: boolean;
}

export function newNode<P>(absorbs = false): TrieNode<P> {
  return { next: undefined, terminals: undefined, star: undefined, absorbs };
}

/** Path step standing for `*` in a term (no UTF-16 unit is negative). */
export const STAR = -1;

/** The child of a build-time node on `unit` (or its star on STAR), created when missing. */
export function descend<P>(node: TrieNode<P>, unit: number): TrieNode<P> {
  if (unit === STAR) return (node.star ??= newNode(true));
  node.next ??= new Map();
  let child = node.next.get(unit);
  if (child === undefined) {
    child = newNode();
    node.next.set(unit, child);
  }
  return child;
}

export const PAIR_TABLE_SIZE = 1 << 16;
/** Stamps restart before they outgrow the Int32Array that holds them (a long-running process). */
export const STEP_LIMIT = 2 ** 30;

export function pairHash(first: number, second: number): number {
  return (first * 31 + second) & (PAIR_TABLE_SIZE - 1);
}

/** Flags of a flat terminal: the term needs a word boundary before it, after it. */
export const TERM_START_BOUNDARY = 1;
export const TERM_END_BOUNDARY = 2;

/** The trie as flat arrays; node 0 is the root. */
export interface CompiledTrie<P> {
  /**
   * Transitions, grouped by node and sorted by unit: those of node n are the entries
   * [edgeStart[n], edgeStart[n + 1]) of `edgeUnit` (the unit) and `edgeChild` (the child).
   */
  readonly edgeStart: Int32Array;
  readonly edgeUnit: Uint16Array;
  readonly edgeChild: Int32Array;
  /** The root's child per unit below its length (-1 when none): every walk starts there. */
  readonly rootChild: Int32Array;
  readonly terminals: readonly (readonly Terminal<P>[] | undefined)[];
  /**
   * The terminals again, flat: those of node n are the entries [termStart[n], termStart[n + 1])
   * of `termPayload` and `termFlags` (TERM_START_BOUNDARY, TERM_END_BOUNDARY).
   */
  readonly termStart: Int32Array;
  readonly termFlags: Uint8Array;
  readonly termPayload: readonly P[];
  /** Star node of each node, -1 when none. */
  readonly star: Int32Array;
  readonly absorbs: Uint8Array;
  /** first[u]: 0 no term starts with u; 1 check the next unit in `pairs`; 2 any next unit. */
  readonly first: Uint8Array;
  readonly pairs: Uint8Array;
  readonly rootStar: boolean;
  readonly anyStar: boolean;
  // Reused state for the star (NFA) walk: matching allocates nothing per position.
  readonly seen: Int32Array;
  cur: Int32Array;
  nxt: Int32Array;
  found: Int32Array;
  best: Int32Array;
  step: number;
}

export function compile<P>(root: TrieNode<P>): CompiledTrie<P> {
  const nodes: TrieNode<P>[] = [root];
  const ids = new Map<TrieNode<P>, number>([[root, 0]]);
  let transitions = 0;
  for (let k = 0; k < nodes.length; k++) {
    const n = nodes[k]!;
    const reach = [...(n.next?.values() ?? []), ...(n.star !== undefined ? [n.star] : [])];
    transitions += n.next?.size ?? 0;
    for (const c of reach) {
      if (!ids.has(c)) {
        ids.set(c, nodes.length);
        nodes.push(c);
      }
    }
  }
  const edgeStart = new Int32Array(nodes.length + 1);
  const edgeUnit = new Uint16Array(transitions);
  const edgeChild = new Int32Array(transitions);
  let rootUnits = 0;
  for (const unit of root.next?.keys() ?? []) rootUnits = Math.max(rootUnits, unit + 1);
  const rootChild = new Int32Array(rootUnits).fill(-1);
  const termStart = new Int32Array(nodes.length + 1);
  const termFlags: number[] = [];
  const termPayload: P[] = [];
  const star = new Int32Array(nodes.length).fill(-1);
  const absorbs = new Uint8Array(nodes.length);
  const terminals: (Terminal<P>[] | undefined)[] = [];
  let e = 0;
  nodes.forEach((n, id) => {
    terminals.push(n.terminals);
    termStart[id] = termPayload.length;
    for (const x of n.terminals ?? []) {
      termPayload.push(x.payload);
      termFlags.push(
        (x.startBoundary ? TERM_START_BOUNDARY : 0) | (x.endBoundary ? TERM_END_BOUNDARY : 0),
      );
    }
    if (n.star !== undefined) star[id] = ids.get(n.star)!;
    if (n.absorbs) absorbs[id] = 1;
    edgeStart[id] = e;
    for (const [unit, c] of [...(n.next ?? [])].sort((a, b) => a[0] - b[0])) {
      edgeUnit[e] = unit;
      edgeChild[e] = ids.get(c)!;
      if (id === 0) rootChild[unit] = edgeChild[e]!;
      e++;
    }
  });
  edgeStart[nodes.length] = e;
  termStart[nodes.length] = termPayload.length;
  const first = new Uint8Array(65536);
  const pairs = new Uint8Array(PAIR_TABLE_SIZE);
  for (const [unit, c] of root.next ?? []) {
    if (c.terminals !== undefined || c.star !== undefined || c.next === undefined) {
      first[unit] = 2;
      continue;
    }
    first[unit] = 1;
    for (const second of c.next.keys()) pairs[pairHash(unit, second)] = 1;
  }
  const anyStar = nodes.some((n) => n.star !== undefined);
  return {
    edgeStart,
    edgeUnit,
    edgeChild,
    rootChild,
    terminals,
    termStart,
    termFlags: Uint8Array.from(termFlags),
    termPayload,
    star,
    absorbs,
    first,
    pairs,
    rootStar: root.star !== undefined,
    anyStar,
    seen: new Int32Array(nodes.length),
    cur: new Int32Array(nodes.length),
    nxt: new Int32Array(nodes.length),
    found: new Int32Array(nodes.length),
    best: new Int32Array(nodes.length),
    step: 0,
  };
}

/** Child of `node` on `unit`, or -1. */
export function childOf<P>(t: CompiledTrie<P>, node: number, unit: number): number {
  if (node === 0) return unit < t.rootChild.length ? t.rootChild[unit]! : -1;
  const units = t.edgeUnit;
  let lo = t.edgeStart[node]!;
  let hi = t.edgeStart[node + 1]!;
  // Most nodes have one or two children: a linear scan; a binary search above that.
  while (hi - lo > 8) {
    const mid = (lo + hi) >>> 1;
    if (units[mid]! < unit) lo = mid + 1;
    else hi = mid + 1;
  }
  for (; lo < hi; lo++) {
    const u = units[lo]!;
    if (u === unit) return t.edgeChild[lo]!;
    if (u > unit) return -1;
  }
  return -1;
}

export function accepts<P>(
  terminals: readonly Terminal<P>[],
  atWordStart: boolean,
  atWordEnd: boolean,
): boolean {
  for (let t = 0; t < terminals.length; t++) {
    const x = terminals[t]!;
    if ((!x.startBoundary || atWordStart) && (!x.endBoundary || atWordEnd)) return true;
  }
  return false;
}

/** Puts the walk's starting states (the root, and its star) in `t.cur`; returns how many. */
export function startStates<P>(t: CompiledTrie<P>): number {
  t.cur[0] = 0;
  if (t.star[0]! < 0) return 1;
  t.cur[1] = t.star[0]!;
  return 2;
}

/**
 * One step of the walk over a set of states (terms with an inner `*`): the states reached from
 * `t.cur[0..count)` on `unit` replace them in `t.cur`; a star state stays live while `inWord`.
 * Stamps keep the set free of duplicates in O(1). Returns the new count.
 */
export function stepStates<P>(
  t: CompiledTrie<P>,
  count: number,
  unit: number,
  inWord: boolean,
): number {
  const { seen, cur, nxt } = t;
  if (t.step >= STEP_LIMIT) {
    seen.fill(0);
    t.step = 0;
  }
  const step = ++t.step;
  let n = 0;
  for (let k = 0; k < count; k++) {
    const node = cur[k]!;
    const child = childOf(t, node, unit);
    if (child >= 0) {
      if (seen[child] !== step) {
        seen[child] = step;
        nxt[n++] = child;
      }
      const star = t.star[child]!;
      if (star >= 0 && seen[star] !== step) {
        seen[star] = step;
        nxt[n++] = star;
      }
    }
    if (inWord && t.absorbs[node] === 1 && seen[node] !== step) {
      seen[node] = step;
      nxt[n++] = node;
    }
  }
  t.cur = nxt;
  t.nxt = cur;
  return n;
}

/**
 * A plain trie (no `*`) as a double array, for the hottest walk: the child of the node in cell c
 * on unit u is the cell d = base(c) + u when check(d) is c. A cell is two numbers side by side,
 * its base and its check (with DA_TERMINAL set when the cell has terminals), so a step of the
 * walk reads one small cell: the trie's nodes are spread over memory, and the walk waits on
 * memory more than it computes. The terminals' range is apart, read only at a terminal cell.
 */
export interface DoubleArrayTrie {
  /** Per cell: base, then check (the parent cell, -1 when free) | DA_TERMINAL. */
  readonly cells: Int32Array;
  /** Per cell: first and end flat terminal (CompiledTrie.termStart) of its node. */
  readonly terms: Int32Array;
  /** Cells in `cells` (its length / 2). */
  readonly size: number;
}

/** Cell of the root. */
export const DA_ROOT = 0;
/** Bit of a cell's check telling that its node has terminals. */
export const DA_TERMINAL = 1 << 30;
/** The parent cell in a check. */
export const DA_PARENT = DA_TERMINAL - 1;

/** The double array of a compiled trie's plain transitions (its star links are left out). */
export function toDoubleArray<P>(t: CompiledTrie<P>): DoubleArrayTrie {
  const nodeCount = t.edgeStart.length - 1;
  let capacity = 1024;
  let base = new Int32Array(capacity);
  let check = new Int32Array(capacity).fill(-1);
  const grow = (needed: number): void => {
    if (needed < capacity) return;
    let c = capacity;
    while (c <= needed) c *= 2;
    const b = new Int32Array(c);
    b.set(base);
    const k = new Int32Array(c).fill(-1);
    k.set(check);
    base = b;
    check = k;
    capacity = c;
  };
  const cellOf = new Int32Array(nodeCount).fill(-1);
  cellOf[0] = DA_ROOT;
  check[DA_ROOT] = DA_ROOT;
  let size = 1;
  // The first cell that may be free: cells below it are all taken.
  let firstFree = 1;
  // Nodes in BFS order (node ids of compile() already are): a parent is placed before its children.
  for (let node = 0; node < nodeCount; node++) {
    const cell = cellOf[node]!;
    const from = t.edgeStart[node]!;
    const to = t.edgeStart[node + 1]!;
    if (from === to) continue;
    const low = t.edgeUnit[from]!;
    while (firstFree < capacity && check[firstFree] !== -1) firstFree++;
    let b = firstFree - low;
    for (;;) {
      let fits = b + low >= 1;
      for (let e = from; fits && e < to; e++) {
        const d = b + t.edgeUnit[e]!;
        grow(d);
        if (check[d] !== -1) fits = false;
      }
      if (fits) break;
      // Next free cell for the lowest unit.
      let f = b + low + 1;
      grow(f);
      while (check[f] !== -1) {
        f++;
        grow(f);
      }
      b = f - low;
    }
    base[cell] = b;
    for (let e = from; e < to; e++) {
      const d = b + t.edgeUnit[e]!;
      check[d] = cell;
      cellOf[t.edgeChild[e]!] = d;
      if (d + 1 > size) size = d + 1;
    }
  }
  if (size >= DA_TERMINAL) throw new Error('trie too large for its double array');
  const cells = new Int32Array(size * 2);
  const terms = new Int32Array(size * 2);
  for (let c = 0; c < size; c++) {
    cells[c * 2] = base[c]!;
    cells[c * 2 + 1] = c === DA_ROOT ? -1 : check[c]!;
  }
  for (let node = 0; node < nodeCount; node++) {
    const c = cellOf[node]!;
    const first = t.termStart[node]!;
    const end = t.termStart[node + 1]!;
    terms[c * 2] = first;
    terms[c * 2 + 1] = end;
    if (end > first) cells[c * 2 + 1]! |= DA_TERMINAL;
  }
  return { cells, terms, size };
}
