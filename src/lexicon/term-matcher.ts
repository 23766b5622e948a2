/**
 * Longest-match term search over a length-preserving normalisation of the text, so that
 * match offsets are offsets into the original string.
 * @module
 */

/** Maps one UTF-16 unit to its normalised form (same length): lowercase, one apostrophe, one space. */
function normalizeUnit(ch: string, lower: boolean): string {
  const code = ch.charCodeAt(0);
  if (code < 128) {
    if (code >= 65 && code <= 90) return lower ? String.fromCharCode(code + 32) : ch;
    if (ch === '-' || ch === '\t' || ch === '\n' || ch === '\r') return ' ';
    if (ch === '`') return "'";
    return ch;
  }
  switch (ch) {
    case '\u2019':
    case '\u2018':
    case '\u02bc':
    case '\u00b4':
      return "'";
    case '\u2010':
    case '\u2011':
    case '\u2012':
    case '\u2013':
    case '\u2014':
    case '\u00a0':
    case '\u202f':
    case '\u2009':
    case '\u3000':
      return ' ';
    case '\u0451':
      return '\u0435'; // ё → е
    case '\u0401':
      return lower ? '\u0435' : '\u0415';
  }
  if (!lower) return ch;
  const low = ch.toLowerCase();
  return low.length === 1 ? low : ch;
}

