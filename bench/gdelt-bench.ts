/**
 * GDELT import throughput: generates a GDELT 2.0 export (61 columns) of N rows (default 500,000),
 * then parses, maps and stores it in a SQLite file through `importGdeltFile`, on one core.
 * Target: ≥ 200,000 rows/s. Writes bench/results/gdelt.json.
 *
 * Usage: npx tsx bench/gdelt-bench.ts [rows]
 */
import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
  createWriteStream,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { importGdeltFile } from '../src/ingest/gdelt/import-gdelt.js';
import { gdeltRowGenerator } from './gdelt-rows.js';
import { openStore } from '../src/store/open-store.js';

const rows = Number(process.argv[2] ?? 500_000);
const dir = mkdtempSync(join(tmpdir(), 'vigie-gdelt-bench-'));
const file = join(dir, '20241101000000.export.CSV');

const row = gdeltRowGenerator();

const out = createWriteStream(file);
let buffer: string[] = [];
for (let i = 0; i < rows; i++) {
  buffer.push(row(i));
  if (buffer.length === 10_000) {
    if (!out.write(`${buffer.join('\n')}\n`)) await once(out, 'drain');
    buffer = [];
  }
}
if (buffer.length > 0) out.write(`${buffer.join('\n')}\n`);
out.end();
await once(out, 'finish');

const store = await openStore({ url: join(dir, 'bench.sqlite') });
try {
  const loadBefore = loadavg()[0]!;
  const cpuBefore = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = await importGdeltFile(store, file);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const cpuAgain = process.cpuUsage();
  const again = process.hrtime.bigint();
  const second = await importGdeltFile(store, file);
  const reimportSeconds = Number(process.hrtime.bigint() - again) / 1e9;
  const reimportCpu = process.cpuUsage(cpuAgain);
  const rate = result.rows / seconds;
  const report = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    rows: result.rows,
    fileBytes: statSync(file).size,
    seconds: Number(seconds.toFixed(3)),
    rowsPerSecond: Math.round(rate),
    /** CPU time of this process: tells a slow machine from a busy one (compare with loadAverage). */
    cpuSeconds: Number(cpuSeconds.toFixed(3)),
    rowsPerCpuSecond: Math.round(result.rows / cpuSeconds),
    target: 200_000,
    meetsTarget: rate >= 200_000,
    inserted: result.inserted,
    errors: result.errorCount,
    reimport: {
      seconds: Number(reimportSeconds.toFixed(3)),
      cpuSeconds: Number(((reimportCpu.user + reimportCpu.system) / 1e6).toFixed(3)),
      inserted: second.inserted,
      duplicates: second.duplicates,
    },
    machine: {
      cpus: cpus().length,
      loadAverage1mBefore: loadBefore,
      loadAverage1mAfter: loadavg()[0],
      loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    },
    note:
      'one process, one core; generated 61-column GDELT 2.0 export; SQLite file store in WAL mode. ' +
      'A load average above the CPU count means other processes shared the cores during the run.',
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/gdelt.json', import.meta.url),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  console.log(
    `${result.rows} rows in ${seconds.toFixed(2)} s = ${Math.round(rate).toLocaleString('en')} rows/s, ` +
      `${report.rowsPerCpuSecond.toLocaleString('en')} rows per CPU-second, load ${loadavg()[0]!.toFixed(2)} ` +
      `(target 200,000); re-import: ${second.inserted} new, ${second.duplicates} duplicates ` +
      `in ${reimportSeconds.toFixed(2)} s`,
  );
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
