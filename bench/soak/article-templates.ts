/**
 * Sentence templates of the soak benchmark's articles, written for it in eight languages (no text
 * taken from real reporting). Each language has news sentences about proliferation (launches,
 * transfers, talks, sanctions, enrichment) and everyday sentences (weather, markets, sport,
 * local affairs), since most items of a real outlet's feed are not about missiles.
 * Slots: `a` the acting state (subject form), `b` a second state (the form the template needs),
 * `p` a place, `d` a day, `n` and `m` numbers, `o` who is quoted.
 * @module
 */
import { de, en, es, fr } from './templates-western.js';
import { ja, ko, ru, zh } from './templates-eastern.js';

export interface Slots {
  readonly a: string;
  readonly b: string;
  readonly p: string;
  readonly d: string;
  readonly n: number;
  readonly m: number;
  readonly o: string;
}

type Template = (s: Slots) => string;

export interface LanguagePack {
  readonly lang: string;
  /** Joins sentences (no space in Chinese and Japanese). */
  readonly joiner: string;
  /** [subject form, second form] of each state. */
  readonly states: readonly (readonly [string, string])[];
  readonly places: readonly string[];
  readonly days: readonly string[];
  readonly quoted: readonly string[];
  readonly titles: readonly Template[];
  readonly news: readonly Template[];
  readonly everyday: readonly Template[];
}

/** The languages of the soak feeds, with the share of feeds in each (a multilingual news mix). */
export const LANGUAGE_PACKS: readonly { readonly pack: LanguagePack; readonly share: number }[] = [
  { pack: en, share: 0.35 },
  { pack: fr, share: 0.12 },
  { pack: de, share: 0.1 },
  { pack: es, share: 0.08 },
  { pack: ru, share: 0.12 },
  { pack: ko, share: 0.09 },
  { pack: ja, share: 0.07 },
  { pack: zh, share: 0.07 },
];
