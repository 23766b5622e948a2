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
  compile,
  descend,
  newNode,
  pairHash,
  STAR,
  startStates,
  stepStates,
  TERM_END_BOUNDARY,
  TERM_START_BOUNDARY,
  toDoubleArray,
  DA_ROOT,
  DA_PARENT,
  DA_TERMINAL,
  type DoubleArrayTrie,
  type CompiledTrie,
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

const NO_MATCHES: readonly TermMatch<never>[] = Object.freeze([]);

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

  /** What `matcher.find(norm, mask)` would have returned (read-only: lists may be shared). */
  of<P>(matcher: TermMatcher<P>): readonly TermMatch<P>[] {
    const g = this.#index.get(matcher as TermMatcher<never>);
    if (g === undefined) throw new Error('this matcher is not in the group');
    // A member without matches has no list of its own (most have none in most sentences): they
    // share one empty list rather than get a new one each.
    return (this.#lists[g] ?? NO_MATCHES) as readonly TermMatch<P>[];
  }
}

/** A compiled union trie with, per flat terminal, the member it belongs to. */
interface GroupTrie {
  readonly trie: CompiledTrie<Tagged>;
  /** The plain transitions as a double array, for walkPlain. */
  readonly da: DoubleArrayTrie;
  /** Per flat terminal (see CompiledTrie.termStart): its member and its payload. */
  readonly termGroup: Int32Array;
  readonly termValue: readonly unknown[];
}

function groupTrie(root: TrieNode<Tagged>): GroupTrie {
  const trie = compile(root);
  return {
    trie,
    da: toDoubleArray(trie),
    termGroup: Int32Array.from(trie.termPayload, (x) => x.group),
    termValue: trie.termPayload.map((x) => x.payload),
  };
}

interface WalkState {
  /** End of the longest accepted term per group at the current start, -1 when none. */
  readonly bestEnd: Int32Array;
  /** Groups given a best end at the current start. */
  readonly touched: Int32Array;
  nTouched: number;
  /** Per group, the first position a new match may start (greedy, non-overlapping). */
  readonly nextFree: Int32Array;
  /**
   * Terms accepted at the current start, in the order found: group, end and payload. A group's
   * payloads are those recorded with its best end (ends only grow while they are recorded).
   */
  pendGroup: Int32Array;
  pendEnd: Int32Array;
  readonly pendValue: unknown[];
  nPending: number;
  /** Per group, the payload of its last one-payload match and that match's payloads array. */
  readonly singleValue: unknown[];
  readonly single: (unknown[] | undefined)[];
}

/** A fixed set of matchers (all of the same case sensitivity) searched together. */
export class TermMatcherGroup {
  readonly #matchers: readonly TermMatcher<never>[];
  readonly #index = new Map<TermMatcher<never>, number>();
  #tries: { plain: GroupTrie; starred: GroupTrie } | undefined;
  #anyWithoutStart = false;
  #state: WalkState | undefined;

  constructor(matchers: readonly TermMatcher<never>[]) {
    this.#matchers = matchers;
    matchers.forEach((m, i) => this.#index.set(m, i));
    if (new Set(matchers.map((m) => m.caseSensitive)).size > 1)
      throw new Error('a matcher group mixes case-sensitive and case-insensitive matchers');
  }

  /** Compiled on first use, after every term has been added to the member matchers. */
  #compiled(): { plain: GroupTrie; starred: GroupTrie } {
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
      touched: new Int32Array(n),
      nTouched: 0,
      nextFree: new Int32Array(n),
      pendGroup: new Int32Array(64),
      pendEnd: new Int32Array(64),
      pendValue: [],
      nPending: 0,
      singleValue: new Array<unknown>(n).fill(undefined),
      single: new Array<unknown[] | undefined>(n).fill(undefined),
    };
    return (this.#tries = { plain: groupTrie(plain), starred: groupTrie(starred) });
  }

