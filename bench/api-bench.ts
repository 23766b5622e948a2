/**
 * API throughput and latency with 1,000,000 mentions in SQLite: seeds a store with raw prepared
 * inserts (one transaction), starts `vigie serve` in a child process, and drives the list,
 * filter and search endpoints and /api/overview with autocannon (50 connections).
 * Targets: p95 < 50 ms on list/filter/search; overview >= 2,000 req/s.
 * Every scenario runs twice: against one server process, then against `vigie serve --workers N`
 * (default 2, one per core here), so the single-process figures stay in the record.
 * Writes bench/results/api.json.
 * Usage: npx tsx bench/api-bench.ts [--mentions N] [--duration S] [--workers N]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/open-store.js';
import { addUser, createToken } from '../src/store/auth-repo.js';
import { generateBigStore } from '../test/support/big-store.js';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p97_5: number; p99: number; max: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
interface AutocannonInstance {
  on(
    event: 'response',
    fn: (client: unknown, status: number, bytes: number, ms: number) => void,
  ): void;
}
type Autocannon = (
  options: Record<string, unknown>,
  done: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const MENTIONS = arg('--mentions', 1_000_000);
const DURATION = arg('--duration', 10);
const WORKERS = arg('--workers', 2);
const CONNECTIONS = 50;
const TARGET_P95_MS = 50;
const TARGET_OVERVIEW_RPS = 2000;

interface Scenario {
  name: string;
  kind: 'baseline' | 'list' | 'filter' | 'search' | 'overview';
  paths: string[];
}

const SCENARIOS: Scenario[] = [
  // No query, no token check: what this machine gives a Fastify route right now (load varies).
  { name: 'health (baseline, not a target)', kind: 'baseline', paths: ['/api/health'] },
  { name: 'documents: newest page', kind: 'list', paths: ['/api/documents?limit=50'] },
  {
    name: 'documents: filters (lang, source, dates)',
    kind: 'filter',
    paths: [
      '/api/documents?lang=fr&limit=50',
      '/api/documents?lang=ko&since=2025-06-01&limit=50',
      '/api/documents?sourceId=src-3&limit=50',
      '/api/documents?since=2025-01-01&until=2025-01-31&limit=50',
    ],
  },
  {
    name: 'documents: full-text search',
    kind: 'search',
    paths: [
      '/api/documents?q=Hwasong&limit=50',
      '/api/documents?q=Sohae&limit=50',
      '/api/documents?q=Yongbyon%20reactor&limit=50',
      '/api/documents?q=%22Vostochny%20cosmodrome%22&limit=50',
    ],
  },
  { name: 'mentions: newest page', kind: 'list', paths: ['/api/mentions?limit=50'] },
  {
    name: 'mentions: filters (type, actor, modality, capability, lang, dates)',
    kind: 'filter',
    paths: [
      '/api/mentions?type=MISSILE_TEST&limit=50',
      '/api/mentions?actor=PRK&limit=50',
      '/api/mentions?actor=IRN&type=ARMS_TRANSFER&limit=50',
      '/api/mentions?modality=HEDGED&lang=ru&limit=50',
      '/api/mentions?capability=HYPERSONIC&limit=50',
      '/api/mentions?since=2025-03-01&until=2025-03-31&limit=50',
    ],
  },
  {
    name: 'mentions: full-text search',
    kind: 'search',
    paths: ['/api/mentions?q=Hwasong&limit=50', '/api/mentions?q=Sohae&limit=50'],
  },
  {
    name: 'events: filters (type, actor, capability)',
    kind: 'filter',
    paths: [
      '/api/events?limit=50',
      '/api/events?type=ARMS_TRANSFER&limit=50',
      '/api/events?actor=RUS&limit=50',
      '/api/events?capability=BALLISTIC_MISSILE&type=MISSILE_TEST&limit=50',
    ],
  },
  { name: 'overview', kind: 'overview', paths: ['/api/overview'] },
];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function runScenario(base: string, token: string, s: Scenario): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const instance = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: DURATION,
        headers: { authorization: `Bearer ${token}` },
        requests: s.paths.map((path) => ({ method: 'GET', path })),
      },
      (error, result) => {
        if (error) return reject(error);
        times.sort((a, b) => a - b);
        const p95 = percentile(times, 95);
        resolve({
          name: s.name,
          kind: s.kind,
          paths: s.paths,
          requests: result.requests.total,
          reqPerSec: Math.round(result.requests.average),
          latencyMs: {
            p50: percentile(times, 50),
            p95,
            p99: percentile(times, 99),
            max: result.latency.max,
            average: result.latency.average,
          },
          // Other jobs share this machine: the load when the scenario ended, to read it by.
          loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          target:
            s.kind === 'baseline'
              ? { met: true }
              : s.kind === 'overview'
                ? {
                    reqPerSec: TARGET_OVERVIEW_RPS,
                    met: result.requests.average >= TARGET_OVERVIEW_RPS && result.non2xx === 0,
                  }
                : { p95Ms: TARGET_P95_MS, met: p95 < TARGET_P95_MS && result.non2xx === 0 },
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  });
}

function startServer(
  dbPath: string,
  workers: number,
): Promise<{ child: ChildProcess; base: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        '--db',
        dbPath,
        'serve',
        '--host',
        '127.0.0.1',
        '--port',
        '0',
        '--workers',
        String(workers),
      ],
      {
        env: { ...process.env, VIGIE_SERVER__RATE_LIMIT_PER_MINUTE: '100000000', VIGIE_CONFIG: '' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /http:\/\/[^\s/]+\//.exec(out);
      if (m) resolve({ child, base: m[0].replace(/\/$/, '') });
    });
    child.on('exit', (code) => reject(new Error(`vigie serve exited with ${code}: ${out}`)));
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-api-bench-'));
  const dbPath = join(dir, 'bench.db');
  let child: ChildProcess | undefined;
  try {
    const store = await openStore({ url: dbPath });
    const t0 = performance.now();
    const { counts } = await generateBigStore(store, {
      events: Math.ceil(MENTIONS / 10),
      mentions: MENTIONS,
      ingestBatches: true,
    });
    const seedSeconds = (performance.now() - t0) / 1000;
    await addUser(store.db, { name: 'bench', role: 'viewer' });
    const { token } = await createToken(store.db, { user: 'bench' });
    await store.close();
    console.error(`seeded ${JSON.stringify(counts)} in ${seedSeconds.toFixed(1)} s`);

    const runs: {
      workers: number;
      allTargetsMet: boolean;
      scenarios: Record<string, unknown>[];
    }[] = [];
    for (const workers of [...new Set([1, WORKERS])]) {
      const server = await startServer(dbPath, workers);
      child = server.child;
      const scenarios: Record<string, unknown>[] = [];
      for (const s of SCENARIOS) {
        // A short warm-up so page cache and the overview cache are in their steady state.
        await runScenarioWarm(server.base, token, s);
        const r = await runScenario(server.base, token, s);
        console.error(`workers=${workers} ${JSON.stringify(r)}`);
        scenarios.push(r);
      }
      await stopServer(server.child);
      child = undefined;
      runs.push({
        workers,
        allTargetsMet: scenarios.every((s) => (s['target'] as { met: boolean }).met),
        scenarios,
      });
    }
    const result = {
      bench: 'api',
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        model: cpus()[0]?.model ?? 'unknown',
        loadavg: loadavg(),
        node: process.version,
      },
      store: 'sqlite',
      seeded: { ...counts, seconds: Math.round(seedSeconds * 10) / 10 },
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      targets: { listFilterSearchP95Ms: TARGET_P95_MS, overviewReqPerSec: TARGET_OVERVIEW_RPS },
      // Met when the record's server (`workers` processes) meets every target.
      workers: WORKERS,
      allTargetsMet: runs[runs.length - 1]!.allTargetsMet,
      runs,
    };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/api.json', `${JSON.stringify(result, null, 2)}\n`);
    console.error(`wrote bench/results/api.json (all targets met: ${result.allTargetsMet})`);
  } finally {
    child?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** SIGTERM, then wait: the next server must not share the CPU with this one's shutdown. */
function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function runScenarioWarm(base: string, token: string, s: Scenario): Promise<unknown> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections: 10,
        amount: 200,
        headers: { authorization: `Bearer ${token}` },
        requests: s.paths.map((path) => ({ method: 'GET', path })),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

await main();
