/**
 * Longest-match term search over a length-preserving normalisation of the text (see
 * normalize-text.ts), so that match offsets are offsets into the original string.
 *
 * Terms are added into a trie of objects; on first use the trie is compiled into flat typed
 * arrays (one open-addressing transition table for all nodes), because matching runs ~10 times
 * per character of every document and a Map lookup per step dominated extraction time.
 * @module
 */
import { normalizeText } from './normalize-text.js';

export interface TermMatch<P> {
  readonly start: number;
  readonly end: number;
  readonly payloads: readonly P[];
}

interface Terminal<P> {
  readonly payload: P;
  readonly startBoundary: boolean;
  readonly endBoundary: boolean;
}

/** Build-time trie node. */
interface TrieNode<P> {
  next: Map<number, TrieNode<P>> | undefined;
  terminals: Terminal<P>[] | undefined;
  /** Reached after any run of word characters: the `*` inside `stem* stem`. */
  star: TrieNode<P> | undefined;
  /** This node absorbs word characters (it is some node's `star`). */
  absorbs: boolean;
}

function newNode<P>(absorbs = false): TrieNode<P> {
  return { next: undefined, terminals: undefined, star: undefined, absorbs };
}

export interface AddOptions {
  /** Whether the language separates words with spaces. */
  readonly boundaries: boolean;
  /** Overrides for marker lists (Korean particles: no start boundary, end boundary). */
  readonly startBoundary?: boolean;
  readonly endBoundary?: boolean;
}

const PAIR_TABLE_SIZE = 1 << 16;
/** Stamps restart before they outgrow the Int32Array that holds them (a long-running process). */
const STEP_LIMIT = 2 ** 30;

function pairHash(first: number, second: number): number {
  return (first * 31 + second) & (PAIR_TABLE_SIZE - 1);
}

/** The trie as flat arrays; node 0 is the root. */
interface CompiledTrie<P> {
  /** Transition table: slot → (node, unit) key and child node; keyNode -1 marks an empty slot. */
  readonly keyNode: Int32Array;
  readonly keyUnit: Uint16Array;
  readonly child: Int32Array;
  readonly shift: number;
  readonly terminals: readonly (readonly Terminal<P>[] | undefined)[];
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

function slotOf(node: number, unit: number, shift: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(unit + 1, 0x85ebca6b)) >>> shift;
}