  /** Every member's non-overlapping longest matches in the text. */
  find(norm: string, mask: Uint8Array): GroupMatches {
    const { plain, starred } = this.#compiled();
    const s = this.#state!;
    const lists: (TermMatch<unknown>[] | undefined)[] = new Array(this.#matchers.length);
    s.nextFree.fill(0);
    const to = norm.length;
    const pt = plain.trie;
    const st = starred.trie;
    // The starred trie is only its root when no member has a term with an inner `*`.
    const withStars = st.terminals.length > 1;
    const anyWithoutStart = this.#anyWithoutStart;
    const first = pt.first;
    const pairs = pt.pairs;
    for (let i = 0; i < to; i++) {
      const atWordStart = i === 0 || mask[i - 1] === 0 || mask[i] === 0;
      if (!anyWithoutStart && !atWordStart) continue;
      const unit = norm.charCodeAt(i);
      const kind = first[unit];
      const plainHere =
        kind === 2 ||
        (kind === 1 && i + 1 < to && pairs[pairHash(unit, norm.charCodeAt(i + 1))] === 1);
      const starHere = withStars && (st.rootStar || mayStartAt(st, norm, i, to));
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

/** Records the accepted terminals of `node` ending at `end`, keeping each group's longest. */
function record(
  g: GroupTrie,
  s: WalkState,
  first: number,
  last: number,
  start: number,
  end: number,
  atWordStart: boolean,
  atWordEnd: boolean,
): void {
  const termFlags = g.trie.termFlags;
  const termGroup = g.termGroup;
  for (let k = first; k < last; k++) {
    const flags = termFlags[k]!;
    if (
      ((flags & TERM_START_BOUNDARY) !== 0 && !atWordStart) ||
      ((flags & TERM_END_BOUNDARY) !== 0 && !atWordEnd)
    )
      continue;
    const group = termGroup[k]!;
    if (start < s.nextFree[group]!) continue;
    const best = s.bestEnd[group]!;
    if (end < best) continue;
    if (end > best) {
      if (best === -1) s.touched[s.nTouched++] = group;
      s.bestEnd[group] = end;
    }
    if (s.nPending === s.pendGroup.length) {
      const grown = s.pendGroup.length * 2;
      const pg = new Int32Array(grown);
      pg.set(s.pendGroup);
      s.pendGroup = pg;
      const pe = new Int32Array(grown);
      pe.set(s.pendEnd);
      s.pendEnd = pe;
    }
    s.pendGroup[s.nPending] = group;
    s.pendEnd[s.nPending] = end;
    s.pendValue[s.nPending] = g.termValue[k];
    s.nPending++;
  }
}

/** Terms without `*`: one live node, walked in the double array (one cell read per step). */
function walkPlain(
  g: GroupTrie,
  s: WalkState,
  norm: string,
  mask: Uint8Array,
  pos: number,
  limit: number,
  atWordStart: boolean,
): void {
  const { cells, terms, size } = g.da;
  let cell = DA_ROOT;
  for (let i = pos; i < limit; i++) {
    const next = cells[cell * 2]! + norm.charCodeAt(i);
    if (next <= 0 || next >= size) return;
    const check = cells[next * 2 + 1]!;
    if ((check & DA_PARENT) !== cell || check < 0) return;
    cell = next;
    if ((check & DA_TERMINAL) === 0) continue;
    const end = i + 1;
    record(
      g,
      s,
      terms[cell * 2]!,
      terms[cell * 2 + 1]!,
      pos,
      end,
      atWordStart,
      end >= limit || mask[end] === 0 || mask[i] === 0,
    );
  }
}

/** With `*` several nodes can be live at once: a set of states, stamped to stay unique. */
function walkStar(
  g: GroupTrie,
  s: WalkState,
  norm: string,
  mask: Uint8Array,
  pos: number,
  limit: number,
  atWordStart: boolean,
): void {
  const t = g.trie;
  const termStart = t.termStart;
  let nCur = startStates(t);
  for (let i = pos; i < limit && nCur > 0; i++) {
    nCur = stepStates(t, nCur, norm.charCodeAt(i), mask[i] === 1);
    const cur = t.cur;
    const end = i + 1;
    const atWordEnd = end >= limit || mask[end] === 0 || mask[end - 1] === 0;
    for (let k = 0; k < nCur; k++) {
      const node = cur[k]!;
      if (termStart[node] !== termStart[node + 1])
        record(g, s, termStart[node]!, termStart[node + 1]!, pos, end, atWordStart, atWordEnd);
    }
  }
}

/** Turns the best ends found at `pos` into matches, and resets the walk state. */
function collect(s: WalkState, lists: (TermMatch<unknown>[] | undefined)[], pos: number): void {
  for (let k = 0; k < s.nTouched; k++) {
    const g = s.touched[k]!;
    const end = s.bestEnd[g]!;
    let payloads: unknown[] | undefined;
    let only: unknown;
    let count = 0;
    for (let p = 0; p < s.nPending; p++)
      if (s.pendGroup[p] === g && s.pendEnd[p] === end) {
        if (count === 1) payloads = [only];
        if (count >= 1) payloads!.push(s.pendValue[p]);
        else only = s.pendValue[p];
        count++;
      }
    // Payloads are never changed: a match with one payload shares the array of the last such
    // match of its member with that payload (a role marker's payload is always its kind).
    if (payloads === undefined) {
      if (s.singleValue[g] !== only || s.single[g] === undefined) {
        s.singleValue[g] = only;
        s.single[g] = [only];
      }
      payloads = s.single[g];
    }
    (lists[g] ??= []).push({ start: pos, end, payloads });
    s.nextFree[g] = end;
    s.bestEnd[g] = -1;
  }
  s.nTouched = 0;
  s.nPending = 0;
}
