/**
 * Export benchmark: 1,000,000 mentions (and 20,000 documents) generated in a SQLite store with
 * raw prepared inserts, then exported as JSONL (whole store) to a file, streamed with keyset
 * pagination. Target: < 30 s and < 300 MB RSS. Writes bench/results/export.json.
 *
 *   npx tsx bench/export-bench.ts [--mentions 1000000]
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/open-store.js';
import { exportStoreJsonl } from '../src/report/export/export-jsonl.js';
import { writeAtomically } from '../src/report/write-atomic.js';

if (process.argv[2] === '--child') {
  const store = await openStore({ url: process.argv[3]! });
  // RssAnon (heap, buffers) apart from RssFile (SQLite's memory-mapped database file, up to the
  // mmap_size openStore sets, which the kernel reclaims under pressure).
  const status = () => {
    const text = readFileSync('/proc/self/status', 'utf8');
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(text)?.[1] ?? 0);
    return { anon: kb('RssAnon'), file: kb('RssFile') };
  };
  let peakAnon = 0;
  let peakFile = 0;
  const timer = setInterval(() => {
    const s = status();
    peakAnon = Math.max(peakAnon, s.anon);
    peakFile = Math.max(peakFile, s.file);
  }, 20);
  const t = Date.now();
  const written = await writeAtomically(process.argv[4]!, exportStoreJsonl(store));
  const ms = Date.now() - t;
  clearInterval(timer);
  await store.close();
  process.stdout.write(
    JSON.stringify({
      ms,
      bytes: written.bytes,
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      peakAnonMB: Math.round(peakAnon / 1024),
      peakFileMB: Math.round(peakFile / 1024),
    }),
  );
  process.exit(0);
}

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
// The export runs in a child process of its own, so its peak RSS (getrusage maxRSS) is the
// export's alone, not the generator's. V8's old space is capped at 192 MB there: the export
// keeps no rows, so a cap only makes V8 collect sooner instead of growing lazily.
const HEAP_MB = 192;
const child = spawnSync(
  process.execPath,
  [
    `--max-old-space-size=${HEAP_MB}`,
    '--import',
    'tsx',
    fileURLToPath(import.meta.url),
    '--child',
    dbPath,
    outPath,
  ],
  { encoding: 'utf8', maxBuffer: 1 << 20 },
);
if (child.status !== 0) throw new Error(`export child failed: ${child.stderr}`);
const measured = JSON.parse(child.stdout) as {
  ms: number;
  bytes: number;
  maxRssMB: number;
  peakAnonMB: number;
  peakFileMB: number;
};
const exportMs = measured.ms;
const written = { bytes: measured.bytes };
const peakRssMB = measured.maxRssMB;

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
  exportProcessPeakAnonRssMB: measured.peakAnonMB,
  exportProcessPeakFileRssMB: measured.peakFileMB,
  exportProcessHeapCapMB: HEAP_MB,
  targets: { seconds: 30, rssMB: 300 },
  pass: exportMs < 30_000 && peakRssMB < 300,
  passExcludingMappedFile: exportMs < 30_000 && measured.peakAnonMB < 300,
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model ?? 'unknown',
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
