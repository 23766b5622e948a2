/**
 * Articles of the soak benchmark: a title and paragraphs composed from the templates of one
 * language with seeded choices, so the server and the checker build the same text. About a third
 * of the articles lead with proliferation news; the rest are everyday news with at most a line
 * of it, as in a general outlet's feed.
 * @module
 */
import { LANGUAGE_PACKS, type LanguagePack, type Slots } from './article-templates.js';

export interface Article {
  readonly lang: string;
  readonly title: string;
  /** Paragraphs of two or three sentences. */
  readonly paragraphs: readonly string[];
}

/** Deterministic generator (mulberry32): one seed, one sequence, in every process. */
export function seededRandom(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** The language pack for a share point in [0, 1) (cumulative shares of LANGUAGE_PACKS). */
export function packAt(x: number): LanguagePack {
  let acc = 0;
  for (const { pack, share } of LANGUAGE_PACKS) {
    acc += share;
    if (x < acc) return pack;
  }
  return LANGUAGE_PACKS[LANGUAGE_PACKS.length - 1]!.pack;
}

export function packFor(lang: string): LanguagePack {
  const found = LANGUAGE_PACKS.find((p) => p.pack.lang === lang);
  if (!found) throw new Error(`no article templates for language "${lang}"`);
  return found.pack;
}

function slots(pack: LanguagePack, random: () => number): Slots {
  const [a, b] = pick(random, pack.states);
  return {
    a,
    b,
    p: pick(random, pack.places),
    d: pick(random, pack.days),
    n: 20 + Math.floor(random() * 1900),
    m: 2 + Math.floor(random() * 30),
    o: pick(random, pack.quoted),
  };
}

/**
 * One article of 5–12 sentences (about 0.6–2 KB of Latin text). The same pack and seed give the
 * same article; `serial` is written into the text (a figure the article quotes) so no two
 * articles of a run have the same text, whatever the choices.
 */
export function composeArticle(pack: LanguagePack, seed: number, serial: number): Article {
  const random = seededRandom(seed);
  const s = slots(pack, random);
  const aboutProliferation = random() < 0.35;
  const sentences: string[] = [];
  const count = 5 + Math.floor(random() * 8);
  for (let i = 0; i < count; i += 1) {
    // The lead sets the topic; later sentences drift, with fresh slot values each.
    const news = i === 0 ? aboutProliferation : random() < (aboutProliferation ? 0.6 : 0.1);
    const t = pick(random, news ? pack.news : pack.everyday);
    sentences.push(t(i === 0 ? s : { ...slots(pack, random), a: s.a, b: s.b }));
  }
  // The serial as a figure the story quotes: unique per run, so content hashes never collide.
  const figure = { ...s, n: 10_000 + serial };
  const quoting = pack.everyday.filter((t) => t(figure).includes(String(figure.n)));
  sentences.push(pick(random, quoting)(figure));
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length;) {
    const size = 2 + Math.floor(random() * 2);
    paragraphs.push(sentences.slice(i, i + size).join(pack.joiner));
    i += size;
  }
  const title = pick(random, pack.titles)(s);
  return { lang: pack.lang, title: title.charAt(0).toUpperCase() + title.slice(1), paragraphs };
}
