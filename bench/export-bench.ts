/**
 * Export benchmark: 1,000,000 mentions (and 20,000 documents) generated in a SQLite store with
 * raw prepared inserts, then exported as JSONL (whole store) to a file by `vigie export` (the
 * compiled CLI, rebuilt first), streamed with keyset pagination. Target: < 30 s and < 300 MB peak
 * RSS. Writes bench/results/export.json.
 *
 *   npx tsx bench/export-bench.ts [--mentions 1000000]
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/open-store.js';

const arg = process.argv.indexOf('--mentions');
const MENTIONS = arg > 0 ? Number(process.argv[arg + 1]) : 1_000_000;
const DOCS = Math.max(1, Math.round(MENTIONS / 50));
const dir = mkdtempSync(join(tmpdir(), 'vigie-export-bench-'));
const dbPath = join(dir, 'bench.db');
const outPath = join(dir, 'store.jsonl');

const store = await openStore({ url: dbPath });
const sqlite = store.sqlite!;
const t0 = Date.now();
const insertDoc =
  sqlite.prepare(`INSERT INTO documents (id, source_id, outlet, url, title, text, lang,
  published, ingested_at, content_hash) VALUES (?, NULL, ?, ?, ?, ?, 'en', ?, ?, ?)`);
const insertMention = sqlite.prepare(`INSERT INTO mentions (id, document_id, type, source_actor,
  target_actor, modality, capabilities, date, span_start, span_end, trigger_start, trigger_end, mutual,
  lang, published, rules, cues, confidence, event_id, created_at)
  VALUES (?, ?, 'MISSILE_TEST', 'PRK', NULL, 'ASSERTED', '|BALLISTIC_MISSILE|', ?, 0, 80, 10, 15, 0,
  'en', ?, '["lex:missile-test"]', '[{"kind":"trigger","start":10,"end":15}]', 0.8, NULL, ?)`);
const TEXT =
  'North Korea fired a ballistic missile into the sea on Monday, officials said. '.repeat(8);
sqlite.transaction(() => {
  for (let d = 0; d < DOCS; d++) {
    const day = new Date(Date.UTC(2024, 0, 1) + (d % 365) * 86_400_000).toISOString();
    insertDoc.run(
      `doc-${d}`,
      `Outlet ${d % 40}`,
      `https://news.example/${d}`,
      `Title ${d}`,
      TEXT,
      day,
      day,
      `h${d}`,
    );
  }
  for (let m = 0; m < MENTIONS; m++) {
    const d = m % DOCS;
    const day = new Date(Date.UTC(2024, 0, 1) + (d % 365) * 86_400_000).toISOString();
    insertMention.run(`doc-${d}#${Math.floor(m / DOCS)}`, `doc-${d}`, day.slice(0, 10), day, day);
  }
})();
const generateMs = Date.now() - t0;

await store.close();

// The export is the real `vigie export` (compiled CLI, its own process, no V8 flags), so the
// figures are what an operator gets. Its peak RSS is the kernel's high-water mark (VmHWM: the
// whole resident set, mapped file pages included), read from /proc every 10 ms until it exits;
// RssAnon (heap, buffers, SQLite's cache) and RssFile (binary, libraries, mapped database pages)
// are sampled apart to show where the memory goes.
const root = fileURLToPath(new URL('../', import.meta.url));
const built = spawnSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')],
  { stdio: 'inherit' },
);
if (built.status !== 0) throw new Error('tsc -p tsconfig.json failed');
const loadBefore = loadavg();
const t1 = Date.now();
const child = spawn(
  process.execPath,
  [join(root, 'bin/vigie.js'), '--db', dbPath, 'export', '--format', 'jsonl', '--out', outPath],
  { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
);
let stderr = '';
child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
const peak = { hwm: 0, anon: 0, file: 0 };
const timer = setInterval(() => {
  let text: string;
  try {
    text = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  } catch {
    return; // exited between two samples
  }
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(text)?.[1] ?? 0);
  peak.hwm = Math.max(peak.hwm, kb('VmHWM'));
  peak.anon = Math.max(peak.anon, kb('RssAnon'));
  peak.file = Math.max(peak.file, kb('RssFile'));
}, 10);
const [code] = (await once(child, 'exit')) as [number | null];
const exportMs = Date.now() - t1;
clearInterval(timer);
if (code !== 0) throw new Error(`vigie export failed (exit ${code}): ${stderr}`);
const written = { bytes: Number(/wrote (\d+) bytes/.exec(stderr)?.[1] ?? NaN) };
const peakRssMB = Math.round(peak.hwm / 1024);

const result = {
  benchmark: 'export-jsonl',
  date: new Date().toISOString(),
  mentions: MENTIONS,
  documents: DOCS,
  generateSeconds: Math.round(generateMs / 100) / 10,
  exportSeconds: Math.round(exportMs / 100) / 10,
  rowsPerSecond: Math.round(((MENTIONS + DOCS) * 1000) / exportMs),
  bytes: written.bytes,
  fileBytes: statSync(outPath).size,
  exportProcessPeakRssMB: peakRssMB,
  exportProcessPeakAnonRssMB: Math.round(peak.anon / 1024),
  exportProcessPeakFileRssMB: Math.round(peak.file / 1024),
  exportCommand: 'vigie export --format jsonl --out FILE',
  targets: { seconds: 30, rssMB: 300 },
  pass: exportMs < 30_000 && peakRssMB < 300,
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model ?? 'unknown',
    // 1, 5 and 15 min load averages when the export started and when it ended (2 shared cores).
    loadAverageBefore: loadBefore.map((l) => Math.round(l * 100) / 100),
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
  },
};
if (!process.env['KEEP']) rmSync(dir, { recursive: true, force: true });
else console.log(dbPath);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
if (MENTIONS === 1_000_000)
  writeFileSync(
    new URL('./results/export.json', import.meta.url),
    `${JSON.stringify(result, null, 2)}\n`,
  );
console.log(JSON.stringify(result, null, 2));