function compile<P>(root: TrieNode<P>): CompiledTrie<P> {
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
  let bits = 4;
  while (1 << bits < transitions * 2) bits++;
  const size = 1 << bits;
  const shift = 32 - bits;
  const keyNode = new Int32Array(size).fill(-1);
  const keyUnit = new Uint16Array(size);
  const child = new Int32Array(size);
  const star = new Int32Array(nodes.length).fill(-1);
  const absorbs = new Uint8Array(nodes.length);
  const terminals: (Terminal<P>[] | undefined)[] = [];
  nodes.forEach((n, id) => {
    terminals.push(n.terminals);
    if (n.star !== undefined) star[id] = ids.get(n.star)!;
    if (n.absorbs) absorbs[id] = 1;
    for (const [unit, c] of n.next ?? []) {
      let s = slotOf(id, unit, shift);
      while (keyNode[s] !== -1) s = (s + 1) & (size - 1);
      keyNode[s] = id;
      keyUnit[s] = unit;
      child[s] = ids.get(c)!;
    }
  });
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
    keyNode,
    keyUnit,
    child,
    shift,
    terminals,
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
function childOf<P>(t: CompiledTrie<P>, node: number, unit: number): number {
  const keyNode = t.keyNode;
  const mask = keyNode.length - 1;
  let s = slotOf(node, unit, t.shift);
  for (;;) {
    const k = keyNode[s]!;
    if (k === -1) return -1;
    if (k === node && t.keyUnit[s] === unit) return t.child[s]!;
    s = (s + 1) & mask;
  }
}

function accepts<P>(
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

/** A compiled set of terms; find() returns non-overlapping longest matches left to right. */
export class TermMatcher<P> {
  private readonly root: TrieNode<P> = newNode();
  private anyWithoutStart = false;
  private size = 0;
  private compiled: CompiledTrie<P> | undefined;
  readonly caseSensitive: boolean;

  constructor(caseSensitive = false) {
    this.caseSensitive = caseSensitive;
  }

  get count(): number {
    return this.size;
  }

  /** Adds a term written in the data-file syntax (`=word`, `stem*`); endings are expanded beforehand. */
  add(rawTerm: string, payload: P, options: AddOptions): void {
    let term = rawTerm.trim();
    let forceWhole = false;
    let prefix = false;
    if (term.startsWith('=')) {
      forceWhole = true;
      term = term.slice(1);
    }
    if (term.endsWith('*')) {
      prefix = true;
      term = term.slice(0, -1);
    }
    term = normalizeText(term, !this.caseSensitive);
    if (term.length === 0) return;
    const startBoundary = options.startBoundary ?? (forceWhole || options.boundaries);
    const endBoundary = !prefix && (options.endBoundary ?? (forceWhole || options.boundaries));
    if (!startBoundary) this.anyWithoutStart = true;
    let node = this.root;
    for (let k = 0; k < term.length; k++) {
      const unit = term.charCodeAt(k);
      if (unit === 42 /* '*' */) {
        node.star ??= newNode(true);
        node = node.star;
        continue;
      }
      node.next ??= new Map();
      let child = node.next.get(unit);
      if (child === undefined) {
        child = newNode();
        node.next.set(unit, child);
      }
      node = child;
    }
    this.compiled = undefined;
    node.terminals ??= [];
    node.terminals.push({ payload, startBoundary, endBoundary });
    this.size++;
  }

  private trie(): CompiledTrie<P> {
    return (this.compiled ??= compile(this.root));
  }

  private static result<P>(
    t: CompiledTrie<P>,
    nodes: Int32Array,
    count: number,
    mask: Uint8Array,
    pos: number,
    bestEnd: number,
    limit: number,
    atWordStart: boolean,
  ): TermMatch<P> {
    const atWordEnd = bestEnd >= limit || mask[bestEnd] === 0 || mask[bestEnd - 1] === 0;
    const payloads: P[] = [];
    for (let k = 0; k < count; k++)
      for (const x of t.terminals[nodes[k]!]!)
        if ((!x.startBoundary || atWordStart) && (!x.endBoundary || atWordEnd))
          payloads.push(x.payload);
    return { start: pos, end: bestEnd, payloads };
  }

  /** The longest term starting exactly at `pos`, or null. */
  matchAt(norm: string, mask: Uint8Array, pos: number, limit = norm.length): TermMatch<P> | null {
    const t = this.trie();
    const atWordStart = pos === 0 || mask[pos - 1] === 0 || mask[pos] === 0;
    return t.anyStar
      ? TermMatcher.matchStar(t, norm, mask, pos, limit, atWordStart)
      : TermMatcher.matchPlain(t, norm, mask, pos, limit, atWordStart);
  }

  /** Without `*` the trie walk is deterministic: one live node. */
  private static matchPlain<P>(
    t: CompiledTrie<P>,
    norm: string,
    mask: Uint8Array,
    pos: number,
    limit: number,
    atWordStart: boolean,
  ): TermMatch<P> | null {
    let node = 0;
    let bestEnd = -1;
    let bestNode = -1;
    for (let i = pos; i < limit; i++) {
      node = childOf(t, node, norm.charCodeAt(i));
      if (node < 0) break;
      const terminals = t.terminals[node];
      if (terminals === undefined) continue;
      const end = i + 1;
      const atWordEnd = end >= limit || mask[end] === 0 || mask[i] === 0;
      if (accepts(terminals, atWordStart, atWordEnd)) {
        bestEnd = end;
        bestNode = node;
      }
    }
    if (bestNode < 0) return null;
    t.found[0] = bestNode;
    return TermMatcher.result(t, t.found, 1, mask, pos, bestEnd, limit, atWordStart);
  }

  /** With `*` several trie nodes can be live at once: a set of states, stamped to stay unique. */
  private static matchStar<P>(
    t: CompiledTrie<P>,
    norm: string,
    mask: Uint8Array,
    pos: number,
    limit: number,
    atWordStart: boolean,
  ): TermMatch<P> | null {
    const seen = t.seen;
    let cur = t.cur;
    let nxt = t.nxt;
    let found = t.found;
    let best = t.best;
    let nCur = 0;
    cur[nCur++] = 0;
    if (t.star[0]! >= 0) cur[nCur++] = t.star[0]!;
    let bestEnd = -1;
    let nBest = 0;
    for (let i = pos; i < limit && nCur > 0; i++) {
      const unit = norm.charCodeAt(i);
      if (t.step >= STEP_LIMIT) {
        seen.fill(0);
        t.step = 0;
      }
      const step = ++t.step;
      let nNxt = 0;
      for (let k = 0; k < nCur; k++) {
        const n = cur[k]!;
        const c = childOf(t, n, unit);
        if (c >= 0) {
          if (seen[c] !== step) {
            seen[c] = step;
            nxt[nNxt++] = c;
          }
          const s = t.star[c]!;
          if (s >= 0 && seen[s] !== step) {
            seen[s] = step;
            nxt[nNxt++] = s;
          }
        }
        if (t.absorbs[n] === 1 && mask[i] === 1 && seen[n] !== step) {
          seen[n] = step;
          nxt[nNxt++] = n;
        }
      }
      const swap = cur;
      cur = nxt;
      nxt = swap;
      nCur = nNxt;
      const end = i + 1;
      const atWordEnd = end >= limit || mask[end] === 0 || mask[end - 1] === 0;
      let nFound = 0;
      for (let k = 0; k < nCur; k++) {
        const terminals = t.terminals[cur[k]!];
        if (terminals !== undefined && accepts(terminals, atWordStart, atWordEnd))
          found[nFound++] = cur[k]!;
      }
      if (nFound > 0) {
        bestEnd = end;
        const swapFound = found;
        found = best;
        best = swapFound;
        nBest = nFound;
      }
    }
    t.cur = cur;
    t.nxt = nxt;
    t.found = found;
    t.best = best;
    if (nBest === 0) return null;
    return TermMatcher.result(t, best, nBest, mask, pos, bestEnd, limit, atWordStart);
  }

  /** All non-overlapping longest matches in [from, to). */
  find(norm: string, mask: Uint8Array, from = 0, to = norm.length): TermMatch<P>[] {
    const out: TermMatch<P>[] = [];
    if (this.size === 0) return out;
    const t = this.trie();
    const { first, pairs, rootStar, anyStar } = t;
    const anyWithoutStart = this.anyWithoutStart;
    let i = from;
    while (i < to) {
      if (!rootStar) {
        const unit = norm.charCodeAt(i);
        const kind = first[unit];
        if (
          kind === 0 ||
          (kind === 1 && (i + 1 >= to || pairs[pairHash(unit, norm.charCodeAt(i + 1))] === 0))
        ) {
          i++;
          continue;
        }
      }
      if (anyWithoutStart || i === 0 || mask[i - 1] === 0 || mask[i] === 0) {
        const atWordStart = i === 0 || mask[i - 1] === 0 || mask[i] === 0;
        const m = anyStar
          ? TermMatcher.matchStar(t, norm, mask, i, to, atWordStart)
          : TermMatcher.matchPlain(t, norm, mask, i, to, atWordStart);
        if (m !== null) {
          out.push(m);
          i = m.end;
          continue;
        }
      }
      i++;
    }
    return out;
  }
}
