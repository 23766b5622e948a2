/**
 * The soak benchmark's world, as a pure function of a seed and a start time, so the feed server
 * (a child process) and the checker (the parent) agree on every feed and item without talking.
 *
 * The rate, and why: a busy outlet's section feed gains an item every ~10 minutes (1 to 20) and a
 * reader polls it every 10 minutes (5 to 20). At 10× that rate a healthy soak feed gains an item
 * every 60 s on average (30 to 120 s, exponential gaps) and is polled every 60 s (30 to 120 s).
 * A feed shows its newest `window` items; `backlog` items are already out when the run starts.
 * Healthy feeds come two to a host (an outlet's sections); each hostile feed has its own host.
 * @module
 */
import { packAt, seededRandom, type Article, composeArticle, packFor } from './article-text.js';

export const HOSTILE_KINDS = [
  'tarpit-trickle',
  'tarpit-silent',
  'tarpit-pages',
  'huge-declared',
  'huge-streamed',
  'truncated-xml',
  'entity-bomb',
  'redirect-loop',
  'charset-header-lie',
  'charset-xml-lie',
] as const;
export type HostileKind = (typeof HOSTILE_KINDS)[number];

export interface PlanOptions {
  readonly seed: number;
  /** Epoch ms when the run starts: items before it are the backlog. */
  readonly startMs: number;
  /** How long items keep appearing (the run, plus a margin). */
  readonly minutes: number;
  readonly feeds: number;
  readonly hostile: number;
  readonly backlog: number;
  readonly window: number;
}

export const DEFAULT_PLAN: Omit<PlanOptions, 'seed' | 'startMs' | 'minutes'> = {
  feeds: 200,
  hostile: 10,
  backlog: 10,
  window: 20,
};

export interface FeedSpec {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  /** Index of the host (one listening port each) serving this feed. */
  readonly host: number;
  readonly path: string;
  readonly lang: string;
  readonly format: 'rss2' | 'atom';
  /** Items carry the article (content:encoded / Atom content); else a summary and a page link. */
  readonly fullText: boolean;
  /** Answers If-None-Match / If-Modified-Since with 304 when nothing is new. */
  readonly conditional: boolean;
  readonly intervalSeconds: number;
  readonly meanGapSeconds: number;
  readonly hostile: HostileKind | null;
  readonly items: readonly PlannedItem[];
}

export interface PlannedItem {
  /** Position in its feed, oldest first. */
  readonly n: number;
  /** Unique in the run; quoted in the text so no two articles share a content hash. */
  readonly serial: number;
  readonly publishedMs: number;
  readonly path: string;
  readonly seed: number;
}

export interface Plan {
  readonly options: PlanOptions;
  readonly feeds: readonly FeedSpec[];
  readonly hosts: number;
}

const INTERVALS = [30, 60, 60, 60, 60, 60, 60, 120, 120];
const MEAN_GAPS = [30, 45, 60, 60, 60, 90, 120];
const SECTIONS = ['world', 'politics', 'defence', 'asia', 'economy', 'science', 'regions', 'live'];

export function buildPlan(options: PlanOptions): Plan {
  const random = seededRandom(options.seed);
  const every = Math.max(1, Math.floor(options.feeds / Math.max(1, options.hostile)));
  const feeds: FeedSpec[] = [];
  let host = 0;
  let hostileSeen = 0;
  let pairOpen = false;
  for (let index = 0; index < options.feeds; index += 1) {
    const isHostile = hostileSeen < options.hostile && index % every === every - 1;
    const kind = isHostile ? HOSTILE_KINDS[hostileSeen % HOSTILE_KINDS.length]! : null;
    if (isHostile) hostileSeen += 1;
    // Healthy feeds pair up on a host; a hostile one gets a host of its own.
    let feedHost: number;
    if (kind || !pairOpen) {
      feedHost = host;
      host += 1;
      pairOpen = !kind;
    } else {
      feedHost = host - 1;
      pairOpen = false;
    }
    const lang =
      kind === 'charset-header-lie'
        ? 'ru'
        : kind === 'charset-xml-lie'
          ? 'fr'
          : packAt(random()).lang;
    const id = `soak-${String(index + 1).padStart(3, '0')}`;
    const section = SECTIONS[index % SECTIONS.length]!;
    const format = random() < 0.3 ? 'atom' : 'rss2';
    const meanGapSeconds = MEAN_GAPS[Math.floor(random() * MEAN_GAPS.length)]!;
    const feedSeed = Math.floor(random() * 2 ** 31);
    feeds.push({
      index,
      id,
      name: `Soak ${lang.toUpperCase()} ${section} ${index + 1}`,
      host: feedHost,
      path: `/${id}/${section}/${format === 'atom' ? 'atom.xml' : 'rss.xml'}`,
      lang,
      format,
      fullText: kind === 'tarpit-pages' ? false : random() < 0.7,
      conditional: random() < 0.5,
      intervalSeconds: INTERVALS[Math.floor(random() * INTERVALS.length)]!,
      meanGapSeconds,
      hostile: kind,
      items: planItems(options, index, id, meanGapSeconds, feedSeed),
    });
  }
  return { options, feeds, hosts: host };
}

function planItems(
  options: PlanOptions,
  feedIndex: number,
  id: string,
  meanGapSeconds: number,
  seed: number,
): PlannedItem[] {
  const random = seededRandom(seed);
  const gapMs = () => -Math.log(1 - random()) * meanGapSeconds * 1000;
  const times: number[] = [];
  // The backlog, newest first, then the items of the run.
  let t = options.startMs;
  for (let k = 0; k < options.backlog; k += 1) times.unshift((t -= gapMs()));
  const end = options.startMs + options.minutes * 60_000;
  for (t = options.startMs + gapMs(); t < end; t += gapMs()) times.push(t);
  return times.map((publishedMs, n) => ({
    n,
    serial: feedIndex * 10_000 + n,
    // Whole seconds, as RSS dates carry them.
    publishedMs: Math.ceil(publishedMs / 1000) * 1000,
    path: `/${id}/articles/${n + 1}.html`,
    seed: Math.floor(random() * 2 ** 31),
  }));
}

/** The items a feed shows at `nowMs`: the newest `window` published by then, newest first. */
export function visibleItems(feed: FeedSpec, nowMs: number, window: number): PlannedItem[] {
  let end = 0;
  while (end < feed.items.length && feed.items[end]!.publishedMs <= nowMs) end += 1;
  return feed.items.slice(Math.max(0, end - window), end).reverse();
}

export function articleOf(feed: FeedSpec, item: PlannedItem): Article {
  return composeArticle(packFor(feed.lang), item.seed, item.serial);
}
