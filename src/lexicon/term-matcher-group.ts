/**
 * Several term matchers searched in one pass. The sentence is walked once through the union of
 * their tries instead of once per matcher (a sentence is scanned for actors, triggers, classes,
 * capabilities, modality cues and role markers), and each matcher gets exactly the matches its
 * own find() gives: non-overlapping longest matches, left to right.
 *
 * Terms with an inner `*` ("ядерн* испытани*") need a walk over a set of states; they live in a
 * second, small trie so that every other term is matched by the cheap one-state walk.
 *
 * @example
 * const group = new TermMatcherGroup([triggers, classes]);
 * const found = group.find(norm, mask);
 * found.of(triggers); // TermMatch<TriggerRef>[]
 * @module
 */
import {
  accepts,
  childOf,
  compile,
  descend,
  newNode,
  pairHash,
  STAR,
  startStates,
  stepStates,
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

/** Adds every term of `source` to `plain` or, when its path holds a `*`, to `starred`. */
function splitInto(
  plain: TrieNode<Tagged>,
  starred: TrieNode<Tagged>,
  source: TrieNode<unknown>,
  group: number,
): void {
  const path: number[] = [];
  const visit = (node: TrieNode<unknown>, viaStar: boolean): void => {
    for (const t of node.terminals ?? []) {
      let into = viaStar ? starred : plain;
      for (const step of path) into = descend(into, step);
      into.terminals ??= [];
      into.terminals.push({
        payload: { group, payload: t.payload },
        startBoundary: t.startBoundary,
        endBoundary: t.endBoundary,
      });
    }
    if (node.star !== undefined) {
      path.push(STAR);
      visit(node.star, true);
      path.pop();
    }
    for (const [unit, child] of node.next ?? []) {
      path.push(unit);
      visit(child, viaStar);
      path.pop();
    }
  };
  visit(source, false);
}

/** The matches of one pass, per matcher of the group. */
export class GroupMatches {
  readonly #index: ReadonlyMap<TermMatcher<never>, number>;
  readonly #lists: readonly (TermMatch<unknown>[] | undefined)[];

  constructor(
    index: ReadonlyMap<TermMatcher<never>, number>,
    lists: (TermMatch<unknown>[] | undefined)[],
  ) {
    this.#index = index;
    this.#lists = lists;
  }

  /** What `matcher.find(norm, mask)` would have returned. */
  of<P>(matcher: TermMatcher<P>): TermMatch<P>[] {
    const g = this.#index.get(matcher as TermMatcher<never>);
    if (g === undefined) throw new Error('this matcher is not in the group');
    // A member without matches has no list of its own (most have none in most sentences).
    return (this.#lists[g] ?? []) as TermMatch<P>[];
  }
}

interface WalkState {
  /** End of the longest accepted term per group at the current start, -1 when none. */
  readonly bestEnd: Int32Array;
  /** Payloads of the terms ending there, per group (reused arrays). */
  readonly payloads: unknown[][];
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
  #tries: { plain: CompiledTrie<Tagged>; starred: CompiledTrie<Tagged> } | undefined;
  #anyWithoutStart = false;
  #state: WalkState | undefined;

  constructor(matchers: readonly TermMatcher<never>[]) {
    this.#matchers = matchers;
    matchers.forEach((m, i) => this.#index.set(m, i));
    if (new Set(matchers.map((m) => m.caseSensitive)).size > 1)
      throw new Error('a matcher group mixes case-sensitive and case-insensitive matchers');
  }

  /** Compiled on first use, after every term has been added to the member matchers. */
  #compiled(): { plain: CompiledTrie<Tagged>; starred: CompiledTrie<Tagged> } {
    if (this.#tries !== undefined) return this.#tries;
    const plain = newNode<Tagged>();
    const starred = newNode<Tagged>();
    this.#matchers.forEach((m, group) => {
      const { root: source, anyWithoutStart } = m.buildTrie;
      splitInto(plain, starred, source, group);
      this.#anyWithoutStart ||= anyWithoutStart;
    });
    const n = this.#matchers.length;
    this.#state = {
      bestEnd: new Int32Array(n).fill(-1),
      payloads: this.#matchers.map(() => []),
      touched: new Int32Array(n),
      nTouched: 0,
      nextFree: new Int32Array(n),
    };
    return (this.#tries = { plain: compile(plain), starred: compile(starred) });
  }

  /** Every member's non-overlapping longest matches in the text. */
  find(norm: string, mask: Uint8Array): GroupMatches {
    const { plain, starred } = this.#compiled();
    const s = this.#state!;
    const lists: (TermMatch<unknown>[] | undefined)[] = new Array(this.#matchers.length);
    s.nextFree.fill(0);
    const to = norm.length;
    // The starred trie is only its root when no member has a term with an inner `*`.
    const withStars = starred.terminals.length > 1;
    const anyWithoutStart = this.#anyWithoutStart;
    for (let i = 0; i < to; i++) {
      const atWordStart = i === 0 || mask[i - 1] === 0 || mask[i] === 0;
      if (!anyWithoutStart && !atWordStart) continue;
      const plainHere = mayStartAt(plain, norm, i, to);
      const starHere = withStars && (starred.rootStar || mayStartAt(starred, norm, i, to));
      if (!plainHere && !starHere) continue;
      if (plainHere) walkPlain(plain, s, norm, mask, i, to, atWordStart);
      if (starHere) walkStar(starred, s, norm, mask, i, to, atWordStart);
      if (s.nTouched > 0) collect(s, lists, i);
    }
    return new GroupMatches(this.#index, lists);
  }
}

/** Whether a term of the trie can start at `i` (first unit, then the pair of the first two). */
function mayStartAt(t: CompiledTrie<Tagged>, norm: string, i: number, to: number): boolean {
  const unit = norm.charCodeAt(i);
  const kind = t.first[unit];
  if (kind === 0) return false;
  return kind === 2 || (i + 1 < to && t.pairs[pairHash(unit, norm.charCodeAt(i + 1))] === 1);
}

/** Records the payloads of the accepted terminals ending at `end`, keeping each group's longest. */
function record(
  s: WalkState,
  terminals: readonly Terminal<Tagged>[],
  start: number,
  end: number,
  atWordStart: boolean,
  atWordEnd: boolean,
): void {
  for (const x of terminals) {
    if ((x.startBoundary && !atWordStart) || (x.endBoundary && !atWordEnd)) continue;
    const g = x.payload.group;
    if (start < s.nextFree[g]!) continue;
    const best = s.bestEnd[g]!;
    if (end < best) continue;
    const payloads = s.payloads[g]!;
    if (end > best) {
      if (best === -1) s.touched[s.nTouched++] = g;
      s.bestEnd[g] = end;
      payloads.length = 0;
    }
    payloads.push(x.payload.payload);
  }
}

/** Terms without `*`: one live node. */
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
    record(s, terminals, pos, end, atWordStart, end >= limit || mask[end] === 0 || mask[i] === 0);
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
  let nCur = startStates(t);
  for (let i = pos; i < limit && nCur > 0; i++) {
    nCur = stepStates(t, nCur, norm.charCodeAt(i), mask[i] === 1);
    const cur = t.cur;
    const end = i + 1;
    const atWordEnd = end >= limit || mask[end] === 0 || mask[end - 1] === 0;
    for (let k = 0; k < nCur; k++) {
      const terminals = t.terminals[cur[k]!];
      if (terminals !== undefined && accepts(terminals, atWordStart, atWordEnd))
        record(s, terminals, pos, end, atWordStart, atWordEnd);
    }
  }
}

/** Turns the best ends found at `pos` into matches, and resets the walk state. */
function collect(s: WalkState, lists: (TermMatch<unknown>[] | undefined)[], pos: number): void {
  for (let k = 0; k < s.nTouched; k++) {
    const g = s.touched[k]!;
    const end = s.bestEnd[g]!;
    (lists[g] ??= []).push({ start: pos, end, payloads: s.payloads[g]!.slice() });
    s.nextFree[g] = end;
    s.bestEnd[g] = -1;
  }
  s.nTouched = 0;
}