const SPECIAL =
  /[`\-\t\n\r\u2019\u2018\u02bc\u00b4\u2010-\u2014\u00a0\u202f\u2009\u3000\u0451\u0401]/g;

/** Lowercases and unifies apostrophes, dashes and spaces without changing any offset. */
export function normalizeText(text: string, lower = true): string {
  if (lower) {
    const low = text.toLowerCase();
    if (low.length === text.length) return low.replace(SPECIAL, (ch) => normalizeUnit(ch, true));
  } else {
    return text.replace(SPECIAL, (ch) => normalizeUnit(ch, false));
  }
  const parts: string[] = [];
  for (let i = 0; i < text.length; i++) parts.push(normalizeUnit(text[i]!, lower));
  return parts.join('');
}

const WORD_RE = /[\p{L}\p{N}\p{M}]/u;

/** 1 where the UTF-16 unit belongs to a word (letter, digit, mark; surrogate halves count as word). */
export function wordMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      mask[i] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
    } else if (
      (c >= 0xd800 && c <= 0xdfff) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3041 && c <= 0x30ff) ||
      (c >= 0x0400 && c <= 0x04ff) ||
      (c >= 0x00c0 && c <= 0x024f && c !== 0xd7 && c !== 0xf7)
    ) {
      mask[i] = 1;
    } else {
      mask[i] = WORD_RE.test(text[i]!) ? 1 : 0;
    }
  }
  return mask;
}

const PAIR_TABLE_SIZE = 1 << 16;

function pairHash(first: number, second: number): number {
  return (first * 31 + second) & (PAIR_TABLE_SIZE - 1);
}

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

interface TrieNode<P> {
  next: Map<number, TrieNode<P>> | undefined;
  terminals: Terminal<P>[] | undefined;
  /** Reached after any run of word characters: the `*` inside `stem* stem`. */
  star: TrieNode<P> | undefined;
  /** This node absorbs word characters (it is some node's `star`). */
  absorbs: boolean;
  /** Last matching step that put this node in the next state set. */
  seen: number;
}

function newNode<P>(absorbs = false): TrieNode<P> {
  return { next: undefined, terminals: undefined, star: undefined, absorbs, seen: 0 };
}

export interface AddOptions {
  /** Whether the language separates words with spaces. */
  readonly boundaries: boolean;
  /** Overrides for marker lists (Korean particles: no start boundary, end boundary). */
  readonly startBoundary?: boolean;
  readonly endBoundary?: boolean;
}

/** A compiled set of terms; find() returns non-overlapping longest matches left to right. */
export class TermMatcher<P> {
  private readonly root: TrieNode<P> = newNode();
  private anyWithoutStart = false;
  private size = 0;
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
        this.anyStar = true;
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
    this.firstUnits = undefined;
    node.terminals ??= [];
    node.terminals.push({ payload, startBoundary, endBoundary });
    this.size++;
  }

  // Reused state buffers: matching allocates nothing per position.
  private cur: TrieNode<P>[] = [];
  private nxt: TrieNode<P>[] = [];
  private found: TrieNode<P>[] = [];
  /** Step counter stamped on nodes to keep each state set free of duplicates in O(1). */
  private step = 0;
  /** Whether any term has an inner `*` (else at most one trie node is live at a time). */
  private anyStar = false;
  /** 1 for every UTF-16 unit a term can start with, built on first use. */
  private firstUnits: Uint8Array | undefined;

  private static accepts<P>(
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

  private result(
    nodes: readonly TrieNode<P>[],
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
      for (const t of nodes[k]!.terminals!)
        if ((!t.startBoundary || atWordStart) && (!t.endBoundary || atWordEnd))
          payloads.push(t.payload);
    return { start: pos, end: bestEnd, payloads };
  }

  /** The longest term starting exactly at `pos`, or null. */
  matchAt(norm: string, mask: Uint8Array, pos: number, limit = norm.length): TermMatch<P> | null {
    const atWordStart = pos === 0 || mask[pos - 1] === 0 || mask[pos] === 0;
    if (!this.anyStar) {
      // Without `*` the trie walk is deterministic: one live node.
      let node: TrieNode<P> | undefined = this.root;
      let bestEnd = -1;
      let bestNode: TrieNode<P> | undefined;
      for (let i = pos; i < limit; i++) {
        const next: Map<number, TrieNode<P>> | undefined = node.next;
        if (next === undefined) break;
        node = next.get(norm.charCodeAt(i));
        if (node === undefined) break;
        const terminals = node.terminals;
        if (terminals === undefined) continue;
        const end = i + 1;
        const atWordEnd = end >= limit || mask[end] === 0 || mask[i] === 0;
        if (TermMatcher.accepts(terminals, atWordStart, atWordEnd)) {
          bestEnd = end;
          bestNode = node;
        }
      }
      if (bestNode === undefined) return null;
      this.found[0] = bestNode;
      return this.result(this.found, 1, mask, pos, bestEnd, limit, atWordStart);
    }
    let cur = this.cur;
    let nxt = this.nxt;
    let nCur = 0;
    cur[nCur++] = this.root;
    if (this.root.star !== undefined) cur[nCur++] = this.root.star;
    let bestEnd = -1;
    let best: TrieNode<P>[] = [];
    let nBest = 0;
    let found = this.found;
    for (let i = pos; i < limit && nCur > 0; i++) {
      const unit = norm.charCodeAt(i);
      const step = ++this.step;
      let nNxt = 0;
      for (let k = 0; k < nCur; k++) {
        const n = cur[k]!;
        const child = n.next?.get(unit);
        if (child !== undefined) {
          if (child.seen !== step) {
            child.seen = step;
            nxt[nNxt++] = child;
          }
          const star = child.star;
          if (star !== undefined && star.seen !== step) {
            star.seen = step;
            nxt[nNxt++] = star;
          }
        }
        if (n.absorbs && mask[i] === 1 && n.seen !== step) {
          n.seen = step;
          nxt[nNxt++] = n;
        }
      }
      [cur, nxt] = [nxt, cur];
      nCur = nNxt;
      const end = i + 1;
      const atWordEnd = end >= limit || mask[end] === 0 || mask[end - 1] === 0;
      let nFound = 0;
      for (let k = 0; k < nCur; k++) {
        const n = cur[k]!;
        if (n.terminals !== undefined && TermMatcher.accepts(n.terminals, atWordStart, atWordEnd))
          found[nFound++] = n;
      }
      if (nFound > 0) {
        bestEnd = end;
        [best, found] = [found, best];
        nBest = nFound;
      }
    }
    this.cur = cur;
    this.nxt = nxt;
    this.found = found.length >= best.length ? found : best;
    if (nBest === 0) return null;
    return this.result(best, nBest, mask, pos, bestEnd, limit, atWordStart);
  }

  /** Second-unit filter: bit set for every (first, second) pair a term of 2+ units starts with. */
  private pairUnits: Uint8Array | undefined;

  /** first[u]: 0 no term starts with u; 1 check the next unit in `pairUnits`; 2 any next unit. */
  private buildFirstUnits(): Uint8Array {
    const table = new Uint8Array(65536);
    const pairs = new Uint8Array(PAIR_TABLE_SIZE);
    for (const [unit, child] of this.root.next ?? []) {
      if (child.terminals !== undefined || child.star !== undefined || child.next === undefined) {
        table[unit] = 2;
        continue;
      }
      table[unit] = 1;
      for (const second of child.next.keys()) pairs[pairHash(unit, second)] = 1;
    }
    this.pairUnits = pairs;
    return table;
  }

  /** All non-overlapping longest matches in [from, to). */
  find(norm: string, mask: Uint8Array, from = 0, to = norm.length): TermMatch<P>[] {
    const out: TermMatch<P>[] = [];
    if (this.size === 0) return out;
    const rootStar = this.root.star !== undefined;
    const first = (this.firstUnits ??= this.buildFirstUnits());
    const pairs = this.pairUnits!;
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
        const m = this.matchAt(norm, mask, i, to);
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
