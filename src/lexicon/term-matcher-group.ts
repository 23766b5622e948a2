/**
 * Several term matchers searched in one pass. The sentence is walked once through the union of
 * their tries instead of once per matcher (a sentence is scanned for actors, triggers, classes,
 * capabilities, modality cues and role markers), and each matcher gets exactly the matches its
 * own find() gives: non-overlapping longest matches, left to right.
 *
 * @example
 * const group = new TermMatcherGroup([triggers, classes]);
 * const found = group.find(norm, mask);
 * found.of(triggers); // TermMatch<TriggerRef>[]
 * @module
 */
import {
  STEP_LIMIT,
  accepts,
  childOf,
  compile,
  newNode,
  pairHash,
  type CompiledTrie,
  type Terminal,
  type TrieNode,
} from './compiled-trie.js';
import type { TermMatch, TermMatcher } from './term-matcher.js';

/** A terminal of the union trie remembers which matcher it came from. */
interface Tagged {
  readonly group: number;
  readonly payload: unknown;
}

function mergeInto(target: TrieNode<Tagged>, source: TrieNode<unknown>, group: number): void {
  for (const t of source.terminals ?? []) {
    target.terminals ??= [];
    target.terminals.push({
      payload: { group, payload: t.payload },
      startBoundary: t.startBoundary,
      endBoundary: t.endBoundary,
    });
  }
  if (source.star !== undefined) {
    target.star ??= newNode(true);
    mergeInto(target.star, source.star, group);
  }
  for (const [unit, child] of source.next ?? []) {
    target.next ??= new Map();
    let into = target.next.get(unit);
    if (into === undefined) {
      into = newNode();
      target.next.set(unit, into);
    }
    mergeInto(into, child, group);
  }
}

/** The matches of one pass, per matcher of the group. */
export class GroupMatches {
  readonly #index: ReadonlyMap<TermMatcher<never>, number>;
  readonly #lists: readonly TermMatch<unknown>[][];

  constructor(index: ReadonlyMap<TermMatcher<never>, number>, lists: TermMatch<unknown>[][]) {
    this.#index = index;
    this.#lists = lists;
  }

  /** What `matcher.find(norm, mask)` would have returned. */
  of<P>(matcher: TermMatcher<P>): TermMatch<P>[] {
    const g = this.#index.get(matcher as TermMatcher<never>);
    if (g === undefined) throw new Error('this matcher is not in the group');
    return this.#lists[g] as TermMatch<P>[];
  }
}

interface WalkState {
  /** End of the longest accepted term per group at the current start, -1 when none. */
  readonly bestEnd: Int32Array;
  /** Trie nodes ending there, per group. */
  readonly bestNodes: number[][];
  /** Groups given a best end at the current start. */
  readonly touched: Int32Array;
  nTouched: number;
  /** Per group, the first position a new match may start (greedy, non-overlapping). */
  readonly nextFree: Int32Array;
}

/** A fixed set of matchers (all of the same case sensitivity) searched together. */
export class TermMatcherGroup {
  readonly #matchers: readonly TermMatcher<never>[];
  readonly #index = new Map<TermMatcher<never>, number>();
  #trie: CompiledTrie<Tagged> | undefined;
  #anyWithoutStart = false;
  #state: WalkState | undefined;

