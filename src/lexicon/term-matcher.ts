/**
 * Longest-match term search over a length-preserving normalisation of the text (see
 * normalize-text.ts), so that match offsets are offsets into the original string.
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
  type TrieNode,
} from './compiled-trie.js';
import { normalizeText } from './normalize-text.js';

export interface TermMatch<P> {
  readonly start: number;
  readonly end: number;
  readonly payloads: readonly P[];
}

export interface AddOptions {
  /** Whether the language separates words with spaces. */
  readonly boundaries: boolean;
  /** Overrides for marker lists (Korean particles: no start boundary, end boundary). */
  readonly startBoundary?: boolean;
  readonly endBoundary?: boolean;
}

/** Most ways terms may start for find() to look for them with a regex (see TermMatcher.starts). */
const MAX_START_ALTERNATIVES = 64;

/** A compiled set of terms; find() returns non-overlapping longest matches left to right. */
export class TermMatcher<P> {
  private readonly root: TrieNode<P> = newNode();
  private anyWithoutStart = false;
  private size = 0;
  private compiled: CompiledTrie<P> | undefined;
  private startsRe: RegExp | null | undefined;
  readonly caseSensitive: boolean;

  constructor(caseSensitive = false) {
    this.caseSensitive = caseSensitive;
  }

  get count(): number {
    return this.size;
  }

  /**
   * Adds a term written in the data-file syntax (`=word`, `stem*`, `*tail` for the end of a
   * compound); endings are expanded beforehand.
   */
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
    // `*lieferung*`: the term may end a compound ("Raketenlieferungen"), so it needs no word start.
    let tail = false;
    if (term.startsWith('*')) {
      tail = true;
      term = term.slice(1);
    }
    term = normalizeText(term, !this.caseSensitive);
    if (term.length === 0) return;
    const startBoundary = !tail && (options.startBoundary ?? (forceWhole || options.boundaries));
    const endBoundary = !prefix && (options.endBoundary ?? (forceWhole || options.boundaries));
    if (!startBoundary) this.anyWithoutStart = true;
    let node = this.root;
    for (let k = 0; k < term.length; k++) {
      const unit = term.charCodeAt(k);
      node = descend(node, unit === 42 /* '*' */ ? STAR : unit);
    }
    this.compiled = undefined;
    this.startsRe = undefined;
    node.terminals ??= [];
    node.terminals.push({ payload, startBoundary, endBoundary });
    this.size++;
  }

  /** The build-time trie and whether any term lacks a start boundary, for term-matcher-group.ts. */
  get buildTrie(): { readonly root: TrieNode<P>; readonly anyWithoutStart: boolean } {
    return { root: this.root, anyWithoutStart: this.anyWithoutStart };
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
    let found = t.found;
    let best = t.best;
    let nCur = startStates(t);
    let bestEnd = -1;
    let nBest = 0;
    for (let i = pos; i < limit && nCur > 0; i++) {
      nCur = stepStates(t, nCur, norm.charCodeAt(i), mask[i] === 1);
      const cur = t.cur;
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
    t.found = found;
    t.best = best;
    if (nBest === 0) return null;
    return TermMatcher.result(t, best, nBest, mask, pos, bestEnd, limit, atWordStart);
  }

  /**
   * A regex finding where a term may start (a unit that starts one, or the two units that do),
   * when the terms start in few ways: find() then leaves the text between such places to the
   * regex engine instead of testing every unit. null when there are too many ways (or a term
   * starts with `*`). Only ever looked for from positions find() would test anyway.
   */
  private starts(): RegExp | null {
    if (this.startsRe !== undefined) return this.startsRe;
    const t = this.trie();
    const alternatives: string[] = [];
    const unit = (u: number): string => `\\u${u.toString(16).padStart(4, '0')}`;
    if (!t.rootStar) {
      for (const [u, child] of this.root.next ?? []) {
        if (t.first[u] === 2) alternatives.push(unit(u));
        else if (child.next !== undefined)
          alternatives.push(`${unit(u)}[${[...child.next.keys()].map(unit).join('')}]`);
      }
    }
    this.startsRe =
      t.rootStar || alternatives.length === 0 || alternatives.length > MAX_START_ALTERNATIVES
        ? null
        : new RegExp(alternatives.join('|'), 'g');
    return this.startsRe;
  }

  /** All non-overlapping longest matches in [from, to). */
  find(norm: string, mask: Uint8Array, from = 0, to = norm.length): TermMatch<P>[] {
    const out: TermMatch<P>[] = [];
    if (this.size === 0) return out;
    const t = this.trie();
    const { first, pairs, rootStar, anyStar } = t;
    const anyWithoutStart = this.anyWithoutStart;
    const starts = this.starts();
    let i = from;
    while (i < to) {
      if (starts !== null) {
        // Skip to the next place a term may start.
        starts.lastIndex = i;
        const next = starts.exec(norm);
        if (next === null || next.index >= to) break;
        i = next.index;
      }
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
