/**
 * Soak benchmark (issue 15): the built `vigie run` polls 200 local feeds for 10 minutes at 10× a
 * realistic rate (see feed-plan.ts); 10 of them (5%) are hostile (hostile-routes.ts). A reference
 * poller (reference-poller.ts) polls the healthy feeds in the same run. Targets: polling gap p95
 * of every healthy source < 2× its interval, RSS of the last minute within 20% of the first,
 * no document lost or duplicated, and a clean stop on SIGTERM.
 * Writes bench/results/soak.json, prints a table, exits 1 when a target is missed.
 * Usage: npx tsx bench/soak/soak-bench.ts [--minutes N] [--seed N] [--backlog N] [--keep]
 * (or VIGIE_SOAK_MINUTES=N; `npm run bench` builds first, this needs dist/).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PLAN, buildPlan, type Plan } from './feed-plan.js';
import { ProcSampler } from './proc-sampler.js';
import { readRequestLog } from './request-log.js';
import { TARGETS, buildReport, type RunRecord } from './soak-report.js';
import { printTable } from './soak-table.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const VIGIE_BIN = here('../../bin/vigie.js');
const BUILT = here('../../dist/cli/main.js');
const OUT = here('../results/soak.json');
/** Time SIGTERM gets to finish the work in flight before SIGKILL (systemd's default, 90 s). */
const STOP_GRACE_MS = 90_000;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const minutes = Number(arg('--minutes') ?? process.env['VIGIE_SOAK_MINUTES'] ?? 10);
const seed = Number(arg('--seed') ?? 15);
/** Items each feed already shows at the start (what a fresh install catches up on). */
const backlog = Number(arg('--backlog') ?? DEFAULT_PLAN.backlog);
const keep = process.argv.includes('--keep');
if (!(minutes > 0)) throw new Error(`--minutes must be a positive number, not ${minutes}`);
if (!(Number.isInteger(backlog) && backlog >= 0 && backlog <= DEFAULT_PLAN.window))
  throw new Error(`--backlog must be a whole number from 0 to ${DEFAULT_PLAN.window}`);
if (!existsSync(BUILT)) {
  process.stderr.write(`soak bench: ${BUILT} is missing; run \`npm run build\` first\n`);
  process.exit(2);
}

function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      encoding: 'utf8',
    }).trim();
    return dirty ? `${sha}+dirty` : sha;
  } catch {
    return 'unknown';
  }
}

/** The environment without VIGIE_* overrides: the bench's vigie.yaml is the whole config. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VIGIE_')));
}

function startChild(script: string, argument: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', here(script), argument], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: cleanEnv(),
  });
}

function nextMessage<T>(child: ChildProcess, type: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${type}" from child`)), timeoutMs);
    const onMessage = (m: { type?: string }) => {
      if (m.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(m as T);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before "${type}"`)));
  });
}

/** When each of vigie's polling cycles ended: its one summary line per cycle on stderr. */
function cycleEnds(log: string): number[] {
  const ends: number[] = [];
  for (const m of log.matchAll(/^(\S+Z) vigie run: \d+ source\(s\) polled/gm))
    ends.push(Date.parse(m[1]!));
  return ends;
}