  constructor(matchers: readonly TermMatcher<never>[]) {
    this.#matchers = matchers;
    matchers.forEach((m, i) => this.#index.set(m, i));
    if (new Set(matchers.map((m) => m.caseSensitive)).size > 1)
      throw new Error('a matcher group mixes case-sensitive and case-insensitive matchers');
  }

  /** Compiled on first use, after every term has been added to the member matchers. */
  #compiled(): CompiledTrie<Tagged> {
    if (this.#trie !== undefined) return this.#trie;
    const root = newNode<Tagged>();
    this.#matchers.forEach((m, group) => {
      const { root: source, anyWithoutStart } = m.buildTrie;
      mergeInto(root, source, group);
      this.#anyWithoutStart ||= anyWithoutStart;
    });
    const n = this.#matchers.length;
    this.#state = {
      bestEnd: new Int32Array(n).fill(-1),
      bestNodes: this.#matchers.map(() => []),
      touched: new Int32Array(n),
      nTouched: 0,
      nextFree: new Int32Array(n),
    };
    return (this.#trie = compile(root));
  }

  /** Every member's non-overlapping longest matches in the text. */
  find(norm: string, mask: Uint8Array): GroupMatches {
    const t = this.#compiled();
    const s = this.#state!;
    const lists: TermMatch<unknown>[][] = this.#matchers.map(() => []);
    s.nextFree.fill(0);
    const to = norm.length;
    const { first, pairs, rootStar, anyStar } = t;
    for (let i = 0; i < to; i++) {
      if (!rootStar) {
        const unit = norm.charCodeAt(i);
        const kind = first[unit];
        if (
          kind === 0 ||
          (kind === 1 && (i + 1 >= to || pairs[pairHash(unit, norm.charCodeAt(i + 1))] === 0))
        )
          continue;
      }
      const atWordStart = i === 0 || mask[i - 1] === 0 || mask[i] === 0;
      if (!this.#anyWithoutStart && !atWordStart) continue;
      if (anyStar) walkStar(t, s, norm, mask, i, to, atWordStart);
      else walkPlain(t, s, norm, mask, i, to, atWordStart);
      collect(t, s, lists, mask, i, to, atWordStart);
    }
    return new GroupMatches(this.#index, lists);
  }
}

/** Records, for the group of each accepted terminal, the node ending at `end`. */
function record(
  s: WalkState,
  terminals: readonly Terminal<Tagged>[],
  node: number,
  start: number,
  end: number,
  atWordStart: boolean,
  atWordEnd: boolean,
): void {
  for (const x of terminals) {
    if ((x.startBoundary && !atWordStart) || (x.endBoundary && !atWordEnd)) continue;
    const g = x.payload.group;
    if (start < s.nextFree[g]!) continue;
    const nodes = s.bestNodes[g]!;
    if (s.bestEnd[g] !== end) {
      if (s.bestEnd[g] === -1) s.touched[s.nTouched++] = g;
      s.bestEnd[g] = end;
      nodes.length = 0;
    }
    if (nodes[nodes.length - 1] !== node) nodes.push(node);
  }
}

/** No `*` in any term: one live node. */
function walkPlain(
  t: CompiledTrie<Tagged>,
  s: WalkState,
  norm: string,
  mask: Uint8Array,
  pos: number,
  limit: number,
  atWordStart: boolean,
): void {
  let node = 0;
  for (let i = pos; i < limit; i++) {
    node = childOf(t, node, norm.charCodeAt(i));
    if (node < 0) return;
    const terminals = t.terminals[node];
    if (terminals === undefined) continue;
    const end = i + 1;
    record(
      s,
      terminals,
      node,
      pos,
      end,
      atWordStart,
      end >= limit || mask[end] === 0 || mask[i] === 0,
    );
  }
}

/** With `*` several nodes can be live at once: a set of states, stamped to stay unique. */
function walkStar(
  t: CompiledTrie<Tagged>,
  s: WalkState,
  norm: string,
  mask: Uint8Array,
  pos: number,
  limit: number,
  atWordStart: boolean,
): void {
  const seen = t.seen;
  let cur = t.cur;
  let nxt = t.nxt;
  let nCur = 0;
  cur[nCur++] = 0;
  if (t.star[0]! >= 0) cur[nCur++] = t.star[0]!;
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
        const star = t.star[c]!;
        if (star >= 0 && seen[star] !== step) {
          seen[star] = step;
          nxt[nNxt++] = star;
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
    for (let k = 0; k < nCur; k++) {
      const terminals = t.terminals[cur[k]!];
      if (terminals !== undefined && accepts(terminals, atWordStart, atWordEnd))
        record(s, terminals, cur[k]!, pos, end, atWordStart, atWordEnd);
    }
  }
  t.cur = cur;
  t.nxt = nxt;
}

/** Turns the best ends found at `pos` into matches, and resets the walk state. */
function collect(
  t: CompiledTrie<Tagged>,
  s: WalkState,
  lists: TermMatch<unknown>[][],
  mask: Uint8Array,
  pos: number,
  limit: number,
  atWordStart: boolean,
): void {
  for (let k = 0; k < s.nTouched; k++) {
    const g = s.touched[k]!;
    const end = s.bestEnd[g]!;
    const atWordEnd = end >= limit || mask[end] === 0 || mask[end - 1] === 0;
    const payloads: unknown[] = [];
    for (const node of s.bestNodes[g]!)
      for (const x of t.terminals[node]!)
        if (
          x.payload.group === g &&
          (!x.startBoundary || atWordStart) &&
          (!x.endBoundary || atWordEnd)
        )
          payloads.push(x.payload.payload);
    lists[g]!.push({ start: pos, end, payloads });
    s.nextFree[g] = end;
    s.bestEnd[g] = -1;
  }
  s.nTouched = 0;
}
