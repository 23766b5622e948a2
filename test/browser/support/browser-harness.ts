/**
 * Browser test harness: builds web/dist when missing, serves it with `createServer` on
 * 127.0.0.1:0 over a seeded in-memory SQLite store, and launches Debian's Chromium headless
 * through playwright-core. Used by test/browser, scripts/screenshots.ts and the dashboard bench.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ConfigSchema, type Config } from '../../../src/config/schema.js';
import { createServer } from '../../../src/server/create-server.js';
import { addUser, createToken } from '../../../src/store/auth-repo.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { seedStore, type SeedResult } from '../../server/seed.js';
import { seedMoreEvents } from './extra-seed.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const WEB_ROOT = `${ROOT}web/dist`;
/** The clock of the seeded world: the seed's evidence ends on 2024-11-12. */
export const SEED_NOW = new Date('2024-11-15T00:00:00Z');

export const hasChromium = existsSync(CHROMIUM_PATH);
let skipNoted = false;
/** One visible line when the suite cannot run, instead of a silent skip. */
export function noteSkip(): void {
  if (hasChromium || skipNoted) return;
  skipNoted = true;
  console.warn(
    `browser tests skipped: ${CHROMIUM_PATH} is missing (install it: apt-get install -y chromium)`,
  );
}

/**
 * Builds the dashboard with Vite unless web/dist already holds a build. Test files run in
 * parallel, so each builds into its own folder and moves it into place; the first one wins.
 */
export async function ensureWebBuilt(force = false): Promise<void> {
  if (!force && existsSync(`${WEB_ROOT}/index.html`)) return;
  const { build } = await import('vite');
  const tmp = `${WEB_ROOT}.tmp-${process.pid}-${Date.now()}`;
  await build({
    configFile: `${ROOT}web/vite.config.ts`,
    logLevel: 'warn',
    build: { outDir: tmp, emptyOutDir: true },
  });
  if (force) rmSync(WEB_ROOT, { recursive: true, force: true });
  try {
    if (!existsSync(`${WEB_ROOT}/index.html`)) {
      rmSync(WEB_ROOT, { recursive: true, force: true });
      renameSync(tmp, WEB_ROOT);
    }
  } catch (e) {
    if (!existsSync(`${WEB_ROOT}/index.html`)) throw e;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export interface Served {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly seed: SeedResult;
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** Seeded rows a suite adds on top of the shared seed (kept apart so other suites' counts hold). */
export type ExtraSeed = (store: Store) => Promise<void>;

export async function serveSeeded(
  server: Partial<Config['server']> = {},
  extraSeed?: ExtraSeed,
): Promise<Served> {
  await ensureWebBuilt();
  const store = await openStore({ url: ':memory:' });
  const seed = await seedStore(store);
  await seedMoreEvents(store);
  if (extraSeed) await extraSeed(store);
  const config = ConfigSchema.parse({ server: { rateLimitPerMinute: 100_000, ...server } });
  const app = await createServer({ store, config, webRoot: WEB_ROOT, now: () => SEED_NOW });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    store,
    seed,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/**
 * The hooks a suite registers its set-up with: vitest's own, passed in because scripts and the
 * dashboard bench import this file outside vitest, where importing vitest throws.
 */
export interface SuiteHooks {
  beforeAll(fn: () => Promise<void>, timeout?: number): void;
  afterAll(fn: () => Promise<void>): void;
}

export interface ChromiumSuite {
  /** The seeded server; read it inside tests (it is set in beforeAll). */
  readonly served: Served;
  readonly browser: Browser;
}

/**
 * The set-up every browser suite shares: a seeded server and a Chromium, started before the
 * suite's tests and closed after them.
 *
 * @example
 * const suite = useSeededChromium({ beforeAll, afterAll });
 * it('…', async () => { const page = await signedInPage(suite.browser, suite.served.baseUrl, …) });
 */
export function useSeededChromium(
  hooks: SuiteHooks,
  server: Partial<Config['server']> = {},
  extraSeed?: ExtraSeed,
): ChromiumSuite {
  let served: Served | undefined;
  let browser: Browser | undefined;
  hooks.beforeAll(async () => {
    served = await serveSeeded(server, extraSeed);
    browser = await launchChromium();
  });
  hooks.afterAll(async () => {
    await browser?.close();
    await served?.close();
  });
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined)
      throw new Error(`${name} is set up in beforeAll; read it inside a test`);
    return value;
  };
  return {
    get served() {
      return ready(served, 'served');
    },
    get browser() {
      return ready(browser, 'browser');
    },
  };
}

export interface StoreChromiumSuite<T> {
  /** The server over the store; read these inside tests (they are set in beforeAll). */
  readonly baseUrl: string;
  /** An analyst's token on that server. */
  readonly token: string;
  readonly browser: Browser;
  readonly store: Store;
  /** What `fill` returned. */
  readonly filled: T;
}
export type EmptyChromiumSuite = StoreChromiumSuite<undefined>;

/** Like useSeededChromium, over an empty store with one analyst: every page's empty state. */
export function useEmptyChromium(hooks: SuiteHooks): EmptyChromiumSuite {
  return useStoreChromium(hooks, async () => undefined);
}

/**
 * Like useSeededChromium, over an in-memory store that `fill` fills (a large generated store),
 * with one analyst; `now` is the server's clock.
 */
export function useStoreChromium<T>(
  hooks: SuiteHooks,
  fill: (store: Store) => Promise<T>,
  now?: () => Date,
): StoreChromiumSuite<T> {
  let suite: StoreChromiumSuite<T> | undefined;
  let close: (() => Promise<void>) | undefined;
  // Filling a large store takes seconds on a quiet machine, a minute on a loaded one.
  hooks.beforeAll(async () => {
    await ensureWebBuilt();
    const store = await openStore({ url: ':memory:' });
    const filled = await fill(store);
    await addUser(store.db, { name: 'store-analyst', role: 'analyst' });
    const { token } = await createToken(store.db, { user: 'store-analyst' });
    const config = ConfigSchema.parse({ server: { rateLimitPerMinute: 100_000 } });
    const app = await createServer({ store, config, webRoot: WEB_ROOT, ...(now ? { now } : {}) });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const browser = await launchChromium();
    suite = { baseUrl: `http://127.0.0.1:${port}`, token, browser, store, filled };
    close = async () => {
      await browser.close();
      await app.close();
      await store.close();
    };
  }, 180_000);
  hooks.afterAll(async () => close?.());
  const ready = (): StoreChromiumSuite<T> => {
    if (!suite) throw new Error('the server is set up in beforeAll; read it inside a test');
    return suite;
  };
  return {
    get baseUrl() {
      return ready().baseUrl;
    },
    get token() {
      return ready().token;
    },
    get browser() {
      return ready().browser;
    },
    get store() {
      return ready().store;
    },
    get filled() {
      return ready().filled;
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Opens the dashboard and signs in with `token` on a fresh page (fresh sessionStorage). */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  token: string,
  viewport = { width: 1280, height: 800 },
  bypassCSP = false,
): Promise<Page> {
  const context = await browser.newContext({ viewport, bypassCSP });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await page.fill('#token', token);
  await page.click('button[type=submit]');
  await page.waitForSelector('header.top');
  return page;
}