function vigieConfig(dir: string, plan: Plan, ports: readonly number[]): string {
  const sources = plan.feeds.map(
    (f, i) =>
      `    - { id: ${f.id}, name: "${f.name}", url: "http://127.0.0.1:${ports[f.host]}${f.path}", ` +
      `kind: feed, reliability: ${i % 3 === 0 ? 'B' : 'C'}, interval: ${f.intervalSeconds}` +
      // Half the operators give a language hint; the rest are detected.
      `${i % 2 === 0 ? `, lang: ${f.lang}` : ''} }`,
  );
  const file = join(dir, 'vigie.yaml');
  writeFileSync(
    file,
    [
      `database:`,
      `  url: ${JSON.stringify(join(dir, 'vigie.db'))}`,
      `# Everything else is the default (20 s time-out, 20 MiB cap, 1 s per host), but the`,
      `# benchmark's feeds are on loopback.`,
      `fetch:`,
      `  allowPrivate: ['127.0.0.0/8']`,
      `sources:`,
      `  list:`,
      ...sources,
      ``,
    ].join('\n'),
  );
  return file;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-soak-'));
  const loadBefore = loadavg();
  // Taken now: the tree may change during a 10-minute run.
  const commit = gitCommit();
  const planOptions = { ...DEFAULT_PLAN, backlog, seed, startMs: Date.now(), minutes: minutes + 2 };
  const plan = buildPlan(planOptions);
  const logFile = join(dir, 'requests.jsonl');
  writeFileSync(join(dir, 'server.json'), JSON.stringify({ plan: planOptions, logFile }));
  const server = startChild('./feed-server.ts', join(dir, 'server.json'));
  const { ports } = await nextMessage<{ ports: number[] }>(server, 'ready', 60_000);

  const config = vigieConfig(dir, plan, ports);
  const vigieLog = openSync(join(dir, 'vigie.log'), 'w');
  const startMs = Date.now();
  const vigie = spawn(process.execPath, [VIGIE_BIN, '--config', config, 'run'], {
    stdio: ['ignore', vigieLog, vigieLog],
    env: cleanEnv(),
  });
  const vigieExited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    vigie.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const sampleMs = minutes >= 5 ? 5000 : 2000;
  const vigieSampler = new ProcSampler(vigie.pid!, sampleMs);
  vigieSampler.start();

  const healthy = plan.feeds.filter((f) => !f.hostile);
  writeFileSync(
    join(dir, 'reference.json'),
    JSON.stringify({
      feeds: healthy.map((f) => ({
        url: `http://127.0.0.1:${ports[f.host]}${f.path}`,
        intervalSeconds: f.intervalSeconds,
      })),
    }),
  );
  const reference = startChild('./reference-poller.ts', join(dir, 'reference.json'));
  const referenceSampler = new ProcSampler(reference.pid!, sampleMs);
  referenceSampler.start();

  process.stdout.write(
    `soak: ${plan.feeds.length} feeds (${plan.feeds.length - healthy.length} hostile) on ${plan.hosts} local hosts, ` +
      `${minutes} min; vigie pid ${vigie.pid}, work dir ${dir}\n`,
  );
  const early = await Promise.race([
    vigieExited,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), minutes * 60_000)),
  ]);
  const endMs = Date.now();
  vigie.kill('SIGTERM');
  const killer = setTimeout(() => vigie.kill('SIGKILL'), STOP_GRACE_MS);
  const exit = early ?? (await vigieExited);
  clearTimeout(killer);
  const stopSeconds = (Date.now() - endMs) / 1000;
  vigieSampler.stop();
  referenceSampler.stop();
  reference.send({ type: 'stop' });
  const referenceSummary = await nextMessage<{ polls: number; items: number; errors: number }>(
    reference,
    'summary',
    30_000,
  ).catch(() => null);
  server.send({ type: 'stop' });
  await nextMessage(server, 'stopped', 30_000);

  const run: RunRecord = {
    plan,
    ports,
    log: readRequestLog(logFile),
    dbFile: join(dir, 'vigie.db'),
    startMs,
    endMs,
    vigie: vigieSampler.samples,
    reference: referenceSampler.samples,
    referenceSummary,
    vigieExit: { ...exit, stopSeconds: Number(stopSeconds.toFixed(1)), early: early !== null },
  };
  const report = buildReport(run, cycleEnds(readFileSync(join(dir, 'vigie.log'), 'utf8')));
  const result = {
    benchmark: 'soak',
    what:
      'built `vigie run` (defaults: concurrency 16, 20 s time-out, 20 MiB cap, 1 s per host) polling local ' +
      'RSS/Atom feeds in 8 languages; items at 10× a realistic rate; 5% hostile feeds',
    targets: TARGETS,
    minutes,
    seed,
    backlog,
    feeds: {
      total: plan.feeds.length,
      hostile: plan.feeds.length - healthy.length,
      hosts: plan.hosts,
    },
    ...report,
    commit,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      loadAverageBefore: loadBefore.map((x) => Number(x.toFixed(2))),
      loadAverageAfter: loadavg().map((x) => Number(x.toFixed(2))),
    },
    date: new Date().toISOString(),
  };
  mkdirSync(here('../results/'), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
  printTable(result);
  process.stdout.write(`→ ${OUT}${keep ? `; run files kept in ${dir}` : ''}\n`);
  if (!keep) rmSync(dir, { recursive: true, force: true });
  if (!report.allMet) process.exitCode = 1;
}

await main();
