/**
 * franc's answer, computed faster: `francTop(value, only)` is `franc(value, { only, minLength: 1 })`
 * (franc 6), from franc's own scripts and trigram models. franc weighs every trigram of the text
 * against every model with a property lookup, and the sample of one unhinted article cost more
 * than extracting the article; here each trigram of the text is counted in a reused table and
 * looked up once, in an index of the allowed models of its script. Texts holding surrogates go to
 * franc itself (its script expressions read those pair by pair). franc-top.test.ts checks the two
 * agree.
 * @module
 */
import { franc } from 'franc';
import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';

/** franc's sample length, and the distance of a trigram a model lacks. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

/** Open-addressing table of trigram keys (three UTF-16 units as one number). */
interface TrigramTable {
  readonly keys: Float64Array;
  readonly mask: number;
}

function hashOf(a: number, b: number, c: number): number {
  return (Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) >>> 0;
}

function keyOf(a: number, b: number, c: number): number {
  return a * 4294967296 + b * 65536 + c;
}

interface ScriptModels extends TrigramTable {
  /** The script's languages that the list allows, in franc's order. */
  readonly languages: readonly string[];
  /** Per slot, the range of `langs` and `weights` listing the languages whose model holds the key. */
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly langs: Int32Array;
  readonly weights: Int32Array;
}

/** Per script and list of allowed languages (the callers pass a few constant lists). */
const models = new Map<string, ScriptModels>();

function allowed(language: string, only: readonly string[]): boolean {
  return only.length === 0 || only.includes(language);
}

/** The models of the script's languages that `only` allows, indexed by trigram. */
function modelsOf(script: string, only: readonly string[]): ScriptModels {
  const cacheKey = `${script}|${only.join(',')}`;
  let m = models.get(cacheKey);
  if (m !== undefined) return m;
  const languages = Object.keys(data[script]!).filter((lang) => allowed(lang, only));
  const lists = new Map<number, { hash: number; langs: number[]; weights: number[] }>();
  languages.forEach((lang, l) => {
    const trigrams = data[script]![lang]!.split('|');
    // franc gives a trigram listed twice the weight of its first place.
    const weight = new Map<number, { hash: number; w: number }>();
    for (let w = trigrams.length - 1; w >= 0; w--) {
      const t = trigrams[w]!;
      if (t.length !== 3) continue;
      const [a, b, c] = [t.charCodeAt(0), t.charCodeAt(1), t.charCodeAt(2)];
      weight.set(keyOf(a, b, c), { hash: hashOf(a, b, c), w });
    }
    for (const [key, { hash, w }] of weight) {
      let list = lists.get(key);
      if (list === undefined) lists.set(key, (list = { hash, langs: [], weights: [] }));
      list.langs.push(l);
      list.weights.push(w);
    }
  });
  let size = 16;
  while (size < lists.size * 2) size *= 2;
  const keys = new Float64Array(size).fill(-1);
  const from = new Int32Array(size);
  const to = new Int32Array(size);
  const langs: number[] = [];
  const weights: number[] = [];
  for (const [key, list] of lists) {
    let slot = list.hash & (size - 1);
    while (keys[slot] !== -1) slot = (slot + 1) & (size - 1);
    keys[slot] = key;
    from[slot] = langs.length;
    for (let k = 0; k < list.langs.length; k++) {
      langs.push(list.langs[k]!);
      weights.push(list.weights[k]!);
    }
    to[slot] = langs.length;
  }
  m = {
    languages,
    keys,
    mask: size - 1,
    from,
    to,
    langs: Int32Array.from(langs),
    weights: Int32Array.from(weights),
  };
  models.set(cacheKey, m);
  return m;
}

/** The counting table, reused: a slot is in use when its stamp is the current call's. */
const COUNT_SLOTS = 8192;
const countKeys = new Float64Array(COUNT_SLOTS);
const countHashes = new Int32Array(COUNT_SLOTS);
const counts = new Int32Array(COUNT_SLOTS);
const stamps = new Int32Array(COUNT_SLOTS);
const used = new Int32Array(COUNT_SLOTS);
let stamp = 0;

/** The script whose expression matches most units of `value` (franc's getTopScript), and how many. */
function topScript(value: string): [string | undefined, number] {
  let top: string | undefined;
  let topCount = -1;
  for (const script in expressions) {
    if (!Object.hasOwn(expressions, script)) continue;
    // Without surrogates every match is one unit: the units a replace removes.
    const count = value.length - value.replace(expressions[script]!, '').length;
    if (count > topCount) {
      topCount = count;
      top = script;
    }
  }
  return [top, topCount];
}

const SURROGATE = /[\ud800-\udfff]/;

/** `franc(value, { only, minLength: 1 })`. */
export function francTop(text: string, only: readonly string[] = []): string {
  if (text.length < 1) return 'und';
  const value = text.slice(0, MAX_LENGTH);
  if (SURROGATE.test(value)) return franc(value, { only: [...only], minLength: 1 });
  const [script, count] = topScript(value);
  if (script === undefined || !Object.hasOwn(data, script)) {
    if (script === undefined || count === 0 || !allowed(script, only)) return 'und';
    return script;
  }
  // trigram-utils: punctuation, symbols and digits out, white space collapsed, lowercased, padded.
  const cleaned = ` ${value
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()} `;
  // Count the trigrams (the table holds far more slots than a sample has trigrams).
  if (++stamp >= 2 ** 30) {
    stamps.fill(0);
    stamp = 1;
  }
  let distinct = 0;
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const a = cleaned.charCodeAt(i);
    const b = cleaned.charCodeAt(i + 1);
    const c = cleaned.charCodeAt(i + 2);
    const key = keyOf(a, b, c);
    const hash = hashOf(a, b, c);
    let slot = hash & (COUNT_SLOTS - 1);
    while (stamps[slot] === stamp && countKeys[slot] !== key) slot = (slot + 1) & (COUNT_SLOTS - 1);
    if (stamps[slot] === stamp) counts[slot]!++;
    else {
      stamps[slot] = stamp;
      countKeys[slot] = key;
      countHashes[slot] = hash;
      counts[slot] = 1;
      used[distinct++] = slot;
    }
  }
  const m = modelsOf(script, only);
  // Every language starts as if it lacked every trigram, then gets back what its model holds.
  const distance = new Array<number>(m.languages.length).fill(distinct * MAX_DIFFERENCE);
  for (let u = 0; u < distinct; u++) {
    const slot = used[u]!;
    const key = countKeys[slot]!;
    const n = counts[slot]!;
    let s = countHashes[slot]! & m.mask;
    while (m.keys[s] !== -1 && m.keys[s] !== key) s = (s + 1) & m.mask;
    if (m.keys[s] === -1) continue;
    for (let k = m.from[s]!; k < m.to[s]!; k++)
      distance[m.langs[k]!]! += Math.abs(n - m.weights[k]! - 1) - MAX_DIFFERENCE;
  }
  // The least distance, the first language in franc's order among equals (its sort is stable).
  let best: string | undefined;
  let bestDistance = Infinity;
  m.languages.forEach((lang, l) => {
    if (distance[l]! < bestDistance) {
      best = lang;
      bestDistance = distance[l]!;
    }
  });
  return best ?? 'und';
}
